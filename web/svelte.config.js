import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    alias: {
      $shared: '../shared',
    },
    // Cross-site form posts are refused by the Express app (server/http/security.ts
    // originCheck, with ALLOWED_ORIGINS) before SvelteKit sees them: behind a proxy SvelteKit
    // cannot know the public origin by itself.
    csrf: { trustedOrigins: ['*'] },
    // Styles of a server-rendered page go inside its HTML: no render-blocking stylesheet request
    // on a slow phone network (every file here is smaller than this).
    inlineStyleThreshold: 8192,
  },
};

export default config;
