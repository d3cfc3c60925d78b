import type { Evidence } from './span.js';

/** A numeric consistency check inside one report. */
export interface NumericCheck extends Evidence {
  readonly id: string;
  readonly kind: 'unit-agreement' | 'percent-without-reference' | 'part-whole' | 'arithmetic' | 'scale';
  /** `ok`: agrees; `mismatch`: disagrees; `flag`: needs an analyst's eye. */
  readonly status: 'ok' | 'mismatch' | 'flag';
  readonly quantityIds: string[];
  /** A sentence an analyst can read, with the numbers. */
  readonly message: string;
  readonly details: Record<string, number | string | null>;
}
