import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [
      // The reader imports chrono-node's English locale alone (`chrono-node/en`, a `./*` subpath
      // export that Node and tsc resolve but Vite does not): the file Node loads for it.
      {
        find: /^chrono-node\/en$/,
        replacement: fileURLToPath(
          new URL('./node_modules/chrono-node/dist/esm/locales/en/index.js', import.meta.url),
        ),
      },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'threads',
  },
});
