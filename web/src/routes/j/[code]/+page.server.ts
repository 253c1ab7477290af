import { error, redirect } from '@sveltejs/kit';
import { ACCEPTING_STATUSES, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '$shared/domain/forum';
import type { PageServerLoad } from './$types';

// The QR link: resolved on the server, straight to the forum page (one redirect, no JavaScript).
export const ssr = true;

const pattern = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

export const load: PageServerLoad = async ({ params, locals }) => {
  const code = params.code.trim().toUpperCase();
  const base = { code, lang: locals.lang, forum: null };
  if (!pattern.test(code)) return { ...base, state: 'unknown' as const };
  const port = locals.citizen;
  if (!port) return { ...base, state: 'browser' as const };
  const r = await port.forumByCode(code);
  if (r.ok) {
    if (ACCEPTING_STATUSES.includes(r.data.status)) redirect(303, `/f/${r.data.id}`);
    return { ...base, state: 'notAccepting' as const, forum: r.data };
  }
  if (r.error.status === 404) return { ...base, state: 'unknown' as const };
  if (r.error.status === 410) return { ...base, state: 'archived' as const };
  error(r.error.status, {
    message: r.error.message,
    code: r.error.code,
    reason: r.error.reason,
    params: r.error.params,
  });
};
