import type { EventLink, ReportEventRef } from '../types/ledger.js';
import { eventKey } from './decisions.js';
import { DisjointSets } from './disjoint-sets.js';
import type { IncidentPlace, ReportIncident } from './event-features.js';
import {
  forEachCandidatePair,
  isAnonymous,
  isRestatement,
  MATCH_DEFAULTS,
  type MatchOptions,
  matchingScore,
  placesCompatible,
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

const reasonLists = new Map<string, string[]>();

/**
 * One copy of each list of link reasons: a million-report ledger has millions of links, and their
 * reasons ("same day (2026-03-04)", "same sub-type (Air/drone strike)") recur.
 */
function shareReasons(reasons: string[]): string[] {
  const key = reasons.join('\u0001');
  const shared = reasonLists.get(key);
  if (shared !== undefined) return shared;
  if (reasonLists.size >= 100_000) reasonLists.clear();
  reasonLists.set(key, reasons);
  return reasons;
}

/** Identity of a place as `comparePlaces` reads it: two equal ones always compare alike. */
function placeIdentity(p: IncidentPlace): string {
  let id = placeIdentities.get(p);
  if (id === undefined) {
    id = `${p.name}\u0000${p.lat}\u0000${p.lon}\u0000${p.precision}\u0000${p.country}\u0000${p.admin1}`;
    placeIdentities.set(p, id);
  }
  return id;
}

const placeIdentities = new WeakMap<IncidentPlace, string>();

/**
 * Union-find over report events (by index; `DisjointSets`, the larger cluster's root staying the
 * root), keeping for each cluster its members (a circular list
 * through `next`) and what the compatibility test reads: the span every explicit date allows and
 * the distinct explicit places, so that test costs the number of distinct places, not of member
 * pairs. A cluster of one holds no lists or maps of its own: millions of report events stay a few
 * typed arrays until they join.
 */
class Clusters {
  private readonly sets: DisjointSets;
  private readonly size: Int32Array;
  /** The next member of the same cluster, round a circle. */
  private readonly next: Int32Array;
  /** Latest first day and earliest last day over the cluster's explicit dates. */
  readonly latestFrom: Float64Array;
  readonly earliestTo: Float64Array;
  /** Each report event's own explicit place. */
  private readonly ownPlace: Array<IncidentPlace | null>;
  /** A cluster's distinct explicit places, once it has taken another cluster's. */
  private readonly places: Array<IncidentPlace[] | null>;
  /** Identities of a cluster's places, made when it first takes another's. */
  private readonly placeKeys: Array<Set<string> | null>;
  /**
   * For a cluster with many places: per place identity tested against it, how many of its places
   * (a prefix: a cluster's list only grows) that place agrees with, or -1 once one excluded it.
   */
  private readonly agreed: Array<Map<string, number> | null>;
  /**
   * Once the reports' own restatements are joined (`freezeGroups`): per cluster, the group each of
   * its documents' report events belonged to then (one per document and cluster: a link that
   * would give a document two is refused). A cluster of one document keeps it in `groupDocument`
   * and `group`; a map is made when it takes another's.
   */
  private frozen = false;
  private readonly groupDocument: Int32Array;
  private readonly group: Int32Array;
  private readonly groupMaps: Array<Map<number, number> | null>;

  constructor(incidentOf: readonly ReportIncident[]) {
    const n = incidentOf.length;
    this.sets = new DisjointSets(n);
    this.size = new Int32Array(n).fill(1);
    this.next = new Int32Array(n);
    this.latestFrom = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
    this.earliestTo = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    this.ownPlace = new Array<IncidentPlace | null>(n).fill(null);
    this.places = new Array<IncidentPlace[] | null>(n).fill(null);
    this.placeKeys = new Array<Set<string> | null>(n).fill(null);
    this.agreed = new Array<Map<string, number> | null>(n).fill(null);
    this.groupDocument = new Int32Array(n);
    this.group = new Int32Array(n);
    this.groupMaps = new Array<Map<number, number> | null>(n).fill(null);
    for (let k = 0; k < n; k += 1) {
      this.next[k] = k;
      const inc = incidentOf[k] as ReportIncident;
      if (inc.date && !inc.date.inferred) {
        this.latestFrom[k] = inc.date.from;
        this.earliestTo[k] = inc.date.to;
      }
      if (inc.place && !inc.place.inferred) this.ownPlace[k] = inc.place;
    }
  }

  find(x: number): number {
    return this.sets.find(x);
  }

  /** The members of the cluster rooted at `root`. */
  membersOf(root: number): number[] {
    const out = [root];
    for (let k = this.next[root] as number; k !== root; k = this.next[k] as number) out.push(k);
    return out;
  }

  /** The distinct explicit places of the cluster rooted at `root`. */
  placesOf(root: number): readonly IncidentPlace[] {
    const list = this.places[root];
    if (list) return list;
    const own = this.ownPlace[root];
    return own ? [own] : [];
  }

  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if ((this.size[ra] as number) < (this.size[rb] as number)) [ra, rb] = [rb, ra];
    this.sets.union(ra, rb);
    this.size[ra] = (this.size[ra] as number) + (this.size[rb] as number);
    // Two circles become one by swapping the successors of their roots.
    const after = this.next[ra] as number;
    this.next[ra] = this.next[rb] as number;
    this.next[rb] = after;
    this.latestFrom[ra] = Math.max(this.latestFrom[ra] as number, this.latestFrom[rb] as number);
    this.earliestTo[ra] = Math.min(this.earliestTo[ra] as number, this.earliestTo[rb] as number);
    const fromPlaces = this.placesOf(rb);
    if (fromPlaces.length > 0) {
      let places = this.places[ra] ?? null;
      if (places === null) {
        places = [...this.placesOf(ra)];
        this.places[ra] = places;
      }
      let keys = this.placeKeys[ra] ?? null;
      if (keys === null) {
        keys = new Set(places.map(placeIdentity));
        this.placeKeys[ra] = keys;
      }
      for (const p of fromPlaces) {
        const key = placeIdentity(p);
        if (keys.has(key)) continue;
        keys.add(key);
        places.push(p);
      }
    }
    this.places[rb] = null;
    this.placeKeys[rb] = null;
    this.agreed[rb] = null;
    if (this.frozen) {
      const into = this.groupMapOf(ra);
      for (const [document, group] of this.groupMapOf(rb)) into.set(document, group);
      this.groupMaps[rb] = null;
    }
  }

  /** The document → group map of a frozen cluster, made from its one document when it has none yet. */
  private groupMapOf(root: number): Map<number, number> {
    let map = this.groupMaps[root] ?? null;
    if (map === null) {
      map = new Map([[this.groupDocument[root] as number, this.group[root] as number]]);
      this.groupMaps[root] = map;
    }
    return map;
  }

  /**
   * Whether every explicit place of one cluster can be the same spot as every one of the other's
   * (`comparePlaces` not null, which does not depend on the order of the two). A cluster with many
   * places remembers which places it was tested against, so a large event is not read in full
   * again for each report that might join it.
   */
  placesAgree(ra: number, rb: number, options: MatchOptions): boolean {
    const pa = this.placesOf(ra);
    const pb = this.placesOf(rb);
    const [big, many, few] = pa.length >= pb.length ? [ra, pa, pb] : [rb, pb, pa];
    if (few.length === 0) return true;
    if (many.length < 8) {
      for (const x of many)
        for (const y of few) if (x !== y && !placesCompatible(x, y, options)) return false;
      return true;
    }
    let agreed = this.agreed[big] ?? null;
    if (agreed === null) {
      agreed = new Map();
      this.agreed[big] = agreed;
    }
    for (const y of few) {
      const id = placeIdentity(y);
      let k = agreed.get(id) ?? 0;
      if (k < 0) return false;
      for (; k < many.length; k += 1) {
        if (!placesCompatible(many[k] as IncidentPlace, y, options)) {
          agreed.set(id, -1);
          return false;
        }
      }
      agreed.set(id, k);
    }
    return true;
  }

  /** Records each cluster's group per document (see `groupDocument`); `documentOf` gives a report event's document. */
  freezeGroups(documentOf: readonly number[]): void {
    const n = this.sets.size;
    this.groupDocument.fill(-1);
    for (let k = 0; k < n; k += 1) {
      const root = this.find(k);
      const document = documentOf[k] as number;
      // A cluster's group is its root at this point, for each of its documents.
      this.group[root] = root;
      if (this.groupDocument[root] === -1) this.groupDocument[root] = document;
      else if (this.groupDocument[root] !== document) this.groupMapOf(root).set(document, root);
    }
    this.frozen = true;
  }

  /** Whether two clusters hold report events of one document from different groups. */
  groupsConflict(ra: number, rb: number): boolean {
    if (!this.frozen) return false;
    const ma = this.groupMaps[ra] ?? null;
    const mb = this.groupMaps[rb] ?? null;
    if (ma === null && mb === null)
      return this.groupDocument[ra] === this.groupDocument[rb] && this.group[ra] !== this.group[rb];
    if (ma === null || mb === null) {
      const [single, map] = ma === null ? [ra, mb as Map<number, number>] : [rb, ma];
      const other = map.get(this.groupDocument[single] as number);
      return other !== undefined && other !== this.group[single];
    }
    let small = ma;
    let large = mb;
    if (small.size > large.size) [small, large] = [large, small];
    for (const [document, group] of small) {
      const other = large.get(document);
      if (other !== undefined && other !== group) return true;
    }
    return false;
  }
}

