import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's Chromium lives (`apt-get install chromium`; `.ci/run` installs it). */
export const CHROMIUM = '/usr/bin/chromium';

/** Chromium's flags for these tests: headless, no sandbox (CI runs as root), nothing from the network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

/** Whether the browser tests can run here. */
export const haveChromium = existsSync(CHROMIUM);

/**
 * The folder of the built web UI: `dist/web` when `npm run build` made it, else a fresh build
 * into a temporary folder (with Vite's API, the project's own config).
 *
 * @example const webRoot = await builtWebUi();
 */
export async function builtWebUi(): Promise<string> {
  if (existsSync(join('dist', 'web', 'index.html'))) return join('dist', 'web');
  const outDir = mkdtempSync(join(tmpdir(), 'corroborate-web-ui-'));
  const { build } = await import('vite');
  await build({ configFile: join('src', 'web', 'vite.config.ts'), build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** Folder for the screenshots the browser tests save (under the ignored `dist/`). */
export const SCREENSHOTS = join('dist', 'web-test-screenshots');
