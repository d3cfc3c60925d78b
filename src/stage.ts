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
