import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

const target = 'http://127.0.0.1:3000';

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
          id.includes('/node_modules/') && !LAZY.test(id) ? 'framework' : undefined,
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
