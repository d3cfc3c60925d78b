import { describe, expect, it } from 'vitest';
import { analyzeBatchLine } from '../../src/cli/batch-line.js';

const options = { date: null, gazetteer: null, maxBytes: 1_000_000 };

describe('a batch line', () => {
  it.each([
    [
      'keeps the line’s URL as the publication’s address',
      { url: 'https://news.example.org/a' },
      'https://news.example.org/a',
    ],
    ['has no address when the line gives none', {}, null],
    ['ignores an empty URL', { url: '' }, null],
    ['ignores a URL that is not a string', { url: 42 }, null],
  ])('%s', (_, extra, url) => {
    const line = JSON.stringify({ id: 'a', text: 'Shelling hit the town on Monday.', ...extra });
    const record = analyzeBatchLine(line, 1, options) as { document: { url: string | null } };
    expect(record.document.url).toBe(url);
  });

  it('answers an error object for a line without text', () => {
    expect(analyzeBatchLine('{"id":"b"}', 3, options)).toEqual({
      id: 'b',
      error: 'line 3 has no "text" or "html" string',
    });
  });
});
