import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/corroborate/load-ledger.js';
import type { LedgerLoader } from '../../src/server/ledger-cache.js';
import { hashPassword } from '../../src/server/passwords.js';
import { type RunningDesk, startDesk } from '../../src/server/start-desk.js';
import { LONG_EVENT_REPORTS, WEB_REPORTS, webStore } from './desk-web-reports.js';
import { builtWebUi, CHROMIUM, CHROMIUM_ARGS, haveChromium, SCREENSHOTS } from './web-build.js';

/*
 * The web UI in a real Chromium against the real desk: the server's own start function on a
 * free loopback port, over a temporary SQLite ledger of reports we wrote.
 */

/** The first read builds the ledger: give the page time (the default poll gives up after 1 s). */
const POLL = { timeout: 20_000 };

/** The part of axe-core's API these tests use. */
interface AxeApi {
  run(options: { runOnly: string[] }): Promise<{
    violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
  }>;
}

/** axe-core's browser script, read when the tests start. */
let axeSource = '';

/**
 * The serious and critical WCAG 2 A/AA violations axe-core finds on the page, as
 * `rule: elements`. axe is injected through the DevTools protocol, which the CSP does not govern.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  axeSource ||= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: AxeApi }).axe;
    const result = await axe.run({ runOnly: ['wcag2a', 'wcag2aa'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const reason = haveChromium ? '' : ` (skipped: ${CHROMIUM} is missing; apt-get install chromium)`;

describe.skipIf(!haveChromium)(`the desk in Chromium${reason}`, () => {
  let webRoot: string;
  let browser: Browser;
  let desk: RunningDesk;
  let dispose: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;
  /** What the page logged as errors (a CSP violation, an uncaught exception). */
  const pageErrors: string[] = [];

  const shot = async (name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const rows = () => page.locator('table.ledger tbody tr');

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    webRoot = await builtWebUi();
    const ledger = await webStore();
    dispose = ledger.dispose;
    desk = await startDesk({ store: ledger.store, host: '127.0.0.1', port: 0, loadLedger, webRoot });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('console', (message) => {
      // A 4xx answer the UI handles (a filter the API refuses, probing for a merged event's id)
      // is logged by Chromium too; anything else (a CSP violation, an exception) is a failure.
      if (
        message.type() === 'error' &&
        !/^Failed to load resource: .* status of 4\d\d/.test(message.text())
      ) {
        pageErrors.push(message.text());
      }
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await desk?.close(0);
    await dispose?.();
  });

  it('lists every event of the ledger with its type, date, place, status and origins', async () => {
    await page.goto(desk.url);
    await expect.poll(() => rows().count(), POLL).toBe(4);
    const table = await page.locator('table.ledger').textContent();
    for (const words of ['Odessa', 'Nineveh (province)', 'Kharkiv', 'Kirkuk', '2024-05-14', 'disputed']) {
      expect(table).toContain(words);
    }
    expect(await page.locator('[role=status]').first().textContent()).toContain('of 4');
    await shot('ledger');
  });

  it.each([
    { filter: 'place', value: 'Kharkiv', events: ['kharkiv-post-4:ev1'] },
    { filter: 'type', value: 'AIR_STRIKE', events: ['harbour-wire-1:ev1'] },
    { filter: 'q', value: 'checkpoint', events: ['xss-gazette-3:ev1'] },
  ])('narrows the ledger by $filter = $value', async ({ filter, value, events }) => {
    await page.goto(desk.url);
    await expect.poll(() => rows().count(), POLL).toBe(4);
    await page.fill(`#filter-${filter}`, value);
    await page.click('form.filters button[type=submit]');
    await expect.poll(() => rows().count(), POLL).toBe(events.length);
    expect(await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event-id')))).toEqual(
      events,
    );
    expect(new URL(page.url()).searchParams.get(filter)).toBe(value);
  });

  it('narrows the ledger to a date range and a status', async () => {
    await page.goto(desk.url);
    await expect.poll(() => rows().count(), POLL).toBe(4);
    await page.fill('#filter-from', '2024-05-11');
    await page.fill('#filter-to', '2024-05-12');
    await page.click('form.filters button[type=submit]');
    await expect
      .poll(() => rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event-id'))), POLL)
      .toEqual(['xss-gazette-3:ev1', 'nineveh-daily-2:ev1']);
    await page.selectOption('#filter-status', 'disputed');
    await page.click('form.filters button[type=submit]');
    await expect.poll(() => page.locator('p.result-count').textContent(), POLL).toBe('No events match.');
    await page.fill('#filter-from', '2024-05-13');
    await page.click('form.filters button[type=submit]');
    await expect
      .poll(() => page.locator('p.result-count').textContent(), POLL)
      .toMatch(/^These filters cannot be applied: .*"from" is after "to"/);
    expect(await page.locator('form.filters').count()).toBe(1);
  });

  it('opens the events of one day and type from a timeline bar', async () => {
    await page.goto(new URL('/timeline', desk.url).href);
    const bar = page.locator('rect.bar[data-date="2024-05-14"]');
    await bar.click();
    await page.waitForURL(/\/\?/);
    const search = new URL(page.url()).searchParams;
    expect([search.get('from'), search.get('to'), search.get('type')]).toEqual([
      '2024-05-14',
      '2024-05-14',
      'ART_MISS_ATTACK',
    ]);
    await expect
      .poll(() => rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event-id'))), POLL)
      .toEqual(['kharkiv-post-4:ev1']);
    await shot('timeline-day');
  });

  it('opens an event from the ledger with the keyboard alone', async () => {
    await page.goto(desk.url);
    await expect.poll(() => rows().count(), POLL).toBe(4);
    const firstLink = page.locator('table.ledger tbody tr a').first();
    let steps = 0;
    while (!(await firstLink.evaluate((a) => a === a.ownerDocument.activeElement)) && steps < 40) {
      await page.keyboard.press('Tab');
      steps += 1;
    }
    expect(steps).toBeLessThan(40);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/events\//);
    await page.locator('article.source').first().waitFor();
  });

  it('sorts by a column when its header is clicked', async () => {
    await page.goto(desk.url);
    await expect.poll(() => rows().count(), POLL).toBe(4);
    await page.click('button.sort[data-sort="place"]');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort'), POLL).toBe('place');
    await expect
      .poll(() => rows().evaluateAll((trs) => trs.map((tr) => tr.children[2]?.textContent ?? '')), POLL)
      .toEqual(['Kharkiv', 'Kirkuk', 'Nineveh (province)', 'Odessa']);
  });

  it('draws the events on the map, a province-precise one as a dashed area, not a pin', async () => {
    await page.goto(new URL('/map', desk.url).href);
    await expect.poll(() => page.locator('path.event-marker').count(), POLL).toBe(4);
    const nineveh = page.locator('path[data-event-id="nineveh-daily-2:ev1"]');
    expect(await nineveh.getAttribute('class')).toContain('event-area');
    expect(await nineveh.getAttribute('stroke-dasharray')).toBe('6 5');
    const odesa = page.locator('path[data-event-id="harbour-wire-1:ev1"]');
    expect(await odesa.getAttribute('class')).toContain('event-point');
    expect(await odesa.getAttribute('stroke-dasharray')).toBeNull();
    // No pin icons at all: every marker is a vector shape whose form says how precise it is.
    expect(await page.locator('.leaflet-marker-icon').count()).toBe(0);
    expect(await page.locator('path.leaflet-interactive').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.leaflet-overlay-pane path').count()).toBeGreaterThan(100); // country shapes
    await shot('map');
  });

  it('opens an event from the map and shows its source sentences marked in the archived text', async () => {
    await page.goto(new URL('/map', desk.url).href);
    const kharkiv = page.locator('path[data-event-id="kharkiv-post-4:ev1"]');
    await kharkiv.waitFor();
    await kharkiv.dispatchEvent('click');
    await page.waitForURL(/\/events\/kharkiv-post-4%3Aev1$/);
    // What the API says about the event, which the page must show.
    const detail = (await (
      await fetch(new URL(`/api/events/${encodeURIComponent('kharkiv-post-4:ev1')}`, desk.url))
    ).json()) as {
      event: { support: { contradicting: string[] } };
      claims: { id: string; text: string; speakerName: string; speakerKind: string; stance: string }[];
    };
    const against = new Set(detail.event.support.contradicting);
    const side = (wanted: boolean) => detail.claims.filter((c) => against.has(c.id) === wanted);
    expect(side(false).length).toBeGreaterThan(0);
    expect(side(true).length).toBeGreaterThan(0); // the army's denial
    const marks = async (kind: string) =>
      (await page.locator(`.archived-text mark.source-sentence.${kind}`).allInnerTexts()).sort();
    await expect
      .poll(() => marks('for'), POLL)
      .toEqual(
        side(false)
          .map((c) => c.text)
          .sort(),
      );
    expect(await marks('against')).toEqual(
      side(true)
        .map((c) => c.text)
        .sort(),
    );
    for (const [list, claims] of [
      ['ul.claims.for', side(false)],
      ['ul.claims.against', side(true)],
    ] as const) {
      const shown = await page.locator(list).textContent();
      for (const claim of claims)
        expect(shown).toContain(`${claim.speakerName} · ${claim.speakerKind} · ${claim.stance}`);
    }
    // The whole archived document is there, the marks inside it.
    expect(await page.locator('.archived-text').textContent()).toContain(
      WEB_REPORTS[3].text.split('\n\n')[1],
    );
    await shot('event');
  });

  it('sets a status with a note, which shows on the event, in its history and in the audit log', async () => {
    await page.goto(new URL(`/events/${encodeURIComponent('harbour-wire-1:ev1')}`, desk.url).href);
    const form = page.locator('form.set-status');
    await form.waitFor();
    await form.locator('select').selectOption('confirmed');
    await form.locator('input[name=note]').fill('two wires agree');
    await form.locator('button[type=submit]').click();
    await expect
      .poll(() => page.locator('ol.history li').allInnerTexts(), POLL)
      .toEqual([
        expect.stringMatching(/local · review\.set-status · unverified → confirmed\s*two wires agree/),
      ]);
    expect(await page.locator('dl.summary .badge').first().getAttribute('data-status')).toBe('confirmed');
    await shot('event-reviewed');
    await page.goto(new URL('/audit', desk.url).href);
    const audit = page.locator('table.audit tbody tr');
    await expect.poll(() => audit.count(), POLL).toBeGreaterThan(0);
    expect(await audit.first().textContent()).toContain('review.set-status');
    expect(await page.locator('p[role=status]').textContent()).toMatch(/Hash chain verified/);
    await page.goto(desk.url);
    await expect
      .poll(() => page.locator('tr[data-event-id="harbour-wire-1:ev1"] .badge').textContent(), POLL)
      .toMatch(/^confirmed/);
  });

  it('rates a claim, and the verdict shows under it', async () => {
    await page.goto(new URL(`/events/${encodeURIComponent('kharkiv-post-4:ev1')}`, desk.url).href);
    const claim = page.locator('li[data-claim-id="kharkiv-post-4:c3"]');
    await claim.locator('select').selectOption('2');
    await claim.locator('form.rate-claim button[type=submit]').click();
    await expect
      .poll(() => page.locator('li[data-claim-id="kharkiv-post-4:c3"]').textContent(), POLL)
      .toContain('rated 2/5 Misleading by local');
  });

  it.each([
    ['the ledger', '/'],
    ['the map', '/map'],
    ['an event', `/events/${encodeURIComponent('kharkiv-post-4:ev1')}`],
    ['the timeline', '/timeline'],
    ['the audit log', '/audit'],
  ])('has no serious accessibility violation on %s (axe-core)', async (name, path) => {
    await page.goto(new URL(path, desk.url).href);
    await page.locator('#main[aria-busy="false"] h1').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(`page-${name.replace(/\W+/g, '-')}`);
  });

  it('shows script and onerror markup in a report as text, and never runs it', async () => {
    await page.goto(new URL(`/events/${encodeURIComponent('xss-gazette-3:ev1')}`, desk.url).href);
    const source = page.locator('article.source[data-document-id="xss-gazette-3"]');
    await source.waitFor();
    expect(await source.locator('h3').textContent()).toBe(
      'Checkpoint attacked <script>window.__pwned=1</script> near Kirkuk',
    );
    expect(await source.locator('.archived-text').textContent()).toContain(
      '<img src=x onerror="window.__pwned=1">',
    );
    expect(await page.locator('main script, main img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await page.goto(desk.url);
    await expect.poll(() => rows().count(), POLL).toBe(4);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await shot('script-as-text');
  });

  it('suggests events of the same country within three days as merge candidates', async () => {
    await page.goto(new URL(`/events/${encodeURIComponent('nineveh-daily-2:ev1')}`, desk.url).href);
    const options = page.locator('form.merge datalist option');
    await expect
      .poll(() => options.evaluateAll((os) => os.map((o) => o.getAttribute('value'))), POLL)
      .toEqual(['xss-gazette-3:ev1']);
  });

  it('merges two events into one with both reports, and splits them apart again', async () => {
    const documents = () =>
      page.locator('article.source').evaluateAll((as) => as.map((a) => a.getAttribute('data-document-id')));
    await page.goto(new URL(`/events/${encodeURIComponent('kharkiv-post-4:ev1')}`, desk.url).href);
    await page.fill('form.merge input', 'harbour-wire-1:ev1');
    await page.click('form.merge button[type=submit]');
    await expect
      .poll(async () => (await documents()).sort(), POLL)
      .toEqual(['harbour-wire-1', 'kharkiv-post-4']);
    const merged = new URL(page.url()).pathname;
    await shot('event-merged');
    const split = page.locator('form.split');
    for (const label of await split.locator('label').allTextContents()) {
      if (label.startsWith('kharkiv-post-4')) await split.getByLabel(label).check();
    }
    await split.locator('button[type=submit]').click();
    await expect.poll(() => documents(), POLL).toEqual(['harbour-wire-1']);
    expect(new URL(page.url()).pathname).toBe(merged);
    // The Kharkiv reports are back in the ledger, apart from the Odesa strike.
    await page.goto(new URL('/?place=Kharkiv', desk.url).href);
    await expect.poll(() => rows().count(), POLL).toBeGreaterThan(0);
    expect(
      await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event-id'))),
    ).not.toContain(decodeURIComponent(merged.replace('/events/', '')));
  });

  it.each([
    ['an unknown event', `/events/${encodeURIComponent('no-such-report:ev9')}`],
    ['an unknown page', '/no/such/page'],
  ])('says "Not found" for %s, with a way back to the ledger', async (_name, path) => {
    await page.goto(new URL(path, desk.url).href);
    await expect.poll(() => page.locator('main h1').textContent(), POLL).toBe('Not found');
    expect(await page.locator('main a[href="/"]').count()).toBe(1);
  });

  it('ran without a script error or a Content-Security-Policy violation', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe.skipIf(!haveChromium)(`the desk with accounts in Chromium${reason}`, () => {
  let browser: Browser;
  let desk: RunningDesk;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const webRoot = await builtWebUi();
    const ledger = await webStore();
    dispose = ledger.dispose;
    const cheap = { N: 2 ** 10, r: 8, p: 1 };
    await ledger.store.accounts.putUser({
      name: 'amira',
      role: 'analyst',
      passwordHash: await hashPassword('analyst password 1', cheap),
    });
    await ledger.store.accounts.putUser({
      name: 'vera',
      role: 'viewer',
      passwordHash: await hashPassword('viewer password 1', cheap),
    });
    desk = await startDesk({ store: ledger.store, host: '127.0.0.1', port: 0, loadLedger, webRoot });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await desk?.close(0);
    await dispose?.();
  });

  async function logIn(name: string, password: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(desk.url);
    await page.fill('#login-name', name);
    await page.fill('#login-password', password);
    await page.click('form.login button[type=submit]');
    return page;
  }

  it('asks for a login, refuses a wrong password, and lets an analyst review', async () => {
    const wrong = await logIn('amira', 'not the password');
    await expect
      .poll(() => wrong.locator('form.login [role=alert]').textContent(), POLL)
      .toBe('Wrong name or password.');
    expect(await wrong.locator('table.ledger').count()).toBe(0);
    await wrong.screenshot({ path: join(SCREENSHOTS, 'login.png') });
    expect(await seriousViolations(wrong)).toEqual([]);

    const analyst = await logIn('amira', 'analyst password 1');
    await expect.poll(() => analyst.locator('table.ledger tbody tr').count(), POLL).toBe(4);
    expect(await analyst.locator('#who').textContent()).toContain('amira (analyst)');
    await analyst.goto(new URL(`/events/${encodeURIComponent('nineveh-daily-2:ev1')}`, desk.url).href);
    const form = analyst.locator('form.set-status');
    await form.locator('select').selectOption('disputed');
    await form.locator('button[type=submit]').click();
    await expect
      .poll(() => analyst.locator('ol.history li').allInnerTexts(), POLL)
      .toEqual([expect.stringContaining('amira · review.set-status · unverified → disputed')]);
  });

  it('shows a viewer the evidence without the review actions', async () => {
    const viewer = await logIn('vera', 'viewer password 1');
    await expect.poll(() => viewer.locator('table.ledger tbody tr').count(), POLL).toBe(4);
    await viewer.goto(new URL(`/events/${encodeURIComponent('nineveh-daily-2:ev1')}`, desk.url).href);
    await viewer.locator('article.source').first().waitFor();
    expect(await viewer.locator('section.review, form.rate-claim').count()).toBe(0);
    await viewer.click('#who button');
    await viewer.locator('form.login').waitFor();
  });
});

describe.skipIf(!haveChromium)(`an event of many reports in Chromium${reason}`, () => {
  let browser: Browser;
  let desk: RunningDesk;
  let dispose: () => Promise<void>;
  let page: Page;
  const pageErrors: string[] = [];

  /** What the API says about the event of the most reports: its page and its whole lists. */
  interface EventAnswer {
    event: { id: string; members: unknown[] };
    claims: { id: string; documentId: string }[];
    documents: { id: string }[];
    totals: Record<'members' | 'supporting' | 'contradicting' | 'documents' | 'origins', number>;
    limit: number;
  }
  let detail: EventAnswer;
  let supporting: string[];
  /** The claims for whose document is not among the sources the page shows at first. */
  let unquoted: string[];

  const api = async <T>(path: string): Promise<T> =>
    (await (await fetch(new URL(path, desk.url))).json()) as T;
  const claimsFor = () =>
    page
      .locator('ul.claims.for > li')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-claim-id')));

  beforeAll(async () => {
    const webRoot = await builtWebUi();
    const ledger = await webStore(LONG_EVENT_REPORTS);
    dispose = ledger.dispose;
    desk = await startDesk({ store: ledger.store, host: '127.0.0.1', port: 0, loadLedger, webRoot });
    const top = await api<{ items: { id: string }[] }>('/api/events?sort=-support&limit=1');
    const id = encodeURIComponent(top.items[0]?.id ?? '');
    detail = await api<EventAnswer>(`/api/events/${id}`);
    const whole = await api<{ items: { id: string; documentId: string }[] }>(
      `/api/events/${id}/claims?side=supporting&limit=1000`,
    );
    supporting = whole.items.map((c) => c.id);
    const onPage = new Set(detail.documents.map((d) => d.id));
    unquoted = whole.items.filter((c) => !onPage.has(c.documentId)).map((c) => c.id);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(20_000);
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await desk?.close(0);
    await dispose?.();
  });

  it('is one event of more claims, sources and reports than its page shows', () => {
    expect(detail.limit).toBe(25);
    expect(detail.totals.supporting).toBeGreaterThan(25);
    expect(supporting).toHaveLength(detail.totals.supporting);
    expect(detail.totals.documents).toBeGreaterThan(25);
    expect(detail.totals.members).toBeGreaterThan(25);
    expect(detail.event.members).toHaveLength(25);
  });

  it('shows the first 25 claims for with their total, and the rest on one key press', async () => {
    await page.goto(new URL(`/events/${encodeURIComponent(detail.event.id)}`, desk.url).href);
    const section = page.locator('section.claims-for');
    await expect
      .poll(() => section.locator('h2').textContent(), POLL)
      .toBe(`Claims for (${detail.totals.supporting})`);
    expect(await page.locator('section.claims-against h2').textContent()).toBe(
      `Claims against (${detail.totals.contradicting})`,
    );
    expect(await claimsFor()).toEqual(supporting.slice(0, 25));
    const more = section.getByRole('button', { name: /more claims for/ });
    expect(await more.textContent()).toBe(`Show ${supporting.length - 25} more claims for`);
    expect(await section.locator('p.more [role=status]').textContent()).toBe(
      `25 of ${supporting.length} shown`,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'event-long-first-page');
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(claimsFor, POLL).toEqual(supporting);
    expect(await more.count()).toBe(0);
    // The focus moves from the button, now gone, to the first claim it brought.
    expect(await page.locator(':focus').getAttribute('data-claim-id')).toBe(supporting[25]);
    // A claim whose document is not among the sources shown names it without a link.
    expect(unquoted.length).toBeGreaterThan(0);
    expect(
      await page
        .locator('ul.claims.for > li')
        .evaluateAll((lis) =>
          lis
            .filter((li) => li.querySelector('.claim-source a') === null)
            .map((li) => li.getAttribute('data-claim-id')),
        ),
    ).toEqual(unquoted);
  });

  it('shows more sources on request, and then links every claim to its marked sentence', async () => {
    const sources = () =>
      page.locator('article.source').evaluateAll((as) => as.map((a) => a.getAttribute('data-document-id')));
    const before = await sources();
    expect(before).toEqual(detail.documents.map((d) => d.id));
    expect(await page.locator('section.sources h2').textContent()).toBe(
      `Sources (${detail.totals.documents})`,
    );
    const more = page.getByRole('button', { name: /Show more sources/ });
    expect(await more.textContent()).toBe(
      `Show more sources (${detail.totals.documents - before.length} not shown)`,
    );
    await more.click();
    await expect.poll(async () => (await sources()).length, POLL).toBe(detail.totals.documents);
    expect(new Set(await sources()).size).toBe(detail.totals.documents);
    expect(await more.count()).toBe(0);
    const links = await page
      .locator('ul.claims.for > li')
      .evaluateAll((lis) => lis.map((li) => li.querySelector('.claim-source a')?.getAttribute('href')));
    expect(links).toHaveLength(supporting.length);
    for (const href of links) {
      expect(href).toMatch(/^#mark-/);
      expect(await page.locator(`.archived-text mark${href}`).count()).toBe(1);
    }
  });

  it('says how many copies an origin has beyond those it lists, and lists them all on request', async () => {
    const origins = await api<{ items: { id: string; documentIds: string[]; links: unknown[] }[] }>(
      `/api/events/${encodeURIComponent(detail.event.id)}/origins?limit=1000`,
    );
    expect(origins.items).toHaveLength(detail.totals.origins);
    const wide = origins.items.find((o) => o.documentIds.length > 25);
    if (wide === undefined) throw new Error('no origin of more than 25 copies');
    const [copies, links] = [wide.documentIds.length, wide.links.length];
    const item = page.locator(`ul.origins > li[data-origin-id="${wide.id}"]`);
    expect(await item.textContent()).toContain(`${copies} copies)`);
    const listed = item.locator(':scope > ul > li');
    expect(await listed.count()).toBe(25 + Math.min(links, 25));
    expect(await item.locator('p.more').textContent()).toContain(
      `and ${copies - 25} more copies and ${links - 25} more links`,
    );
    await item.getByRole('button', { name: `Show all ${copies} copies of ${wide.id}` }).click();
    await expect.poll(() => listed.count(), POLL).toBe(copies + links);
    expect(await item.locator('p.more').count()).toBe(0);
    expect(await listed.first().textContent()).toContain(wide.documentIds[0]);
  });

  it('offers more reports to split off on request', async () => {
    const split = page.locator('form.split');
    const boxes = split.locator('input[type=checkbox]');
    expect(await boxes.count()).toBe(25);
    const more = split.getByRole('button', { name: /more reports/ });
    const left = detail.totals.members - 25;
    expect(await more.textContent()).toBe(`Show ${Math.min(left, 100)} more reports`);
    await more.click();
    await expect.poll(() => boxes.count(), POLL).toBe(detail.totals.members);
    expect(await more.count()).toBe(0);
    expect(new Set(await split.locator('label').allTextContents()).size).toBe(detail.totals.members);
    // Showing more reports is not a split: nothing was sent.
    expect(await split.locator('[role=status]').textContent()).toBe('');
  });

  it('has no serious accessibility violation with its lists shown (axe-core)', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'event-long');
  });

  it('ran without a script error or a Content-Security-Policy violation', () => {
    expect(pageErrors).toEqual([]);
  });
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe.skipIf(!haveChromium)(`a ledger still being built in Chromium${reason}`, () => {
  let browser: Browser;
  let desk: RunningDesk;
  let dispose: () => Promise<void>;
  let page: Page;
  /** Lets the held-back build end. */
  let release = () => {};
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const webRoot = await builtWebUi();
    const ledger = await webStore();
    dispose = ledger.dispose;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The real build, held back once it is done until the test lets it go; requests wait 50 ms.
    const heldBack: LedgerLoader = async (store, options) => {
      const built = await loadLedger(store, options);
      await gate;
      return built;
    };
    desk = await startDesk({
      store: ledger.store,
      host: '127.0.0.1',
      port: 0,
      loadLedger: heldBack,
      ledgerWaitMs: 50,
      webRoot,
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(20_000);
    page.on('console', (message) => {
      // The 503s the page is told to wait with are logged by Chromium too.
      if (message.type() === 'error' && !/^Failed to load resource: .* status of 503/.test(message.text()))
        pageErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    release();
    await browser?.close();
    await desk?.close(0);
    await dispose?.();
  });

  it('says how far the build has got, and shows the ledger by itself once it is built', async () => {
    await page.goto(new URL('/', desk.url).href);
    const notice = page.locator('main [role=status].wait-notice');
    await expect
      .poll(() => notice.textContent(), POLL)
      .toMatch(/^The ledger is being built: \d+ of \d+ documents read, .*started [\d.]+ s ago\.$/);
    expect(await page.locator('main h1').textContent()).toBe('Not ready yet');
    expect(await page.locator('main').textContent()).toContain(
      'This page follows the build every 5 s and opens once it is done.',
    );
    // Followed from the build's status: the time since it started moves on.
    const first = await notice.textContent();
    await expect.poll(() => notice.textContent(), POLL).not.toBe(first);
    expect(await notice.textContent()).toMatch(
      /^The ledger is being built: \d+ of \d+ documents read, .*started [\d.]+ s ago\.$/,
    );
    release();
    await expect.poll(() => page.locator('table.ledger tbody tr').count(), POLL).toBeGreaterThan(0);
    expect(await page.locator('main h1').textContent()).toBe('Ledger');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
