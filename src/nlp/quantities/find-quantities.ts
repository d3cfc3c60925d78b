import type { Quantity, QuantityBound, TextSpan, Token } from '../../types/index.js';
import { blockedSpans, insideAny } from './blocked-spans.js';
import { isNumberWordStart, parseNumberWords } from './number-words.js';
import {
  CURRENCY_AFTER,
  CURRENCY_BEFORE,
  dimensionOf,
  EXTRA_UNIT_FACTORS,
  ISO_CODES,
  SCALE_SUFFIXES,
  SCALE_WORDS,
  toBaseUnit,
  UNIT_WORDS,
} from './unit-table.js';

/** One unit or currency surface form, ready for longest-first matching. */
interface UnitForm {
  readonly key: string;
  readonly unit: string;
  readonly currency: boolean;
  /** Match the case as written (single letters, ISO codes). */
  readonly exactCase: boolean;
}

const AFTER_FORMS: readonly UnitForm[] = buildAfterForms();
const BEFORE_FORMS: readonly UnitForm[] = buildBeforeForms();

function buildAfterForms(): UnitForm[] {
  const forms: UnitForm[] = [];
  for (const [key, unit] of Object.entries(UNIT_WORDS))
    forms.push({ key, unit, currency: false, exactCase: key.length === 1 && /[a-z]/.test(key) });
  for (const [key, unit] of Object.entries(CURRENCY_AFTER))
    forms.push({ key, unit, currency: true, exactCase: false });
  for (const code of ISO_CODES) {
    forms.push({ key: code, unit: code, currency: true, exactCase: true });
    // "120 MEUR", "48.5 MGBP": millions of a currency, as in financial tables
    forms.push({ key: `M${code}`, unit: code, currency: true, exactCase: true });
  }
  return forms.sort((a, b) => b.key.length - a.key.length);
}

/** The leading word of every currency form written before a number, to skip other words fast. */
const BEFORE_FIRST_WORDS: ReadonlySet<string> = new Set(
  BEFORE_FORMS.map((f) => /^[a-z]*/i.exec(f.key)?.[0].toLowerCase() ?? '').filter((w) => w !== ''),
);

function buildBeforeForms(): UnitForm[] {
  const forms: UnitForm[] = [];
  for (const [key, unit] of Object.entries(CURRENCY_BEFORE))
    forms.push({ key, unit, currency: true, exactCase: false });
  for (const code of ISO_CODES) forms.push({ key: code, unit: code, currency: true, exactCase: true });
  for (const code of ['usd', 'eur', 'gbp'])
    forms.push({ key: code, unit: code.toUpperCase(), currency: true, exactCase: true });
  return forms.sort((a, b) => b.key.length - a.key.length);
}

const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlnum = (c: string | undefined): boolean => isLetter(c) || isDigit(c);

/** Matches one of `forms` at `pos`; words must end at a word boundary. */
function matchForm(
  text: string,
  pos: number,
  forms: readonly UnitForm[],
  digitsMayFollow = false,
): UnitForm | null {
  for (const f of forms) {
    const s = text.slice(pos, pos + f.key.length);
    if (f.exactCase ? s !== f.key : s.toLowerCase() !== f.key) continue;
    const last = f.key[f.key.length - 1];
    const next = text[pos + f.key.length];
    if (isAlnum(last) && (digitsMayFollow ? isLetter(next) : isAlnum(next))) continue;
    return f;
  }
  return null;
}

/** Bound phrases written before a number; longest first. */
const BOUND_PHRASES: readonly [string, QuantityBound][] = (
  [
    ['at least', 'at-least'],
    ['no fewer than', 'at-least'],
    ['no less than', 'at-least'],
    ['not less than', 'at-least'],
    ['a minimum of', 'at-least'],
    ['more than', 'more-than'],
    ['over', 'more-than'],
    ['well over', 'more-than'],
    ['just over', 'more-than'],
    ['upwards of', 'more-than'],
    ['in excess of', 'more-than'],
    ['exceeding', 'more-than'],
    ['above', 'more-than'],
    ['at most', 'at-most'],
    ['up to', 'at-most'],
    ['no more than', 'at-most'],
    ['not more than', 'at-most'],
    ['as many as', 'at-most'],
    ['a maximum of', 'at-most'],
    ['less than', 'less-than'],
    ['fewer than', 'less-than'],
    ['under', 'less-than'],
    ['below', 'less-than'],
    ['just under', 'less-than'],
    ['nearly', 'approximate'],
    ['almost', 'approximate'],
    ['about', 'approximate'],
    ['around', 'approximate'],
    ['approximately', 'approximate'],
    ['aproximately', 'approximate'],
    ['roughly', 'approximate'],
    ['some', 'approximate'],
    ['an estimated', 'approximate'],
    ['estimated', 'approximate'],
    ['circa', 'approximate'],
    ['close to', 'approximate'],
    ['an approximate', 'approximate'],
    ['~', 'approximate'],
  ] as [string, QuantityBound][]
).sort((a, b) => b[0].length - a[0].length);

