import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
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

/** The newest modification time of the files under a folder. */
function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The folder of the built web UI: `dist/web` when `npm run build` made it after the last change
 * to `src/web`, else a fresh build into a temporary folder (Vite's API, the project's config),
 * so the tests never drive a stale build.
 *
 * @example const webRoot = await builtWebUi();
 */
export function builtWebUi(): Promise<string> {
  building ??= buildIfStale();
  return building;
}

/** One build per test file at most. */
let building: Promise<string> | null = null;

async function buildIfStale(): Promise<string> {
  const built = join('dist', 'web', 'index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newestChange(join('src', 'web')))
    return join('dist', 'web');
  const outDir = mkdtempSync(join(tmpdir(), 'corroborate-web-ui-'));
  const { build } = await import('vite');
  await build({ configFile: join('src', 'web', 'vite.config.ts'), build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** Folder for the screenshots the browser tests save (under the ignored `dist/`). */
export const SCREENSHOTS = join('dist', 'web-test-screenshots');
