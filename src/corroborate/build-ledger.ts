import { UsageError } from '../errors.js';
import {
  type EventLink,
  LEDGER_SCHEMA,
  type Ledger,
  type LedgerCheck,
  type LedgerClaim,
  type LedgerDocument,
  type LedgerEvent,
  type ReportEventRef,
  type ReviewDecision,
} from '../types/ledger.js';
import { clusterEvents, type EventClustering, type MatchingPairs, matchingPairs } from './cluster-events.js';
import { type EventClaim, eventClaimSides, findContradictions } from './contradictions.js';
import { eventKey, replayDecisions } from './decisions.js';
import {
  type CheckedDocument,
  type ClaimDigest,
  type DocumentDigest,
  digestDocument,
} from './document-digest.js';
import { type IncidentPlace, isoOfDay, precisionRank, type ReportIncident } from './event-features.js';
import type { MatchOptions } from './event-pairs.js';
import { byDated, type LedgerInputDocument } from './input-document.js';
import {
  type CheckedEvent,
  countTally,
  describeTally,
  EventLookup,
  numbersChecks,
  reportCheck,
} from './ledger-checks.js';
import { assignOriginsOfSignals, type OriginOptions } from './origins.js';
import { computedStatus, eventSupport } from './support.js';

export type { DocumentDigest } from './document-digest.js';
export type { LedgerInputDocument } from './input-document.js';

/** Options of {@link buildLedger}: the analysts' decisions and the matcher's tuning. */
export interface BuildLedgerOptions {
  /** Review decisions, oldest first; replayed in order, later ones win. */
  readonly decisions?: ReviewDecision[];
  /** Thresholds of origin grouping (near-duplicate, wire, notice similarity). */
  readonly origins?: OriginOptions;
  /** Thresholds of event matching (score threshold, date slack, radii, block cap). */
  readonly matching?: MatchOptions;
}

interface Cluster {
  readonly keys: string[];
  readonly incidents: ReportIncident[];
  readonly anchor: ReportEventRef;
}

