import { createHash } from 'node:crypto';
import { objectList } from '../stage.js';
import type { BoilerplateSpan, DocumentInfo, MetadataField, SourceDocument, Span } from '../types/index.js';

/** A line of the text with its offsets (trimmed). */
interface Line extends Span {
  readonly text: string;
  /** Blank lines precede it (a paragraph break). */
  readonly afterBlank: boolean;
}

const WIRE_SERVICES = [
  'Reuters',
  'AP',
  'AFP',
  'Associated Press',
  'UPI',
  'dpa',
  'Xinhua',
  'Anadolu',
  'Bloomberg',
  'ANI',
  'IANS',
  'PTI',
  'EFE',
];

// Notices that a piece is a copy; each says who else published it.
const REPUBLICATION_PATTERNS: readonly { re: RegExp; kind: 'republished' | 'original' }[] = [
  {
    re: /^(?:this (?:article|story|piece|post) (?:was |has been )?)?re-?published (?:by|on|at|in|with permission (?:of|from)) (.+?)\.?$/i,
    kind: 'republished',
  },
  {
    re: /^(?:this (?:article|story|piece|post) )?(?:was )?(?:originally|first) (?:published|appeared|posted) (?:by|on|in|at) (.+?)\.?$/i,
    kind: 'original',
  },
  {
    re: /^(?:this (?:article|story|piece|post) )?(?:first|originally) appeared (?:on|in|at) (.+?)\.?$/i,
    kind: 'original',
  },
  { re: /^(?:source|via|courtesy of):\s*(.+?)\.?$/i, kind: 'original' },
];

