import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { formatCsv, guardCell, parseCsv, unguardCell } from '../../src/export/csv.js';

describe('CSV injection guard', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+33 1 23', "'+33 1 23"],
    ['-- no comment', "'-- no comment"],
    ['@admin', "'@admin"],
    ['\tcmd', "'\tcmd"],
    ["'quoted already", "''quoted already"],
    ['-33.5', '-33.5'],
    ['+4', '+4'],
    ['1e-5', '1e-5'],
    ['Harir Air Base', 'Harir Air Base'],
    ['', ''],
  ])('%j is written as %j and read back unchanged', (cell, written) => {
    expect(guardCell(cell)).toBe(written);
    expect(unguardCell(guardCell(cell))).toBe(cell);
  });
});

describe('RFC 4180 text', () => {
  it.each([
    ['plain cells', [['a', 'b']], 'h1,h2\r\na,b\r\n'],
    ['a comma', [['Wire Service, Inc.', 'x']], 'h1,h2\r\n"Wire Service, Inc.",x\r\n'],
    ['double quotes', [['said "no damage"', 'x']], 'h1,h2\r\n"said ""no damage""",x\r\n'],
    ['a line break', [['line one\nline two', 'x']], 'h1,h2\r\n"line one\nline two",x\r\n'],
    ['a formula in quotes', [['=1,2', '']], 'h1,h2\r\n"\'=1,2",\r\n'],
    ['empty cells', [['', '']], 'h1,h2\r\n,\r\n'],
    ['non-ASCII', [['Rafaḩ', 'دير الزور']], 'h1,h2\r\nRafaḩ,دير الزور\r\n'],
  ])('%s', (_case, rows, text) => {
    expect(formatCsv(['h1', 'h2'], rows)).toBe(text);
    expect(parseCsv(text)).toEqual([['h1', 'h2'], ...rows]);
  });

  it('reads LF line ends, a byte-order mark and a last line without a line end', () => {
    expect(parseCsv('\uFEFFa,b\n1,"2\r\n3"\n4,5')).toEqual([
      ['a', 'b'],
      ['1', '2\r\n3'],
      ['4', '5'],
    ]);
  });

  it('refuses an unclosed quoted field', () => {
    expect(() => parseCsv('a,b\r\n"open,x\r\n')).toThrow(InputError);
  });
});
