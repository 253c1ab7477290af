import { browser } from '$app/environment';
import { i18n, loadLang } from '$lib/i18n.svelte';
import type { LayoutLoad } from './$types';

// Staff workspaces render in the browser; the citizen pages (/j/[code], /f/[id]) turn SSR on.
export const ssr = false;
export const prerender = false;

/** Pages a citizen reaches from the QR code: they load only the public texts. */
const CITIZEN_ROUTES = new Set(['/f/[id]', '/j/[code]', '/j']);

export const load: LayoutLoad = async ({ route }) => {
  // The texts before the first render (hydration shows the same words the server rendered).
  if (browser) await loadLang(i18n.lang, !CITIZEN_ROUTES.has(route.id ?? ''));
};
