import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * One single-page build for the storefront (`/`) and the admin console (`/admin`), written to
 * `<repo>/dist/web`, which the Fastify server serves (see src/app.ts).
 */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.resolve(here, '../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
  server: {
    // `npm run dev` serves the API on 3000; `npx vite --config web/vite.config.ts` proxies to it.
    proxy: { '/api': 'http://127.0.0.1:3000', '/openapi.json': 'http://127.0.0.1:3000' },
  },
});
