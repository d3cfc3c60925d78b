import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { DeskEnv } from './desk-env.js';

/** The page served when the web UI has not been built: plain HTML, no script, no style. */
export const UI_NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Corroborate desk</title></head>
<body>
<h1>Corroborate desk</h1>
<p>The web interface is not built in this installation (no <code>dist/web/</code>).</p>
<p>The API answers under <a href="/api/openapi.json">/api/</a>; its description is at
<code>/api/openapi.json</code>.</p>
</body>
</html>
`;

/**
 * Serves the built web UI from `root` (`dist/web/`) when it exists, with `index.html` for the
 * app's own paths; otherwise a page saying the UI is not built.
 *
 * @example mountStaticUi(app, 'dist/web')
 */
export function mountStaticUi(app: Hono<DeskEnv>, root: string | null): void {
  if (root !== null && existsSync(join(root, 'index.html'))) {
    app.use('*', serveStatic({ root }));
    // Client-side routes (/events/…) load the app shell; a fixed path, because serveStatic
    // refuses request paths with percent-escapes (event ids are escaped: /events/doc%3Aev1).
    app.get('*', serveStatic({ root, path: 'index.html' }));
    return;
  }
  app.get('*', (c) => c.html(UI_NOT_BUILT_PAGE));
}