/**
 * The pairs of incidents of different reports that score at least the threshold, as numbers: pair
 * `k` joins `incidents[a[k]]` and `incidents[b[k]]` (indices into the incidents they were found
 * among) with score `scores[k]`. The reasons are worked out again for the few pairs that become
 * links (`scoreIncidentPair`): a ledger keeps millions of pairs, not their words, and 16 bytes a
 * pair rather than an object.
 *
 * @example const pairs = matchingPairs(incidents); incidents[pairs.a[0]].key // 'doc-1\u0000e1'
 */
export interface MatchingPairs {
  readonly count: number;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly scores: Float64Array;
}

/**
 * The candidate pairs (see `candidatePairs`) that reach the matching threshold, best first (ties
 * by incident keys), each once. They depend on the incidents and the options only, not on review
 * decisions: a ledger rebuilt after a decision clusters the same pairs again (`clusterEvents`'s
 * `pairs`) instead of scoring them anew.
 *
 * @example matchingPairs(incidents).scores[0] // 0.95
 */
export function matchingPairs(
  incidents: readonly ReportIncident[],
  options: MatchOptions = {},
): MatchingPairs {
  const threshold = options.threshold ?? MATCH_DEFAULTS.threshold;
  // Incidents ranked by key once, so ties in score sort by two numbers rather than two strings.
  const byKey = incidents
    .map((_, i) => i)
    .sort((x, y) => {
      const kx = (incidents[x] as ReportIncident).key;
      const ky = (incidents[y] as ReportIncident).key;
      return kx < ky ? -1 : kx > ky ? 1 : 0;
    });
  const rank = new Int32Array(incidents.length);
  for (let r = 0; r < byKey.length; r += 1) {
    const at = byKey[r] as number;
    const before = r > 0 ? (byKey[r - 1] as number) : -1;
    rank[at] =
      before >= 0 && (incidents[before] as ReportIncident).key === (incidents[at] as ReportIncident).key
        ? (rank[before] as number)
        : r;
  }
  // The pairs that reach the threshold, as numbers: a ledger of a million reports scores tens of
  // millions of candidates and keeps millions of pairs.
  let first = new Int32Array(1024);
  let second = new Int32Array(1024);
  let scores = new Float64Array(1024);
  let count = 0;
  forEachCandidatePair(incidents, options, (i, j) => {
    const a = incidents[i];
    const b = incidents[j];
    if (!a || !b) return;
    const score = matchingScore(a, b, options, threshold);
    if (score === null) return;
    if (count === first.length) {
      const grow = <T extends Int32Array | Float64Array>(from: T, to: T): T => {
        to.set(from);
        return to;
      };
      first = grow(first, new Int32Array(2 * count));
      second = grow(second, new Int32Array(2 * count));
      scores = grow(scores, new Float64Array(2 * count));
    }
    first[count] = i;
    second[count] = j;
    scores[count] = score;
    count += 1;
  });
  const order = new Uint32Array(count);
  for (let k = 0; k < count; k += 1) order[k] = k;
  order.sort(
    (x, y) =>
      (scores[y] as number) - (scores[x] as number) ||
      (rank[first[x] as number] as number) - (rank[first[y] as number] as number) ||
      (rank[second[x] as number] as number) - (rank[second[y] as number] as number),
  );
  // A pair two kinds of block both offered is scored twice: keep it once.
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  const kept = new Float64Array(count);
  let n = 0;
  for (let k = 0; k < count; k += 1) {
    const at = order[k] as number;
    const i = first[at] as number;
    const j = second[at] as number;
    if (
      n > 0 &&
      incidents[a[n - 1] as number] === incidents[i] &&
      incidents[b[n - 1] as number] === incidents[j]
    )
      continue;
    a[n] = i;
    b[n] = j;
    kept[n] = scores[at] as number;
    n += 1;
  }
  return { count: n, a: a.slice(0, n), b: b.slice(0, n), scores: kept.slice(0, n) };
}

