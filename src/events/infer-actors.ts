import { objectList, type RecordSoFar } from '../stage.js';
import type { ConflictEvent, Tally } from '../types/event.js';

// Words that do not identify a target ("the Harir base" and "Harir Air Base" share "harir").
const GENERIC = new Set([
  'the',
  'a',
  'an',
  'air',
  'base',
  'airbase',
  'military',
  'site',
  'camp',
  'us',
  'of',
  'in',
  'field',
]);

function nameWords(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length > 2 && !GENERIC.has(w));
}

/**
 * For events whose text names no attacker: when an armed group's own count of attacks on the
 * same target is reported ("targeted 12 times, according to the group"), that group is the
 * likely actor. Marked `actorInferred`, with lowered confidence: a lead, not a finding.
 *
 * @example inferActors(record, events, tallies)[0].actorInferred // true for the 17 November strike
 */
export function inferActors(
  record: RecordSoFar,
  events: readonly ConflictEvent[],
  tallies: readonly Tally[],
): ConflictEvent[] {
  const claims = record.claims ?? [];
  const entities = record.entities ?? [];
  const groupTallies = tallies.filter((t) => {
    const claim = claims.find((c) => c.id === t.claimId);
    const kind = claim?.speaker.kind;
    return t.counter && t.target && (kind === 'armed-group-statement' || kind === 'organisation-statement');
  });
  // Pushed onto an object list, never spread or mapped (see `objectList`): the life events read it.
  const out = objectList<ConflictEvent>();
  if (groupTallies.length === 0) {
    for (const e of events) out.push(e);
    return out;
  }
  for (const e of events) out.push(inferred(e));
  return out;

  function inferred(e: ConflictEvent): ConflictEvent {
    if (e.actor || !e.target || e.status !== 'occurred') return e;
    const words = nameWords(e.target.text);
    const tally = groupTallies.find((t) => nameWords(t.target!.text).some((w) => words.includes(w)));
    if (!tally) return e;
    const counter = tally.counter!.replace(/^the\s+/i, '').toLowerCase();
    const named = entities.find(
      (x) => x.type === 'Organisation' && x.text.replace(/^the\s+/i, '').toLowerCase() === counter,
    );
    // Only an armed group's count of its own attacks points at it as the attacker.
    const claim = claims.find((c) => c.id === tally.claimId);
    if (!named || (claim?.speaker.kind !== 'armed-group-statement' && named.subtype !== 'armed-group'))
      return e;
    return {
      ...e,
      actor: { start: named.start, end: named.end, text: named.text },
      actorInferred: true,
      confidence: Math.min(e.confidence, 0.35),
    };
  }
}
