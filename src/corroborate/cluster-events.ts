import type { EventLink, ReportEventRef } from '../types/ledger.js';
import { eventKey } from './decisions.js';
import type { ReportIncident } from './event-features.js';
import {
  candidatePairs,
  comparePlaces,
  isAnonymous,
  isRestatement,
  MATCH_DEFAULTS,
  type MatchOptions,
  scoreIncidentPair,
} from './event-pairs.js';

/** Constraints on the automatic clustering, from replayed review decisions. */
export interface ClusterConstraints {
  /** Report event key pairs that must not be linked automatically (a split separated them). */
  readonly forbidden?: Map<string, Set<string>>;
  /** Report event keys an analyst merged, with the note to give as reason. */
  readonly merges?: Array<{ readonly keys: string[]; readonly reason: string }>;
}

/** The automatic clustering: report event key → cluster label, and the links that joined them. */
export interface EventClustering {
  readonly assignment: Map<string, string>;
  readonly links: EventLink[];
}

const GENERIC_CODES = new Set(['ATTACK', 'OTHER']);

/** An incident coded only with a generic code (a bare "attack", a death or an injury). */
function isGeneric(i: ReportIncident): boolean {
  return [...i.events].every((e) => GENERIC_CODES.has(e.type));
}

function refOf(key: string): ReportEventRef {
  const at = key.indexOf('\u0000');
  return { documentId: key.slice(0, at), eventId: key.slice(at + 1) };
}

class Clusters {
  private readonly parent = new Map<string, string>();
  readonly members = new Map<string, string[]>();

  constructor(keys: string[]) {
    for (const k of keys) {
      this.parent.set(k, k);
      this.members.set(k, [k]);
    }
  }

  find(x: string): string {
    let root = x;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    let node = x;
    while (node !== root) {
      const p = this.parent.get(node) ?? root;
      this.parent.set(node, root);
      node = p;
    }
    return root;
  }

  union(a: string, b: string): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    const ma = this.members.get(ra) ?? [];
    const mb = this.members.get(rb) ?? [];
    if (ma.length < mb.length) [ra, rb] = [rb, ra];
    this.parent.set(rb, ra);
    const into = this.members.get(ra);
    const from = this.members.get(rb) ?? [];
    if (into) for (const k of from) into.push(k);
    this.members.delete(rb);
  }
}

/**
 * Clusters report events into ledger events. The reader's incidents (events sharing an
 * `incidentId`) start together; incidents of one report that restate one event (headline and
 * body) join; then candidate pairs from other reports (by blocking, see `candidatePairs`) are
 * linked best score first when they reach the threshold, unless the link would put two
 * incidents of one report that were kept apart in one event, join events a split separated,
 * or join members whose explicit dates or places exclude each other (so chains cannot drift).
 * Analyst merges are applied first and always hold.
 *
 * @example clusterEvents(incidents).assignment.get('doc-2\u0000ev1') === clusterEvents(incidents).assignment.get('doc-1\u0000ev3')
 */
