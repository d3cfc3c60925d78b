import { describe, expect, it } from 'vitest';
import { mayMatch, needleTable, requiredLiterals, seedNeedles } from '../../src/nlp/regex-prefilter.js';

// The needle table `npm run build` keeps for the CLI: what the reader read, by flags and
// source, and taken back instead of reading the patterns again.
describe('the regex needle table', () => {
  it.each([
    ['christmas(?:\\s+day)?', 'gi'],
    ['\\b(?:air ?strikes?|air ?raids?)\\b', 'gi'],
    ['\\d+', 'g'],
  ])('holds /%s/%s as requiredLiterals reads it once a text was asked about', (source, flags) => {
    mayMatch('Shelling eased over Easter.', source, flags);
    expect(needleTable()[`${flags}/${source}`]).toEqual(requiredLiterals(source, flags));
  });

  it('holds patterns given as regexes by their flags and source', () => {
    const re = /ceasefire\s+(?:talks|deal)/giu;
    mayMatch('Talks resumed.', re);
    expect(needleTable()['giu/ceasefire\\s+(?:talks|deal)']).toEqual([['ceasefire'], ['talks', 'deal']]);
  });

  it.each([
    ['a source never met before', 'truce(?:\\s+line)?', 'gi'],
    ['a regex never met before', /armistice\s+day/i.source, 'i'],
  ])('takes seeded needles for %s instead of reading the pattern', (_, source, flags) => {
    // A seeded table is trusted: here it names a word the pattern does not need, which shows
    // the text is tested against the table, not against a fresh reading.
    seedNeedles({ [`${flags}/${source}`]: [['zebra']] });
    expect(mayMatch('The truce line held on armistice day.', source, flags)).toBe(false);
    expect(mayMatch('A zebra crossed the truce line on armistice day.', source, flags)).toBe(true);
  });

  it('keeps needles already read over seeded ones', () => {
    mayMatch('Shelling eased over Easter.', 'easter(?:\\s+sunday)?', 'gi');
    seedNeedles({ 'gi/easter(?:\\s+sunday)?': [['zebra']] });
    expect(mayMatch('Shelling eased over Easter.', 'easter(?:\\s+sunday)?', 'gi')).toBe(true);
  });
});
