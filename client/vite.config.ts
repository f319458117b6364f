import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const clientDir = fileURLToPath(new URL('.', import.meta.url));
const hub = process.env.HUB_URL ?? 'http://127.0.0.1:4000';

/** The hub serves the built app from client/dist; `npm run dev:client` proxies the API to a running hub. */
export default defineConfig({
  root: clientDir,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The bench reads which chunks each page loads from here.
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    proxy: {
      '/graphql': { target: hub, ws: true },
      '/files': hub,
    },
  },
});
