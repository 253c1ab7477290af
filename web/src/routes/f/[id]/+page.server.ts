import { randomBytes } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { bodyFromForm, type FormResult } from '$lib/citizen-form';
import type { Actions, PageServerLoad } from './$types';

// The citizen's forum page renders on the server and works before JavaScript loads.
export const ssr = true;

const newKey = () => randomBytes(16).toString('hex');

export const load: PageServerLoad = async ({ params, locals, url }) => {
  const port = locals.citizen;
  // Without the Express app (`vite dev`), the page loads its data in the browser.
  if (!port) return { forumId: params.id, snapshot: null, formKey: newKey(), lang: locals.lang };
  const r = await port.snapshot(params.id);
  if (!r.ok)
    error(r.error.status, {
      message: r.error.message,
      code: r.error.code,
      reason: r.error.reason,
      params: r.error.params,
    });
  return {
    forumId: params.id,
    snapshot: r.data,
    formKey: newKey(),
    sentId: url.searchParams.get('sent'),
    lang: locals.lang,
  };
};

export const actions: Actions = {
  /** The submit form without JavaScript: the same service, schema and idempotency key. */
  default: async ({ params, request, locals }) => {
    const body = bodyFromForm(await request.formData());
    const { idempotencyKey, ...values } = body;
    const refused = (status: number, err: FormResult['error']) =>
      fail(status, {
        error: err,
        values,
        key: /^[A-Za-z0-9_-]{8,64}$/.test(idempotencyKey) ? idempotencyKey : newKey(),
      } satisfies FormResult);
    const port = locals.citizen;
    if (!port) return refused(503, { code: 'internal', message: '' });
    const r = await port.submitInput(params.id, body);
    if (!r.ok) {
      const { code, message, details } = r.error;
      return refused(r.error.status, { code, message, details });
    }
    const id = r.data.input.id;
    redirect(303, `/f/${params.id}?sent=${id}#mine-${id}`);
  },
};
