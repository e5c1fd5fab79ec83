import path from 'node:path';
import { defineConfig } from 'vite';

const root = path.dirname(new URL(import.meta.url).pathname);

// One Vite build for every page of the client; the engine serves `dist/` on its own port.
export default defineConfig({
  root,
  base: '/',
  esbuild: { jsx: 'automatic' },
  // Monaco's worker is built as an ES module into assets/, so the engine serves it from its own origin.
  worker: { format: 'es' },
  build: {
    // Print every chunk's size (the code editor is a chunk of its own, loaded only for code tasks).
    reportCompressedSize: true,
    chunkSizeWarningLimit: 4000,
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: {
        index: path.join(root, 'index.html'),
        candidate: path.join(root, 'candidate/index.html'),
        author: path.join(root, 'author/index.html'),
        proctor: path.join(root, 'proctor/index.html'),
      },
    },
  },
});
