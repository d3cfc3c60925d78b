import { beforeAll, describe, expect, it } from 'vitest';
import { type NearDuplicateReport, nearDuplicateBatches } from '../../bench/near-duplicate-corpus.js';
import { minhashSignature, NearDuplicateIndex } from '../../src/corroborate/near-duplicates.js';

/** 2,000 generated reports through the index, as the bench reads them (small enough for a test). */
const COUNT = 2000;
let reports: NearDuplicateReport[];
let matchesOf: Map<string, string[]>;

beforeAll(() => {
  reports = [...nearDuplicateBatches(COUNT, { seed: 5, batchSize: 500 })].flat();
  const index = new NearDuplicateIndex();
  matchesOf = new Map(
    reports.map((r) => [r.id, index.addAndMatch(r.id, minhashSignature(r.text), 0.5).map((m) => m.id)]),
  );
});

describe('the near-duplicate bench corpus: news-like reports with planted copies and template bulletins', () => {
  it('streams the reports in batches, the same for the same seed', () => {
    const again = nearDuplicateBatches(COUNT, { seed: 5, batchSize: 500 });
    const first = again.next().value as NearDuplicateReport[];
    expect(first).toHaveLength(500);
    expect(first.map((r) => r.text)).toEqual(reports.slice(0, 500).map((r) => r.text));
  });

  it.each([
    ['copies', 'copy', 0.07, 0.13],
    ['template bulletins', 'bulletin', 0.07, 0.13],
    ['originals', 'original', 0.74, 0.86],
  ] as const)('%s make their planted share of the corpus', (_name, kind, low, high) => {
    const share = reports.filter((r) => r.kind === kind).length / COUNT;
    expect(share).toBeGreaterThanOrEqual(low);
    expect(share).toBeLessThanOrEqual(high);
  });

  it('writes 2–4 KB originals (a trimmed copy may be shorter, a long sign-off longer)', () => {
    const sizes = reports.filter((r) => r.kind === 'original').map((r) => Buffer.byteLength(r.text));
    const median = [...sizes].sort((a, b) => a - b)[Math.floor(sizes.length / 2)] ?? 0;
    expect(median).toBeGreaterThan(2500);
    expect(median).toBeLessThan(3800);
    expect(sizes.filter((n) => n < 1500 || n > 5500)).toEqual([]);
  });

  it('every planted copy matches a report of its story', () => {
    const familyOf = new Map(reports.map((r) => [r.id, r.family]));
    const missed = reports
      .filter((r) => r.kind === 'copy')
      .filter((r) => !(matchesOf.get(r.id) ?? []).some((id) => familyOf.get(id) === r.family))
      .map((r) => r.id);
    expect(missed).toEqual([]);
  });

  it('no report matches one of another story: bulletins from one template and shared sign-offs are not copies', () => {
    const familyOf = new Map(reports.map((r) => [r.id, r.family]));
    const wrong = reports.flatMap((r) =>
      (matchesOf.get(r.id) ?? [])
        .filter((id) => familyOf.get(id) !== r.family)
        .map((id) => `${id} ~ ${r.id}`),
    );
    expect(wrong).toEqual([]);
  });
});
