import { describe, expect, it } from 'vitest';
import { isSpace } from '../../src/nlp/white-space.js';

describe('isSpace, the regex class \\s read from a code unit', () => {
  it.each([
    ['a space', 0x20, true],
    ['a tab', 0x09, true],
    ['a line feed', 0x0a, true],
    ['a no-break space', 0xa0, true],
    ['an ideographic space', 0x3000, true],
    ['a byte-order mark', 0xfeff, true],
    ['a letter', 0x61, false],
    ['a zero-width space (not white space in JavaScript)', 0x200b, false],
  ])('%s: %s', (_name, code, expected) => {
    expect(isSpace(code)).toBe(expected);
  });

  it('agrees with /\\s/ on every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});
