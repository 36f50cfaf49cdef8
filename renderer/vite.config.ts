import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Prints the gzipped size of the renderer's JS after each build: the budget is 250 KB. */
function gzipReport(): Plugin {
  return {
    name: 'gzip-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      let total = 0;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk') total += gzipSync(chunk.code).length;
      }
      const kb = (total / 1024).toFixed(1);
      this.info(`renderer JS: ${kb} KB gzipped (budget 250 KB)`);
    },
  };
}

// The renderer is a plain web page: no Node, no electron; it reaches main only through the bridge.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), gzipReport()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    modulePreload: { polyfill: false },
  },
});
