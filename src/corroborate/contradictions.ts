import type { Claim } from '../types/claim.js';
import type { Contradiction } from '../types/ledger.js';
import type { ClaimDigest } from './document-digest.js';
import type { ReportIncident, StatedCount } from './event-features.js';

/** A claim of the ledger with what the contradiction and support rules read from it. */
export interface EventClaim {
  /** Ledger claim id, `documentId:claimId`. */
  readonly id: string;
  readonly documentId: string;
  readonly originId: string;
  /** What the rules read of the reader's claim. */
  readonly claim: Pick<ClaimDigest, 'text' | 'speaker' | 'stance' | 'polarity'>;
}

/**
 * Whether a claim denies what it is about: a denying cue ("denied that the depot had been
 * hit"). A merely negative statement ("nobody was hurt") is not a denial of the event; it
 * contradicts casualty claims through its outcome instead.
 *
 * @example isDenial(claimOf('The ministry denied that the depot had been hit')) // true
 */
export function isDenial(claim: Pick<Claim, 'stance'>): boolean {
  return claim.stance === 'denying';
}

/** The claims of one ledger event, sorted into the sides the rules compare. */
export interface EventClaimSides {
  readonly all: EventClaim[];
  readonly denials: EventClaim[];
  /** Claims of members coded intercepted or failed (the defender's account). */
  readonly interceptions: EventClaim[];
  /** Claims stating damage, destruction or casualties. */
  readonly harm: EventClaim[];
  /** Claims stating no damage or no casualties. */
  readonly noHarm: EventClaim[];
  readonly counts: Array<StatedCount & { readonly ledgerClaimId: string; readonly originId: string }>;
  /** For a battle: claims that ground was taken ("captured an army base") and that it was held ("repelled the attack"). */
  readonly taken: EventClaim[];
  readonly held: EventClaim[];
}

const TAKEN = /\b(?:captured|seized|taken|took (?:control|over)|overran|overrun|fell to)\b/i;
const HELD = /\b(?:repelled|repulsed|beat back|beaten back|held|holding|fallen)\b/i;

/**
 * Sorts an event's claims into denials, interceptions, harm and no-harm statements, and
 * collects its stated casualty counts.
 *
 * @example eventClaimSides(incidents, claims).denials.map((c) => c.id) // ['doc-1:c8']
 */
export function eventClaimSides(
  incidents: ReportIncident[],
  claims: Map<string, EventClaim>,
  claimsOfDocument: (documentId: string) => EventClaim[] = () => [],
): EventClaimSides {
  const ids = (inc: ReportIncident, local: Iterable<string>) =>
    [...local].map((c) => `${inc.documentId}:${c}`);
  const pick = (list: string[]) =>
    [...new Set(list)].map((id) => claims.get(id)).filter((c): c is EventClaim => c !== undefined);
  const all = pick(incidents.flatMap((inc) => ids(inc, inc.claimIds)));
  const interceptionIds = incidents.flatMap((inc) =>
    inc.events
      .filter((e) => e.status === 'intercepted' || e.status === 'failed')
      .flatMap((e) => ids(inc, e.claimIds)),
  );
  const harm = pick(incidents.flatMap((inc) => ids(inc, inc.harmClaimIds))).filter((c) => !isDenial(c.claim));
  const noHarm = pick(incidents.flatMap((inc) => ids(inc, inc.noHarmClaimIds)));
  const deniedEventClaims = new Set(
    incidents.flatMap((inc) =>
      inc.events.filter((e) => e.status === 'denied').flatMap((e) => ids(inc, e.claimIds)),
    ),
  );
  const denials = all.filter(
    (c) => isDenial(c.claim) || (deniedEventClaims.has(c.id) && c.claim.polarity === 'denied'),
  );
  const harmSet = new Set(harm);
  const interceptions = pick(interceptionIds).filter((c) => !isDenial(c.claim) && !harmSet.has(c));
  const counts = incidents.flatMap((inc) =>
    inc.counts.flatMap((count) => {
      const claim = count.claimId ? claims.get(`${inc.documentId}:${count.claimId}`) : undefined;
      return claim && !isDenial(claim.claim)
        ? [
            // Written out, not spread: a spread copy gets a hidden class of its own in V8, and a
            // ledger keeps one of these per stated count.
            {
              kind: count.kind,
              claimId: count.claimId,
              value: count.value,
              bound: count.bound,
              low: count.low,
              high: count.high,
              surface: count.surface,
              ledgerClaimId: claim.id,
              originId: claim.originId,
            },
          ]
        : [];
    }),
  );
  // Who holds the ground is often said outside the event's own sentence: read the battle's reports.
  const battle = incidents.some((inc) => inc.eventType === 'Battles');
  const reportClaims = battle
    ? [...new Set(incidents.map((inc) => inc.documentId))].flatMap(claimsOfDocument)
    : [];
  const held = reportClaims.filter(
    (c) => HELD.test(c.claim.text) && !(TAKEN.test(c.claim.text) && !isDenial(c.claim)),
  );
  const heldSet = new Set(held);
  const taken = reportClaims.filter((c) => TAKEN.test(c.claim.text) && !isDenial(c.claim) && !heldSet.has(c));
  return { all, denials, interceptions, harm, noHarm, counts, taken, held };
}

