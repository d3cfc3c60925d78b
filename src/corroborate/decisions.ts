import type { ClaimRating, LedgerEventStatus, ReportEventRef, ReviewDecision } from '../types/ledger.js';

/**
 * Key of a report event inside the ledger builder: document id and event id.
 *
 * @example eventKey({ documentId: 'doc-1', eventId: 'ev2' }) // 'doc-1\u0000ev2'
 */
export function eventKey(ref: ReportEventRef): string {
  return `${ref.documentId}\u0000${ref.eventId}`;
}

/** What replaying review decisions over a clustering gives. */
export interface ReplayResult {
  /** Report event key → cluster label, after merges and splits. */
  readonly assignment: Map<string, string>;
  /** Pairs of report events a split separated: automatic links between them are refused. */
  readonly forbidden: Map<string, Set<string>>;
  /** Report events an analyst merge forced together, one list per merge decision. */
  readonly merges: Array<{ readonly keys: string[]; readonly decision: ReviewDecision }>;
  /** Status decisions in order, by the report event that names the ledger event. */
  readonly statuses: Array<{ readonly key: string; readonly status: LedgerEventStatus }>;
  /** Claim ratings, latest per ledger claim id (`documentId:claimId`). */
  readonly ratings: Map<string, ClaimRating>;
}

function forbid(forbidden: Map<string, Set<string>>, a: string, b: string): void {
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    const set = forbidden.get(x);
    if (set) set.add(y);
    else forbidden.set(x, new Set([y]));
  }
}

/**
 * Replays review decisions, in order, over a clustering of report events: `merge` joins the
 * clusters of its members, `split` moves its members into a cluster of their own (and records
 * the pairs it separated, so automatic links never join them again), `set-status` and
 * `rate-claim` are kept for the events and claims they name. Later decisions win. Members
 * the ledger does not hold (a deleted document) are skipped.
 *
 * @example replayDecisions(new Map([['d1\u0000ev1', 'a'], ['d2\u0000ev1', 'a']]), [split of d2:ev1]).assignment.get('d2\u0000ev1') // 'split-0'
 */
export function replayDecisions(clustering: Map<string, string>, decisions: ReviewDecision[]): ReplayResult {
  const assignment = new Map(clustering);
  const forbidden = new Map<string, Set<string>>();
  const merges: ReplayResult['merges'] = [];
  const statuses: Array<{ key: string; status: LedgerEventStatus }> = [];
  const ratings = new Map<string, ClaimRating>();
  decisions.forEach((decision, index) => {
    switch (decision.kind) {
      case 'merge': {
        const keys = decision.members.map(eventKey).filter((k) => assignment.has(k));
        const labels = new Set(keys.map((k) => assignment.get(k)));
        const target = keys[0] ? assignment.get(keys[0]) : undefined;
        if (target === undefined) return;
        // The whole events join, not only the members named: every member is kept as a forced
        // link, so a later clustering pass cannot leave part of either event behind.
        const joined = [...assignment].filter(([, label]) => labels.has(label)).map(([k]) => k);
        for (const k of joined) assignment.set(k, target);
        merges.push({ keys: joined, decision });
        return;
      }
      case 'split': {
        const keys = new Set(decision.members.map(eventKey).filter((k) => assignment.has(k)));
        const labels = new Set([...keys].map((k) => assignment.get(k)));
        const label = `split-${index}`;
        for (const [k, l] of assignment) {
          if (keys.has(k) || !labels.has(l)) continue;
          for (const m of keys) forbid(forbidden, m, k);
        }
        for (const k of keys) assignment.set(k, label);
        return;
      }
      case 'set-status': {
        const key = eventKey(decision.member);
        if (assignment.has(key)) statuses.push({ key, status: decision.status });
        return;
      }
      case 'rate-claim':
        ratings.set(`${decision.claim.documentId}:${decision.claim.claimId}`, {
          value: decision.rating,
          label: decision.label,
          by: decision.by,
          at: decision.at,
          note: decision.note,
        });
        return;
    }
  });
  return { assignment, forbidden, merges, statuses, ratings };
}
