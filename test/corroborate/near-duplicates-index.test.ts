import { describe, expect, it } from 'vitest';
import {
  candidateProbability,
  minhashSignature,
  NearDuplicateIndex,
  shingleHashes,
  shingleWords,
  signatureOfShingles,
} from '../../src/corroborate/near-duplicates.js';
import { UsageError } from '../../src/errors.js';

const SIGN_OFF =
  '© 2026 The Steppe Courier. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission. Follow The Steppe Courier for live coverage and sign up for the morning briefing.';

const story = [
  'Drones hit grain terminal in Izmail overnight, port authority says',
  'IZMAIL, Nov 12 (The Steppe Courier) — Russian drones struck a grain terminal in the Danube port of Izmail overnight, setting two warehouses on fire and wounding a night watchman, the regional port authority said on Wednesday.',
  'Firefighters needed four hours to put out the blaze, which destroyed about 9,000 tonnes of barley waiting for shipment to Romania, said Oleh Kiper, the head of the regional military administration.',
  'The air force said it had shot down eleven of the fourteen drones launched from the Black Sea coast, and that the remaining three had reached the port area shortly before dawn.',
  'Residents of the old town described a series of loud explosions and a column of smoke visible from the Romanian bank of the river, where border police raised their alert level.',
  'Exporters said insurance premiums for vessels calling at the Danube ports had doubled since the summer and that two shipping lines were considering suspending their service.',
  SIGN_OFF,
].join('\n\n');

/** Boilerplate shared with the story (dateline form, stock phrases, the outlet's sign-off) but other facts. */
const sameOutletOtherStory = [
  'Shelling cuts power to villages near Kupiansk, officials say',
  'KUPIANSK, Nov 12 (The Steppe Courier) — Artillery fire damaged a substation east of Kupiansk on Wednesday, leaving eleven villages without electricity, the regional port authority said on Wednesday.',
  'Repair crews could not reach the site because of continued shelling, said a spokeswoman for the district energy company, adding that generators had been sent to the hospital in the town.',
  'The local council said schools would move to remote lessons until the end of the week and that heating points had opened in three community centres for families without power.',
  'Volunteers delivered drinking water to the villages by truck, as pumping stations along the Oskil river stopped working when the line went down.',
  SIGN_OFF,
].join('\n\n');

const paragraphs = story.split('\n\n');

describe('addAndMatch: copies with typical syndication edits are found at estimated Jaccard ≥ 0.5', () => {
  it.each([
    ['the same text', story],
    ['a new headline', ['Port of Izmail hit by drones', ...paragraphs.slice(1)].join('\n\n')],
    ['the last paragraph before the sign-off trimmed', [...paragraphs.slice(0, 5), SIGN_OFF].join('\n\n')],
    [
      'a few words changed',
      story.replace('struck', 'hit').replace('loud explosions', 'blasts').replace('doubled', 'risen sharply'),
    ],
    [
      'a republication notice and the copier’s own sign-off',
      [
        ...paragraphs.slice(0, 6),
        'This article was first published by The Steppe Courier and is republished with permission.',
        '© 2026 Danube Daily. Republished under a content-sharing agreement.',
      ].join('\n\n'),
    ],
  ])('%s', (_name, copy) => {
    const index = new NearDuplicateIndex();
    index.add('steppe-courier', minhashSignature(story));
    index.add('other-story', minhashSignature(sameOutletOtherStory));
    const matches = index.addAndMatch('copy', minhashSignature(copy), 0.5);
    expect(matches.map((m) => m.id)).toEqual(['steppe-courier']);
    expect(matches[0]?.similarity).toBeGreaterThanOrEqual(0.5);
  });
});

describe('addAndMatch: reports that only share boilerplate are not copies', () => {
  it.each([
    ['another story from the same outlet (dateline, stock phrase, sign-off)', sameOutletOtherStory],
    ['the sign-off alone', SIGN_OFF],
    [
      'a bulletin from one template with other facts',
      story
        .replace(/Izmail/g, 'Reni')
        .replace(/two warehouses/g, 'a silo')
        .split('\n\n')
        .map((p, i) => (i % 2 === 0 ? p : `${p.split(' ').reverse().join(' ')}`))
        .join('\n\n'),
    ],
  ])('%s', (_name, text) => {
    const index = new NearDuplicateIndex();
    index.add('steppe-courier', minhashSignature(story));
    expect(index.addAndMatch('other', minhashSignature(text), 0.5)).toEqual([]);
  });
});

/** A signature of 128 positions, `share` of them copied from `base`, the rest drawn from `seed`. */
function signature(
  seed: number,
  base?: Uint32Array,
  keep: (i: number) => boolean = () => false,
): Uint32Array {
  const out = new Uint32Array(128);
  let x = seed >>> 0;
  for (let i = 0; i < 128; i += 1) {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    out[i] = base && keep(i) ? (base[i] ?? 0) : x;
  }
  return out;
}

