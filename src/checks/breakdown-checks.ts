import type { NumericCheck, Quantity } from '../types/index.js';
import { formatNumber, formatQuantity } from './format-quantity.js';

/** Words that open a breakdown of a count: "12 people, including 5 children and 3 women". */
const BREAKDOWN_OPENER = /^[\s,;:(—–-]*(?:including|among them|among whom|of whom|of which|of them)\s+$/i;

/** What may separate the parts of a breakdown: "5 children, 3 women and 2 men". */
const PART_GAP = /^\s*(?:,\s*(?:and\s+)?|and\s+|as well as\s+)$/i;

/**
 * A count broken down into parts must hold them: "6 civilians, including 2 women and 3
 * children" is `ok`; "6 civilians, including 8 women" is a `mismatch` (the parts exceed the
 * whole). Lower bounds ("at least 6") can hold any parts and give no check.
 *
 * @example breakdownChecks(text, quantitiesOf('killing 6 civilians, including 2 women'))
 * // [{ kind: 'arithmetic', status: 'ok', details: { whole: 6, parts: 2 }, … }]
 */
export function breakdownChecks(
  text: string,
  quantities: readonly Quantity[],
  stage = 'checks',
): NumericCheck[] {
  const sorted = [...quantities].sort((a, b) => a.start - b.start);
  const out: NumericCheck[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const whole = sorted[i];
    if (whole?.unit !== 'count' || whole.year || !whole.of) continue;
    if (whole.bound === 'at-least' || whole.bound === 'more-than' || whole.bound === 'approximate') continue;
    const first = sorted[i + 1];
    if (!first || first.start - whole.of.end > 30) continue;
    if (!BREAKDOWN_OPENER.test(text.slice(whole.of.end, first.start))) continue;
    const parts: Quantity[] = [];
    let prevEnd = whole.of.end;
    for (let j = i + 1; j < sorted.length; j++) {
      const p = sorted[j];
      // "including one featuring …": a part needs a noun, not a verb
      if (p?.unit !== 'count' || p.year || p.of === null || /[a-z](?:ing|ed)$/.test(p.of.text)) break;
      const gap = text.slice(prevEnd, p.start);
      if (parts.length > 0 && !PART_GAP.test(gap)) break;
      parts.push(p);
      prevEnd = p.of.end;
    }
    if (parts.length === 0) continue;
    const sum = parts.reduce((s, p) => s + (p.bound === 'range' ? (p.low ?? p.value) : p.value), 0);
    const holds = sum <= (whole.bound === 'range' ? (whole.high ?? whole.value) : whole.value);
    const listed = parts.map((p) => `${formatQuantity(p)} ${p.of?.text ?? ''}`.trim()).join(', ');
    out.push({
      id: '',
      kind: 'arithmetic',
      status: holds ? 'ok' : 'mismatch',
      quantityIds: [whole.id, ...parts.map((p) => p.id)],
      message: holds
        ? `${formatQuantity(whole)} ${whole.of.text} includes ${listed}: ${formatNumber(sum)} in all, within the whole.`
        : `${formatQuantity(whole)} ${whole.of.text} is said to include ${listed}: ${formatNumber(sum)} in all, more than the whole.`,
      details: { whole: whole.value, parts: sum },
      confidence: holds ? 0.6 : 0.7,
      stage,
    });
  }
  return out;
}
