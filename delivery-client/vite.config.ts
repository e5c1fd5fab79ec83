import path from 'node:path';
import { defineConfig } from 'vite';

const root = path.dirname(new URL(import.meta.url).pathname);

// One Vite build for every page of the client; the engine serves `dist/` on its own port.
export default defineConfig({
  root,
  base: '/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: {
        index: path.join(root, 'index.html'),
        candidate: path.join(root, 'candidate/index.html'),
      },
    },
  },
});
