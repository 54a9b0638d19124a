import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const COMPRESSIBLE = /\.(js|css|html|svg|webmanifest|json)$/;

/**
 * Every text file of the build also as `.br` and `.gz` beside it, which the server sends to the browsers that take
 * them (a third to a fifth of the bytes on the wire). After the service worker is written, so it is compressed too.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  const brotli = promisify(brotliCompress);
  const gzipped = promisify(gzip);
  return {
    name: 'inbox:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const files = (await readdir(outDir, { recursive: true })).filter((file) => COMPRESSIBLE.test(file));
        await Promise.all(
          files.map(async (file) => {
            const path = join(outDir, file);
            const bytes = await readFile(path);
            if (bytes.length < 1024) return;
            const [br, gz] = await Promise.all([
              brotli(bytes, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                  [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
                },
              }),
              gzipped(bytes, { level: 9 }),
            ]);
            await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
          }),
        );
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    VitePWA({
      // The app registers the worker itself, after the first paint and through a Trusted Types policy.
      injectRegister: false,
      // No worker under `npm run dev`: only the built app has one.
      devOptions: { enabled: false },
      // The manifest is public/manifest.webmanifest, linked from index.html only (not from the PDF frame, whose
      // policy would refuse it).
      manifest: false,
      workbox: {
        // The app shell and every chunk of the app, so reading works offline. Left out: the PDF frame (pdf.js,
        // about 1.5 MB, useless offline since attachments are never cached) and the source maps.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        globIgnores: ['**/pdf-preview*', '**/*.map'],
        // Only the app's own routes fall back to the shell; /api, /sandbox, sign-in and downloads always go to the
        // network (nothing per person or per account is cached by the worker: no runtime caching at all).
        navigateFallback: '/index.html',
        navigateFallbackAllowlist: [/^\/$/, /^\/a(\/|$)/],
        navigateFallbackDenylist: [/^\/(api|sandbox|healthz|assets)(\/|$)/],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        // A new version takes over at once; the page in use keeps its loaded code, and the next load is the new one.
        skipWaiting: true,
        clientsClaim: true,
        // One file: the worker runs under the page's Trusted Types policy, where importScripts of a string is refused.
        inlineWorkboxRuntime: true,
        sourcemap: false,
      },
    }),
    precompress(),
  ],
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Every browser the app supports knows <link rel="modulepreload">: no polyfill in the first screen's code.
    modulePreload: { polyfill: false },
    // The app, and the page that draws PDF previews inside a sandboxed frame.
    // pdf.js (about 1.5 MB) loads only inside the PDF frame; the app's own budget is checked by a test.
    chunkSizeWarningLimit: 2_000,
    rollupOptions: {
      input: { main: 'index.html', 'pdf-preview': 'pdf-preview.html' },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/sandbox': 'http://127.0.0.1:8080',
      '/healthz': 'http://127.0.0.1:8080',
    },
  },
});
