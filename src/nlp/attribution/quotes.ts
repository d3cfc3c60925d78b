import type { Span } from '../../types/span.js';

/** A quoted stretch of text, quote marks included. */
export interface Quote extends Span {
  /** Words inside the marks; a one- or two-word quote is a title or scare quote, not speech. */
  readonly words: number;
  /** Whether the quote ends with a closing mark (an open quote runs to the paragraph's end). */
  readonly closed: boolean;
}

const OPEN_CURLY = '“';
const CLOSE_CURLY = '”';

/**
 * Finds quotations in a text: curly pairs, and straight quotes paired within a paragraph.
 * A curly quote left open at a line's end is closed there, as news style reopens it
 * in the next paragraph.
 *
 * @example findQuotes('He said, “We will stay.”') // [{start: 9, end: 24, words: 3, closed: true}]
 */
export function findQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  let open = -1;
  let straightOpen = -1;
  const push = (start: number, end: number, closed: boolean, width = 1) => {
    const inner = text.slice(start + width, closed ? end - width : end).trim();
    if (inner.length === 0) return;
    quotes.push({ start, end, words: inner.split(/\s+/).length, closed });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      // Paragraph end: straight quotes never span paragraphs; curly ones are closed here.
      if (open >= 0) push(open, trimEnd(text, i), false);
      open = -1;
      straightOpen = -1;
    } else if (ch === OPEN_CURLY) {
      if (open >= 0) push(open, trimEnd(text, i), false);
      open = i;
    } else if (ch === CLOSE_CURLY) {
      // A line that opens with a closing mark ("”Mr. Trump …") uses it as an opening one.
      if (open < 0 && (i === 0 || text[i - 1] === '\n')) {
        open = i;
        continue;
      }
      // Mixed marks: a typewriter quote closed by a curly one ("The camp is full,” said …).
      if (open < 0 && straightOpen >= 0) {
        push(straightOpen, i + 1, true);
        straightOpen = -1;
        continue;
      }
      if (open >= 0) push(open, i + 1, true);
      open = -1;
    } else if (ch === '"' || (ch === "'" && text[i + 1] === "'")) {
      // Typewriter double quotes, and the doubled apostrophes some wires use for them.
      const width = ch === '"' ? 1 : 2;
      // Mixed marks: a curly quote closed by a typewriter one (“Deals must end," said …).
      if (width === 1 && open >= 0 && straightOpen < 0 && /[,.!?]$/.test(text.slice(open, i))) {
        push(open, i + 1, true);
        open = -1;
        continue;
      }
      if (straightOpen >= 0) {
        push(straightOpen, i + width, true, width);
        straightOpen = -1;
      } else straightOpen = i;
      i += width - 1;
    }
  }
  if (open >= 0) push(open, trimEnd(text, text.length), false);
  return quotes.sort((a, b) => a.start - b.start);
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/**
 * Index of the first quote starting at or after `pos` in quotes sorted by start (binary search,
 * so long texts with many quotes stay linear overall).
 *
 * @example firstQuoteFrom([{start: 3, …}, {start: 40, …}], 10) // 1
 */
export function firstQuoteFrom(quotes: readonly Quote[], pos: number): number {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The last quote that ends at or before `pos`, or null. Quotes never overlap, so ends are sorted too.
 *
 * @example lastQuoteEndingBy(findQuotes('“One two three four,” she said.'), 27) // the quote
 */
export function lastQuoteEndingBy(quotes: readonly Quote[], pos: number): Quote | null {
  for (let i = firstQuoteFrom(quotes, pos) - 1; i >= 0; i--) {
    if (quotes[i]!.end <= pos) return quotes[i]!;
  }
  return null;
}
