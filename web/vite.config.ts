import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API the dev server forwards to: the real server (`npm start`) on its default port.
const apiTarget = process.env.ISOCOURSE_API_URL ?? 'http://127.0.0.1:3000';
const proxy = Object.fromEntries(['/healthz', '/readyz', '/api'].map((path) => [path, { target: apiTarget }]));

// Vite demands a default export from its config file.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // The server's Content-Security-Policy is `default-src 'self'`: an asset inlined as a data: URL
    // would be blocked, so every asset stays a file served from our own origin.
    assetsInlineLimit: 0,
  },
  server: { proxy },
  preview: { proxy },
});
