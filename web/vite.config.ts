import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

const target = 'http://127.0.0.1:3000';

/**
 * The citizen page's own modules (not its components) in one file: fewer requests, better
 * compression. Lazily loaded modules (English and staff texts, the socket client, the outbox
 * runner) are not listed and stay separate chunks.
 */
const CORE = [
  '/src/lib/api.ts',
  '/src/lib/i18n.svelte.ts',
  '/src/lib/messages/id-citizen.ts',
  '/src/lib/messages/id-hall.ts',
  '/src/lib/forum-live.svelte.ts',
  '/src/lib/live/merge.ts',
  '/src/lib/session.svelte.ts',
  '/src/lib/citizen-errors.ts',
  '/src/lib/offline/outbox-core.ts',
  '/src/lib/offline/outbox.svelte.ts',
  '/shared/domain/forum.ts',
  '/shared/domain/inbox.ts',
  '/shared/domain/roles.ts',
  '/shared/schemas/limits.ts',
];

/** Live-connection libraries stay in their own chunk (loaded after the page is usable). */
const LAZY =
  /node_modules\/(socket\.io-client|engine\.io-client|engine\.io-parser|socket\.io-parser|@socket\.io|debug|ms)\//;

export default defineConfig({
  plugins: [sveltekit()],
  build: {
    rollupOptions: {
      output: {
        // Svelte's and SvelteKit's runtimes in one file: fewer requests on a slow network and a
        // better compression ratio than a dozen small chunks.
        manualChunks: (id) =>
          id.includes('/node_modules/')
            ? LAZY.test(id)
              ? undefined
              : 'framework'
            : CORE.some((p) => id.includes(p))
              ? 'core'
              : undefined,
      },
    },
  },
  server: {
    proxy: {
      '/api': { target, changeOrigin: false },
      '/socket.io': { target, ws: true, changeOrigin: false },
    },
    fs: { allow: ['..'] },
  },
});