const DISCLAIMER = [
  /\bviews (?:and opinions )?expressed\b.*\b(?:do not|don't|does not) necessarily (?:reflect|represent)\b/i,
  /\bopinions expressed\b.*\b(?:are|is) (?:solely )?(?:those|that) of\b/i,
  /\ball rights reserved\b/i,
  /^©|^\(c\)\s|^copyright\b/i,
  /\bfor (?:informational|educational) purposes only\b/i,
  /^(?:sign up|subscribe) (?:for|to) our\b/i,
  /^(?:share|follow us) on\b/i,
];

/**
 * Reads a report's publication metadata: title, standfirst, byline, publisher, republication
 * notices, wire credits, boilerplate (disclaimers, notices) and the content hash.
 *
 * @example readDocumentInfo(sourceFromText('Drones hit base\n\nBy Jane Roe\n\nDrones hit…', {id:'a'}), null).byline?.value // 'Jane Roe'
 */
export function readDocumentInfo(source: SourceDocument, referenceDate: string | null): DocumentInfo {
  const text = source.text;
  const lines = splitLines(text);
  const meta = source.meta ?? {};
  // Lists handed to later stages start as object lists (see `objectList`), empty or not.
  const boilerplate = objectList<BoilerplateSpan>();

  const title = findTitle(lines, meta.title);
  const standfirst = title ? findStandfirst(lines, title) : null;

  let byline: MetadataField | null = null;
  let publisher: MetadataField | null = meta.publisher ? external(meta.publisher) : null;
  const republishedBy = objectList<MetadataField>();
  let originallyPublishedBy: MetadataField | null = null;
  const wireCredits = objectList<MetadataField>();

  let textDate: MetadataField | null = null;
  for (const line of lines) {
    const dated = datelineOf(line);
    if (dated) {
      textDate ??= dated.date;
      if (dated.whole) {
        boilerplate.push({ start: line.start, end: line.end, kind: 'dateline' });
        continue;
      }
    }
    const by = /^(?:by|written by|words by|reporting by)\s+(.{2,120}?)\s*$/i.exec(line.text);
    if (by && !/[.!?]["”’]?$/.test(by[1]!.trim()) && line.text.split(/\s+/).length <= 14) {
      const value = cleanName(by[1]!.split(/\s*[|•·]\s*/)[0]!);
      byline ??= field(value, offsetOf(line, by[1]!), 0.9);
      boilerplate.push({ start: line.start, end: line.end, kind: 'byline' });
      continue;
    }
    const pub = /^(?:published|posted)\s+(?:by|on)\s+(.{2,100}?)(?:\s+on\s+[^,]*\d{4})?\.?$/i.exec(line.text);
    if (pub && !looksLikeDate(pub[1]!)) {
      publisher ??= field(cleanName(pub[1]!), offsetOf(line, pub[1]!), 0.85);
      boilerplate.push({ start: line.start, end: line.end, kind: 'publication-notice' });
      continue;
    }
    let matched = false;
    for (const { re, kind } of REPUBLICATION_PATTERNS) {
      const m = re.exec(line.text);
      if (!m || line.text.length > 200) continue;
      const name = cleanName(
        m[1]!.replace(/\s+on\s+[^,]*\d{4}$/i, '').replace(/\s+and\s+(?:is|was)\s+re-?published\b.*$/i, ''),
      );
      const f = field(name, offsetOf(line, m[1]!), 0.85);
      if (kind === 'republished') republishedBy.push(f);
      else originallyPublishedBy ??= f;
      boilerplate.push({ start: line.start, end: line.end, kind: 'republication-notice' });
      matched = true;
      break;
    }
    if (matched) continue;
    if (DISCLAIMER.some((re) => re.test(line.text))) {
      boilerplate.push({ start: line.start, end: line.end, kind: 'disclaimer' });
      continue;
    }
    const wire = findWireCredit(line);
    if (wire) {
      wireCredits.push(wire.credit);
      boilerplate.push({ ...wire.dateline, kind: 'dateline' });
      continue;
    }
    const dateline = PLAIN_DATELINE.exec(line.text);
    if (dateline)
      boilerplate.push({ start: line.start, end: line.start + dateline[0].length, kind: 'dateline' });
  }

  // "Republished by X" with "Published by Y" and no other publisher: the copy we hold is X's.
  if (!publisher && originallyPublishedBy) publisher = originallyPublishedBy;

  const published = meta.publishedDate ? isoDate(meta.publishedDate) : null;
  const publishedDateSource = published ? 'metadata' : textDate ? 'text' : referenceDate ? 'reference' : null;
  return {
    title,
    standfirst,
    byline: byline ?? (meta.byline ? external(meta.byline) : null),
    publisher,
    republishedBy,
    originallyPublishedBy,
    wireCredits,
    url: meta.url ?? null,
    publishedDate: published ?? textDate?.value ?? referenceDate,
    publishedDateSource,
    language: meta.language ? meta.language.toLowerCase().split(/[-_]/)[0]! : guessLanguage(text),
    sha256: sha256(text),
    rawSha256: source.raw !== undefined && source.raw !== text ? sha256(source.raw) : null,
    format: source.format,
    boilerplate: boilerplate.sort((a, b) => a.start - b.start),
  };
}

/**
 * SHA-256 (hex) of a string's UTF-8 bytes.
 *
 * @example sha256('') // 'e3b0c442…'
 */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  let blank = true;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) {
      lines.push({ start: pos + lead, end: pos + lead + trimmed.length, text: trimmed, afterBlank: blank });
      blank = false;
    } else {
      blank = true;
    }
    pos += raw.length + 1;
  }
  return lines;
}

function looksLikeHeadline(text: string): boolean {
  if (text.length < 3 || text.length > 250) return false;
  if (/[.;,]$/.test(text) && !/\b(?:U\.S|U\.K|U\.N|etc)\.$/.test(text)) return false;
  return /[A-Za-z\p{L}]/u.test(text);
}

function findTitle(lines: Line[], metaTitle: string | undefined): MetadataField | null {
  const first = lines[0];
  if (metaTitle) {
    const t = metaTitle.trim();
    if (first && (first.text === t || t.startsWith(first.text) || first.text.startsWith(t))) {
      return { value: first.text, span: { start: first.start, end: first.end }, confidence: 0.95 };
    }
    return external(t);
  }
  if (!first) return null;
  const second = lines[1];
  // A headline stands alone: a short line followed by a paragraph break (or nothing).
  if (
    looksLikeHeadline(first.text) &&
    (!second || second.afterBlank) &&
    first.text.split(/\s+/).length <= 30
  ) {
    return { value: first.text, span: { start: first.start, end: first.end }, confidence: 0.8 };
  }
  return null;
}

