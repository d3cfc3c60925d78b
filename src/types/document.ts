import type { Span } from './span.js';

/** How the input was given to the reader. */
export type InputFormat = 'text' | 'html';

/**
 * What ingest hands the reader: the clean text to analyse plus what is known about the source.
 * `text` is the exact string every offset in the analysis refers to.
 */
export interface SourceDocument {
  readonly id: string;
  /** Clean text to analyse (for HTML: the extracted article, title first). */
  readonly text: string;
  readonly format: InputFormat;
  /** For HTML: the extracted article body alone (no title), as scored against gold bodies. */
  readonly body?: string;
  /** The raw input exactly as received (HTML or text), kept for the archive. */
  readonly raw?: string;
  /** Metadata found by ingest before reading (HTML meta tags, feed fields). */
  readonly meta?: Partial<DocumentMetadataHints>;
}

/** Metadata that ingest may know from outside the text (HTML head, feed item, user flags). */
export interface DocumentMetadataHints {
  title: string;
  byline: string;
  publisher: string;
  url: string;
  publishedDate: string;
  language: string;
  excerpt: string;
}

/** A metadata value with the span it was read from (absent when it came from outside the text). */
export interface MetadataField {
  readonly value: string;
  readonly span: Span | null;
  readonly confidence: number;
}

/** The report as a publication: who published it, when, and whether it is a copy. */
export interface DocumentInfo {
  readonly title: MetadataField | null;
  readonly standfirst: MetadataField | null;
  readonly byline: MetadataField | null;
  readonly publisher: MetadataField | null;
  /** Outlets that republished the piece ("Republished by …", "first appeared on …"). */
  readonly republishedBy: MetadataField[];
  /** An outlet the piece says it was originally published by, when that is not the publisher. */
  readonly originallyPublishedBy: MetadataField | null;
  /** Wire-service credit such as "(Reuters)". */
  readonly wireCredits: MetadataField[];
  readonly url: string | null;
  /** ISO date (YYYY-MM-DD) of publication, from metadata or the `--date` reference. */
  readonly publishedDate: string | null;
  /** Where the published date came from. */
  readonly publishedDateSource: 'metadata' | 'text' | 'reference' | null;
  /** BCP-47 primary language subtag, e.g. `en`. */
  readonly language: string;
  /** SHA-256 (hex) of the analysed text, UTF-8 encoded. */
  readonly sha256: string;
  /** SHA-256 (hex) of the raw input bytes when they differ from the text (HTML). */
  readonly rawSha256: string | null;
  readonly format: InputFormat;
  /** Boilerplate (disclaimers, "Published by" lines, bylines) that is not a claim. */
  readonly boilerplate: BoilerplateSpan[];
}

/** A stretch of boilerplate text, excluded from claims. */
export interface BoilerplateSpan extends Span {
  readonly kind:
    | 'disclaimer'
    | 'byline'
    | 'publication-notice'
    | 'republication-notice'
    | 'dateline'
    | 'other';
}
