import { BASE_FACTORS } from '../../nlp/quantities/unit-table.js';
import type { Quantity } from '../../types/quantity.js';

/** The parts of a reader's quantity that a measurement is compared with. */
export type StatedQuantity = Pick<Quantity, 'surface' | 'value' | 'unit' | 'bound' | 'low' | 'high'> & {
  readonly of?: { readonly text: string } | null;
  readonly spelledOut?: boolean;
  readonly year?: boolean;
};

/** An area or a share a report states, in comparable terms. */
export type ClaimedMeasure =
  | {
      readonly kind: 'area';
      readonly quantity: StatedQuantity;
      /** The stated value in m² (a range's midpoint), and the range's ends or a one-sided bound. */
      readonly m2: number;
      readonly lowM2: number | null;
      readonly highM2: number | null;
    }
  | {
      readonly kind: 'share';
      readonly quantity: StatedQuantity;
      /** The stated share as a fraction (50 percent → 0.5), and its ends. */
      readonly share: number;
      readonly low: number | null;
      readonly high: number | null;
      /** What the share is of ("base"), when the report says. */
      readonly of: string | null;
    };

const AREA_FACTORS = BASE_FACTORS.area as Readonly<Record<string, number>>;

/**
 * The areas and shares among a claim's quantities: areas in any unit the reader knows (ft², m²,
 * ha, acres, km², …) put into m², percentages and spelled-out fractions ("half of the base")
 * as fractions. Other quantities (counts, money, lengths, years) are not measurable and are left
 * out.
 *
 * @example
 * claimedMeasuresOf([{ surface: '13,700 square feet', value: 13700, unit: 'ft2', bound: 'exact', low: 13700, high: 13700 }])
 * // [{ kind: 'area', m2: 1272.77…, lowM2: 1272.77…, highM2: 1272.77…, quantity: … }]
 */
export function claimedMeasuresOf(quantities: readonly StatedQuantity[]): ClaimedMeasure[] {
  const measures: ClaimedMeasure[] = [];
  for (const q of quantities) {
    if (q.year === true || !Number.isFinite(q.value)) continue;
    const factor = AREA_FACTORS[q.unit];
    if (factor !== undefined) {
      if (q.value <= 0) continue;
      measures.push({
        kind: 'area',
        quantity: q,
        m2: q.value * factor,
        lowM2: q.low === null ? null : q.low * factor,
        highM2: q.high === null ? null : q.high * factor,
      });
    } else if (q.unit === '%' && q.value > 0 && q.value <= 100) {
      measures.push({
        kind: 'share',
        quantity: q,
        share: q.value / 100,
        low: q.low === null ? null : q.low / 100,
        high: q.high === null ? null : q.high / 100,
        of: q.of?.text ?? null,
      });
    } else if (q.unit === 'count' && q.value > 0 && q.value < 1 && (q.of != null || q.spelledOut === true)) {
      // "half of the base", "a third of the runway": the reader keeps fractions as counts below one
      measures.push({
        kind: 'share',
        quantity: q,
        share: q.value,
        low: q.low,
        high: q.high,
        of: q.of?.text ?? null,
      });
    }
  }
  return measures;
}
