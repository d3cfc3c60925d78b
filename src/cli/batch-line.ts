import { CorroborateError, InputError } from '../errors.js';
import type { Gazetteer } from '../geo/gazetteer.js';
import { sourceFromString } from '../ingest/source-document.js';
import { analyzeDocument } from '../pipeline.js';
import { parseReferenceDate } from '../reference-date.js';

/** What every batch line is read with: the default reference date, the gazetteer, the size cap. */
export interface BatchLineOptions {
  readonly date: string | null;
  readonly gazetteer: Gazetteer | null;
  readonly maxBytes: number;
}

/**
 * One batch line in, one JSON object out: the analysis record, or `{id, error}`. Never throws,
 * so one bad line never stops a batch.
 *
 * @example analyzeBatchLine('{"id":"a","text":"Shelling hit Kharkiv."}', 1, { date: null, gazetteer: null, maxBytes: 1e6 })
 */
export function analyzeBatchLine(line: string, lineNo: number, options: BatchLineOptions): object {
  let id = `line-${lineNo}`;
  try {
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch {
      throw new InputError(`line ${lineNo} is not valid JSON`);
    }
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new InputError(`line ${lineNo} is not a JSON object`);
    }
    const fields = item as Record<string, unknown>;
    if (typeof fields.id === 'string' || typeof fields.id === 'number') id = String(fields.id);
    const html = typeof fields.html === 'string' ? fields.html : undefined;
    const text = html ?? fields.text;
    if (typeof text !== 'string') throw new InputError(`line ${lineNo} has no "text" or "html" string`);
    if (text.length > options.maxBytes) {
      throw new InputError(
        `line ${lineNo}: text of ${text.length} characters exceeds the limit of ${options.maxBytes}`,
      );
    }
    const date =
      typeof fields.date === 'string' && fields.date
        ? parseReferenceDate(fields.date, `line ${lineNo} "date"`)
        : options.date;
    const read = sourceFromString(text, { id, ...(html !== undefined ? { html: true } : {}) });
    // The line's own URL is the publication's address (a hint to the outlet and its home).
    const url = typeof fields.url === 'string' && fields.url ? fields.url : null;
    const source = url !== null && !read.meta?.url ? { ...read, meta: { ...read.meta, url } } : read;
    return analyzeDocument(source, { referenceDate: date, gazetteer: options.gazetteer });
  } catch (error) {
    if (error instanceof CorroborateError) return { id, error: error.message };
    return { id, error: `internal error: ${(error as Error).message}` };
  }
}
