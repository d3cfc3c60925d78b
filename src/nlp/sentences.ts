import { objectList, type ReaderStage } from '../stage.js';
import type { DocumentInfo, Sentence, Span, Token } from '../types/index.js';
import { isSpace } from './white-space.js';
import { wink } from './wink.js';

/** Tokens and sentences of a text, with JavaScript string offsets. */
export interface Segmentation {
  readonly tokens: Token[];
  readonly sentences: Sentence[];
}

/**
 * Splits text into sentences and tokens with wink-nlp, then splits again at line breaks:
 * in news text a line break ends a headline, a dateline, a byline or a list item, which wink
 * would otherwise glue to the next sentence.
 *
 * @example segment('Drones hit Erbil.\nBy News Desk').sentences.length // 2
 */
export function segment(text: string, document?: DocumentInfo): Segmentation {
  if (text.length === 0) return { tokens: objectList<Token>(), sentences: [] };
  const nlp = wink();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const sentenceSpans = doc.sentences().out(its.span) as unknown as [number, number][];

  const starts = new Array<number>(values.length);
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i]!.length;
    // wink keeps the text intact, but re-synchronise defensively if a token was normalised.
    const found = text.startsWith(values[i]!, offset) ? offset : text.indexOf(values[i]!, offset);
    starts[i] = found >= 0 ? found : offset;
    offset = starts[i]! + values[i]!.length;
  }

  const rawSentences: Span[] = [];
  for (const [first, last] of sentenceSpans) {
    let from = -1;
    let to = -1;
    for (let t = first; t <= last; t++) {
      if (tags[t] === 'SPACE') continue;
      if (from < 0) from = starts[t]!;
      to = starts[t]! + values[t]!.length;
    }
    if (from < 0) continue;
    for (const piece of splitAtLineBreaks(text, from, to)) {
      const previous = rawSentences[rawSentences.length - 1];
      if (previous && continuesSentence(text, previous, piece)) {
        rawSentences[rawSentences.length - 1] = { start: previous.start, end: piece.end };
      } else {
        rawSentences.push(piece);
      }
    }
  }

  const paragraphStarts = findParagraphStarts(text);
  const sentences: Sentence[] = [];
  let paragraph = 0;
  for (const s of rawSentences) {
    while (paragraph + 1 < paragraphStarts.length && paragraphStarts[paragraph + 1]! <= s.start) paragraph++;
    sentences.push({
      start: s.start,
      end: s.end,
      index: sentences.length,
      paragraph,
      role: roleOf(s, document),
      confidence: 0.9,
      stage: 'sentences',
    });
  }

  // The pipeline hands the tokens on uncopied (see `objectList`).
  const tokens = objectList<Token>();
  let si = 0;
  for (let i = 0; i < values.length; i++) {
    if (tags[i] === 'SPACE') continue;
    const start = starts[i]!;
    while (si + 1 < sentences.length && sentences[si]!.end <= start) si++;
    tokens.push({ start, end: start + values[i]!.length, text: values[i]!, pos: tags[i]!, sentence: si });
  }
  return { tokens, sentences };
}

// wink splits inside domain names ("21cir.com"), after titles ("Rev. Al Sharpton") and before
// lower-case continuations ('(D-Mo.) said', '"Why?" he asked'): a piece glued to the previous
// one, starting in lower case on the same line, or following a title abbreviation continues it.
const TITLE_BEFORE_NAME =
  /\b(?:Adm|Amb|Brig|Capt|Cmdr|Col|Cpl|Dr|Fr|Gen|Gov|Hon|Insp|Lt|Maj|Messrs|Mr|Mrs|Ms|Msgr|Pres|Prof|Pvt|Rep|Rev|Sen|Sgt|St|Supt)\.$/;

function continuesSentence(text: string, previous: Span, piece: Span): boolean {
  // Read in place (this runs for every piece): the text between them, its first letter, the
  // title's full stop, before any slice or pattern.
  if (piece.start <= previous.end) return true;
  for (let i = previous.end; i < piece.start; i++) if (text.charCodeAt(i) === 10) return false;
  const c = text.charCodeAt(piece.start);
  if (c < 0x80 ? c >= 0x61 && c <= 0x7a : LOWER_CASE.test(text.slice(piece.start, piece.start + 1)))
    return true;
  if (text.charCodeAt(previous.end - 1) !== 0x2e) return false;
  return TITLE_BEFORE_NAME.test(text.slice(Math.max(previous.start, previous.end - 8), previous.end));
}

const LOWER_CASE = /^\p{Ll}/u;

function splitAtLineBreaks(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) !== 10) continue;
    const piece = trimSpan(text, start, i);
    if (piece) out.push(piece);
    start = i + 1;
  }
  const last = trimSpan(text, start, to);
  if (last) out.push(last);
  return out;
}

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}

function findParagraphStarts(text: string): number[] {
  const starts = [0];
  const blank = /\n[ \t]*\n\s*/g;
  for (let m = blank.exec(text); m; m = blank.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

function inside(span: Span, outer: Span | null | undefined): boolean {
  return !!outer && span.start >= outer.start && span.end <= outer.end;
}

function roleOf(span: Span, document: DocumentInfo | undefined): Sentence['role'] {
  if (!document) return 'body';
  if (inside(span, document.title?.span)) return 'title';
  if (inside(span, document.standfirst?.span)) return 'standfirst';
  for (const b of document.boilerplate) if (span.start >= b.start && span.end <= b.end) return 'boilerplate';
  return 'body';
}

/** Reader stage: sentences (with their role) and tokens. */
export const sentencesStage: ReaderStage = {
  id: 'sentences',
  run: (record) => segment(record.text, record.document),
};
