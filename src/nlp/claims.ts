import type { ReaderStage } from '../stage.js';
import { outletNames } from './attributions.js';
import { buildClaims } from './claims/build-claims.js';

/**
 * Reader stage: every assertion of the body as a claim, with the attribution it rests on (or
 * the outlet's own voice), stance, polarity, markers and the quantities, dates and places in
 * it. Re-emits `markers` with the claim ids they qualify.
 *
 * @example claimsStage.run(record, context).claims // [{id: 'c1', attributionId: 'a1', …}]
 */
export const claimsStage: ReaderStage = {
  id: 'claims',
  run: (record) => {
    const text = record.text ?? '';
    if (!record.sentences || text.length === 0) return { claims: [] };
    const names = outletNames(record);
    const { claims, markers } = buildClaims({
      text,
      sentences: record.sentences,
      attributions: record.attributions ?? [],
      markers: record.markers ?? [],
      boilerplate: record.document?.boilerplate ?? [],
      outlet: record.document?.originallyPublishedBy?.value ?? names[0] ?? null,
      quantities: record.quantities ?? [],
      dates: record.dates ?? [],
      places: record.places ?? [],
    });
    return { claims, markers };
  },
};
