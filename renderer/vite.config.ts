import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The renderer is a plain web page: no Node, no electron; it reaches main only through the preload bridge.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    modulePreload: { polyfill: false },
  },
});
