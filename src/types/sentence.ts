import type { Evidence, Span } from './span.js';

/** One sentence (or headline, standfirst, list item) of the analysed text. */
export interface Sentence extends Span, Evidence {
  readonly index: number;
  /** Paragraph number (0-based), counted by blank lines / block boundaries. */
  readonly paragraph: number;
  /** A heading-like line (title, standfirst, crosshead) rather than running prose. */
  readonly role: 'title' | 'standfirst' | 'body' | 'boilerplate';
}

/** One token, used by later stages; not part of the serialised record. */
export interface Token extends Span {
  readonly text: string;
  /** Universal POS tag from the tokenizer. */
  readonly pos: string;
  readonly sentence: number;
}
