import { describe, expect, it } from 'vitest';
import {
  codePointAt,
  isLetter,
  isLetterNumberOrMark,
  isLetterOrNumber,
  isUpperCaseLetter,
} from '../../src/nlp/entities/char-classes.js';
import { wordTokens } from '../../src/nlp/entities/word-tokens.js';

describe('the character classes the entity scanners use', () => {
  const classes = [
    ['letter', isLetter, /^\p{L}$/u],
    ['letter or number', isLetterOrNumber, /^[\p{L}\p{N}]$/u],
    ['letter, number or mark', isLetterNumberOrMark, /^[\p{L}\p{N}\p{M}]$/u],
    ['upper-case letter', isUpperCaseLetter, /^\p{Lu}$/u],
  ] as const;
  it.each(classes)('a %s is what the Unicode pattern says, for every BMP character', (_, test, re) => {
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++)
      if (test(code) !== re.test(String.fromCharCode(code))) differ.push(code);
    expect(differ).toEqual([]);
  });
  it.each(classes)('a %s beyond the BMP is what the pattern says', (_, test, re) => {
    for (const ch of ['😀', '𝐒', '𝐬', '𝟗', '𐌰', '\u{1D167}'])
      expect(test(codePointAt(ch, 0))).toBe(re.test(ch));
  });
  it.each([
    ['a surrogate pair', 'a😀', 1, 0x1f600],
    ['a lone high surrogate', 'a\ud800b', 1, 0xd800],
    ['a lone low surrogate', '\udc00', 0, 0xdc00],
    ['past the end', 'ab', 2, -1],
  ])('reads %s as one code point', (_, text, at, code) => expect(codePointAt(text, at)).toBe(code));
});

describe('wordTokens reads words as its pattern did', () => {
  const pattern = /[\p{L}\p{N}$][\p{L}\p{N}\p{M}’'.\-&]*/gu;
  it.each([
    'Gen. Smith arrived in al-Qa’im’s outskirts.',
    'Café owners in Zürich said Ⅻ ⅻ ٣ units and ²-class items.',
    'Combining marks: e\u0301te\u0301 and Σίσυφος’ words.',
    'Astral 𝐒unday 😀Monday a😀b \ud800lone surrogates\udc00.',
    'U.S.-led forces & AT&T’s $5.5m deal; rock-’n’-roll.',
  ])('%s', (text) => {
    // Before trimming, each word starts where a match of the pattern starts.
    const starts = new Set([...text.matchAll(pattern)].map((m) => m.index));
    const words = wordTokens(text);
    expect(words.length).toBeGreaterThan(0);
    for (const w of words) {
      expect(starts.has(w.start)).toBe(true);
      expect(text.slice(w.start, w.end)).toBe(w.text);
    }
  });
});
