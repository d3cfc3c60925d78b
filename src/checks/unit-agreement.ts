import { BASE_FACTORS, dimensionOf } from '../nlp/quantities/unit-table.js';
import type { NumericCheck, Quantity } from '../types/index.js';
import { formatNumber, formatQuantity, unitLabel } from './format-quantity.js';

/**
 * What may stand between a value and its restatement in another unit:
 * "13,700 square feet, or 1,300 square metres", "9 miles (14.5 km)", "40 °C / 104 °F".
 */
const RESTATEMENT_GAP =
  /^\s*(?:[,;:(/[—–-]\s*)*(?:(?:or|i\.e\.|that is|about|around|roughly|approximately|nearly|some|almost|equivalent to|equal to|which is)\s*[,(]?\s*)*$/i;

/** A restatement says so: "or", a bracket, a slash, "about"; a bare comma lists ("4 hours, 31 minutes"). */
const RESTATEMENT_MARK =
  /[(/[]|\b(?:or|i\.e\.|that is|about|around|roughly|approximately|nearly|some|almost|equivalent|equal|which is)\b/i;

/** Half the last stated digit's step, in base units ("1,300" is ±50; "1,000" is ±50; "2.5" is ±0.05). */
function roundingSlack(q: Quantity): number {
  const v = Math.abs(q.value);
  let step = 1;
  if (!Number.isInteger(v)) {
    const dec = (String(v).split('.')[1] ?? '').length;
    step = 10 ** -dec;
  } else if (v !== 0) {
    let n = v;
    while (n % 10 === 0 && n >= 10) {
      n /= 10;
      step *= 10;
    }
    // "1,000" may be exact or rounded to one figure; assume at least two significant figures
    step = Math.min(step, Math.max(1, 10 ** (Math.floor(Math.log10(v)) - 1)));
  }
  const dim = dimensionOf(q.unit);
  const factor = dim === 'temperature' ? (q.unit === 'degF' ? 5 / 9 : 1) : (BASE_FACTORS[dim]?.[q.unit] ?? 1);
  return 0.5 * step * factor;
}

/**
 * Values restated in another unit of the same dimension must agree within the rounding of
 * the stated numbers (and at least 1 %): `ok` with the relative difference, else `mismatch`.
 *
 * @example unitAgreementChecks(quantitiesOf('13,700 square feet, or 1,300 square metres'))
 * // [{ kind: 'unit-agreement', status: 'ok', details: { relativeDifference: 0.0209, … }, … }]
 */
export function unitAgreementChecks(
  text: string,
  quantities: readonly Quantity[],
  stage = 'checks',
): NumericCheck[] {
  const out: NumericCheck[] = [];
  const sorted = [...quantities].sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i];
    const b = sorted[i + 1];
    if (!a || !b || !a.normalized || !b.normalized) continue;
    if (a.unit === b.unit || a.normalized.unit !== b.normalized.unit) continue;
    const gap = text.slice(a.end, b.start);
    if (
      b.start - a.end > 40 ||
      !RESTATEMENT_GAP.test(gap) ||
      !(RESTATEMENT_MARK.test(gap) || b.bound === 'approximate')
    )
      continue;
    // "1.5 x 3 metres (5 x 10 feet)": sides of a shape pair up crosswise, not neighbour to neighbour
    const beside = text.slice(Math.max(0, a.start - 3), a.start) + text.slice(b.end, b.end + 3);
    if (/[x×]/.test(beside) || /^\s*[x×]/.test(text.slice(a.end, a.end + 3))) continue;
    const na = a.normalized.value;
    const nb = b.normalized.value;
    const diff = Math.abs(na - nb);
    const larger = Math.max(Math.abs(na), Math.abs(nb));
    const rel = larger === 0 ? 0 : diff / larger;
    let slack = roundingSlack(a) + roundingSlack(b);
    if (a.bound === 'approximate' || b.bound === 'approximate') slack += 0.05 * larger;
    const agrees = diff <= Math.max(slack, 0.01 * larger);
    const base = a.normalized.unit;
    const relPct = formatNumber(rel * 100, 1);
    const message = agrees
      ? `${formatQuantity(a)} is ${formatNumber(na, 2)} ${unitLabel(base)}; the restated ${formatQuantity(b)} agrees within rounding (${relPct} % apart).`
      : `${formatQuantity(a)} is ${formatNumber(na, 2)} ${unitLabel(base)}, but the text restates it as ${formatQuantity(b)} (${formatNumber(nb, 2)} ${unitLabel(base)}): ${relPct} % apart, more than rounding explains.`;
    out.push({
      id: '',
      kind: 'unit-agreement',
      status: agrees ? 'ok' : 'mismatch',
      quantityIds: [a.id, b.id],
      message,
      details: {
        first: na,
        second: nb,
        unit: base,
        relativeDifference: Math.round(rel * 1e4) / 1e4,
        tolerance: larger === 0 ? 0 : Math.round((Math.max(slack, 0.01 * larger) / larger) * 1e4) / 1e4,
      },
      confidence: agrees ? 0.9 : 0.75,
      stage,
    });
    i += 1;
  }
  return out;
}
