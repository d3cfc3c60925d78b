import type { LedgerOrigin, OriginLink } from '../types/ledger.js';
import { DisjointSets } from './disjoint-sets.js';
import { byDated, foldOutlet, type LedgerInputDocument } from './input-document.js';
import {
  estimateSimilarity,
  NearDuplicateIndex,
  shingleHashes,
  signatureOfShingles,
} from './near-duplicates.js';

/** Thresholds of origin grouping, each on the estimated Jaccard similarity of shingles. */
export interface OriginOptions {
  /** A copy with small edits: the texts share at least this much. */
  readonly nearDuplicate?: number;
  /** A shorter copy (trimmed paragraphs): the smaller text lies this much inside the larger. */
  readonly containment?: number;
  /** Two texts under a shared wire credit ("(Meridian Wire)") that share at least this much. */
  readonly wire?: number;
  /** A text with a notice naming an outlet ("first appeared on X") and X's text sharing this much. */
  readonly notice?: number;
  /** Days apart within which notice and wire partners are looked for. */
  readonly windowDays?: number;
  /** Most notice or wire partners one document is compared with (a busy wire's week). */
  readonly partnerCap?: number;
}

/** Defaults of {@link OriginOptions}. */
export const ORIGIN_DEFAULTS: Required<OriginOptions> = {
  nearDuplicate: 0.5,
  containment: 0.8,
  wire: 0.3,
  notice: 0.2,
  windowDays: 7,
  partnerCap: 500,
};

/** The origin of each document, with the groups themselves. */
export interface OriginAssignment {
  readonly origins: LedgerOrigin[];
  /** Document id → origin id. */
  readonly originOf: Map<string, string>;
}

/**
 * What origin grouping compares of one document, worked out once from its record: the MinHash
 * signature of its comparable text (boilerplate blanked) and its shingle count, its own outlet,
 * the outlets its notices name, and its wire credits.
 */
export interface OriginSignals {
  readonly id: string;
  readonly sha256: string;
  /** Publication date: the catalogue's, else the one the reader found. */
  readonly dated: string | null;
  readonly signature: Uint32Array;
  /** Shingles of the comparable text (the signature's set size). */
  readonly shingles: number;
  /** The document's own outlet, folded (none or one). */
  readonly publishers: readonly string[];
  /** Outlets its notices name as the original or another publisher of the piece, folded. */
  readonly noticeOutlets: readonly string[];
  /** Its wire credits, folded and sorted (see {@link wireCreditsOf}). */
  readonly wireCredits: readonly string[];
}

/** The text a document is compared on: its analysed text with boilerplate (bylines, notices) blanked. */
function comparableText(doc: LedgerInputDocument): string {
  const { text, document } = doc.record;
  if (document.boilerplate.length === 0) return text;
  let out = '';
  let at = 0;
  for (const span of [...document.boilerplate].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    out += `${text.slice(at, span.start)} `;
    at = span.end;
  }
  return out + text.slice(at);
}

/** The document's own outlet: the catalogue's publisher, else the one the reader found. */
function publishersOf(doc: LedgerInputDocument): Set<string> {
  const name = doc.publisher ?? doc.record.document.publisher?.value ?? null;
  return new Set(name ? [foldOutlet(name)] : []);
}

/** Outlets a document's notices name as the original or another publisher of the piece. */
function noticeOutlets(doc: LedgerInputDocument): string[] {
  const info = doc.record.document;
  const own = publishersOf(doc);
  // A reprint's text may carry the original's "Published by" line: it names another outlet only
  // when the catalogue knows the document's own publisher.
  const named = [info.originallyPublishedBy, ...info.republishedBy, doc.publisher ? info.publisher : null]
    .filter((f): f is NonNullable<typeof f> => f !== null)
    .map((f) => foldOutlet(f.value))
    .filter((name) => name.length > 0 && !own.has(name));
  return [...new Set(named)];
}

