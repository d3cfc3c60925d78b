import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/corroborate/load-ledger.js';
import { type RunningDesk, startDesk } from '../../src/server/start-desk.js';
import { HARIR_REPORT, measurementLedger } from '../evidence/measure/measurement-ledger.js';
import { builtWebUi, CHROMIUM, CHROMIUM_ARGS, haveChromium, SCREENSHOTS } from './web-build.js';

/*
 * The event page's evidence panel in a real Chromium against the real desk: an image added
 * through the API shows its metadata and C2PA status; an outline drawn by clicking the map shows
 * its area and the verdicts against the report's "13,700 square feet", is saved, and survives a reload.
 */

const POLL = { timeout: 20_000 };

interface AxeApi {
  run(options: { runOnly: string[] }): Promise<{
    violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
  }>;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: AxeApi }).axe;
    const result = await axe.run({ runOnly: ['wcag2a', 'wcag2aa'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const reason = haveChromium ? '' : ` (skipped: ${CHROMIUM} is missing; apt-get install chromium)`;

describe.skipIf(!haveChromium)(`the evidence panel in Chromium${reason}`, () => {
  let browser: Browser;
  let desk: RunningDesk;
  let dispose: () => Promise<void>;
  let page: Page;
  let eventUrl: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const webRoot = await builtWebUi();
    const ledger = await measurementLedger();
    dispose = ledger.dispose;
    desk = await startDesk({ store: ledger.store, host: '127.0.0.1', port: 0, loadLedger, webRoot });
    const event = (await loadLedger(ledger.store)).events.find((e) =>
      e.members.some((m) => m.documentId === HARIR_REPORT.id),
    );
    eventUrl = new URL(`/events/${encodeURIComponent(event?.id ?? '')}`, desk.url).href;

    // An image added through the API, as a script would: a JPEG we draw, with camera fields.
    const jpeg = await sharp({ create: { width: 96, height: 64, channels: 3, background: '#8a7f70' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'Fictional Optics', Model: 'Field Cam 2', Software: 'Corroborate tests' } })
      .toBuffer();
    const session = (await (await fetch(new URL('/api/session', desk.url))).json()) as { csrfToken: string };
    const added = await fetch(
      new URL(
        `/api/evidence/images?event=${encodeURIComponent(event?.id ?? '')}&sourceUrl=harir-roof.jpg`,
        desk.url,
      ),
      {
        method: 'POST',
        headers: { 'content-type': 'image/jpeg', 'x-csrf-token': session.csrfToken },
        body: jpeg,
      },
    );
    if (added.status !== 201) throw new Error(`image not added: ${added.status} ${await added.text()}`);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('console', (message) => {
      if (
        message.type() === 'error' &&
        !/^Failed to load resource: .* status of 4\d\d/.test(message.text())
      ) {
        pageErrors.push(message.text());
      }
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await desk?.close(0);
    await dispose?.();
  });

  it('shows the image added through the API with its metadata and C2PA status', async () => {
    await page.goto(eventUrl);
    const image = page.locator('li.evidence-image');
    await expect.poll(() => image.count(), POLL).toBe(1);
    const text = (await image.textContent()) ?? '';
    expect(text).toContain('image/jpeg, 96 × 64 px');
    expect(text).toContain('Fictional Optics Field Cam 2');
    expect(text).toContain('Corroborate tests');
    expect(await image.locator('.c2pa').getAttribute('data-c2pa')).toBe('absent');
    expect(text).toContain('No Content Credentials (C2PA) manifest in the file');
    expect(await image.locator('.c2pa .caveat').textContent()).toMatch(/absence proves nothing/i);
    await image.locator('img').scrollIntoViewIfNeeded();
    await expect
      .poll(
        () =>
          image.locator('img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
        POLL,
      )
      .toBe(96);
  });

  it('adds an image chosen in the form, which the panel then lists with its type', async () => {
    await page.goto(eventUrl);
    await expect.poll(() => page.locator('li.evidence-image').count(), POLL).toBe(1);
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    await page.setInputFiles('#evidence-image-file', {
      name: 'roof.png',
      mimeType: 'image/png',
      buffer: png,
    });
    await page.fill('#evidence-image-source', 'https://north-wire.example/roof.png');
    await page.click('form.image-upload button[type=submit]');
    await expect.poll(() => page.locator('li.evidence-image').count(), POLL).toBe(2);
    expect(await page.locator('li.evidence-image').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('image/png, 40 × 30 px')]),
    );
    await page.setInputFiles('#evidence-image-file', {
      name: 'not-an-image.png',
      mimeType: 'image/png',
      buffer: Buffer.from('<html>not a picture</html>'),
    });
    await page.click('form.image-upload button[type=submit]');
    await expect.poll(() => page.locator('.image-upload-status').textContent(), POLL).toMatch(/^Not added: /);
    expect(await page.locator('li.evidence-image').count()).toBe(2);
  });

  it('measures an outline drawn by clicking the map against "13,700 square feet", saves it, and keeps it after a reload', async () => {
    await page.goto(eventUrl);
    const map = page.locator('#measure-map');
    await expect.poll(() => map.locator('.leaflet-pane').count(), POLL).toBeGreaterThan(0);
    const metresPerPixel = Number(await map.getAttribute('data-metres-per-pixel'));
    expect(metresPerPixel).toBeGreaterThan(0.1);
    // a square of about 1,300 m² around the map's centre
    const side = Math.sqrt(1300) / metresPerPixel;
    await map.scrollIntoViewIfNeeded();
    const box = await map.boundingBox();
    if (box === null) throw new Error('no map');
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    for (const [dx, dy] of [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ] as const) {
      await page.mouse.click(cx + (dx * side) / 2, cy + (dy * side) / 2);
    }
    const readout = page.locator('.measure-area');
    await expect.poll(() => readout.textContent(), POLL).toMatch(/^Area: 1,[23]\d\d m² .* over 4 corners$/);
    const drawn = Number(await readout.getAttribute('data-area-m2'));
    expect(Math.abs(drawn - 1300) / 1300).toBeLessThan(0.05);
    const live = page.locator('ul.live-verdicts li');
    expect(await live.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-verdict')))).toEqual(
      expect.arrayContaining(['agrees', 'not-comparable']),
    );
    expect(await live.first().textContent()).toContain('13,700 square feet');
    await page.screenshot({ path: join(SCREENSHOTS, 'evidence-measuring.png'), fullPage: true });

    await page.click('button.save-measurement');
    const saved = page.locator('li.evidence-measurement');
    await expect.poll(() => saved.count(), POLL).toBe(1);
    const savedText = (await saved.textContent()) ?? '';
    expect(savedText).toMatch(/^damaged structures: 1,[23]\d\d m²/);
    expect(savedText).toContain('"13,700 square feet"');
    expect(
      await saved
        .locator('[data-verdict]')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-verdict'))),
    ).toEqual(expect.arrayContaining(['agrees', 'agrees', 'not-comparable']));
    const storedArea = Number(await saved.locator('[data-area-m2]').getAttribute('data-area-m2'));
    expect(Math.abs(storedArea - drawn)).toBeLessThan(1);

    await page.reload();
    await expect.poll(() => page.locator('li.evidence-measurement').count(), POLL).toBe(1);
    await expect.poll(() => page.locator('#measure-map path.saved-outline').count(), POLL).toBe(1);
    expect(await page.locator('li.evidence-measurement').textContent()).toBe(savedText);
  });

  it('has no serious accessibility violation on the event page with its evidence (axe-core)', async () => {
    await page.goto(eventUrl);
    await expect.poll(() => page.locator('li.evidence-image').count(), POLL).toBe(2);
    await expect.poll(() => page.locator('#measure-map .leaflet-pane').count(), POLL).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
