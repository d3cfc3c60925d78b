import type { ReaderStage } from '../stage.js';
import type { NumericCheck, Quantity, Span } from '../types/index.js';
import { breakdownChecks } from './breakdown-checks.js';
import { countBoundChecks } from './count-bounds.js';
import { shareChecks } from './share-checks.js';
import { unitAgreementChecks } from './unit-agreement.js';

/** Sentence spans when the sentence stage has not run: split after . ! ? and at line breaks. */
function roughSentences(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n.!?]*(?:[.!?]+(?=\s|$)|\n|$)/g;
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    if (m[0].trim() !== '') out.push({ start, end: start + m[0].length });
    if (m[0].length === 0) re.lastIndex += 1;
  }
  return out;
}

/**
 * Every numeric check of one report: unit restatements that must agree, shares without a
 * stated whole, shares whose whole is implausibly small for what it names, exact counts
 * against bounds on the same thing, and breakdowns ("including …") that must fit their whole.
 *
 * @example numericChecks('It covers 13,700 square feet, or 1,300 square metres.', quantities)
 * // [{ id: 'c1', kind: 'unit-agreement', status: 'ok', … }]
 */
export function numericChecks(
  text: string,
  quantities: readonly Quantity[],
  sentences?: readonly Span[],
  stage = 'checks',
): NumericCheck[] {
  if (quantities.length === 0) return [];
  const spans = sentences && sentences.length > 0 ? sentences : roughSentences(text);
  const checks = [
    ...unitAgreementChecks(text, quantities, stage),
    ...shareChecks(text, quantities, spans, stage),
    ...countBoundChecks(quantities, stage),
    ...breakdownChecks(text, quantities, stage),
  ];
  return checks.map((c, i) => ({ ...c, id: `c${i + 1}` }));
}

/**
 * The checks stage: reads the record's quantities (and sentences, when present).
 *
 * @example checksStage.run(record, ctx).checks // [{ kind: 'unit-agreement', status: 'ok', … }]
 */
export const checksStage: ReaderStage = {
  id: 'checks',
  run: (record) => ({
    checks: numericChecks(record.text ?? '', record.quantities ?? [], record.sentences, 'checks'),
  }),
};
