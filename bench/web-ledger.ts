// The desk's web UI in Chromium over a ledger of at least 1,000 events (issue "The desk"; a
// benchmark, not a test): first render of the ledger view (navigation start to the first table
// rows drawn, a fresh browser context each run, so nothing is cached), at 50 and 500 rows a
// page, and of the map with every located event; plus the size of the built UI.
//
//   npm run build:web && npx tsx bench/web-ledger.ts [--events 1000] [--runs 5]
//
// The ledger: reports from bench/generate-corpus.ts read by the real reader into a temporary
// SQLite ledger until it holds --events events; the desk is started in-process (startDesk) and
// its ledger built once before timing, so the numbers are the browser's (request, JSON, DOM).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { analyzeText } from '../src/analyze.js';
import { loadLedger } from '../src/corroborate/load-ledger.js';
import { loadDefaultGazetteer } from '../src/geo/gazetteer.js';
import { startDesk } from '../src/server/start-desk.js';
import { webStore } from '../test/web/desk-web-reports.js';
import { builtWebUi, CHROMIUM, CHROMIUM_ARGS } from '../test/web/web-build.js';
import { generateCorpus } from './generate-corpus.js';

const { values } = parseArgs({
  options: { events: { type: 'string', default: '1000' }, runs: { type: 'string', default: '5' } },
});
const wantEvents = Number(values.events);
const runs = Number(values.runs);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const webRoot = await builtWebUi();
const sizes = { js: 0, css: 0, mapData: 0, other: 0 };
for (const name of readdirSync(join(webRoot, 'assets'))) {
  const bytes = statSync(join(webRoot, 'assets', name)).size;
  if (name.endsWith('.js')) sizes.js += bytes;
  else if (name.endsWith('.css')) sizes.css += bytes;
  else if (name.endsWith('.json')) sizes.mapData += bytes;
  else sizes.other += bytes;
}
console.log(
  `built UI (${webRoot}): JS ${kib(sizes.js)}, CSS ${kib(sizes.css)}, map data ${kib(sizes.mapData)}, images ${kib(sizes.other)}`,
);

const { store, dispose } = await webStore([]);
const gazetteer = await loadDefaultGazetteer();
const corpus = generateCorpus(4000, 11);
let read = 0;
let events = 0;
const readStarted = performance.now();
while (events < wantEvents && read < corpus.length) {
  for (const report of corpus.slice(read, read + 40)) {
    await store.putDocument({
      record: analyzeText(report.text, { id: report.id, date: report.date, gazetteer }),
    });
  }
  read = Math.min(read + 40, corpus.length);
  events = (await loadLedger(store)).events.length;
}
console.log(
  `ledger: ${read} reports, ${events} events (${((performance.now() - readStarted) / 1000).toFixed(1)} s to read)`,
);

const desk = await startDesk({ store, host: '127.0.0.1', port: 0, loadLedger, webRoot });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  await fetch(new URL('/api/events', desk.url)); // the desk builds its ledger once
  /** Milliseconds from navigation start until `expected` elements match `selector`, per run. */
  const firstRender = async (path: string, selector: string, expected: number) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(new URL(path, desk.url).href, { waitUntil: 'commit' });
      await page.waitForFunction(
        ({ selector, expected }) => {
          const dom = globalThis as unknown as {
            document: { querySelectorAll(s: string): { length: number } };
          };
          return dom.document.querySelectorAll(selector).length >= expected;
        },
        { selector, expected },
        { timeout: 60_000, polling: 'raf' },
      );
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    return `median ${median(times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`;
  };
  console.log(`first render, ledger, 50 rows a page: ${await firstRender('/', 'table.ledger tbody tr', 50)}`);
  console.log(
    `first render, ledger, 500 rows a page: ${await firstRender('/?limit=500', 'table.ledger tbody tr', Math.min(500, events))}`,
  );
  const { markers } = (await (await fetch(new URL('/api/map', desk.url))).json()) as { markers: unknown[] };
  console.log(
    `first render, map with ${markers.length} markers: ${await firstRender('/map', 'path.event-marker', markers.length)}`,
  );
} finally {
  await browser.close();
  await desk.close(0);
  await dispose();
}