/**
 * Clusters report events into ledger events. The reader's incidents (events sharing an
 * `incidentId`) start together; incidents of one report that restate one event (headline and
 * body) join; then candidate pairs from other reports (by blocking, see `candidatePairs`) are
 * linked best score first when they reach the threshold, unless the link would put two
 * incidents of one report that were kept apart in one event, join events a split separated,
 * or join members whose explicit dates or places exclude each other (so chains cannot drift).
 * Analyst merges are applied first and always hold. `pairs`, when given, are the incidents'
 * `matchingPairs` worked out before (for the same incidents, in the same order, and options).
 *
 * @example clusterEvents(incidents).assignment.get('doc-2\u0000ev1') === clusterEvents(incidents).assignment.get('doc-1\u0000ev3')
 */
export function clusterEvents(
  incidents: ReportIncident[],
  constraints: ClusterConstraints = {},
  options: MatchOptions = {},
  pairs?: MatchingPairs,
): EventClustering {
  const slack = options.dateSlackDays ?? MATCH_DEFAULTS.dateSlackDays;
  const forbidden = constraints.forbidden ?? new Map<string, Set<string>>();
  // Report events by index: their keys, incidents and documents.
  const indexOf = new Map<string, number>();
  const keys: string[] = [];
  const incidentAt: ReportIncident[] = [];
  const documentAt: number[] = [];
  const refAt: ReportEventRef[] = [];
  const documents = new Map<string, number>();
  for (const inc of incidents) {
    let document = documents.get(inc.documentId);
    if (document === undefined) {
      document = documents.size;
      documents.set(inc.documentId, document);
    }
    for (const ref of inc.refs) {
      const key = eventKey(ref);
      const at = indexOf.get(key);
      if (at !== undefined) {
        incidentAt[at] = inc;
        continue;
      }
      indexOf.set(key, keys.length);
      keys.push(key);
      refAt.push(ref);
      incidentAt.push(inc);
      documentAt.push(document);
    }
  }
  const clusters = new Clusters(incidentAt);
  const links: EventLink[] = [];
  const link = (a: number, b: number, score: number, reasons: string[], by: EventLink['by']) => {
    links.push({
      a: refAt[a] as ReportEventRef,
      b: refAt[b] as ReportEventRef,
      score,
      reasons: shareReasons(reasons),
      by,
    });
    clusters.union(a, b);
  };
  const membersOf = (k: number) => clusters.membersOf(clusters.find(k));

  const isForbidden = (ma: number[], mb: number[]) =>
    forbidden.size > 0 &&
    ma.some((x) => {
      const f = forbidden.get(keys[x] as string);
      return f !== undefined && mb.some((y) => f.has(keys[y] as string));
    });
  const compatible = (a: number, b: number): boolean => {
    const ra = clusters.find(a);
    const rb = clusters.find(b);
    if (ra === rb) return false;
    if (forbidden.size > 0 && isForbidden(clusters.membersOf(ra), clusters.membersOf(rb))) return false;
    if (clusters.groupsConflict(ra, rb)) return false;
    // Every explicit date of one must overlap every explicit date of the other (within the slack).
    if (
      (clusters.latestFrom[ra] as number) > (clusters.earliestTo[rb] as number) + slack ||
      (clusters.latestFrom[rb] as number) > (clusters.earliestTo[ra] as number) + slack
    )
      return false;
    return clusters.placesAgree(ra, rb, options);
  };

  for (const merge of constraints.merges ?? []) {
    const [first, ...rest] = merge.keys.flatMap((k) => {
      const at = indexOf.get(k);
      return at === undefined ? [] : [at];
    });
    if (first === undefined) continue;
    for (const k of rest)
      if (clusters.find(first) !== clusters.find(k)) link(first, k, 1, [merge.reason], 'analyst');
  }
  const firstIndex = new Map<ReportIncident, number | null>();
  const firstOf = (inc: ReportIncident): number | null => {
    let at = firstIndex.get(inc);
    if (at === undefined) {
      at = inc.refs[0] ? (indexOf.get(eventKey(inc.refs[0])) ?? null) : null;
      firstIndex.set(inc, at);
    }
    return at;
  };
  for (const inc of incidents) {
    const [first, ...rest] = inc.refs.map((ref) => indexOf.get(eventKey(ref)) as number);
    if (first === undefined) continue;
    for (const k of rest) {
      if (clusters.find(first) !== clusters.find(k) && !isForbidden(membersOf(first), membersOf(k)))
        link(first, k, 1, ['same incident in the report'], 'auto');
    }
  }
  const byDocument = new Map<string, ReportIncident[]>();
  for (const inc of incidents) {
    const list = byDocument.get(inc.documentId);
    if (list) list.push(inc);
    else byDocument.set(inc.documentId, [inc]);
  }
  const restate = options.mergeRestatements ?? MATCH_DEFAULTS.mergeRestatements;
  for (const group of restate ? byDocument.values() : []) {
    if (group.length < 2) continue;
    for (let i = 0; i < group.length; i += 1) {
      for (let j = i + 1; j < group.length; j += 1) {
        const a = group[i];
        const b = group[j];
        if (!a || !b) continue;
        // A generic incident ("the attack", "killed") would bridge two events of a roundup: it waits (below).
        if (isGeneric(a) || isGeneric(b)) continue;
        const restated = isRestatement(a, b, options, false);
        const ka = firstOf(a);
        const kb = firstOf(b);
        if (restated && ka !== null && kb !== null && compatible(ka, kb))
          link(ka, kb, restated.score, restated.reasons, 'auto');
      }
    }
    // An incident left alone that names no place or target joins the report's event when just one fits.
    for (const a of group) {
      const ka = firstOf(a);
      if (ka === null || !(isAnonymous(a) || isGeneric(a))) continue;
      const fits = new Map<number, { key: number; score: number; reasons: string[] }>();
      for (const b of group) {
        const kb = firstOf(b);
        if (b === a || kb === null || clusters.find(kb) === clusters.find(ka) || isGeneric(b)) continue;
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
  clusters.freezeGroups(documentAt);

  const unique = pairs ?? matchingPairs(incidents, options);
  for (let k = 0; k < unique.count; k += 1) {
    const a = incidents[unique.a[k] as number] as ReportIncident;
    const b = incidents[unique.b[k] as number] as ReportIncident;
    const ka = firstOf(a);
    const kb = firstOf(b);
    if (ka !== null && kb !== null && compatible(ka, kb))
      link(ka, kb, unique.scores[k] as number, scoreIncidentPair(a, b, options)?.reasons ?? [], 'auto');
  }

  const assignment = new Map(keys.map((k, i) => [k, keys[clusters.find(i)] as string]));
  return { assignment, links };
}