/** Words that end the noun phrase a count counts ("12 times since", "50 cars are"). */
const STOP_WORDS = new Set(
  (
    'a an the this that these those of in on at to for from by with without into onto over under about ' +
    'and or but nor so yet as than then since until till after before during between among across ' +
    'is are was were be been being am has have had do does did will would shall should can could may might must ' +
    'it its he she they we you i me him her them us our your their his my who whom whose which what when where why how ' +
    'not no nor also only just already still more most less least very too per each every all both some any ' +
    'said says say according told reported including include includes out up down off if there here'
  ).split(' '),
);

/** Label words whose number names a thing rather than counting it ("Gate 10", "No. 3"). */
const LABEL_BEFORE =
  /(?:\b(?:Gate|Route|Highway|Hwy|Interstate|Exit|Flight|Room|Chapter|Section|Article|Resolution|Paragraph|Page|Vol|Volume|Part|Episode|Season|Round|Phase|Stage|Platform|Terminal|Unit|Block|Building|Level|Grade|Category|Class|Group|Division|Brigade|Battalion|Regiment|Corps|Squadron|Wing|Fleet|Precinct|District|Ward|Zone|Sector|Checkpoint|Camp|Apartment|Apt|Suite|Box|Lot|Track|Line|Bus|Train|Road|Street|Avenue|Lane)|\b(?:route|highway|exit|gate|flight|chapter|resolution|number|No\.|no\.|nos\.|Nos\.)|#)\s*$/;

/** A street name after a house number ("2231 Royal Street", "8024 Turtle Creek Cir."). */
const ADDRESS_AFTER =
  /^\d{2,5}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Cir|Circle|Ln|Lane|Dr|Drive|Way|Ct|Court|Pl|Place|Pkwy|Parkway|Hwy|Highway|Terrace|Ter)\b/;

/** Words after "10m" that keep it a length ("10m high", "5m away"). */
const LENGTH_CONTEXT =
  /^\s+(?:high|long|deep|wide|tall|away|thick|across|above|below|under|from|in|of|to|into|north|south|east|west|inland|offshore|underground|off)\b/i;

/** A raw reading before it becomes a record. */
interface Reading {
  start: number;
  end: number;
  value: number;
  unit: string;
  bound: QuantityBound;
  low: number | null;
  high: number | null;
  spelledOut: boolean;
  year: boolean;
  hasScale: boolean;
  confidence: number;
}