function byCountThenName(values: string[]): string[] {
  const counts = new Map<string, { n: number; text: string }>();
  for (const v of values) {
    const key = v.toLowerCase().trim();
    if (!key) continue;
    const entry = counts.get(key);
    if (entry) entry.n += 1;
    else counts.set(key, { n: 1, text: v.trim() });
  }
  return [...counts.values()]
    .sort((a, b) => b.n - a.n || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    .map((e) => e.text);
}

function mostCommon<T extends string>(values: T[], fallback: T): T {
  return (byCountThenName(values)[0] as T | undefined) ?? fallback;
}

function narrowestDate(incidents: ReportIncident[]): LedgerEvent['date'] {
  // Only the events' own dates (or their sentences'): a lead's date may belong to another event.
  const pool = incidents.flatMap((i) => (i.date && !i.date.inferred ? [i.date] : []));
  if (pool.length === 0) return null;
  const from = pool.reduce((m, d) => Math.max(m, d.from), Number.NEGATIVE_INFINITY);
  const to = pool.reduce((m, d) => Math.min(m, d.to), Number.POSITIVE_INFINITY);
  if (from <= to) return { from: isoOfDay(from), to: isoOfDay(to) };
  // Within the day of slack the members disagree: the range most of them give, earliest first.
  const counts = new Map<string, { n: number; from: number; to: number }>();
  for (const d of pool) {
    const key = `${d.from}:${d.to}`;
    const entry = counts.get(key);
    if (entry) entry.n += 1;
    else counts.set(key, { n: 1, from: d.from, to: d.to });
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n || a.from - b.from || a.to - b.to)[0];
  return best ? { from: isoOfDay(best.from), to: isoOfDay(best.to) } : null;
}

function bestPlace(incidents: ReportIncident[]): LedgerEvent['place'] {
  const places = incidents.flatMap((i) => (i.place ? [i.place] : []));
  const own = places.filter((p) => !p.inferred);
  const pool = own.length > 0 ? own : places;
  const names = new Map<string, number>();
  for (const p of pool) names.set(p.name, (names.get(p.name) ?? 0) + 1);
  const best = [...pool].sort(
    (a, b) =>
      precisionRank(a.precision) - precisionRank(b.precision) ||
      (names.get(b.name) ?? 0) - (names.get(a.name) ?? 0) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  )[0] as IncidentPlace | undefined;
  if (!best) return null;
  return {
    name: best.name,
    lat: best.lat,
    lon: best.lon,
    precision: best.precision,
    geoPrecision: best.geoPrecision,
    country: best.country,
    admin1: best.admin1,
  };
}

function occurrenceOf(incidents: ReportIncident[]): LedgerEvent['occurrence'] {
  const statuses = incidents.flatMap((i) => i.events.map((e) => e.status));
  if (statuses.includes('occurred') || statuses.length === 0) return 'occurred';
  const order: LedgerEvent['occurrence'][] = ['intercepted', 'failed', 'claimed', 'denied'];
  return (
    [...order].sort(
      (a, b) => statuses.filter((s) => s === b).length - statuses.filter((s) => s === a).length,
    )[0] ?? 'occurred'
  );
}

function fatalitiesOf(sides: ReturnType<typeof eventClaimSides>): number | null {
  const killed = sides.counts.filter((c) => c.kind === 'killed');
  if (killed.length === 0) return null;
  // Added to in place: a copy per count would cost the square of an event's counts.
  const origins = new Map<number, Set<string>>();
  for (const c of killed) {
    const value = Number.isFinite(c.low) ? c.low : c.value;
    const seen = origins.get(value);
    if (seen) seen.add(c.originId);
    else origins.set(value, new Set([c.originId]));
  }
  return [...origins.entries()].sort((a, b) => b[1].size - a[1].size || a[0] - b[0])[0]?.[0] ?? null;
}

/** A ledger claim as the builder keeps it: the digest's claim, its document and origin. */
interface KeptClaim extends EventClaim {
  readonly claim: ClaimDigest;
}

function ledgerClaims(docs: DocumentDigest[], originOf: Map<string, string>): Map<string, KeptClaim> {
  const out = new Map<string, KeptClaim>();
  for (const doc of docs) {
    const originId = originOf.get(doc.id) ?? `origin-${doc.id}`;
    for (const claim of doc.claims) {
      const id = `${doc.id}:${claim.id}`;
      out.set(id, { id, documentId: doc.id, originId, claim });
    }
  }
  return out;
}

/**
 * The ledger's record of a claim, written out field by field in the ledger's order (a spread of a
 * kept copy would give each of a ledger's claims a hidden class of its own in V8, and keep the copy).
 */
function ledgerClaim(
  c: KeptClaim,
  documentSha256: string,
  eventIds: string[],
  rating: LedgerClaim['rating'],
): LedgerClaim {
  const claim = c.claim;
  return {
    id: c.id,
    documentId: c.documentId,
    claimId: claim.id,
    originId: c.originId,
    documentSha256,
    start: claim.start,
    end: claim.end,
    text: claim.text,
    speakerName: claim.speaker.name,
    speakerKind: claim.speaker.kind,
    stance: claim.stance,
    polarity: claim.polarity,
    hedged: claim.hedged,
    confidence: claim.confidence,
    eventIds,
    rating,
  };
}

const NO_CHECKS: LedgerCheck[] = [];

/** What one ledger event's assembly depends on besides its members, and what it gave. */
interface AssembledEvent {
  readonly status: LedgerEvent['status'] | undefined;
  readonly links: EventLink[];
  readonly event: LedgerEvent;
  readonly checked: CheckedEvent;
  /** Its casualty-count checks (`numbersChecks`), worked out once: they read only the event's claims. */
  readonly numbers: LedgerCheck[];
  /** Ledger claim ids the event's sides hold (each bears on the event). */
  readonly claimIds: string[];
}

function sameLinks(a: EventLink[], b: EventLink[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i] as EventLink;
    return (
      x.by === y.by &&
      x.score === y.score &&
      eventKey(x.a) === eventKey(y.a) &&
      eventKey(x.b) === eventKey(y.b) &&
      x.reasons.length === y.reasons.length &&
      x.reasons.every((r, k) => r === y.reasons[k])
    );
  });
}

