import { describe, expect, it } from 'vitest';
import { tokenTexts } from '../../src/nlp/attribution/cue-lexicon.js';

const tokens = ['the', 'ministry', 'has', 'said', 'on', 'Monday'].map((text) => ({ text }));

describe('the words of a cue, read as slice(from, to) would', () => {
  const ranges: [string, number, number][] = [
    ['the auxiliary and the verb', 2, 4],
    ['one word', 3, 4],
    ['nothing when the range is empty', 4, 4],
    ['nothing when it runs backwards', 4, 2],
    ['up to the last word when the end is past it', 4, 99],
    ['from the end when counted from the end', -2, 6],
    ['up to an end counted from the end', 0, -4],
    ['nothing when it starts past the end', 9, 12],
  ];
  it.each(ranges)('%s', (_, from, to) => {
    expect(tokenTexts(tokens, from, to)).toEqual(tokens.slice(from, to).map((t) => t.text));
  });
});
