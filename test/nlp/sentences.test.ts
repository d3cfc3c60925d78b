import { describe, expect, it } from 'vitest';
import { segment } from '../../src/nlp/sentences.js';

const sentencesOf = (text: string) => segment(text).sentences.map((s) => text.slice(s.start, s.end));

describe('sentence splitting in news text', () => {
  it.each([
    [
      'two plain sentences',
      'Drones hit the base. Nobody was hurt.',
      ['Drones hit the base.', 'Nobody was hurt.'],
    ],
    [
      'abbreviations do not end sentences',
      'The U.S. Army said Col. Jane Roe led the unit. She left on Jan. 5.',
      ['The U.S. Army said Col. Jane Roe led the unit.', 'She left on Jan. 5.'],
    ],
    [
      'a headline line ends at the line break',
      'Drones hit base near Erbil\nThe attack came at dawn.',
      ['Drones hit base near Erbil', 'The attack came at dawn.'],
    ],
    [
      'a quote with its closing mark stays whole',
      '“We will respond,” the spokesman said. Talks ended.',
      ['“We will respond,” the spokesman said.', 'Talks ended.'],
    ],
    ['list items are separate', 'Targets:\n- a depot\n- a bridge', ['Targets:', '- a depot', '- a bridge']],
    [
      'a domain name does not split a sentence',
      'The views are not those of example.com. Read more.',
      ['The views are not those of example.com.', 'Read more.'],
    ],
    [
      'a title abbreviation before a name does not end a sentence',
      'Rev. Al Sharpton spoke. Gov. Jane Roe left.',
      ['Rev. Al Sharpton spoke.', 'Gov. Jane Roe left.'],
    ],
    [
      'a lower-case continuation after a bracket stays in the sentence',
      'Sen. Jane Roe (D-Mo.) said the bill failed. Then it passed.',
      ['Sen. Jane Roe (D-Mo.) said the bill failed.', 'Then it passed.'],
    ],
    [
      'a question quoted before its speaker stays whole',
      '"Why now?" he asked. Nobody answered.',
      ['"Why now?" he asked.', 'Nobody answered.'],
    ],
    [
      'a byline after a blank line is its own sentence',
      'Shells fell on the town.\n\nBy Jane Roe',
      ['Shells fell on the town.', 'By Jane Roe'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  it('counts paragraphs at blank lines', () => {
    const { sentences } = segment('One. Two.\n\nThree.');
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 0, 1]);
  });

  it('gives tokens exact offsets and POS tags', () => {
    const text = 'The rockets hit “Baghdad” at 5 p.m.';
    const { tokens } = segment(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.find((t) => t.text === 'rockets')?.pos).toBe('NOUN');
  });

  it('returns nothing for empty or blank text', () => {
    expect(segment('')).toEqual({ tokens: [], sentences: [] });
    expect(segment('  \n\n ').sentences).toEqual([]);
  });

  it('keeps offsets right after astral characters and CRLF line ends', () => {
    const text = 'Smoke 🔥 rose.\r\nThe depot burned.';
    const got = sentencesOf(text);
    expect(got).toEqual(['Smoke 🔥 rose.', 'The depot burned.']);
  });
});
