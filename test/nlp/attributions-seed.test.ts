import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFromString } from '../../src/ingest/source-document.js';
import { analyzeDocument } from '../../src/pipeline.js';
import type { AnalysisRecord } from '../../src/types/analysis-record.js';
import type { Claim } from '../../src/types/claim.js';

// The motivating report is third-party text: it is read at run time from the shared examples and
// never copied here. The expectations restate `harir-report.expected.md` in our own words.
const SEED = resolve(import.meta.dirname, '../../../shared/examples/harir-report.txt');

describe.skipIf(!existsSync(SEED))('the seed reading: who says what in the Harir report', () => {
  const text = existsSync(SEED) ? readFileSync(SEED, 'utf8') : '';
  // Vitest collects a skipped suite's body too: read lazily so a clone without ../shared passes.
  let cached: AnalysisRecord | null = null;
  const read = (): AnalysisRecord =>
    (cached ??= analyzeDocument(sourceFromString(text, { id: 'harir' }), {
      referenceDate: '2023-12-06',
      gazetteer: null,
    }));
  const span = (s: { start: number; end: number } | null) => (s ? text.slice(s.start, s.end) : null);
  const claim = (words: string): Claim => {
    const found = read().claims.find((c) =>
      c.mentions.some((m) => text.slice(m.start, m.end).includes(words)),
    );
    if (!found) throw new Error(`no claim mentions ${words}`);
    return found;
  };
  const cueOf = (c: Claim) => span(read().attributions.find((a) => a.id === c.attributionId)?.cue ?? null);

  const table: Array<[string, { kind: string; cue?: string; stance?: string; name?: string }]> = [
    ['exclusive satellite photo', { kind: 'anonymous-source', cue: 'has provided', stance: 'neutral' }],
    ['50 percent of the Harir Air Base', { kind: 'anonymous-source', cue: 'stated', stance: 'neutral' }],
    ['complete destruction of two structures', { kind: 'document', cue: 'show' }],
    [
      'armed drones 12 times',
      { kind: 'armed-group-statement', cue: 'According to', name: 'the Islamic Resistance in Iraq' },
    ],
    ['killed over 17,000 Palestinians', { kind: 'outlet' }],
    [
      'did not cause any damage',
      { kind: 'unnamed-official', cue: 'claimed', stance: 'distancing', name: 'US officials' },
    ],
    ['Ain al-Asad military base', { kind: 'outlet' }],
    ['Conoco oil field base', { kind: 'outlet' }],
    ['at least 76 times', { kind: 'unnamed-official', cue: 'highlighted', stance: 'neutral' }],
    ['thought to receive support from Iran', { kind: 'outlet' }],
    [
      'There will be no end to the operations',
      { kind: 'social-media', cue: 'tweeted', name: 'Abu Alaa al-Walaei' },
    ],
    ['900 troops', { kind: 'outlet' }],
    ['steal oil from northeastern Syria', { kind: 'outlet' }],
    ['Kurdish oil company KAR Group', { kind: 'outlet-earlier-reporting', cue: 'has previously reported' }],
    ['2,500 soldiers in Iraq', { kind: 'outlet' }],
  ];
  it.each(table)('%s', (words, expected) => {
    const c = claim(words);
    expect(c.speaker.kind).toBe(expected.kind);
    if (expected.cue) expect(cueOf(c)).toBe(expected.cue);
    else expect(c.attributionId).toBeNull();
    if (expected.stance) expect(c.stance).toBe(expected.stance);
    if (expected.name) expect(c.speaker.name).toBe(expected.name);
  });

  it('links "the sources" to the high-level source that gave the photo', () => {
    const c = claim('50 percent of the Harir Air Base');
    expect(span(c.speaker.antecedent)).toBe('A high-level source in the Axis of Resistance');
  });

  it('resolves the tweeting speaker’s role and group', () => {
    const c = claim('There will be no end to the operations');
    expect(c.speaker.role).toBe('head');
    expect(c.speaker.affiliation).toBe('the Kataib Sayyid al-Shuhada group');
  });

  it('reads the officials’ claim of no damage as a denial', () => {
    expect(claim('did not cause any damage').polarity).toBe('denied');
    expect(claim('2,500 soldiers in Iraq').polarity).toBe('asserted');
  });

  it('attaches the outlet’s disclaimer to the photo claim', () => {
    const disclaimer = read().markers.find((m) => m.kind === 'verification-disclaimer')!;
    expect(disclaimer.text).toBe('could not independently verify');
    expect(disclaimer.claimIds).toEqual([claim('exclusive satellite photo').id]);
  });

  it('attaches the hedge to the claim it qualifies', () => {
    const hedge = read().markers.find((m) => m.text === 'are thought to')!;
    expect(hedge.claimIds).toEqual([claim('thought to receive support from Iran').id]);
  });

  it('merges the standfirst’s "twelve times" with the body’s "12 times"', () => {
    const c = claim('armed drones 12 times');
    expect(c.mentions.map((m) => text.slice(m.start, m.end)).some((m) => m.includes('twelve times'))).toBe(
      true,
    );
  });

  it('reads the outlet’s own disclaimer as a marker, not as an attribution', () => {
    expect(read().attributions.some((a) => span(a.cue)?.includes('verify'))).toBe(false);
  });

  it('makes no claim of the closing disclaimer or the byline', () => {
    expect(read().claims.some((c) => c.text.includes('views expressed'))).toBe(false);
    expect(read().claims.some((c) => c.text.includes('News Desk'))).toBe(false);
  });
});
