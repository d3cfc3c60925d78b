import type { Gazetteer } from './geo/gazetteer.js';
import { sourceFromBytes, sourceFromString } from './ingest/source-document.js';
import { analyzeDocument } from './pipeline.js';
import { parseReferenceDate } from './reference-date.js';
import type { AnalysisRecord } from './types/index.js';

/** Options for reading one report. */
export interface AnalyzeOptions {
  /** Record id; defaults to `doc`. */
  readonly id?: string;
  /** Reference (publication) date, `YYYY-MM-DD`; relative dates resolve against it. */
  readonly date?: string | null;
  /** Gazetteer for geocoding; null reads without coordinates. */
  readonly gazetteer?: Gazetteer | null;
  /** Force HTML (true) or text (false); detected when absent. */
  readonly html?: boolean;
}

/**
 * Reads one report given as a string (plain text or HTML, detected).
 *
 * @example analyzeText('On 17 November, drones targeted the base.', { date: '2023-12-06' }).dates[0].from // '2023-11-17'
 */
export function analyzeText(text: string, options: AnalyzeOptions = {}): AnalysisRecord {
  const id = options.id ?? 'doc';
  const source = sourceFromString(text, {
    id,
    ...(options.html !== undefined ? { html: options.html } : {}),
  });
  return analyzeDocument(source, {
    referenceDate: options.date ? parseReferenceDate(options.date) : null,
    gazetteer: options.gazetteer ?? null,
  });
}

/**
 * Reads one report given as raw bytes (a file): validates the encoding, detects HTML.
 * Throws `InputError` for empty, binary, non-UTF-8 or oversized input.
 *
 * @example analyzeBytes(readFileSync('report.html'), { id: 'report.html' })
 */
export function analyzeBytes(
  bytes: Uint8Array,
  options: AnalyzeOptions & { maxBytes?: number } = {},
): AnalysisRecord {
  const id = options.id ?? 'doc';
  const source = sourceFromBytes(bytes, {
    id,
    name: id,
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
  });
  return analyzeDocument(source, {
    referenceDate: options.date ? parseReferenceDate(options.date) : null,
    gazetteer: options.gazetteer ?? null,
  });
}
