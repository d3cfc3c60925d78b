import { isDigit, isLetter } from './char-classes.js';
import { isNumberWordStart, parseNumberWords } from './number-words.js';

/** Denominators of written fractions ("1/4 mile", "10 1/2 miles"); "9/11" is a name, not 0.82. */
const FRACTION_DENOMINATORS: ReadonlySet<number> = new Set([2, 3, 4, 5, 6, 8, 10, 16]);

/** A number read at an offset, before its sign, scale and unit. */
export interface NumberAt {
  readonly value: number;
  readonly start: number;
  readonly end: number;
  readonly spelledOut: boolean;
  readonly vague: boolean;
  readonly integerDigits: string | null;
}

const NUMERAL =
  /(\d{1,3}(?:,\d{3}){1,5}(?!\d)|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}){1,4}(?![\d,])|\d{1,16}(?!\d))(\.\d{1,12}(?!\d))?/y;
const SCIENTIFIC = /(\d+(?:\.\d+)?)\s*[×x]\s*10\^?([−-]?\d+)/y;

/** Reads a numeral at `pos` (a digit): "1,500,000", "30616.16", "10 1/2", "1/4", "2.48×10−5". */
function numeralAt(text: string, pos: number): NumberAt | null {
  SCIENTIFIC.lastIndex = pos;
  const sci = SCIENTIFIC.exec(text);
  if (sci) {
    const exp = Number((sci[2] ?? '0').replace('−', '-'));
    return {
      value: Number(sci[1]) * 10 ** exp,
      start: pos,
      end: pos + sci[0].length,
      spelledOut: false,
      vague: false,
      integerDigits: null,
    };
  }
  NUMERAL.lastIndex = pos;
  const m = NUMERAL.exec(text);
  if (!m) return null;
  const intPart = (m[1] ?? '').replace(/[ ,\u00a0\u202f\u2009]/g, '');
  let value = Number(intPart + (m[2] ?? ''));
  let end = pos + m[0].length;
  // "12.5.3" (versions, section numbers) are not quantities
  if (text[end] === '.' && isDigit(text[end + 1])) return null;
  const frac = /^(\s+)?(\d{1,2})\/(\d{1,2})(?![\d/])/.exec(text.slice(end, end + 8));
  if (frac && !m[2]) {
    const num = Number(frac[2]);
    const den = Number(frac[3]);
    const mixed = frac[1] !== undefined;
    if (FRACTION_DENOMINATORS.has(den) && num < den) {
      if (mixed) value += num / den;
      else return null; // handled below as a plain fraction
      end += frac[0].length;
    } else if (mixed) {
      // "10 1/0": leave the first number alone
    } else
      return {
        value: Number.NaN,
        start: pos,
        end: end + frac[0].length,
        spelledOut: false,
        vague: false,
        integerDigits: null,
      };
  }
  const plain = /^\/(\d{1,2})(?![\d/])/.exec(text.slice(end, end + 4));
  if (plain && !m[2]) {
    const den = Number(plain[1]);
    if (FRACTION_DENOMINATORS.has(den) && value < den)
      return {
        value: value / den,
        start: pos,
        end: end + plain[0].length,
        spelledOut: false,
        vague: false,
        integerDigits: null,
      };
    return {
      value: Number.NaN,
      start: pos,
      end: end + plain[0].length,
      spelledOut: false,
      vague: false,
      integerDigits: null,
    };
  }
  return {
    value,
    start: pos,
    end,
    spelledOut: false,
    vague: false,
    integerDigits: m[2] ? null : (m[1] ?? null),
  };
}

function plainFractionAt(text: string, pos: number): NumberAt | null {
  const m = /^(\d{1,2})\/(\d{1,2})(?![\d/])/.exec(text.slice(pos, pos + 6));
  if (!m) return null;
  const num = Number(m[1]);
  const den = Number(m[2]);
  if (!(FRACTION_DENOMINATORS.has(den) && num < den)) return null;
  return {
    value: num / den,
    start: pos,
    end: pos + m[0].length,
    spelledOut: false,
    vague: false,
    integerDigits: null,
  };
}

/** Unicode vulgar fractions ("2½ miles", "¾ of the town"). */
export const VULGAR: Readonly<Record<string, number>> = {
  '½': 0.5,
  '¼': 0.25,
  '¾': 0.75,
  '⅓': 1 / 3,
  '⅔': 2 / 3,
  '⅛': 0.125,
};

/**
 * A number (digits or words) at `pos`, without sign, scale or unit.
 *
 * @example numberAt('about 1,500,000 km', 6)?.value // 1500000
 */
export function numberAt(text: string, pos: number): NumberAt | null {
  const v0 = VULGAR[text[pos] ?? ''];
  if (v0 !== undefined)
    return { value: v0, start: pos, end: pos + 1, spelledOut: false, vague: false, integerDigits: null };
  if (isDigit(text[pos])) {
    const n = numeralAt(text, pos) ?? plainFractionAt(text, pos);
    // "2½", "3 ½"
    const sp = text[n?.end ?? 0] === ' ' ? 1 : 0;
    const v = n && !Number.isNaN(n.value) ? VULGAR[text[n.end + sp] ?? ''] : undefined;
    if (n && v !== undefined && Number.isInteger(n.value))
      return { ...n, value: n.value + v, end: n.end + sp + 1, integerDigits: null };
    return n;
  }
  if (isLetter(text[pos]) && !isLetter(text[pos - 1])) {
    const w = /^[A-Za-z]+/.exec(text.slice(pos, pos + 20))?.[0] ?? '';
    if (!isNumberWordStart(w)) return null;
    const r = parseNumberWords(text, pos);
    if (!r) return null;
    return { value: r.value, start: pos, end: r.end, spelledOut: true, vague: r.vague, integerDigits: null };
  }
  return null;
}