/** A dateline credit "ERBIL, Iraq, March 4 (Meridian Wire) —" or a "Reporting by X" line the reader may not have read. */
const DATELINE_CREDIT = /\(([\p{Lu}][\p{L}.&' -]{1,40}?)\)\s*[—–-]/u;
const REPORTING_BY = /\bReporting by ([\p{Lu}][\p{L}.&'-]*(?: [\p{Lu}][\p{L}.&'-]*){0,4})/u;

/**
 * Wire credits of a document: those the reader found, plus a dateline credit or a
 * "Reporting by …" line.
 *
 * @example wireCreditsOf(doc) // ['meridian wire']
 */
export function wireCreditsOf(doc: LedgerInputDocument): string[] {
  const text = doc.record.text;
  const found = doc.record.document.wireCredits.map((c) => c.value);
  const dateline = DATELINE_CREDIT.exec(text.slice(0, 600));
  if (dateline?.[1]) found.push(dateline[1]);
  const reporting = REPORTING_BY.exec(text);
  if (reporting?.[1]) found.push(reporting[1]);
  return [...new Set(found.map(foldOutlet).filter((c) => c !== ''))].sort();
}

/**
 * The origin signals of one document (see {@link OriginSignals}).
 *
 * @example originSignals(doc).wireCredits // ['meridian wire']
 */
export function originSignals(doc: LedgerInputDocument): OriginSignals {
  const shingles = shingleHashes(comparableText(doc));
  return {
    id: doc.id,
    sha256: doc.sha256,
    dated: doc.publishedDate ?? doc.record.document.publishedDate,
    signature: signatureOfShingles(shingles),
    shingles: shingles.length,
    publishers: [...publishersOf(doc)],
    noticeOutlets: noticeOutlets(doc),
    wireCredits: wireCreditsOf(doc),
  };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function dayNumber(doc: OriginSignals): number | null {
  const date = doc.dated;
  if (!date) return null;
  const ms = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(ms) ? null : Math.floor(ms / 86_400_000);
}

const LINK_PRIORITY: OriginLink['kind'][] = ['analyst', 'notice', 'wire', 'near-duplicate'];

/**
 * Groups documents into origins: copies of one story (a reprint with small edits, a
 * republication with a notice, a syndicated wire story) form one origin; independent reports
 * stay apart. Near-duplicates come from MinHash + LSH candidates (no all-pairs comparison);
 * notice and wire partners are looked for among the named outlet's or the same credit's
 * documents published within `windowDays`. Origin ids derive from the earliest document.
 *
 * @example assignOrigins([story, reprint, independent]).origins.map((o) => o.documentIds) // [['story', 'reprint'], ['independent']]
 */
export function assignOrigins(docs: LedgerInputDocument[], options: OriginOptions = {}): OriginAssignment {
  return assignOriginsOfSignals(docs.map(originSignals), options);
}

/**
 * Groups documents into origins from their origin signals (see {@link assignOrigins}, which
 * gives the same for the documents themselves): the ledger builder works from these, so the
 * records need not be held.
 *
 * @example assignOriginsOfSignals(docs.map(originSignals)).originOf.get('reprint') // 'origin-story'
 */
export function assignOriginsOfSignals(
  docs: readonly OriginSignals[],
  options: OriginOptions = {},
): OriginAssignment {
  const opts = { ...ORIGIN_DEFAULTS, ...options };
  const ordered = [...docs].sort(byDated);
  const rank = new Map(ordered.map((d, i) => [d.id, i]));
  // Documents in union-find by rank: every id linked or compared is one of `ordered`.
  const at = (id: string) => rank.get(id) as number;
  const signatures = new Map<string, Uint32Array>();
  const sizes = new Map<string, number>();
  for (const doc of ordered) {
    signatures.set(doc.id, doc.signature);
    sizes.set(doc.id, doc.shingles);
  }
  const similarity = (a: string, b: string) =>
    estimateSimilarity(signatures.get(a) ?? new Uint32Array(), signatures.get(b) ?? new Uint32Array());

  const links: OriginLink[] = [];
  const linked = new Set<string>();
  const addLink = (x: string, y: string, kind: OriginLink['kind'], sim: number | null, reason: string) => {
    const [a, b] = (rank.get(x) ?? 0) <= (rank.get(y) ?? 0) ? [x, y] : [y, x];
    const key = `${a}\u0000${b}`;
    if (linked.has(key)) return;
    linked.add(key);
    links.push({ a, b, kind, similarity: sim === null ? null : Math.round(sim * 1000) / 1000, reason });
  };

  // Near-duplicates: LSH candidates among earlier documents, verified on the whole signature.
  // A candidate already joined to this document (through an earlier copy) is not compared again,
  // and an identical text is linked without entering the index, so a story copied a thousand
  // times costs a thousand comparisons, not a million.
  const index = new NearDuplicateIndex();
  const joined = new DisjointSets(ordered.length);
  const firstWithText = new Map<string, string>();
  for (const doc of ordered) {
    const same = firstWithText.get(doc.sha256);
    if (same !== undefined) {
      addLink(same, doc.id, 'near-duplicate', 1, 'identical text');
      joined.union(at(same), at(doc.id));
      continue;
    }
    firstWithText.set(doc.sha256, doc.id);
    const signature = signatures.get(doc.id) ?? new Uint32Array();
    const found = index.candidates(signature).sort((x, y) => (rank.get(x) ?? 0) - (rank.get(y) ?? 0));
    for (const other of found) {
      if (joined.find(at(other)) === joined.find(at(doc.id))) continue;
      const j = similarity(doc.id, other);
      const na = sizes.get(doc.id) ?? 0;
      const nb = sizes.get(other) ?? 0;
      const shared = na + nb > 0 ? (j / (1 + j)) * (na + nb) : 0;
      const contained = Math.min(na, nb) > 0 ? shared / Math.min(na, nb) : 0;
      if (j >= opts.nearDuplicate) {
        addLink(other, doc.id, 'near-duplicate', j, `${Math.round(j * 100)}% shared shingles`);
        joined.union(at(other), at(doc.id));
      } else if (contained >= opts.containment && j >= opts.wire) {
        addLink(
          other,
          doc.id,
          'near-duplicate',
          j,
          `${Math.round(Math.min(1, contained) * 100)}% of the shorter text inside the longer`,
        );
        joined.union(at(other), at(doc.id));
      }
    }
    index.add(doc.id, signature);
  }

  // Notices and wire credits: partners among the named outlet's (or the credit's) documents nearby in time.
  const byOutlet = new Map<string, OriginSignals[]>();
  const byCredit = new Map<string, OriginSignals[]>();
  for (const doc of ordered) {
    for (const name of doc.publishers) pushTo(byOutlet, name, doc);
    for (const credit of doc.wireCredits) pushTo(byCredit, credit, doc);
  }
  // Each document's day worked out once: a busy credit's documents are each compared with hundreds.
  const days = new Map<OriginSignals, number | null>();
  for (const doc of ordered) days.set(doc, dayNumber(doc));
  const dayOf = (doc: OriginSignals) => days.get(doc) ?? null;
  const near = (a: OriginSignals, b: OriginSignals) => {
    const da = dayOf(a);
    const db = dayOf(b);
    return da === null || db === null || Math.abs(da - db) <= opts.windowDays;
  };
  // An outlet's documents are in publication order (undated last): the window is found by
  // bisection and at most `partnerCap` of them are compared.
  const withinWindow = (list: OriginSignals[], doc: OriginSignals): OriginSignals[] => {
    const day = dayOf(doc);
    if (day === null) return list.slice(0, opts.partnerCap);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const d = dayOf(list[mid] as OriginSignals);
      if (d !== null && d < day - opts.windowDays) lo = mid + 1;
      else hi = mid;
    }
    return list.slice(lo, lo + opts.partnerCap);
  };
  for (const doc of ordered) {
    for (const outlet of doc.noticeOutlets) {
      let best: { id: string; j: number } | null = null;
      for (const other of withinWindow(byOutlet.get(outlet) ?? [], doc)) {
        if (other.id === doc.id || !near(doc, other)) continue;
        const j = similarity(doc.id, other.id);
        if (j >= opts.notice && (!best || j > best.j)) best = { id: other.id, j };
      }
      if (best)
        addLink(best.id, doc.id, 'notice', best.j, `notice names ${outlet} as publisher of the piece`);
    }
  }
  for (const [credit, group] of [...byCredit.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (let i = 0; i < group.length; i += 1) {
      const a = group[i];
      if (!a) continue;
      for (let k = i + 1; k < Math.min(group.length, i + 1 + opts.partnerCap); k += 1) {
        const b = group[k];
        if (!b) continue;
        const da = dayOf(a);
        const db = dayOf(b);
        if (da !== null && db !== null && db - da > opts.windowDays) break;
        const j = similarity(a.id, b.id);
        if (j >= opts.wire)
          addLink(
            a.id,
            b.id,
            'wire',
            j,
            `shared wire credit (${credit}), ${Math.round(j * 100)}% shared shingles`,
          );
      }
    }
  }

  // Each origin is rooted at its earliest document: the earlier root stays the root.
  const sets = new DisjointSets(ordered.length);
  const sortedLinks = links.sort(
    (x, y) => (rank.get(x.a) ?? 0) - (rank.get(y.a) ?? 0) || (rank.get(x.b) ?? 0) - (rank.get(y.b) ?? 0),
  );
  for (const link of sortedLinks) {
    const ra = sets.find(at(link.a));
    const rb = sets.find(at(link.b));
    if (ra <= rb) sets.union(ra, rb);
    else sets.union(rb, ra);
  }
  const rootId = (id: string) => (ordered[sets.find(at(id))] as OriginSignals).id;
  const members = new Map<string, string[]>();
  for (const doc of ordered) pushTo(members, rootId(doc.id), doc.id);
  const originOf = new Map<string, string>();
  const origins: LedgerOrigin[] = [];
  const linksOf = new Map<string, OriginLink[]>();
  for (const l of sortedLinks) pushTo(linksOf, rootId(l.a), l);
  const byId = new Map(ordered.map((d) => [d.id, d]));
  for (const [root, documentIds] of members) {
    // The origin is named after the outlet its copies credit ("(Meridian Wire)", "first
    // appeared on …") when that outlet's own text is in the group, else the earliest text.
    const named = new Set(
      documentIds.flatMap((d) => {
        const doc = byId.get(d);
        return doc ? [...doc.wireCredits, ...doc.noticeOutlets] : [];
      }),
    );
    const anchor =
      documentIds.find((d) => {
        const doc = byId.get(d);
        return doc?.publishers.some((p) => named.has(p)) === true;
      }) ?? root;
    const id = `origin-${anchor}`;
    for (const d of documentIds) originOf.set(d, id);
    const groupLinks = linksOf.get(root) ?? [];
    const method =
      documentIds.length === 1
        ? 'own'
        : (LINK_PRIORITY.find((k) => groupLinks.some((l) => l.kind === k)) ?? 'near-duplicate');
    origins.push({ id, documentIds, method, links: groupLinks });
  }
  return { origins, originOf };
}

/**
 * Groups documents into origins (see {@link assignOrigins}): a story copied by ten sites is one
 * origin, the unit of independent support.
 *
 * @example groupOrigins([story, reprint]) // [{ id: 'origin-story', documentIds: ['story', 'reprint'], method: 'notice', links: [...] }]
 */
export function groupOrigins(docs: LedgerInputDocument[], options: OriginOptions = {}): LedgerOrigin[] {
  return assignOrigins(docs, options).origins;
}