interface NumberAt {
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
    if (den > 0 && den <= 16 && num < den) {
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
    if (den > 0 && den <= 16 && value < den)
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
  if (!(den > 0 && den <= 16 && num < den)) return null;
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
const VULGAR: Readonly<Record<string, number>> = {
  '½': 0.5,
  '¼': 0.25,
  '¾': 0.75,
  '⅓': 1 / 3,
  '⅔': 2 / 3,
  '⅛': 0.125,
};

/** A number (digits or words) at `pos`, without sign, scale or unit. */
function numberAt(text: string, pos: number): NumberAt | null {
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

/** Scale word or glued suffix right after a number: "5 million", "€10M", "3.5bn", "0.5k". */
function scaleAt(text: string, pos: number, glued: boolean): { factor: number; end: number } | null {
  if (glued) {
    const m = /^(bn|mn|[kKmMbB])(?![A-Za-z])/.exec(text.slice(pos, pos + 3));
    if (m?.[1]) return { factor: SCALE_SUFFIXES[m[1]] ?? 1, end: pos + m[0].length };
    return null;
  }
  const m = /^(-|\s*)([A-Za-z]+)/.exec(text.slice(pos, pos + 16));
  if (!m?.[2]) return null;
  const w = m[2].toLowerCase();
  const f = SCALE_WORDS[w];
  if (f === undefined) return null;
  // "a million of them" is a count, but "5 million dollars" and "$5 million" are money
  return { factor: f, end: pos + m[0].length };
}

/** A unit after a number: "km", " square feet", "-mile", " (kg)", "°C", " dollars". */
function unitAfter(text: string, pos: number): { form: UnitForm; end: number } | null {
  const gap = /^(?:-|\s{0,2})/.exec(text.slice(pos, pos + 3))?.[0] ?? '';
  let at = pos + gap.length;
  if (text[at] === '\n') return null;
  const bracket = /^[([{<]\s*/.exec(text.slice(at, at + 3));
  if (bracket) {
    const f = matchForm(text, at + bracket[0].length, AFTER_FORMS);
    if (!f) return null;
    const close = /^\s*[)\]}>]/.exec(text.slice(at + bracket[0].length + f.key.length));
    if (!close) return null;
    return { form: f, end: at + bracket[0].length + f.key.length + close[0].length };
  }
  const f = matchForm(text, at, AFTER_FORMS);
  if (!f) return null;
  // a unit glued to the number must itself be glued-friendly ("10kg", "25lbs", "100元", "35%")
  at += f.key.length;
  // "5 m" of a hyphenated unit adjective like "6.0-sigma" cannot be reached here; "-year-old"
  const old = /^(?:-|\s)(?:old|of age)\b/.exec(text.slice(at, at + 8));
  if (old && dimensionOf(f.unit) === 'time') at += old[0].length;
  return { form: f, end: at };
}

/** Finds the bound phrase that ends right before `start`, if any. */
function boundBefore(text: string, start: number): { bound: QuantityBound; start: number } | null {
  const before = text.slice(Math.max(0, start - 24), start);
  for (const [re, bound] of BOUND_RES) {
    const m = re.exec(before);
    if (m?.[1]) return { bound, start: start - (before.length - (m.index + m[0].indexOf(m[1]))) };
  }
  return null;
}

const BOUND_RES: readonly [RegExp, QuantityBound][] = BOUND_PHRASES.map(([phrase, bound]) => [
  new RegExp(`(?:^|[^A-Za-z])(${phrase.replace(/~/g, '\\~')})${phrase === '~' ? '\\s*' : '\\s+'}$`, 'i'),
  bound,
]);

/** What a count counts: the head of the noun phrase right after it ("900 US troops" → "troops"). */
function countedNoun(text: string, end: number, tokens: readonly Token[] | undefined): TextSpan | null {
  if (tokens && tokens.length > 0) {
    const byTokens = countedNounFromTokens(text, end, tokens);
    if (byTokens !== undefined) return byTokens;
  }
  const re = /\s*([A-Za-z][A-Za-z'’-]*)/y;
  let pos = end;
  let head: TextSpan | null = null;
  for (let n = 0; n < 4; n++) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m?.[1]) break;
    if (m[0].includes('\n')) break;
    const w = m[1];
    const lw = w.toLowerCase();
    if (STOP_WORDS.has(lw)) break;
    if (/ly$/.test(lw) && lw.length > 4) break;
    if (head && /(?:ing|ed)$/.test(lw)) break;
    const s = pos + m[0].length - w.length;
    if (/-$/.test(w)) break;
    const clean = w.replace(/['’]s?$/, '');
    head = { start: s, end: s + clean.length, text: clean };
    pos += m[0].length;
    // a plural noun ends the phrase ("troops occupying", "times in")
    if (/[a-z]s$/.test(lw) && !/(?:ss|us|is)$/.test(lw)) break;
  }
  if (head && (head.text.length < 2 || /^\d/.test(head.text))) return null;
  return head;
}

function countedNounFromTokens(
  text: string,
  end: number,
  tokens: readonly Token[],
): TextSpan | null | undefined {
  // first token at or after `end` (binary search: tokens are in text order)
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.start ?? 0) < end) lo = mid + 1;
    else hi = mid;
  }
  let i = lo;
  const first = tokens[i];
  if (!first) return undefined;
  if (text.slice(end, first.start).trim() !== '') return null;
  let head: TextSpan | null = null;
  for (let n = 0; n < 4 && i < tokens.length; n++, i++) {
    const t = tokens[i];
    if (!t) break;
    // "SPLA-IO fighters": a hyphenated compound is one word
    let tEnd = t.end;
    while (text[tEnd] === '-' && tokens[i + 1]?.start === tEnd && tokens[i + 2]?.start === tEnd + 1) {
      i += 2;
      tEnd = tokens[i]?.end ?? tEnd;
    }
    const last = tokens[i] ?? t;
    if (last.pos === 'NOUN' || last.pos === 'PROPN')
      head = { start: t.start, end: tEnd, text: text.slice(t.start, tEnd) };
    else if (last.pos === 'ADJ' || last.pos === 'NUM') {
      if (head) break;
    } else break;
    const next = tokens[i + 1];
    if (head && (!next || !(next.pos === 'NOUN' || next.pos === 'PROPN'))) break;
  }
  return head;
}

/** "three of the attackers" → "attackers": the head of a partitive's noun phrase. */
function partitiveOf(text: string, end: number): TextSpan | null {
  if (!/^\s+of\s+(?:the|their|its|his|her|our|these|those)\s/i.test(text.slice(end, end + 16))) return null;
  const whole = wholeAfterOf(text, end);
  if (!whole) return null;
  const last = /[A-Za-z][A-Za-z'’-]*$/.exec(whole.text)?.[0] ?? '';
  return last ? { start: whole.end - last.length, end: whole.end, text: last } : null;
}

/** The noun phrase of "… percent of the base" (the whole a share refers to). */
function wholeAfterOf(text: string, end: number): TextSpan | null {
  const m = /^\s+of\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|this\s+|that\s+)?/i.exec(
    text.slice(end, end + 20),
  );
  if (!m) return null;
  const start = end + m[0].length;
  const word = /[A-Za-z][A-Za-z'’-]*/y;
  const gap = /[ \t]+/y;
  let pos = start;
  let last = -1;
  for (let n = 0; n < 5; n++) {
    if (n > 0) {
      gap.lastIndex = pos;
      if (!gap.exec(text)) break;
      pos = gap.lastIndex;
    }
    word.lastIndex = pos;
    const w = word.exec(text)?.[0];
    if (!w) break;
    const lw = w.toLowerCase();
    if (STOP_WORDS.has(lw)) {
      if (last < 0) return null;
      break;
    }
    if (last >= 0 && /[a-z](?:ed|ing)$/.test(w)) break;
    last = pos + w.length;
    pos = last;
    if (/[a-z]s$/.test(w) && !/^[A-Z]/.test(w)) break;
  }
  return last > start ? { start, end: last, text: text.slice(start, last) } : null;
}

/** Whether what precedes `pos` glues a letter or a hyphenated code to the number ("F-16", "L2"). */
function gluedBefore(text: string, pos: number): boolean {
  const p = text[pos - 1];
  if (isLetter(p) || p === '_' || p === '/' || p === '#') return true;
  if (p === '.' && isDigit(text[pos - 2])) return true;
  if ((p === '-' || p === '‑' || p === '+') && isAlnum(text[pos - 2])) return true;
  return false;
}

/** The end of the alphanumeric run at `pos` (to skip codes such as "06F6" or "MQ-9B"). */
function runEnd(text: string, pos: number): number {
  const m = /^[\p{L}\p{N}._+\-‑/]*/u.exec(text.slice(pos, pos + 40));
  return pos + (m?.[0].length ?? 1);
}

/**
 * Reads every quantity in `text`: numbers with units, bounds, ranges and what counts count.
 * Dates, clock times, ordinals, phone numbers and model designations are left out.
 *
 * @example findQuantities('attacked at least 76 times')[0] // { value: 76, unit: 'count', bound: 'at-least', of: {text: 'times', …}, … }
 */
export function findQuantities(text: string, tokens?: readonly Token[], stage = 'quantities'): Quantity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const blocked = blockedSpans(text);
  const readings: Reading[] = [];
  const cand = /(?<![0-9])[0-9]|(?<![A-Za-z])[A-Za-z]|[½¼¾⅓⅔⅛]/g;
  let m: RegExpExecArray | null = cand.exec(text);
  while (m !== null) {
    const pos = m.index;
    const r = readAt(text, pos, blocked);
    if (r === 'skip-run') {
      cand.lastIndex = runEnd(text, pos);
    } else if (r === null) {
      if (isLetter(text[pos]))
        cand.lastIndex = pos + (/^[A-Za-z]+/.exec(text.slice(pos, pos + 40))?.[0].length ?? 1);
      else cand.lastIndex = pos + 1;
    } else if (
      r.unit === 'count' &&
      !r.spelledOut &&
      r.bound === 'exact' &&
      /^ \d/.test(text.slice(r.end, r.end + 2))
    ) {
      // "245 23 yen": two bare numerals side by side are a code or a typo, not two quantities
      const next = readAt(text, r.end + 1, blocked);
      cand.lastIndex = next && next !== 'skip-run' ? Math.max(next.end, r.end + 1) : runEnd(text, r.end + 1);
    } else {
      readings.push(r);
      cand.lastIndex = Math.max(r.end, pos + 1);
    }
    m = cand.exec(text);
  }
  return readings.map((r, k) => toRecord(text, r, k, tokens, stage));
}

/** Reads one quantity starting at a candidate `pos`, or tells the scanner to skip. */
function readAt(
  text: string,
  pos: number,
  blocked: readonly { start: number; end: number }[],
): Reading | 'skip-run' | null {
  if (insideAny(blocked, pos)) return null;
  // "F-16", "L2", "J1149.5": codes, not quantities ("USD115" is read from its "U")
  if (isDigit(text[pos]) && gluedBefore(text, pos)) return 'skip-run';
  // "Gate 10", "Highway 35", "Resolution 2334", "No. 1": labels, not amounts
  if (LABEL_BEFORE.test(text.slice(Math.max(0, pos - 16), pos))) return 'skip-run';
  // "no one", "every one of you", "one another", "the One Percent": pronoun uses of "one"
  if (/^one\b/i.test(text.slice(pos, pos + 4))) {
    if (
      /\b(?:no|every|any|some|each|the|this|that|which|a|no-)\s*-?\s*$/i.test(
        text.slice(Math.max(0, pos - 8), pos),
      )
    )
      return null;
    if (
      /^one\s+(?:another|thing|sense|way|hand|day|point|time|stop|side|after|by)\b/i.test(
        text.slice(pos, pos + 16),
      )
    )
      return null;
    if (
      /^One\s+[A-Z]/.test(text.slice(pos, pos + 6)) &&
      !/(?:^|[.!?"“]\s*)$/.test(text.slice(Math.max(0, pos - 3), pos))
    )
      return null;
  }
  // "one-of-a-kind", "23 rd": parts of words, spaced ordinals
  if (/^[A-Za-z]+-of-/.test(text.slice(pos, pos + 12))) return null;
  if (isDigit(text[pos]) && /^\d+\s(?:st|nd|rd|th)\b/.test(text.slice(pos, pos + 12))) return 'skip-run';
  // street addresses: "2231 Royal Street", "8024 Turtle Creek Cir."
  if (isDigit(text[pos]) && ADDRESS_AFTER.test(text.slice(pos, pos + 60))) return 'skip-run';
  let first = readSingle(text, pos, blocked);
  if (first === 'skip-run' || first === null) return first;

  // ranges: "8 to 16 km", "between 3 and 5", "from -18 °C to -34 °C", "-78-0 degrees Celsius"
  const between = /\b(between|from)\s+$/i.exec(text.slice(Math.max(0, first.start - 10), first.start));
  const link = /^\s*(to|and|through|–|—|-)\s*/i.exec(text.slice(first.end, first.end + 12));
  if (link?.[1] && !first.year) {
    const word = link[1].toLowerCase();
    const ok =
      (word === 'and' && between?.[1]?.toLowerCase() === 'between') ||
      word === 'to' ||
      word === 'through' ||
      ((word === '-' || word === '–' || word === '—') && isDigit(text[first.end + link[0].length]));
    let nextPos = first.end + link[0].length;
    // "from -18 °C to -34 °C": the sign of the second end
    if (word !== '-' && (text[nextPos] === '-' || text[nextPos] === '−') && isDigit(text[nextPos + 1]))
      nextPos += 1;
    if (ok && (word !== '-' || link[0] === '-' || text[nextPos] === '-' || text[nextPos] === '−')) {
      const second = readSingle(text, nextPos, blocked);
      if (second && second !== 'skip-run' && !second.year && second.bound === 'exact') {
        const sameUnit = first.unit === second.unit || first.unit === 'count' || second.unit === 'count';
        const unit = first.unit !== 'count' ? first.unit : second.unit;
        const bareCounts = unit === 'count';
        if (sameUnit && (!bareCounts || between || word !== '-' || second.value > first.value)) {
          const low = Math.min(first.value, second.value);
          const high = Math.max(first.value, second.value);
          first = {
            ...first,
            end: second.end,
            unit,
            value: (low + high) / 2,
            low,
            high,
            bound: 'range',
            spelledOut: first.spelledOut || second.spelledOut,
            confidence: Math.min(first.confidence, second.confidence),
          };
          if (between) first.start = Math.min(first.start, first.start - between[0].length);
        }
      }
    }
  }
  // "1.5 x 3 meters": the first side takes the unit of the second
  if (first.unit === 'count' && !first.spelledOut && first.bound === 'exact') {
    const by = /^\s*[x×]\s*/.exec(text.slice(first.end, first.end + 6));
    const side = by ? readSingle(text, first.end + by[0].length, blocked) : null;
    if (side && side !== 'skip-run' && dimensionOf(side.unit) === 'length') {
      first.unit = side.unit;
      first.confidence = 0.8;
    }
  }
  // bound phrases before the number ("over 17,000", "at least 76", "up to 4,000 km")
  if (first.bound === 'exact') {
    let b = boundBefore(text, first.start);
    // "in three waves over 48 hours": "over" before a duration is mostly "during"
    if (b && dimensionOf(first.unit) === 'time' && /^over\b/i.test(text.slice(b.start, b.start + 5)))
      b = null;
    if (b) {
      first.bound = b.bound;
      first.start = b.start;
      if (b.bound === 'at-least' || b.bound === 'more-than') {
        first.low = first.value;
        first.high = null;
      } else if (b.bound === 'at-most' || b.bound === 'less-than') {
        first.low = null;
        first.high = first.value;
      } else {
        first.low = null;
        first.high = null;
      }
      if (first.year) {
        first.year = false;
      }
    }
  }
  return first;
}

/** One number with its sign, scale, currency and unit. */
function readSingle(
  text: string,
  pos: number,
  blocked: readonly { start: number; end: number }[],
): Reading | 'skip-run' | null {
  let start = pos;
  let numPos = pos;
  let sign = 1;
  let currency: { unit: string; start: number } | null = null;

  // currency before the number: "$5", "US$ 3", "USD 200", "£ 8.10 million", "dollar 22.5 million"
  const word = /^[A-Za-z]*/.exec(text.slice(pos, pos + 20))?.[0] ?? '';
  if (!isDigit(text[pos]) && VULGAR[text[pos] ?? ''] === undefined && !isNumberWordStart(word)) {
    if (!BEFORE_FIRST_WORDS.has(word.toLowerCase())) return null;
    const f = matchForm(text, pos, BEFORE_FORMS, true);
    if (!f) return null;
    let after = pos + f.key.length;
    const gap = /^\s{0,2}/.exec(text.slice(after, after + 2))?.[0] ?? '';
    after += gap.length;
    if (text[after] === '-' || text[after] === '−') {
      sign = -1;
      after += 1;
    }
    if (!isDigit(text[after])) {
      // "dollar five million" is rare; only digits follow a currency sign
      return null;
    }
    if (isAlnum(f.key[0]) && isLetter(text[pos - 1])) return null;
    currency = { unit: f.unit, start: pos };
    numPos = after;
  } else if (isDigit(text[pos])) {
    // a sign right before the digits: "-18 °C", "($-99.99)" handled above
    const p = text[pos - 1];
    if ((p === '-' || p === '−') && !isAlnum(text[pos - 2]) && text[pos - 2] !== '-') {
      sign = -1;
      start = pos - 1;
    } else if (/\bminus\s+$/i.test(text.slice(Math.max(0, pos - 7), pos))) {
      sign = -1;
      start = pos - (/minus\s+$/i.exec(text.slice(Math.max(0, pos - 7), pos))?.[0].length ?? 0);
    }
    // a currency symbol written before: "$5" is read from the "$" candidate, but "$ 5" too
    const sym = /([$€£¥₹₽₪₺₴₩])\s?$/.exec(text.slice(Math.max(0, start - 2), start));
    if (sym?.[1]) {
      const f = matchForm(text, start - sym[0].length, BEFORE_FORMS);
      if (f) {
        currency = { unit: f.unit, start: start - sym[0].length };
        // "US$", "HK $": look further back for a country prefix
        for (const back of [5, 4, 3, 2]) {
          const from = start - sym[0].length - back + 1;
          if (from < 0) continue;
          const g = matchForm(text, from, BEFORE_FORMS);
          if (g && from + g.key.length === start - sym[0].length + 1 && !isLetter(text[from - 1])) {
            currency = { unit: g.unit, start: from };
            break;
          }
        }
        // "-$5": a sign before the currency symbol
        const c0 = currency?.start ?? 0;
        if (sign > 0 && (text[c0 - 1] === '-' || text[c0 - 1] === '−') && !isAlnum(text[c0 - 2])) {
          sign = -1;
          if (currency) currency = { unit: currency.unit, start: c0 - 1 };
        }
      }
    }
  }
  if (insideAny(blocked, numPos)) return null;

  const num = numberAt(text, numPos);
  if (!num) return null;
  if (Number.isNaN(num.value)) return 'skip-run';
  let value = num.value * sign;
  let end = num.end;
  let hasScale = false;

  // "the 1960s": a decade, read as its first year
  const decade =
    num.integerDigits !== null &&
    /^(?:1\d{3}|20\d{2})$/.test(num.integerDigits) &&
    text[end] === 's' &&
    !isLetter(text[end + 1]);
  // glued letters: a scale ("€10M", "0.5k"), a unit ("10kg"), or a code ("13F", "2nd")
  if (!num.spelledOut && isLetter(text[end]) && !decade) {
    const sc = scaleAt(text, end, true);
    const glUnit = matchForm(text, end, AFTER_FORMS);
    const unitAfterScale = sc ? unitAfter(text, sc.end) : null;
    // "1.2m people" is a million; "a 1.8m fence" and "10m away" are metres
    const millionOfThings =
      sc !== null &&
      /^m(?![A-Za-z])/.test(text.slice(end, end + 2)) &&
      !/\b(?:a|an)\s+$/i.test(text.slice(Math.max(0, start - 4), start)) &&
      countedNoun(text, sc.end, undefined) !== null &&
      !LENGTH_CONTEXT.test(text.slice(sc.end, sc.end + 12));
    if (
      sc &&
      (currency ||
        unitAfterScale ||
        millionOfThings ||
        (glUnit === null && /^(?:bn|mn)/.test(text.slice(end, end + 2))))
    ) {
      value *= sc.factor;
      end = sc.end;
      hasScale = true;
    } else if (!glUnit) return 'skip-run';
  }
  // "5 million", "three quarters billion" already folded in word numbers
  if (!hasScale) {
    const sc = scaleAt(text, end, false);
    if (sc) {
      value *= sc.factor;
      end = sc.end;
      hasScale = true;
    }
  }

  let unit = 'count';
  let confidence = num.spelledOut ? 0.7 : 0.85;
  if (currency) {
    unit = currency.unit;
    start = Math.min(start, currency.start);
    confidence = 0.9;
    // "$5 million": scale after the number; a trailing "USD" repeats the currency
  } else {
    const u = unitAfter(text, end);
    if (u) {
      const uid = u.form.unit;
      // "two pounds" is weight; "5 million pounds" is money
      unit = uid;
      end = u.end;
      confidence = 0.9;
      if (/^M[A-Z]{3}$/.test(u.form.key)) value *= 1e6;
      // "75 USD million"
      if (u.form.currency && !hasScale) {
        const sc = scaleAt(text, end, false);
        if (sc) {
          value *= sc.factor;
          end = sc.end;
          hasScale = true;
        }
      }
      const extra = EXTRA_UNIT_FACTORS[uid];
      if (extra) {
        unit = extra.unit;
        value *= extra.factor;
      }
    } else if (num.vague && /^\s+of\s+/i.test(text.slice(end, end + 6))) {
      // "hundreds of millions of dollars", "thousands of tonnes"
      const ofGap = /^\s+of\s+/i.exec(text.slice(end, end + 6))?.[0] ?? '';
      const f = matchForm(text, end + ofGap.length, AFTER_FORMS);
      if (f && f.unit !== '%' && f.key.length > 2) {
        unit = /^pounds?$/i.test(f.key) ? 'GBP' : f.unit;
        end += ofGap.length + f.key.length;
      }
    } else if (/^\s*°/.test(text.slice(end, end + 3))) {
      // "90°" alone is an angle (or an unknown temperature scale): not a quantity we report
      return null;
    } else if (/^(?:-|\s*)(?:pounds?)\b/i.test(text.slice(end, end + 8))) {
      const pm = /^(?:-|\s*)pounds?/i.exec(text.slice(end, end + 8));
      unit = hasScale ? 'GBP' : 'lb';
      end += pm?.[0].length ?? 0;
    }
  }

  // compound amounts: "5 ft 2 in", "3 dollars 50 cents", "15 dollars and 15", "10 $ 30 cent"
  if (unit === 'ft') {
    const inch = /^(?:\s*(\d{1,2})\s*(?:in|inch|inches|")(?![A-Za-z])|-(\d{1,2})(?![\d-]))/.exec(
      text.slice(end, end + 12),
    );
    const inches = inch?.[1] ?? inch?.[2];
    if (inch && inches !== undefined && Number(inches) < 12) {
      value += Number(inches) / 12;
      end += inch[0].length;
    }
  }
  if (dimensionOf(unit) === 'currency' && !currency && !hasScale) {
    const cents = /^\s*(?:and\s+)?(\d{1,2}|[a-z]+(?:-[a-z]+)?)(\s*cents?\b)?/i.exec(
      text.slice(end, end + 30),
    );
    if (cents?.[1]) {
      let minor: number | null = null;
      if (/^\d+$/.test(cents[1])) minor = Number(cents[1]);
      else {
        const w = parseNumberWords(text, end + cents[0].indexOf(cents[1]));
        if (w && !w.vague && w.value < 100 && Number.isInteger(w.value)) minor = w.value;
        if (w && w.end !== end + cents[0].indexOf(cents[1]) + cents[1].length) minor = null;
      }
      const after = text.slice(end + cents[0].length, end + cents[0].length + 6);
      const tailOk = cents[2] !== undefined || /^\s*(?:$|[.,;:!?)"']|and\b)/i.test(after);
      if (minor !== null && tailOk && !/^[,.]\d/.test(after)) {
        value += minor / 100;
        end += cents[0].length;
      }
    }
  }
  // accounting negatives: "($99.99)"
  if (dimensionOf(unit) === 'currency' && text[start - 1] === '(' && text[end] === ')' && value > 0) {
    value = -value;
    start -= 1;
    end += 1;
  }

  // "aged 25": an age in years
  if (unit === 'count' && /\baged\s+$/i.test(text.slice(Math.max(0, start - 6), start))) {
    unit = 'yr';
    confidence = 0.8;
  }
  const digits = num.integerDigits;
  let year = false;
  if (unit === 'count' && !hasScale && digits !== null && /^\d{4}$/.test(digits) && sign > 0) {
    const y = Number(digits);
    if (y >= 1000 && y <= 2100) {
      year = true;
      confidence = 0.35;
      // "the 1960s"
      if (text[end] === 's' && !isLetter(text[end + 1])) end += 1;
    }
  }
  if (num.vague) confidence = 0.6;
  if (!Number.isFinite(value)) return null;
  const bound: QuantityBound = num.vague ? 'at-least' : 'exact';
  return {
    start,
    end,
    value,
    unit,
    bound,
    low: num.vague ? value : value,
    high: num.vague ? null : value,
    spelledOut: num.spelledOut,
    year,
    hasScale,
    confidence,
  };
}

function toRecord(
  text: string,
  r: Reading,
  k: number,
  tokens: readonly Token[] | undefined,
  stage: string,
): Quantity {
  let of: TextSpan | null = null;
  if (r.unit === 'count' && !r.year) {
    of = wholeAfterOf(text, r.end);
    if (!of || !(r.bound === 'at-least' || r.value < 1))
      of = countedNoun(text, r.end, tokens) ?? partitiveOf(text, r.end);
  } else if (r.unit === '%') of = wholeAfterOf(text, r.end);
  // a four-digit number followed by a plural noun is a count ("1500 troops"), not a year
  let year = r.year;
  let confidence = r.confidence;
  if (year) {
    const noun = countedNoun(text, r.end, tokens);
    if (noun && /^[a-z][a-z-]*[a-z](?<!ss|us|is)s$/.test(noun.text)) {
      year = false;
      of = noun;
      confidence = 0.8;
    }
  }
  const surface = text.slice(r.start, r.end);
  return {
    id: `q${k + 1}`,
    start: r.start,
    end: r.end,
    surface,
    value: r.value,
    unit: r.unit,
    bound: r.bound,
    low: r.low,
    high: r.high,
    normalized: toBaseUnit(r.value, r.unit),
    of,
    spelledOut: r.spelledOut,
    ...(year ? { year: true } : {}),
    confidence,
    stage,
  };
}
