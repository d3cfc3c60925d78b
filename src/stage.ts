import type { Gazetteer } from './geo/gazetteer.js';
import type { AnalysisRecord, SourceDocument, Token } from './types/index.js';

/**
 * Everything a reader stage may read besides the record: injected, never global, so the same
 * input always gives the same record.
 */
export interface ReaderContext {
  /** ISO date (YYYY-MM-DD) relative dates resolve against, or null when unknown. */
  readonly referenceDate: string | null;
  /** The place lookup; null runs the reader without geocoding. */
  readonly gazetteer: Gazetteer | null;
}

/** The record as it grows through the stages; `tokens` is working state, not serialised. */
export type RecordSoFar = Partial<AnalysisRecord> & {
  readonly id: string;
  readonly text: string;
  readonly source: SourceDocument;
  readonly referenceDate: string | null;
  readonly tokens?: Token[];
};

/**
 * One step of the reader: reads the record so far and returns the fields it adds.
 *
 * @example const sentencesStage: ReaderStage = { id: 'sentences', run: (r) => ({ sentences: split(r.text) }) };
 */
export interface ReaderStage {
  readonly id: string;
  run(record: RecordSoFar, context: ReaderContext): Partial<RecordSoFar>;
}

/**
 * An empty array for a list of objects, of the array kind a full one has. V8 keeps an empty
 * literal `[]` as an array of small integers until an object is pushed; a stage that hands on
 * an empty list made so, and a full one elsewhere, shows later stages two kinds of array, and
 * optimised code built on one kind is thrown away (deoptimised) and compiled again when it
 * meets the other. Begun with an object slot and emptied, this one keeps the full kind.
 *
 * @example const places = objectList<Place>(); // places.push(place) …
 */
export function objectList<T>(): T[] {
  const out: T[] = [undefined as T];
  out.pop();
  return out;
}
