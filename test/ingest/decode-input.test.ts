import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { decodeInput, sniffBinaryKind } from '../../src/ingest/decode-input.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => new Uint8Array(b);

describe('decodeInput accepts text', () => {
  const cases: Array<[string, Uint8Array, string]> = [
    ['plain UTF-8', utf8('Shelling hit Kherson.'), 'Shelling hit Kherson.'],
    [
      'UTF-8 with accents and Cyrillic',
      utf8('Obstrel v Chersoni — Херсон, café'),
      'Obstrel v Chersoni — Херсон, café',
    ],
    ['UTF-8 with a BOM, which is stripped', bytes(0xef, 0xbb, 0xbf, ...utf8('Two died.')), 'Two died.'],
    ['UTF-16 LE with a BOM', bytes(0xff, 0xfe, 0x54, 0x00, 0x77, 0x00, 0x6f, 0x00), 'Two'],
    ['UTF-16 BE with a BOM', bytes(0xfe, 0xff, 0x00, 0x54, 0x00, 0x77, 0x00, 0x6f), 'Two'],
    [
      'UTF-16 LE without a BOM',
      new Uint8Array(Buffer.from('Shelling hit Kherson.', 'utf16le')),
      'Shelling hit Kherson.',
    ],
    [
      'text starting with letters that spell a bitmap signature',
      utf8('BMW plant hit by drones.'),
      'BMW plant hit by drones.',
    ],
    ['tabs, CRLF and a form feed', utf8('a\tb\r\nc\fd'), 'a\tb\r\nc\fd'],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(decodeInput(input, { name: 'report.txt' })).toBe(expected);
  });
});

describe('decodeInput refuses what is not text', () => {
  const cases: Array<[string, Uint8Array, number | undefined, RegExp]> = [
    ['empty input', bytes(), undefined, /^empty input: report\.txt has no text$/],
    ['whitespace only', utf8(' \n\t \r\n'), undefined, /^empty input: report\.txt has only whitespace$/],
    ['a BOM and nothing else', bytes(0xef, 0xbb, 0xbf), undefined, /^empty input/],
    [
      'Latin-1 bytes',
      bytes(...utf8('Caf'), 0xe9, ...utf8(' bombed')),
      undefined,
      /not valid UTF-8 \(byte 0xe9 at offset 3\)/,
    ],
    [
      'a Windows-1251 page that says so',
      bytes(...utf8('<html><head><meta charset="windows-1251"></head><body>'), 0xcf, 0xf0, 0xe8),
      undefined,
      /not valid UTF-8 \(byte 0xcf at offset 54; the page declares charset windows-1251\); convert it first, e\.g\. iconv -f windows-1251 -t utf-8/,
    ],
    [
      'a truncated UTF-8 sequence',
      bytes(...utf8('ok '), 0xe2, 0x82),
      undefined,
      /not valid UTF-8 .*offset 3/,
    ],
    [
      'a NUL byte',
      bytes(...utf8('abc'), 0, ...utf8('def')),
      undefined,
      /binary data, not text \(NUL byte at offset 3\)/,
    ],
    [
      'a PDF',
      utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'),
      undefined,
      /^report\.txt is binary data, not text \(it looks like a PDF document\)$/,
    ],
    [
      'a PNG',
      bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0),
      undefined,
      /looks like a PNG image/,
    ],
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46), undefined, /looks like a JPEG image/],
    ['a ZIP', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), undefined, /looks like a ZIP archive/],
    [
      'mostly control characters',
      bytes(...Array.from({ length: 50 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))),
      undefined,
      /binary data.*control characters/,
    ],
    [
      'input over the size cap',
      utf8('x'.repeat(2048)),
      1024,
      /too large: 2\.0 KiB \(2048 bytes\) exceeds the limit of 1\.0 KiB \(1024 bytes\)/,
    ],
  ];
  it.each(cases)('%s', (_name, input, maxBytes, message) => {
    const run = () => decodeInput(input, { name: 'report.txt', ...(maxBytes ? { maxBytes } : {}) });
    expect(run).toThrow(InputError);
    expect(run).toThrow(message);
  });

  it('gives one-line messages that exit with the input code', () => {
    try {
      decodeInput(bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31), { name: 'scan.pdf' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).exitCode).toBe(3);
      expect((e as Error).message).not.toContain('\n');
    }
  });
});

describe('sniffBinaryKind', () => {
  const cases: Array<[number[], string | null]> = [
    [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
    [[0x47, 0x49, 0x46, 0x38, 0x39, 0x61], 'a GIF image'],
    [[0x1f, 0x8b, 0x08], 'a gzip archive'],
    [[0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50], 'a WebP image'],
    [[0x41, 0x42, 0x43], null],
  ];
  it.each(cases)('%j → %s', (input, expected) => {
    expect(sniffBinaryKind(new Uint8Array(input))).toBe(expected);
  });
});