/**
 * A ledger over one set of documents that review decisions can be applied to without rebuilding
 * everything: what decisions cannot change is worked out once (document order, origins, report
 * incidents, claims, the scored candidate pairs and the automatic clustering); `build(decisions)`
 * then replays the decisions, re-clusters from the kept pairs, and re-assembles only the events
 * whose members, links or analyst status changed (the others are taken from the previous build).
 * `build` gives exactly what `buildLedger(documents, { decisions })` gives.
 *
 * It takes the documents with their analysis records, or their digests (`digestDocument`): a
 * loader that digests each record as it reads it and lets the record go holds only the digests,
 * and the builder keeps no record either way.
 *
 * @example
 * const builder = new LedgerBuilder(documents); // or new LedgerBuilder(documents.map(digestDocument))
 * let ledger = builder.build(decisions);
 * ledger = builder.build([...decisions, merge]); // after a review: only the merged events are re-assembled
 */
export class LedgerBuilder {
  readonly #options: BuildLedgerOptions;
  readonly #checkedDocuments: CheckedDocument[];
  readonly #docRank: Map<string, number>;
  /**
   * Report event key → its index in the arrays below. The keys are the first clustering's own
   * strings (one copy of each key, not one per map), and what the builder reads per report event
   * lies in typed arrays: a ledger of 100k documents has millions of report events.
   */
  readonly #keyIndex: Map<string, number>;
  readonly #refAt: ReportEventRef[];
  readonly #incidentAt: ReportIncident[];
  /** Publication rank of the event's document, and its position among the record's events. */
  readonly #rankAt: Int32Array;
  readonly #orderAt: Int32Array;
  /** 1 when the event's trigger lies in a sentence that states a tally. */
  readonly #inTallyAt: Uint8Array;
  readonly #origins: Ledger['origins'];
  readonly #originOf: Map<string, string>;
  readonly #incidents: ReportIncident[];
  readonly #pairs: MatchingPairs;
  readonly #firstPass: EventClustering;
  readonly #claims: Map<string, KeptClaim>;
  readonly #claimsByDocument: Map<string, EventClaim[]>;
  readonly #ledgerDocuments: LedgerDocument[];
  #assembled = new Map<string, AssembledEvent>();
  #reassembled = 0;

  /** Events the last `build` assembled anew (the rest it took from the build before). */
  get reassembled(): number {
    return this.#reassembled;
  }

