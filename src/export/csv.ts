import { InputError } from '../errors.js';

// Cells a spreadsheet would run as a formula (OWASP "CSV injection"): =, +, -, @, tab, CR.
const FORMULA_START = /^[=+\-@\t\r]/;
// A plain number is data, not a formula, even with a sign: latitudes stay numbers.
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A cell made safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a leading `'`, and so does text already starting with `'` (so that
 * `unguardCell` can undo exactly one). Plain numbers (`-33.5`) are left as they are.
 *
 * @example guardCell('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function guardCell(cell: string): string {
  if (PLAIN_NUMBER.test(cell)) return cell;
  return FORMULA_START.test(cell) || cell.startsWith("'") ? `'${cell}` : cell;
}

/**
 * The cell as it was before `guardCell`.
 *
 * @example unguardCell("'=1+1") // '=1+1'
 */
export function unguardCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * RFC 4180 text: a header row then one row per record, fields quoted where they hold a comma,
 * a double quote or a line break, CRLF line ends. Cells pass through `guardCell`.
 *
 * @example formatCsv(['a', 'b'], [['1', 'x, y']]) // 'a,b\r\n1,"x, y"\r\n'
 */
export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((row) => row.map((cell) => quote(guardCell(cell))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Rows of RFC 4180 text (CRLF or LF line ends, quoted fields over several lines), cells
 * unguarded. A leading byte-order mark is skipped; a final line end adds no empty row.
 * Throws `InputError` for an unterminated quoted field.
 *
 * @example parseCsv('a,b\r\n1,"x, y"\r\n') // [['a', 'b'], ['1', 'x, y']]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  const endCell = () => {
    row.push(unguardCell(cell));
    cell = '';
  };
  for (; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char !== '"') cell += char;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') endCell();
    else if (char === '\n' || (char === '\r' && text[i + 1] === '\n')) {
      if (char === '\r') i++;
      endCell();
      rows.push(row);
      row = [];
    } else cell += char;
  }
  if (quoted) throw new InputError('CSV: a quoted field is not closed before the end of the text');
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}
