import type { Handle } from '@sveltejs/kit';
import { CITIZEN_PORT, type WithCitizenPort } from '$shared/web-port';
import { isLang, LANG_COOKIE, loadLang } from '$lib/i18n.svelte';

export const handle: Handle = async ({ event, resolve }) => {
  // adapter-node passes the Node request as `platform.req`; the Express app put the port on it.
  const req = (event.platform as { req?: WithCitizenPort } | undefined)?.req;
  event.locals.citizen = req?.[CITIZEN_PORT] ?? null;
  const lang = event.cookies.get(LANG_COOKIE);
  event.locals.lang = isLang(lang) ? lang : 'id';
  await loadLang(event.locals.lang, true);
  return resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang),
  });
};
