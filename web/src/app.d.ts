// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Lang } from '$lib/i18n.svelte';
import type { CitizenPort } from '$shared/web-port';

declare global {
  namespace App {
    interface Error {
      message: string;
      code?: string;
      reason?: string;
      params?: Record<string, string | number>;
    }
    interface Locals {
      /** The services of citizen pages, lent by the Express app (null on other pages). */
      citizen: CitizenPort | null;
      /** The language of the request (the `fp_lang` cookie; Bahasa Indonesia by default). */
      lang: Lang;
    }
    interface PageData {
      /** Set by server-rendered pages: the language they were rendered in. */
      lang?: Lang;
    }
  }
}

export {};