  constructor(
    documents: readonly (LedgerInputDocument | DocumentDigest)[],
    options: Omit<BuildLedgerOptions, 'decisions'> = {},
  ) {
    const seenIds = new Set<string>();
    for (const d of documents) {
      if (seenIds.has(d.id)) throw new UsageError(`buildLedger: document id "${d.id}" appears twice`);
      seenIds.add(d.id);
    }
    this.#options = options;
    const docs = documents.map((d) => ('record' in d ? digestDocument(d) : d)).sort(byDated);
    this.#docRank = new Map(docs.map((d, i) => [d.id, i]));
    const { origins, originOf } = assignOriginsOfSignals(
      docs.map((d) => d.origin),
      options.origins,
    );
    this.#origins = origins;
    this.#originOf = originOf;
    this.#incidents = docs.flatMap((d) => d.incidents);
    this.#pairs = matchingPairs(this.#incidents, options.matching);
    this.#firstPass = clusterEvents(this.#incidents, {}, options.matching, this.#pairs);
    const keyIndex = new Map<string, number>();
    for (const key of this.#firstPass.assignment.keys()) keyIndex.set(key, keyIndex.size);
    const n = keyIndex.size;
    this.#keyIndex = keyIndex;
    this.#refAt = new Array<ReportEventRef>(n);
    this.#incidentAt = new Array<ReportIncident>(n);
    this.#rankAt = new Int32Array(n);
    this.#orderAt = new Int32Array(n);
    this.#inTallyAt = new Uint8Array(n);
    for (const inc of this.#incidents) {
      for (const ref of inc.refs) {
        const at = keyIndex.get(eventKey(ref));
        if (at === undefined) continue;
        this.#refAt[at] ??= ref;
        this.#incidentAt[at] = inc;
        this.#rankAt[at] = this.#docRank.get(ref.documentId) ?? 0;
      }
    }
    for (const doc of docs) {
      for (const [i, id] of doc.eventIds.entries()) {
        const at = keyIndex.get(eventKey({ documentId: doc.id, eventId: id }));
        if (at === undefined) continue;
        this.#orderAt[at] = i;
      }
      for (const eventId of doc.tallyEventIds) {
        const at = keyIndex.get(eventKey({ documentId: doc.id, eventId }));
        if (at !== undefined) this.#inTallyAt[at] = 1;
      }
    }
    this.#claims = ledgerClaims(docs, originOf);
    this.#claimsByDocument = new Map();
    for (const c of this.#claims.values()) {
      const list = this.#claimsByDocument.get(c.documentId);
      if (list) list.push(c);
      else this.#claimsByDocument.set(c.documentId, [c]);
    }
    // Kept for the checks of each build: what they read of the records (tallies, checks and what these name).
    this.#checkedDocuments = docs.map((d) => d.checked);
    this.#ledgerDocuments = docs.map((d) => ({
      id: d.id,
      sha256: d.sha256,
      title: d.title,
      publisher: d.publisher,
      url: d.url,
      publishedDate: d.publishedDate,
      originId: originOf.get(d.id) ?? `origin-${d.id}`,
    }));
  }

  /** The ledger with these review decisions (oldest first) replayed. */
  build(decisions: ReviewDecision[] = []): Ledger {
    const matching = this.#options.matching;
    const docRank = this.#docRank;
    const keyIndex = this.#keyIndex;
    const rankAt = this.#rankAt;
    const orderAt = this.#orderAt;
    const refAt = this.#refAt;
    const incidentAt = this.#incidentAt;
    const originOf = this.#originOf;
    const inTallySentence = (key: string) => this.#inTallyAt[keyIndex.get(key) ?? -1] === 1;
    const claims = this.#claims;
    const firstPass = this.#firstPass;
    const firstReplay = replayDecisions(firstPass.assignment, decisions);
    const merges = firstReplay.merges.map((m) => ({
      keys: m.keys,
      reason: m.decision.note ? `analyst merge: ${m.decision.note}` : `analyst merge by ${m.decision.by}`,
    }));
    // Without a merge or a split that separates anything, the constrained pass is the first one.
    const constrained = merges.length > 0 || firstReplay.forbidden.size > 0;
    const clustering = constrained
      ? clusterEvents(this.#incidents, { forbidden: firstReplay.forbidden, merges }, matching, this.#pairs)
      : firstPass;
    const replay = decisions.length > 0 ? replayDecisions(clustering.assignment, decisions) : firstReplay;

    const memberOrder = (a: string, b: string) => {
      const ia = keyIndex.get(a) ?? -1;
      const ib = keyIndex.get(b) ?? -1;
      return (rankAt[ia] ?? 0) - (rankAt[ib] ?? 0) || (orderAt[ia] ?? 0) - (orderAt[ib] ?? 0);
    };
    const groups = new Map<string, string[]>();
    for (const [key, label] of replay.assignment) {
      const list = groups.get(label);
      if (list) list.push(key);
      else groups.set(label, [key]);
    }
    const clusters: Cluster[] = [...groups.values()].map((keys) => {
      const sorted = [...keys].sort(memberOrder);
      const first = sorted[0] ?? '';
      const at = first.indexOf('\u0000');
      return {
        keys: sorted,
        incidents: [
          ...new Set(
            sorted
              .map((k) => incidentAt[keyIndex.get(k) ?? -1])
              .filter((i): i is ReportIncident => i !== undefined),
          ),
        ],
        anchor: refAt[keyIndex.get(first) ?? -1] ?? {
          documentId: first.slice(0, at),
          eventId: first.slice(at + 1),
        },
      };
    });
    clusters.sort((a, b) => memberOrder(a.keys[0] ?? '', b.keys[0] ?? ''));

    // A tally statement ("12 attacks on Harir since October") is checked, not listed as an event
    // of its own when nothing else in the ledger joined it.
    const listed = clusters.filter(
      (c) =>
        !(
          c.keys.every(inTallySentence) &&
          new Set(c.keys.map((k) => k.slice(0, k.indexOf('\u0000')))).size === 1
        ),
    );
    const eventIdOf = new Map<string, string>();
    for (const c of clusters)
      for (const k of c.keys) eventIdOf.set(k, `${c.anchor.documentId}:${c.anchor.eventId}`);
    const statusOf = new Map<string, LedgerEvent['status']>();
    for (const s of replay.statuses) {
      const id = eventIdOf.get(s.key);
      if (id) statusOf.set(id, s.status);
    }
    const claimEvents = new Map<string, Set<string>>();

    const linksByLabel = new Map<string, EventLink[]>();
    for (const l of clustering.links) {
      const label = replay.assignment.get(eventKey(l.a));
      if (label === undefined) continue;
      const list = linksByLabel.get(label);
      if (list) list.push(l);
      else linksByLabel.set(label, [l]);
    }
    const checked: CheckedEvent[] = [];
    const numbers: LedgerCheck[] = [];
    const previous = this.#assembled;
    const assembled = new Map<string, AssembledEvent>();
    let reassembled = 0;
    const events: LedgerEvent[] = listed.map((cluster) => {
      const id = `${cluster.anchor.documentId}:${cluster.anchor.eventId}`;
      const members = new Set(cluster.keys);
      const links: EventLink[] = (
        linksByLabel.get(replay.assignment.get(cluster.keys[0] ?? '') ?? '') ?? []
      ).filter((l) => members.has(eventKey(l.a)) && members.has(eventKey(l.b)));
      const analystStatus = statusOf.get(id);
      const signature = cluster.keys.join('\n');
      const before = previous.get(signature);
      const reuse = before !== undefined && before.status === analystStatus && sameLinks(before.links, links);
      if (!reuse) reassembled += 1;
      const done = reuse ? before : this.#assemble(cluster, id, links, analystStatus);
      assembled.set(signature, done);
      for (const claimId of done.claimIds) {
        const set = claimEvents.get(claimId);
        if (set) set.add(id);
        else claimEvents.set(claimId, new Set([id]));
      }
      checked.push(done.checked);
      numbers.push(...done.numbers);
      return done.event;
    });
    this.#assembled = assembled;
    this.#reassembled = reassembled;

    const docs = this.#checkedDocuments;
    const ledgerDocuments = this.#ledgerDocuments;
    // Claims that bear on the same events share one list of their ids (most bear on one or none).
    const eventIdLists = new Map<string, string[]>();
    const eventIdsOf = (claimId: string): string[] => {
      const ids = [...(claimEvents.get(claimId) ?? [])].sort();
      const key = ids.join('\u0000');
      const shared = eventIdLists.get(key);
      if (shared !== undefined) return shared;
      eventIdLists.set(key, ids);
      return ids;
    };
    const ledgerClaimList: LedgerClaim[] = [...claims.values()].map((c) =>
      ledgerClaim(
        c,
        ledgerDocuments[docRank.get(c.documentId) ?? -1]?.sha256 ?? '',
        eventIdsOf(c.id),
        replay.ratings.get(c.id) ?? null,
      ),
    );
    // Copies of one story repeat its numbers: each is checked once, on the text the origin is named after.
    const isAnchor = (d: CheckedDocument) => originOf.get(d.id) === `origin-${d.id}`;
    const anchorsFirst = [...docs.filter(isAnchor), ...docs.filter((d) => !isAnchor(d))];
    const lookup = new EventLookup(checked);
    const seenChecks = new Set<string>();
    const oncePerOrigin = (check: Pick<LedgerCheck, 'documentId' | 'kind' | 'stated' | 'statedValue'>) => {
      // "since 1 January" ends on each copy's own publication date: the period's dates are not compared.
      const stated = check.stated.replace(/ \([^()]*\)$/, '');
      const key = `${originOf.get(check.documentId)}\u0000${check.kind}\u0000${stated}\u0000${check.statedValue}`;
      if (seenChecks.has(key)) return false;
      seenChecks.add(key);
      return true;
    };
    const checks = [
      // Described first, counted only when kept: copies of one story state the same tallies.
      ...anchorsFirst
        .flatMap((d) => d.tallies.map((t) => describeTally(d, t)))
        .filter((t) => oncePerOrigin(t.base))
        .map((t) => countTally(t, lookup)),
      ...numbers,
      ...anchorsFirst
        .flatMap((d) =>
          d.checks.flatMap(
            (c) => reportCheck(d, c, (claimId) => [...(claimEvents.get(claimId) ?? [])].sort()) ?? [],
          ),
        )
        .filter(oncePerOrigin),
    ];
    return {
      schema: LEDGER_SCHEMA,
      documents: this.#ledgerDocuments.map((d) => ({ ...d })),
      origins: this.#origins,
      events,
      claims: ledgerClaimList,
      checks,
    };
  }

  #assemble(
    cluster: Cluster,
    id: string,
    links: EventLink[],
    analystStatus: LedgerEvent['status'] | undefined,
  ): AssembledEvent {
    const originOf = this.#originOf;
    const members = new Set(cluster.keys);
    // Members may be a subset of an incident after a split: only their own events count. An
    // incident whose events are all members is kept as it is (the assembled event keeps them).
    const incidents = cluster.incidents.map((inc) => {
      const own = inc.events.filter((e) =>
        members.has(eventKey({ documentId: inc.documentId, eventId: e.id })),
      );
      return own.length === inc.events.length ? inc : { ...inc, events: own };
    });
    const sides = eventClaimSides(
      incidents,
      this.#claims,
      (documentId) => this.#claimsByDocument.get(documentId) ?? [],
    );
    const claimIds = [...sides.all, ...sides.held, ...sides.taken].map((c) => c.id);
    const contradictions = findContradictions(sides);
    const actorTexts = incidents.flatMap((i) => i.actorTexts);
    const originIds = [
      ...new Set(incidents.map((i) => originOf.get(i.documentId) ?? `origin-${i.documentId}`)),
    ];
    const support = eventSupport(sides, originIds, actorTexts, contradictions);
    const coded = incidents.flatMap((i) => i.events.filter((e) => e.type !== 'OTHER'));
    const type = mostCommon(
      coded.map((e) => e.type),
      incidents[0]?.type ?? 'OTHER',
    );
    const typed = coded.find((e) => e.type === type);
    const confidence =
      1 -
      [...new Map(incidents.map((i) => [originOf.get(i.documentId), i.confidence])).values()].reduce(
        (p, c) => p * (1 - c),
        1,
      );
    const event: LedgerEvent = {
      id,
      type,
      eventType: typed?.eventType ?? incidents[0]?.eventType ?? null,
      subEventType: typed?.subEventType ?? incidents[0]?.subEventType ?? null,
      date: narrowestDate(incidents),
      place: bestPlace(incidents),
      actors: byCountThenName(actorTexts),
      targets: byCountThenName(incidents.flatMap((i) => i.targetTexts)),
      weapons: byCountThenName(incidents.flatMap((i) => i.weaponTexts)),
      occurrence: occurrenceOf(incidents),
      fatalities: fatalitiesOf(sides),
      // The incidents' own refs (links share them too), not a new object and two strings per member.
      members: cluster.keys.map(
        (k) =>
          this.#refAt[this.#keyIndex.get(k) ?? -1] ?? {
            documentId: k.slice(0, k.indexOf('\u0000')),
            eventId: k.slice(k.indexOf('\u0000') + 1),
          },
      ),
      links,
      support,
      contradictions,
      status: analystStatus ?? computedStatus(support),
      statusByAnalyst: analystStatus !== undefined,
      confidence:
        Math.round(Math.min(0.99, confidence) * (support.contradicting.length > 0 ? 0.7 : 1) * 1000) / 1000,
    };
    const checked: CheckedEvent = {
      event,
      incidents,
      tallyOnly: cluster.keys.every((k) => this.#inTallyAt[this.#keyIndex.get(k) ?? -1] === 1),
    };
    const numbers = numbersChecks(id, sides.counts);
    return {
      status: analystStatus,
      links,
      event,
      checked,
      claimIds,
      numbers: numbers.length > 0 ? numbers : NO_CHECKS,
    };
  }
}

/**
 * Builds the ledger from stored documents and their analysis records: documents grouped into
 * origins (copies count once), report events clustered into ledger events with the links
 * that joined them, the analysts' review decisions replayed, each event's support (claims for
 * and against, independent origins, speaker kinds), contradictions, and numeric checks across
 * reports (tallies against the ledger, casualty counts of one event). Pure and deterministic:
 * the same documents in any order give the same ledger. (`LedgerBuilder` keeps the work for the
 * next review decision.)
 *
 * @example
 * const ledger = buildLedger([northWire, valleyCourier, independentReport]);
 * ledger.origins.length // 2 (the reprint joins North Wire's origin)
 * ledger.events[0].status // 'corroborated'
 */
export function buildLedger(
  documents: readonly (LedgerInputDocument | DocumentDigest)[],
  options: BuildLedgerOptions = {},
): Ledger {
  return new LedgerBuilder(documents, options).build(options.decisions ?? []);
}
