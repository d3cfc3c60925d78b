import type { NumericCheck, Quantity } from '../types/index.js';
import { formatQuantity } from './format-quantity.js';

function head(q: Quantity): string | null {
  if (!q.of) return null;
  const w = (q.of.text.split(/\s+/).pop() ?? '').toLowerCase();
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w || null;
}

const LOWER = new Set(['at-least', 'more-than']);
const UPPER = new Set(['at-most', 'less-than']);

/**
 * Counts of the same thing where one is a bound: "12 times" beside "at least 76 times" is
 * compatible as a part of a whole (`ok`); "25 people" beside "up to 20 people" exceeds the
 * stated maximum (`flag`). Each bound is compared with the nearest exact count of the same
 * thing; vague bounds ("dozens") and trivially consistent pairs give no check.
 *
 * @example countBoundChecks(quantitiesOf('hit 12 times … attacked at least 76 times'))
 * // [{ kind: 'part-whole', status: 'ok', message: '"12" times is within "at least 76" times …' }]
 */
export function countBoundChecks(quantities: readonly Quantity[], stage = 'checks'): NumericCheck[] {
  // stated counts only: not "thousands of", not years, not "one"
  const counts = quantities.filter(
    (q) => q.unit === 'count' && !q.year && q.of !== null && q.value >= 2 && Number.isInteger(q.value),
  );
  const out: NumericCheck[] = [];
  for (const b of counts) {
    const lower = LOWER.has(b.bound);
    if ((!lower && !UPPER.has(b.bound)) || b.spelledOut) continue;
    const h = head(b);
    if (!h) continue;
    let nearest: Quantity | null = null;
    for (const e of counts) {
      if (e.bound !== 'exact' || e.of?.text.toLowerCase() !== b.of?.text.toLowerCase() || e.value === b.value)
        continue;
      if (!nearest || Math.abs(e.start - b.start) < Math.abs(nearest.start - b.start)) nearest = e;
    }
    if (!nearest) continue;
    const thing = b.of?.text ?? h;
    const e = nearest;
    // a count above a lower bound, or below a maximum, says nothing worth an analyst's time
    if (lower ? e.value >= b.value : e.value <= b.value) continue;
    const status: NumericCheck['status'] = lower ? 'ok' : 'flag';
    const message = lower
      ? `${formatQuantity(e)} ${thing} fits within ${formatQuantity(b)} ${thing} as a part of a larger whole (they may come from different counters).`
      : `${formatQuantity(e)} ${thing} exceeds the stated maximum ${formatQuantity(b)} ${thing}: two different counts of the same thing?`;
    out.push({
      id: '',
      kind: 'part-whole',
      status,
      quantityIds: [e.id, b.id],
      message,
      details: { count: e.value, bound: b.value, boundKind: b.bound, of: thing },
      confidence: status === 'flag' ? 0.5 : 0.6,
      stage,
    });
  }
  return out;
}
