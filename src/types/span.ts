/**
 * A half-open range of JavaScript string offsets (UTF-16 code units) into the analysed text:
 * `text.slice(start, end)` is the surface string.
 *
 * @example { start: 0, end: 5 } // "Erbil" in "Erbil, the capital…"
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Fields every extracted item carries: where it came from and how sure the reader is.
 * `stage` is the id of the pipeline stage that produced it (see `src/pipeline.ts`).
 */
export interface Evidence {
  /** 0..1; a calibrated-ish belief, not a probability guarantee. */
  readonly confidence: number;
  /** The stage id that produced the item, e.g. `"quantities"`. */
  readonly stage: string;
}

/** A span with its surface text, for fields such as a speaker or an event's target. */
export interface TextSpan extends Span {
  readonly text: string;
}
