import type { Evidence, Span, TextSpan } from './span.js';

/**
 * Compact unit ids shared with the scorer (`count` for plain counts of things; ISO 4217 codes
 * for money). See `docs/analysis-record.md` for the list.
 */
export type UnitId = string;

/** Whether a value is stated exactly, as a bound, approximately, or as a range. */
export type QuantityBound =
  | 'exact'
  | 'at-least'
  | 'at-most'
  | 'more-than'
  | 'less-than'
  | 'approximate'
  | 'range';

/**
 * A number with its unit, as stated in the text.
 *
 * @example "at least 76 times" → { value: 76, unit: 'count', bound: 'at-least', of: {text: 'times'} }
 */
export interface Quantity extends Span, Evidence {
  readonly id: string;
  readonly surface: string;
  /** The stated value (for a range: the midpoint; see `low`/`high`). */
  readonly value: number;
  readonly unit: UnitId;
  readonly bound: QuantityBound;
  /**
   * Range ends; for one-sided bounds the bound on its side and null on the other ("at least
   * 76": low 76, high null); exact values repeat the value; approximate ones have neither.
   */
  readonly low: number | null;
  readonly high: number | null;
  /** The value in the dimension's base unit (m, m2, kg, s, m/s, degC, …), or null when none. */
  readonly normalized: { readonly value: number; readonly unit: UnitId } | null;
  /**
   * What a count counts ("12 times" → "times", "900 troops" → "troops"), or what a share or a
   * measure is of ("50 percent of the air base" → "air base", "40 tonnes of flour" → "flour").
   */
  readonly of: TextSpan | null;
  /** The number was written in words ("twelve", "half", "dozens"). */
  readonly spelledOut: boolean;
  /**
   * A bare four-digit number that reads as a calendar year ("in 1979", "the 1960s"). Kept as a
   * `count` with low confidence (the quantulum convention); consumers of counts should skip it.
   */
  readonly year?: boolean;
}
