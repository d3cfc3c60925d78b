import type { SpeakerKind } from '../types/attribution.js';
import type { Contradiction, EventSupport, LedgerEventStatus } from '../types/ledger.js';
import type { EventClaim, EventClaimSides } from './contradictions.js';
import { phraseWords } from './event-features.js';

const OFFICIAL: ReadonlySet<SpeakerKind> = new Set([
  'named-official',
  'unnamed-official',
  'organisation-statement',
]);

/**
 * Whether a claim's speaker is the attacker: an armed group's statement, or a name among the
 * event's actors. The actors' words are worked out once per event and each speaker is tested once:
 * a large event (hundreds of reports) has thousands of claims and as many actor texts.
 */
function perpetratorTest(actors: readonly string[]): (claim: EventClaim) => boolean {
  const actorWords = [...new Set(actors)].map(phraseWords).filter((aw) => aw.length > 0);
  const bySpeaker = new Map<string, boolean>();
  return (claim) => {
    const speaker = claim.claim.speaker;
    if (speaker.kind === 'armed-group-statement') return true;
    const text = `${speaker.name} ${speaker.affiliation ?? ''}`;
    let found = bySpeaker.get(text);
    if (found === undefined) {
      const words = new Set(phraseWords(text));
      found = actorWords.some((aw) => aw.filter((w) => words.has(w)).length / aw.length >= 0.5);
      bySpeaker.set(text, found);
    }
    return found;
  };
}

/**
 * Summarises the support of one ledger event: its supporting and contradicting claims, the
 * independent origins among its member documents (copies count once), speaker kinds of the
 * supporting claims, whether officials other than the attacker confirm it, and whether the
 * attacker's own claim is all there is.
 *
 * @example eventSupport(sides, ['origin-a', 'origin-b'], ['Brigades of the Two Rivers'], contradictions).independentOrigins // 2
 */
export function eventSupport(
  sides: EventClaimSides,
  originIds: string[],
  actors: string[],
  contradictions: Contradiction[],
): EventSupport {
  const against = new Set<string>([
    ...sides.denials.map((c) => c.id),
    ...(sides.harm.length > 0 ? [...sides.interceptions, ...sides.noHarm].map((c) => c.id) : []),
  ]);
  for (const c of contradictions) if (c.kind !== 'number') against.add(c.b);
  // Negative statements ("nobody was hurt") neither support nor deny that the event happened.
  const supporting = sides.all.filter((c) => !against.has(c.id) && c.claim.polarity === 'asserted');
  const speakerKinds: Partial<Record<SpeakerKind, number>> = {};
  for (const c of supporting)
    speakerKinds[c.claim.speaker.kind] = (speakerKinds[c.claim.speaker.kind] ?? 0) + 1;
  const byPerpetrator = perpetratorTest(actors);
  const perpetrator = supporting.filter(byPerpetrator);
  return {
    supporting: supporting.map((c) => c.id),
    contradicting: sides.all.filter((c) => against.has(c.id)).map((c) => c.id),
    independentOrigins: new Set(originIds).size,
    originIds: [...new Set(originIds)].sort(),
    speakerKinds,
    confirmedByTargetSide: supporting.some((c) => OFFICIAL.has(c.claim.speaker.kind) && !byPerpetrator(c)),
    perpetratorClaimOnly: supporting.length > 0 && perpetrator.length === supporting.length,
  };
}

/**
 * The computed status of an event: `disputed` when a claim contradicts it, `corroborated`
 * with two or more independent origins, else `unverified`.
 *
 * @example computedStatus({ contradicting: [], independentOrigins: 2 }) // 'corroborated'
 */
export function computedStatus(
  support: Pick<EventSupport, 'contradicting' | 'independentOrigins'>,
): LedgerEventStatus {
  if (support.contradicting.length > 0) return 'disputed';
  if (support.independentOrigins >= 2) return 'corroborated';
  return 'unverified';
}
