import { InputError } from '../errors.js';
import type { SourceDocument } from '../types/document.js';
import { decodeInput } from './decode-input.js';
import { detectHtml } from './detect-html.js';
import { extractArticle } from './html-article.js';

/** Options for {@link sourceFromBytes}. */
export interface SourceFromBytesOptions {
  readonly id: string;
  /** How to name the input in error messages (a file name). */
  readonly name?: string;
  /** Largest accepted input in bytes (default 20 MiB). */
  readonly maxBytes?: number;
}

/** Options for {@link sourceFromString}. */
export interface SourceFromStringOptions {
  readonly id: string;
  /** true: the string is HTML; false: plain text; absent: detect. */
  readonly html?: boolean;
  /** How to name the input in error messages; defaults to the id. */
  readonly name?: string;
}

/**
 * Reads a file's bytes into the document the reader analyses: refuses empty, oversized, binary and
 * non-UTF-8 input, detects HTML and extracts its article.
 *
 * @example sourceFromBytes(await readFile('report.html'), { id: 'report', name: 'report.html' })
 * // { id: 'report', format: 'html', text: 'Title\n\nFirst paragraph…', body: 'First paragraph…', raw: '<!doctype html>…', meta: {…} }
 * @throws InputError with a one-line message for input that is not a readable report.
 */
export function sourceFromBytes(bytes: Uint8Array, options: SourceFromBytesOptions): SourceDocument {
  const name = options.name ?? options.id;
  const text = decodeInput(bytes, {
    name,
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
  });
  return sourceFromString(text, { id: options.id, name });
}

/**
 * Builds the document for a string that is already text, such as a JSONL batch line's `text` or
 * `html` field. HTML is detected unless `html` says which it is.
 *
 * @example sourceFromString('Shelling hit Kherson on Monday.', { id: 'a' })
 * // { id: 'a', format: 'text', text: 'Shelling hit Kherson on Monday.', raw: 'Shelling hit Kherson on Monday.' }
 * @throws InputError for blank input, or HTML with no article text.
 */
export function sourceFromString(text: string, options: SourceFromStringOptions): SourceDocument {
  const name = options.name ?? options.id;
  const raw = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (raw.trim() === '') throw new InputError(`empty input: ${name} has no text`);
  const html = options.html ?? detectHtml(raw);
  if (!html) return { id: options.id, text: raw, format: 'text', raw };
  let article: ReturnType<typeof extractArticle>;
  try {
    article = extractArticle(raw);
  } catch (cause) {
    // Markup no parser expected (fuzzed, truncated, hostile) is bad input, reported as one line.
    const reason = String(cause instanceof Error ? cause.message : cause).replace(/\s+/g, ' ');
    throw new InputError(`could not read the HTML of ${name}: ${reason}`, { cause });
  }
  if (!article) throw new InputError(`no article text found in HTML: ${name}`);
  const body = article.body;
  const title = article.title;
  // The title leads the analysed text unless the body already opens with it.
  const analysed = title && !body.startsWith(title) ? `${title}\n\n${body}` : body;
  return { id: options.id, text: analysed, format: 'html', body, raw, meta: article.meta };
}
