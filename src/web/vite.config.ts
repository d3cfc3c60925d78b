import { defineConfig } from 'vite';

/**
 * The desk's web UI: built from `src/web/` into `dist/web/`, which `corroborate serve` serves.
 * Paths are relative to the package root (npm scripts run there). Everything is bundled (map
 * shapes included): the desk works with no internet, and no inline script is emitted, since the
 * server's Content-Security-Policy forbids it.
 *
 * @example npx vite build --config src/web/vite.config.ts
 */
export default defineConfig({
  root: 'src/web',
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
    reportCompressedSize: false,
  },
});
