import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

const target = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    proxy: {
      '/api': { target, changeOrigin: false },
      '/socket.io': { target, ws: true, changeOrigin: false },
    },
    fs: { allow: ['..'] },
  },
});
