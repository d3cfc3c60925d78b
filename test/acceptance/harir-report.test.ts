import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.js';
import { loadDefaultGazetteer } from '../../src/geo/gazetteer.js';
import type { AnalysisRecord, Quantity } from '../../src/types/index.js';

// The motivating third-party report lives in ../shared/examples (never copied here). Where it is
// absent (a user's clone) this acceptance case is skipped; the expected values below are our own
// reading of it (../shared/examples/harir-report.expected.md).
const REPORT = resolve(import.meta.dirname, '../../../shared/examples/harir-report.txt');
const present = existsSync(REPORT);

describe.skipIf(!present)('acceptance: the Harir report read with --date 2023-12-06', () => {
  let r: AnalysisRecord;
  let text: string;
  beforeAll(async () => {
    text = readFileSync(REPORT, 'utf8');
    r = analyzeText(text, { id: 'harir', date: '2023-12-06', gazetteer: await loadDefaultGazetteer() });
  });
  const q = (surface: string): Quantity | undefined => r.quantities.find((x) => x.surface.includes(surface));

  it('reads the document: title, byline, publisher, republication, boilerplate', () => {
    expect(r.document.title?.value).toMatch(/^EXCLUSIVE: Images Show Damage/);
    expect(r.document.standfirst?.value).toMatch(/twelve times/);
    expect(r.document.byline?.value).toBe('News Desk');
    expect(r.document.publisher?.value).toBe('The Cradle');
    expect(r.document.republishedBy.map((x) => x.value)).toEqual(['The 21st Century']);
    expect(r.document.boilerplate.map((b) => b.kind)).toContain('disclaimer');
    expect(r.document.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['twelve', 12, 'count', 'exact', 'times'],
    ['12', 12, 'count', 'exact', 'times'],
    ['50 percent', 50, '%', 'exact', null],
    ['13,700 square feet', 13700, 'ft2', 'exact', null],
    ['1,300 square meters', 1300, 'm2', 'exact', null],
    ['17,000', 17000, 'count', 'more-than', 'Palestinians'],
    ['76', 76, 'count', 'at-least', 'times'],
    ['900', 900, 'count', 'exact', 'troops'],
    ['2,500', 2500, 'count', 'exact', 'soldiers'],
    ['two', 2, 'count', 'exact', 'structures'],
  ])('number "%s" → %d %s (%s) of %s', (surface, value, unit, bound, of) => {
    const found = q(surface);
    expect(found, surface).toBeDefined();
    expect(found!.value).toBe(value);
    expect(found!.unit).toBe(unit);
    expect(found!.bound).toBe(bound);
    if (of) expect(found!.of?.text).toContain(of);
  });

  it('converts 13,700 square feet to about 1,272.8 m²', () => {
    const n = q('13,700')!.normalized!;
    expect(n.unit).toBe('m2');
    expect(n.value).toBeCloseTo(1272.77, 1);
  });

  it('checks the unit pair and flags the share without a reference', () => {
    const pair = r.checks.find((c) => c.kind === 'unit-agreement');
    expect(pair?.status).toBe('ok');
    expect(r.checks.some((c) => c.kind === 'percent-without-reference' && c.status === 'flag')).toBe(true);
  });

  it.each([
    ['between 24 October and 2 December', '2023-10-24', '2023-12-02'],
    ['17 November', '2023-11-17', '2023-11-17'],
    ['ast week', '2023-11-27', '2023-12-03'],
    ['between 2015 and 2017', '2015-01-01', '2017-12-31'],
  ])('date "%s" → %s … %s', (surface, from, to) => {
    const found = r.dates.filter((d) => d.surface.includes(surface));
    expect(found.length, surface).toBeGreaterThan(0);
    for (const d of found) expect([d.from, d.to]).toEqual([from, to]);
  });

  it('resolves "since 7 October" to the reference date, three times', () => {
    const since = r.dates.filter((d) => d.from === '2023-10-07' && d.to === '2023-12-06');
    expect(since).toHaveLength(3);
  });

  it('keeps "17 November" year-unknown without a reference date', () => {
    const bare = analyzeText(text, { id: 'harir-undated' });
    const nov = bare.dates.find((d) => d.surface.includes('17 November'));
    expect(nov?.yearUnknown).toBe(true);
    expect(nov?.from).toBeNull();
  });
});
