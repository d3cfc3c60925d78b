import type { Attribution, Marker } from './attribution.js';
import type { NumericCheck } from './check.js';
import type { Claim } from './claim.js';
import type { DateMention } from './date.js';
import type { DocumentInfo } from './document.js';
import type { Entity } from './entity.js';
import type { ConflictEvent, Tally } from './event.js';
import type { EventLocation, Place } from './place.js';
import type { Quantity } from './quantity.js';
import type { Sentence } from './sentence.js';

/** Version tag of the record's shape; bump on breaking changes. */
export const ANALYSIS_SCHEMA = 'corroborate.analysis/1';

/**
 * Everything the reader finds in one report. All offsets refer to `text`.
 * Documented in `docs/analysis-record.md`.
 */
export interface AnalysisRecord {
  readonly schema: typeof ANALYSIS_SCHEMA;
  readonly id: string;
  /** The analysed text; every span indexes into it. */
  readonly text: string;
  /** For HTML input: the extracted article body (without the title). */
  readonly body?: string;
  readonly document: DocumentInfo;
  /** The reference date used to resolve relative dates (ISO), or null. */
  readonly referenceDate: string | null;
  readonly sentences: Sentence[];
  readonly entities: Entity[];
  readonly quantities: Quantity[];
  readonly dates: DateMention[];
  readonly places: Place[];
  readonly eventLocation: EventLocation | null;
  readonly attributions: Attribution[];
  readonly markers: Marker[];
  readonly claims: Claim[];
  readonly events: ConflictEvent[];
  readonly tallies: Tally[];
  /** CASE 2021 code of the document's main event, or `none`. */
  readonly mainEventType: string;
  readonly checks: NumericCheck[];
  /** Stage ids and their wall time in ms are not recorded: the record is deterministic. */
  readonly stages: string[];
}