export function clusterEvents(
  incidents: ReportIncident[],
  constraints: ClusterConstraints = {},
  options: MatchOptions = {},
): EventClustering {
  const threshold = options.threshold ?? MATCH_DEFAULTS.threshold;
  const forbidden = constraints.forbidden ?? new Map<string, Set<string>>();
  const incidentOf = new Map<string, ReportIncident>();
  for (const inc of incidents) for (const ref of inc.refs) incidentOf.set(eventKey(ref), inc);
  const keys = [...incidentOf.keys()];
  const clusters = new Clusters(keys);
  const links: EventLink[] = [];
  const link = (a: string, b: string, score: number, reasons: string[], by: EventLink['by']) => {
    links.push({ a: refOf(a), b: refOf(b), score, reasons, by });
    clusters.union(a, b);
  };

  const isForbidden = (ma: string[], mb: string[]) =>
    ma.some((x) => {
      const f = forbidden.get(x);
      return f !== undefined && mb.some((y) => f.has(y));
    });
  let groupOf: Map<string, string> | null = null;
  const compatible = (a: string, b: string): boolean => {
    const ra = clusters.find(a);
    const rb = clusters.find(b);
    if (ra === rb) return false;
    const ma = clusters.members.get(ra) ?? [];
    const mb = clusters.members.get(rb) ?? [];
    if (isForbidden(ma, mb)) return false;
    if (groupOf) {
      const groups = new Map<string, string>();
      for (const k of ma) groups.set(refOf(k).documentId, groupOf.get(k) ?? k);
      for (const k of mb) {
        const g = groups.get(refOf(k).documentId);
        if (g !== undefined && g !== (groupOf.get(k) ?? k)) return false;
      }
    }
    const ia = [...new Set(ma.map((k) => incidentOf.get(k)))];
    const ib = [...new Set(mb.map((k) => incidentOf.get(k)))];
    for (const x of ia) {
      for (const y of ib) {
        if (!x || !y) continue;
        if (x.date && y.date && !x.date.inferred && !y.date.inferred) {
          const slack = options.dateSlackDays ?? MATCH_DEFAULTS.dateSlackDays;
          if (!(x.date.from <= y.date.to + slack && y.date.from <= x.date.to + slack)) return false;
        }
        if (
          x.place &&
          y.place &&
          !x.place.inferred &&
          !y.place.inferred &&
          !comparePlaces(x.place, y.place, options)
        )
          return false;
      }
    }
    return true;
  };

  for (const merge of constraints.merges ?? []) {
    const [first, ...rest] = merge.keys.filter((k) => incidentOf.has(k));
    if (!first) continue;
    for (const k of rest)
      if (clusters.find(first) !== clusters.find(k)) link(first, k, 1, [merge.reason], 'analyst');
  }
  for (const inc of incidents) {
    const [first, ...rest] = inc.refs.map(eventKey);
    if (!first) continue;
    for (const k of rest) {
      const ma = clusters.members.get(clusters.find(first)) ?? [];
      const mb = clusters.members.get(clusters.find(k)) ?? [];
      if (clusters.find(first) !== clusters.find(k) && !isForbidden(ma, mb))
        link(first, k, 1, ['same incident in the report'], 'auto');
    }
  }
  const byDocument = new Map<string, ReportIncident[]>();
  for (const inc of incidents) {
    const list = byDocument.get(inc.documentId);
    if (list) list.push(inc);
    else byDocument.set(inc.documentId, [inc]);
  }
  const first = (inc: ReportIncident) => (inc.refs[0] ? eventKey(inc.refs[0]) : null);
  const restate = options.mergeRestatements ?? MATCH_DEFAULTS.mergeRestatements;
  for (const group of restate ? byDocument.values() : []) {
    for (let i = 0; i < group.length; i += 1) {
      for (let j = i + 1; j < group.length; j += 1) {
        const a = group[i];
        const b = group[j];
        if (!a || !b) continue;
        // A generic incident ("the attack", "killed") would bridge two events of a roundup: it waits (below).
        if (isGeneric(a) || isGeneric(b)) continue;
        const restated = isRestatement(a, b, options, false);
        const ka = first(a);
        const kb = first(b);
        if (restated && ka && kb && compatible(ka, kb))
          link(ka, kb, restated.score, restated.reasons, 'auto');
      }
    }
    // An incident left alone that names no place or target joins the report's event when just one fits.
    for (const a of group) {
      const ka = first(a);
      if (!ka || !(isAnonymous(a) || isGeneric(a))) continue;
      const fits = new Map<string, { key: string; score: number; reasons: string[] }>();
      for (const b of group) {
        const kb = first(b);
        if (b === a || !kb || clusters.find(kb) === clusters.find(ka) || isGeneric(b)) continue;
        const restated = isRestatement(a, b, options, false);
        if (!restated || !compatible(ka, kb)) continue;
        const root = clusters.find(kb);
        const best = fits.get(root);
        if (!best || restated.score > best.score) fits.set(root, { key: kb, ...restated });
      }
      const [only, ...more] = [...fits.values()];
      if (only && more.length === 0) link(ka, only.key, only.score, only.reasons, 'auto');
    }
  }
  groupOf = new Map(keys.map((k) => [k, clusters.find(k)]));

  const scored: Array<{ a: ReportIncident; b: ReportIncident; score: number; reasons: string[] }> = [];
  for (const [i, j] of candidatePairs(incidents, options)) {
    const a = incidents[i];
    const b = incidents[j];
    if (!a || !b) continue;
    const pair = scoreIncidentPair(a, b, options);
    if (pair && pair.score >= threshold) scored.push({ a, b, ...pair });
  }
  scored.sort(
    (x, y) =>
      y.score - x.score ||
      (x.a.key < y.a.key ? -1 : x.a.key > y.a.key ? 1 : x.b.key < y.b.key ? -1 : x.b.key > y.b.key ? 1 : 0),
  );
  for (const { a, b, score, reasons } of scored) {
    const ka = a.refs[0] ? eventKey(a.refs[0]) : null;
    const kb = b.refs[0] ? eventKey(b.refs[0]) : null;
    if (ka && kb && compatible(ka, kb)) link(ka, kb, score, reasons, 'auto');
  }

  const assignment = new Map(keys.map((k) => [k, clusters.find(k)]));
  return { assignment, links };
}