function findStandfirst(lines: Line[], title: MetadataField): MetadataField | null {
  if (!title.span) return null;
  const index = lines.findIndex((l) => l.start === title.span!.start);
  const next = lines[index + 1];
  const after = lines[index + 2];
  if (!next?.afterBlank || (after && !after.afterBlank)) return null;
  if (/^(?:by|published|posted|updated)\b/i.test(next.text)) return null;
  const words = next.text.split(/\s+/).length;
  // A deck/standfirst is one sentence without a closing full stop, or a short summary line.
  const noStop = !/[.!?]["”’)]?$/.test(next.text);
  if (noStop && words >= 6 && words <= 60) {
    return { value: next.text, span: { start: next.start, end: next.end }, confidence: 0.75 };
  }
  return null;
}

// A dateline credit: "MOSUL, Iraq (Reuters) —". Known wire services are credited anywhere at
// the start of a line; any other capitalised name only after an upper-case dateline city.
// The date some wires put after the city: "ERBIL, Iraq, March 4 (Meridian Wire) —".
const DATELINE_DATE =
  '(?:,?\\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?)?';
const DATELINE_CITY = `[A-Z][A-Z'.-]+(?:\\s+[A-Z][A-Z'.-]+){0,3}(?:,\\s*[A-Z][\\p{L}'.-]+(?:\\s+[A-Z][\\p{L}'.-]+){0,2}?)?${DATELINE_DATE}`;
const KNOWN_WIRE = new RegExp(
  `^(?:[A-Z][\\p{L}'.-]*(?:[ ,]+[A-Z\\p{L}][\\p{L}'.-]*){0,4}\\s*)?\\((${WIRE_SERVICES.map((w) => w.replace(/\s+/g, '\\s+')).join('|')})\\)\\s*[-—–:]`,
  'u',
);
const ANY_CREDIT = new RegExp(
  `^${DATELINE_CITY}\\s*\\(([A-Z][\\p{L}&.'-]*(?:\\s+[A-Z][\\p{L}&.'-]*){0,3})\\)\\s*[-—–:]`,
  'u',
);

// A dateline with no credit: "KUPIANSK, Ukraine — …", "GAZA CITY - …" (the city in capitals).
const PLAIN_DATELINE = new RegExp(`^${DATELINE_CITY}\\s*[—–]\\s*|^${DATELINE_CITY}\\s+-\\s+`, 'u');

function findWireCredit(line: Line): { credit: MetadataField; dateline: Span } | null {
  const m = KNOWN_WIRE.exec(line.text) ?? ANY_CREDIT.exec(line.text);
  if (!m) return null;
  return {
    credit: field(m[1]!, offsetOf(line, m[1]!, m.index), 0.85),
    dateline: { start: line.start, end: line.start + m[0].length },
  };
}

function offsetOf(line: Line, piece: string, from = 0): Span {
  const at = line.text.indexOf(piece, from);
  const start = line.start + Math.max(at, 0);
  return { start, end: start + (at >= 0 ? piece.length : line.end - line.start) };
}

function field(value: string, span: Span, confidence: number): MetadataField {
  return { value, span, confidence };
}

function external(value: string): MetadataField {
  return { value: value.trim(), span: null, confidence: 0.9 };
}

function cleanName(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“”‘’]+|[\s"'“”‘’.,;:]+$/g, '')
    .trim();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\b`, 'i');
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i');
const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/;

/**
 * A publication date line: a line that is only a date ("13 March 2024"), or a notice with one
 * ("Published on March 13, 2024", "Republished by X on 15 March 2024", "Updated: 2024-03-13").
 */
function datelineOf(line: Line): { date: MetadataField; whole: boolean } | null {
  if (line.text.length > 120) return null;
  const notice = /^(?:(?:re)?published|posted|updated|first published)\b/i.test(line.text);
  const bare = line.text.length <= 40;
  if (!notice && !bare) return null;
  // The first of the three forms that matches (none is global, so trying them in turn is the same).
  const found = DAY_MONTH_YEAR.exec(line.text) ?? MONTH_DAY_YEAR.exec(line.text) ?? ISO_DAY.exec(line.text);
  if (!found) return null;
  const iso =
    found[0].match(ISO_DAY) !== null
      ? `${found[1]}-${found[2]}-${found[3]}`
      : /^\d/.test(found[0])
        ? ymd(found[3]!, found[2]!, found[1]!)
        : ymd(found[3]!, found[1]!, found[2]!);
  if (!iso) return null;
  // A bare line must be nothing but the date (an optional weekday before it).
  if (!notice && line.text.replace(/^\p{L}+day,?\s+/iu, '').replace(/[.\s]+$/, '') !== found[0]) return null;
  return {
    date: {
      value: iso,
      span: { start: line.start + found.index, end: line.start + found.index + found[0].length },
      confidence: 0.8,
    },
    whole: !/^(?:re)?published by\b/i.test(line.text),
  };
}

function ymd(year: string, month: string, day: string): string | null {
  const mi = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
  const d = Number(day);
  if (mi < 0 || d < 1 || d > 31) return null;
  return `${year}-${String(mi + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function looksLikeDate(value: string): boolean {
  return (
    /\b(?:\d{4}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(value) && /\d/.test(value)
  );
}

function isoDate(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to in a is that for on was with as by at from it be has have are were said his her their this which not but an or'.split(
    ' ',
  ),
);

/** The function words by length and first letter (length × 128 + its code), a list or two each. */
const FUNCTION_WORD_BUCKETS = new Map<number, string[]>();
for (const w of ENGLISH_FUNCTION_WORDS) {
  const key = w.length * 128 + w.charCodeAt(0);
  const bucket = FUNCTION_WORD_BUCKETS.get(key);
  if (bucket) bucket.push(w);
  else FUNCTION_WORD_BUCKETS.set(key, [w]);
}

/** Whether text[start, end) (ASCII, lower case) is one of the function words, read in place. */
function isFunctionWordAt(text: string, start: number, end: number): boolean {
  const bucket = FUNCTION_WORD_BUCKETS.get((end - start) * 128 + text.charCodeAt(start));
  if (bucket === undefined) return false;
  for (const w of bucket) if (text.startsWith(w, start)) return true;
  return false;
}

/** The longest of the function words: longer words are not looked up. */
const LONGEST_FUNCTION_WORD = Math.max(...[...ENGLISH_FUNCTION_WORDS].map((w) => w.length));
const LETTER = /^\p{L}$/u;

/**
 * Cheap language guess: English when common English function words are frequent among the
 * words (runs of letters) of the lower-cased first 5,000 characters. The words are counted and
 * compared with the function words in place, without cutting any out.
 */
function guessLanguage(text: string): string {
  const lower = text.slice(0, 5000).toLowerCase();
  let words = 0;
  let hits = 0;
  let start = -1;
  let ascii = true;
  for (let i = 0; i <= lower.length; i++) {
    let letter = false;
    let width = 1;
    if (i < lower.length) {
      const c = lower.charCodeAt(i);
      if (c < 0x80) letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
      else {
        const cp = lower.codePointAt(i)!;
        width = cp > 0xffff ? 2 : 1;
        letter = LETTER.test(String.fromCodePoint(cp));
        if (letter) ascii = false;
      }
    }
    if (letter) {
      if (start < 0) {
        start = i;
        ascii = i < lower.length && lower.charCodeAt(i) < 0x80;
      }
    } else if (start >= 0) {
      words++;
      if (ascii && i - start <= LONGEST_FUNCTION_WORD && isFunctionWordAt(lower, start, i)) hits++;
      start = -1;
    }
    i += width - 1;
  }
  if (words === 0) return 'und';
  return hits / words >= 0.12 ? 'en' : 'und';
}
