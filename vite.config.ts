import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    // The app, and the page that draws PDF previews inside a sandboxed frame.
    // pdf.js (about 1.5 MB) loads only inside the PDF frame; the app's own budget is checked by a test.
    chunkSizeWarningLimit: 2_000,
    rollupOptions: { input: { main: 'index.html', 'pdf-preview': 'pdf-preview.html' } },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/sandbox': 'http://127.0.0.1:8080',
      '/healthz': 'http://127.0.0.1:8080',
    },
  },
});
