import type { Evidence, Span } from './span.js';

/** How fine a resolved date is. */
export type DatePrecision = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade' | 'unknown';

/**
 * A date or date range mentioned in the text, resolved against the reference (publication) date.
 * `from`/`to` are inclusive ISO dates; a single day has `from === to`.
 *
 * @example "since 7 October" with reference 2023-12-06 → { from: '2023-10-07', to: '2023-12-06', kind: 'open-range' }
 */
export interface DateMention extends Span, Evidence {
  readonly id: string;
  readonly surface: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly kind: 'point' | 'range' | 'open-range';
  readonly precision: DatePrecision;
  /** The text gives a day and month but no year, and no reference date was available. */
  readonly yearUnknown: boolean;
  /** Month-day (`MM-DD`) when the year is unknown, so a later stage can still use it. */
  readonly monthDay: string | null;
  /** Resolved relative to the reference date ("last week", "on Tuesday"). */
  readonly relative: boolean;
}