function quote(c: EventClaim): string {
  const text = c.claim.text.length > 90 ? `${c.claim.text.slice(0, 87)}…` : c.claim.text;
  return `${c.claim.speaker.name} (${c.documentId}): "${text}"`;
}

/** One claim per origin (the first), so ten copies of a story do not give ten pairs. */
function perOrigin(claims: EventClaim[]): EventClaim[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    if (seen.has(c.originId)) return false;
    seen.add(c.originId);
    return true;
  });
}

/**
 * Whether two stated counts exclude each other: "3 killed" vs "7 killed" do, "at least 3" vs
 * "7" do not.
 *
 * @example countsConflict({ low: 3, high: 3 }, { low: 7, high: 7 }) // true
 */
export function countsConflict(a: { low: number; high: number }, b: { low: number; high: number }): boolean {
  return a.high < b.low || b.high < a.low;
}

/**
 * The contradictions inside one ledger event: a claim against a denial, damage against no
 * damage, an interception against a hit, and casualty counts that exclude each other. Each
 * pair names both ledger claims and says what clashes.
 *
 * @example findContradictions(sides).map((c) => c.kind) // ['denial', 'interception-vs-hit', 'number']
 */
export function findContradictions(sides: EventClaimSides): Contradiction[] {
  const out: Contradiction[] = [];
  const seen = new Set<string>();
  const add = (
    kind: Contradiction['kind'],
    a: EventClaim | string,
    b: EventClaim | string,
    detail: string,
  ) => {
    const ia = typeof a === 'string' ? a : a.id;
    const ib = typeof b === 'string' ? b : b.id;
    if (ia === ib) return;
    const key = ia < ib ? `${ia}\u0000${ib}` : `${ib}\u0000${ia}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind, a: ia, b: ib, detail });
  };
  // Sets, not list searches: a large event (hundreds of reports) has thousands of claims.
  const denials = new Set(sides.denials);
  const interceptions = new Set(sides.interceptions);
  const noHarm = new Set(sides.noHarm);
  const harm = new Set(sides.harm);
  // What a denial is set against: asserted claims, those stating harm first (the hit itself).
  const asserted = sides.all
    .filter(
      (c) => c.claim.polarity === 'asserted' && !denials.has(c) && !interceptions.has(c) && !noHarm.has(c),
    )
    .sort((x, y) => Number(harm.has(y)) - Number(harm.has(x)));
  // A "no damage or casualties" statement contradicts harm claims (below), not the event itself.
  for (const denial of perOrigin(sides.denials.filter((c) => !noHarm.has(c)))) {
    for (const claim of perOrigin(
      asserted.filter((c) => c.claim.speaker.name !== denial.claim.speaker.name),
    )) {
      add('denial', claim, denial, `${quote(claim)} — denied by ${quote(denial)}`);
    }
  }
  for (const none of perOrigin(sides.noHarm)) {
    for (const claim of perOrigin(sides.harm.filter((c) => c.id !== none.id))) {
      add('outcome', claim, none, `${quote(claim)} — vs no damage or casualties: ${quote(none)}`);
    }
  }
  const harmPerOrigin = perOrigin(sides.harm);
  for (const interception of perOrigin(sides.interceptions)) {
    for (const claim of harmPerOrigin) {
      add(
        'interception-vs-hit',
        claim,
        interception,
        `hit: ${quote(claim)} — intercepted: ${quote(interception)}`,
      );
    }
  }
  for (const hold of perOrigin(sides.held)) {
    for (const claim of perOrigin(
      sides.taken.filter((c) => c.claim.speaker.name !== hold.claim.speaker.name),
    )) {
      add(
        isDenial(hold.claim) ? 'denial' : 'outcome',
        claim,
        hold,
        `ground taken: ${quote(claim)} — held: ${quote(hold)}`,
      );
    }
  }
  // Each pair of clashing values is reported once, by the first two counts that state them in
  // order (the first of each value): later counts of a value already seen add nothing.
  const counts = firstOfEachValue(sides.counts);
  const seenValues = new Set<string>();
  for (let i = 0; i < counts.length; i += 1) {
    for (let j = i + 1; j < counts.length; j += 1) {
      const a = counts[i];
      const b = counts[j];
      if (!a || !b || a.kind !== b.kind || !countsConflict(a, b)) continue;
      const values = [`${a.low}-${a.high}`, `${b.low}-${b.high}`].sort().join('|');
      if (seenValues.has(`${a.kind}|${values}`)) continue;
      seenValues.add(`${a.kind}|${values}`);
      add(
        'number',
        a.ledgerClaimId,
        b.ledgerClaimId,
        `${a.kind}: ${a.surface} (${a.ledgerClaimId}) vs ${b.surface} (${b.ledgerClaimId})`,
      );
    }
  }
  return out;
}

/**
 * The first count of each kind and stated value (low and high), in their order: the pair of two
 * values that clash is then the pair of their first counts, as a scan of every pair in order
 * would meet it first.
 */
function firstOfEachValue(counts: EventClaimSides['counts']): EventClaimSides['counts'] {
  const seen = new Map<string, number>();
  return counts.filter((c) => {
    const key = `${c.kind}|${c.low}-${c.high}`;
    const times = seen.get(key) ?? 0;
    // An empty interval ("fewer than 0") clashes with itself: its first two counts are the pair.
    if (times >= (c.high < c.low ? 2 : 1)) return false;
    seen.set(key, times + 1);
    return true;
  });
}
