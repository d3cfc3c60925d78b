import { describe, expect, it } from 'vitest';
import type { EventClaim, EventClaimSides } from '../../src/corroborate/contradictions.js';
import { eventSupport } from '../../src/corroborate/support.js';
import type { SpeakerKind } from '../../src/types/attribution.js';

/** An asserted claim of report `documentId` by a speaker. */
function claimBy(
  id: string,
  name: string,
  kind: SpeakerKind,
  affiliation: string | null = null,
  documentId = `doc-${id}`,
): EventClaim {
  return {
    id,
    documentId,
    originId: `origin-${documentId}`,
    claim: {
      text: `${name} said the depot was hit.`,
      speaker: { name, kind, affiliation },
      stance: 'neutral',
      polarity: 'asserted',
    },
  };
}

const sidesOf = (all: EventClaim[]): EventClaimSides => ({
  all,
  denials: [],
  interceptions: [],
  harm: [],
  noHarm: [],
  counts: [],
  taken: [],
  held: [],
});

/** A large event repeats its speakers and its actors: every report names them again. */
const repeated = <T>(times: number, make: (k: number) => T): T[] =>
  Array.from({ length: times }, (_, k) => make(k));

describe('eventSupport: who supports an event, and whether the attacker is all there is', () => {
  it.each<
    [string, EventClaim[], string[], { perpetratorClaimOnly: boolean; confirmedByTargetSide: boolean }]
  >([
    [
      "the armed group's statements only",
      repeated(40, (k) => claimBy(`c${k}`, 'Sons of the Valley', 'armed-group-statement')),
      repeated(40, () => 'Sons of the Valley'),
      { perpetratorClaimOnly: true, confirmedByTargetSide: false },
    ],
    [
      "an organisation named among the actors is the attacker's side, not the target's",
      repeated(30, (k) => claimBy(`c${k}`, 'Valley Brigades command', 'organisation-statement')),
      [...repeated(30, () => 'the Valley Brigades'), ...repeated(30, () => 'unknown gunmen')],
      { perpetratorClaimOnly: true, confirmedByTargetSide: false },
    ],
    [
      'officials of the target confirm it among many of the attacker’s statements',
      [
        ...repeated(30, (k) => claimBy(`c${k}`, 'Valley Brigades command', 'organisation-statement')),
        claimBy('c-army', 'Iraqi army spokesman', 'named-official', 'Ministry of Defence'),
      ],
      repeated(30, () => 'the Valley Brigades'),
      { perpetratorClaimOnly: false, confirmedByTargetSide: true },
    ],
    [
      'one name, two affiliations: only the one naming the attacker counts as the attacker',
      [
        claimBy('c1', 'spokesman', 'named-official', 'Valley Brigades'),
        claimBy('c2', 'spokesman', 'named-official', 'Ministry of Interior'),
        claimBy('c3', 'spokesman', 'named-official', 'Valley Brigades'),
      ],
      ['the Valley Brigades', 'the Valley Brigades'],
      { perpetratorClaimOnly: false, confirmedByTargetSide: true },
    ],
    [
      'no actors named: no official is the attacker',
      repeated(5, (k) => claimBy(`c${k}`, 'police', 'unnamed-official')),
      [],
      { perpetratorClaimOnly: false, confirmedByTargetSide: true },
    ],
  ])('%s', (_name, claims, actors, expected) => {
    const support = eventSupport(
      sidesOf(claims),
      claims.map((c) => c.originId),
      actors,
      [],
    );
    expect({
      perpetratorClaimOnly: support.perpetratorClaimOnly,
      confirmedByTargetSide: support.confirmedByTargetSide,
    }).toEqual(expected);
    expect(support.supporting).toEqual(claims.map((c) => c.id));
  });
});