describe('bucket cap: a full bucket never hides a true copy', () => {
  const boilerplate = signature(1);
  // Fifty texts that agree only on band 0 (rows 0–3: their shared sign-off), nothing else.
  const sharingBandZero = Array.from({ length: 50 }, (_, k) => signature(100 + k, boilerplate, (i) => i < 4));
  const original = sharingBandZero[40] as Uint32Array;
  // A copy agreeing with the 41st text on 110 of 128 positions, band 0 included.
  const copy = signature(999, original, (i) => i < 4 || i % 7 !== 0);

  it.each([
    ['a cap of 4', 4, 1, 46],
    ['the default cap (32)', undefined, 1, 18],
    ['a cap of 100', 100, 0, 0],
  ])(
    '%s: the copy finds its original; full buckets and skipped entries are counted',
    (_name, cap, full, skipped) => {
      const index = new NearDuplicateIndex({ maxBucket: cap });
      for (const [k, s] of sharingBandZero.entries()) index.add(`report-${k}`, s);
      expect(index.stats).toMatchObject({ documents: 50, fullBuckets: full, skippedEntries: skipped });
      const matches = index.addAndMatch('copy', copy, 0.5);
      expect(matches.map((m) => m.id)).toEqual(['report-40']);
    },
  );

  it('keeps the first documents of a full bucket as candidates, in the order they were added', () => {
    const index = new NearDuplicateIndex({ maxBucket: 3 });
    for (const [k, s] of sharingBandZero.slice(0, 6).entries()) index.add(`report-${k}`, s);
    expect(index.candidates(signature(5, boilerplate, (i) => i < 4))).toEqual([
      'report-0',
      'report-1',
      'report-2',
    ]);
  });
});

describe('NearDuplicateIndex: grows past its first arrays without losing a document', () => {
  it.each([[1], [3000]])('%s documents, each found again by its own signature', (count) => {
    const index = new NearDuplicateIndex();
    const signatures = Array.from({ length: count }, (_, k) => signature(k + 1));
    for (const [k, s] of signatures.entries()) index.add(`doc-${k}`, s);
    const missing = signatures.filter((s, k) => !index.candidates(s).includes(`doc-${k}`));
    expect(missing).toEqual([]);
    expect(index.stats.documents).toBe(count);
  });

  it.each([
    ['a signature of the wrong length', () => new NearDuplicateIndex().add('x', new Uint32Array(100))],
    ['a banding that is not whole', () => new NearDuplicateIndex({ bands: 0 })],
  ])('%s is a usage error', (_name, misuse) => {
    expect(misuse).toThrow(UsageError);
  });
});

describe('shingles and signatures: the fast path reads words as shingleWords does', () => {
  /** The definition: FNV-1a of each lower-cased word, FNV-combined over 5-word windows. */
  function referenceShingles(text: string): number[] {
    const fnv = (s: string) => {
      let h = 0x811c9dc5;
      for (let i = 0; i < s.length; i += 1) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
      return h >>> 0;
    };
    const words = shingleWords(text).map(fnv);
    const out = new Set<number>();
    for (let i = 0; i < Math.max(1, words.length - 4) && words.length > 0; i += 1) {
      let h = 0x811c9dc5;
      for (const w of words.slice(i, i + 5)) h = Math.imul(h ^ w, 0x01000193);
      out.add(h >>> 0);
    }
    return [...out].sort((a, b) => a - b);
  }

  it.each([
    ['plain ASCII with punctuation and digits', 'Drones struck — the depot at 04:30, killing 3!'],
    ['curly quotes and apostrophes', '“We heard two blasts,” said Kiper’s deputy, in l’Est of the city.'],
    ['accented capitals', 'ÉCOLE bombardée à KHERSON, selon la préfecture de la région'],
    ['a dotted capital I and letters outside the BMP', 'İzmir 𝔘nicode 😀 text after the emoji here'],
    ['an empty text', ''],
    ['fewer words than one shingle', 'drones struck Mosul'],
  ])('%s', (_name, text) => {
    expect([...shingleHashes(text)]).toEqual(referenceShingles(text));
    expect(minhashSignature(text)).toEqual(signatureOfShingles(shingleHashes(text)));
  });
});

describe('candidateProbability: the S-curve of a banding', () => {
  it.each([
    [0.5, 32, 4, 0.873],
    [0.8, 32, 4, 1],
    [0.1, 32, 4, 0.003],
    [0.5, 16, 8, 0.061],
    [0.5, 20, 5, 0.47],
  ])('J %s with %s bands × %s rows: %s', (j, bands, rows, p) => {
    expect(candidateProbability(j, bands, rows)).toBeCloseTo(p, 3);
  });
});
