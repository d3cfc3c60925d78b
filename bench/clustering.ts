// Event clustering and the whole ledger build at scale (issue "Speed": "event clustering time at
// 10k / 100k / 1 M generated documents, showing how cost grows"). Not a test: figures depend on the
// machine. Part of `npm run bench` (10k and 100k); standalone:
//
//   npx tsx bench/clustering.ts [--sizes 10000,100000] [--million] [--build 10000]
//                               [--sqlite 10000] [--event-page 10000,1000000] [--per-day 2000]
//                               [--base corpus|generated] [--json]
//
// (`--sizes 1000000` clusters a million documents: give node the heap, e.g.
// `NODE_OPTIONS=--max-old-space-size=8192`; `--event-page 1000000` times event pages at a million.)
//
// (`npm run bench -- --clustering-sizes 10000 --clustering-million …` runs it inside the suite.)
//
// The inputs: the ledger corpus's reports (test/corpus/ledger, ours; `--base generated` takes
// reports of bench/generate-corpus.ts instead) are read by the reader once; document `i` is base
// report `i mod B` of copy `k = ⌊i / B⌋`. The copies of one round are dated alike, each set in a
// region of its own: its places moved by whole multiples of 3° (two regions rarely share a 0.5°
// cell), their provinces and countries marked with the region's number, and every proper name in
// the text, the places and the events' targets respelled for the region (same length, so offsets
// hold). A round is moved past the previous one in time, and its copies take the same regions
// again. So the ledger has `--per-day` documents a day (2,000 by default, a busy desk), spread over
// many places, with the corpus's own clusters, copies and distractors in each copy, and place
// names ("Harir", "Mosul") that recur in their region round after round, as they do in real news.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { analyzeText } from '../src/analyze.js';
import { LedgerBuilder } from '../src/corroborate/build-ledger.js';
import { clusterEvents } from '../src/corroborate/cluster-events.js';
import { eventKey } from '../src/corroborate/decisions.js';
import { type ReportIncident, reportIncidents } from '../src/corroborate/event-features.js';
import type { LedgerInputDocument } from '../src/corroborate/input-document.js';
import { loadDefaultGazetteer } from '../src/geo/gazetteer.js';
import { loadLedgerInputs } from '../src/ingest/stored-documents.js';
import { type AuditBySubject, answerText, EVENT_PAGE_LIMIT } from '../src/server/ledger-answers.js';
import { prepareLedger } from '../src/server/ledger-query.js';
import { openStore } from '../src/store/open-store.js';
import type { AnalysisRecord } from '../src/types/analysis-record.js';
import type { Ledger, LedgerEvent, ReviewDecision } from '../src/types/ledger.js';
import { loadLedgerCorpus, readCorpusDocuments } from '../test/corpus/ledger/read-corpus.js';
import { generateCorpus } from './generate-corpus.js';
import { seededRandom } from './seeded-random.js';

/** How the generated ledger is laid out. */
export interface LedgerInputShape {
  /** Documents a day over the whole ledger. */
  readonly perDay: number;
  /** Append another base report's text, so copies of one base report are not near-duplicates (origins). */
  readonly distinctTexts: boolean;
}

const SHAPE: LedgerInputShape = { perDay: 2000, distinctTexts: false };
const REGION_DEGREES = 3;
const DAY_MS = 86_400_000;

function shiftIso(iso: string | null, days: number): string | null {
  if (iso === null || days === 0) return iso;
  const ms = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(ms)) return iso;
  return `${new Date(ms + days * DAY_MS).toISOString().slice(0, 10)}${iso.slice(10)}`;
}

/** Words that say what kind of place, not which (as the matcher's list): kept as they are. */
const KIND_WORDS = new Set(
  'air base airbase airport camp city town village province district military army port station north south east west northern southern eastern western central us u the of'.split(
    ' ',
  ),
);

/**
 * Gives proper names a region's own spelling, of the same length so that every offset stays valid
 * ("Harir Air Base" → "Iarir Air Base" in region 1, "Ibrir Air Base" in region 27): the copies
 * set side by side on the same days have places, targets and sources of their own, while a region
 * hears of its own places again round after round, as news does.
 */
function renamer(region: number): (text: string) => string {
  if (region === 0) return (text) => text;
  // The region's number in base 26, one digit per letter (the first three letters, then again):
  // no two of the first 17,576 regions spell a name of three letters or more alike. (A shift of
  // `region × k` would repeat every 26 regions: copies dated alike would share their names.)
  const digits = [region % 26, Math.floor(region / 26) % 26, Math.floor(region / 676) % 26];
  const shift = (code: number, base: number, at: number) =>
    String.fromCharCode(base + ((code - base + (digits[at % 3] as number)) % 26));
  const respell = (word: string) =>
    KIND_WORDS.has(word.toLowerCase())
      ? word
      : word.replace(/[A-Za-z]/g, (ch, at: number) => {
          const code = ch.charCodeAt(0);
          return code < 97 ? shift(code, 65, at) : shift(code, 97, at);
        });
  return (text) => text.replace(/\p{Lu}[\p{L}\p{N}'-]*/gu, respell);
}

/** Days between the base's first and last publication, and a week for the events reported late. */
function daySpan(base: readonly LedgerInputDocument[]): number {
  const ms = base.flatMap((d) => (d.publishedDate ? [Date.parse(`${d.publishedDate}T00:00:00Z`)] : []));
  const valid = ms.filter((x) => !Number.isNaN(x));
  return valid.length === 0 ? 7 : Math.ceil((Math.max(...valid) - Math.min(...valid)) / DAY_MS) + 7;
}

/**
 * A generator of ledger inputs from a few base documents read by the reader: document `i` is
 * base `i mod B`, its dates moved by whole rounds and its places moved into the copy's region.
 *
 * @example const docs = [...ledgerInputs(base, 10_000)]; docs.length // 10000
 */
export function* ledgerInputs(
  base: readonly LedgerInputDocument[],
  count: number,
  shape: Partial<LedgerInputShape> = {},
): Generator<LedgerInputDocument> {
  const { perDay, distinctTexts } = { ...SHAPE, ...shape };
  const span = daySpan(base);
  // Copies side by side (same dates, different regions): as many as make `perDay` documents a day.
  const regions = Math.max(1, Math.round((perDay * span) / base.length));
  for (let i = 0; i < count; i += 1) {
    const doc = base[i % base.length] as LedgerInputDocument;
    const copy = Math.floor(i / base.length);
    const region = copy % regions;
    const days = Math.floor(copy / regions) * span;
    const dLat = (region % 20) * REGION_DEGREES - 30;
    const dLon = (Math.floor(region / 20) % 100) * REGION_DEGREES;
    const rename = renamer(region);
    const record = doc.record;
    const other = base[(i * 7 + 3) % base.length] as LedgerInputDocument;
    const varied: AnalysisRecord = {
      ...record,
      id: `${record.id}~${copy}`,
      text: distinctTexts
        ? `${rename(record.text)}\n\nAlso on the wire (${i}):\n${other.record.text}`
        : rename(record.text),
      referenceDate: shiftIso(record.referenceDate, days),
      document: { ...record.document, publishedDate: shiftIso(record.document.publishedDate, days) },
      dates: record.dates.map((d) => ({ ...d, from: shiftIso(d.from, days), to: shiftIso(d.to, days) })),
      places: record.places.map((p) => ({
        ...p,
        name: rename(p.name),
        resolvedName: p.resolvedName === null ? null : rename(p.resolvedName),
        countryCode: p.countryCode === null ? null : `${p.countryCode}${region}`,
        admin1: p.admin1 === null ? null : `${p.admin1}-${region}`,
        lat: p.lat === null ? null : Math.max(-89, Math.min(89, p.lat + dLat)),
        lon: p.lon === null ? null : ((p.lon + dLon + 540) % 360) - 180,
      })),
      events: record.events.map((e) =>
        e.target ? { ...e, target: { ...e.target, text: rename(e.target.text) } } : e,
      ),
    };
    yield {
      ...doc,
      id: `${doc.id}~${copy}`,
      publishedDate: shiftIso(doc.publishedDate, days),
      record: varied,
    };
  }
}

/**
 * The base documents: the ledger corpus (and its held-out set) read by the reader, or `count`
 * reports of the corpus generator.
 *
 * @example const base = await baseDocuments('corpus'); base.length // 71
 */
export async function baseDocuments(
  kind: 'corpus' | 'generated',
  count = 300,
): Promise<LedgerInputDocument[]> {
  if (kind === 'generated') {
    const gazetteer = await loadDefaultGazetteer();
    return generateCorpus(count, 7).map((r) => {
      const record = analyzeText(r.text, { id: r.id, date: r.date, gazetteer });
      return {
        id: r.id,
        sha256: record.document.sha256,
        title: record.document.title?.value ?? null,
        publisher: 'Wire',
        url: null,
        publishedDate: r.date,
        record,
      };
    });
  }
  const main = loadLedgerCorpus();
  const holdoutDir = join(dirnameOfCorpus(), 'holdout');
  const holdout = loadLedgerCorpus(holdoutDir);
  return [
    ...(await readCorpusDocuments(main.manifest)),
    ...(await readCorpusDocuments(holdout.manifest, holdoutDir)),
  ];
}

function dirnameOfCorpus(): string {
  return new URL('../test/corpus/ledger/', import.meta.url).pathname;
}

/** Clustering at one size: feature extraction, candidate pairs and union-find, and the result. */
export interface ClusteringFigures {
  readonly documents: number;
  readonly incidents: number;
  /** Reading each document's incidents (places, dates, names) from its record. */
  readonly featuresMs: number;
  /** Candidate pairs by blocking, scoring, union-find. */
  readonly clusteringMs: number;
  /** CPU time of the two (one thread: what the wall time would be on an idle machine). */
  readonly featuresCpuMs: number;
  readonly clusteringCpuMs: number;
  /** Documents per second of CPU time, features and clustering together. */
  readonly documentsPerSecond: number;
  /** Clusters with members from two or more documents. */
  readonly multiReportEvents: number;
  /** Documents of the largest cluster: a chain of coarse matches across the ledger shows here. */
  readonly largestEventDocuments: number;
  /** Heap in use after clustering (incidents and clusters held), and the process's peak RSS so far. */
  readonly heapUsedMB: number;
  readonly peakRssMB: number;
}

/**
 * Clusters `documents` generated inputs' events (the inputs are generated and dropped one by one,
 * so only their incidents are held).
 *
 * @example benchClustering(base, 10_000).clusteringMs // e.g. 900
 */
export function benchClustering(
  base: readonly LedgerInputDocument[],
  documents: number,
  shape: Partial<LedgerInputShape> = {},
): ClusteringFigures {
  const incidents: ReportIncident[] = [];
  // Only the reading of incidents is timed, not the making of the generated inputs around it.
  let featuresMs = 0;
  let featuresCpuMs = 0;
  for (const doc of ledgerInputs(base, documents, shape)) {
    const c = cpuMs();
    const t = performance.now();
    for (const inc of reportIncidents(doc)) incidents.push(inc);
    featuresMs += performance.now() - t;
    featuresCpuMs += cpuMs() - c;
  }
  const t1 = performance.now();
  const c1 = cpuMs();
  const { assignment } = clusterEvents(incidents);
  const t2 = performance.now();
  const c2 = cpuMs();
  const heapUsed = process.memoryUsage().heapUsed;
  // Documents per event: a report's events come one after another, so counting changes of
  // document per label counts its documents (no set of millions of document ids).
  const documentsOf = new Map<string, number>();
  const lastDocumentOf = new Map<string, string>();
  for (const { refs } of incidents)
    for (const ref of refs) {
      const label = assignment.get(eventKey(ref)) as string;
      if (lastDocumentOf.get(label) === ref.documentId) continue;
      lastDocumentOf.set(label, ref.documentId);
      documentsOf.set(label, (documentsOf.get(label) ?? 0) + 1);
    }
  return {
    documents,
    incidents: incidents.length,
    featuresMs: round(featuresMs),
    clusteringMs: round(t2 - t1),
    featuresCpuMs: round(featuresCpuMs),
    clusteringCpuMs: round(c2 - c1),
    documentsPerSecond: round((documents / (featuresCpuMs + c2 - c1)) * 1000),
    multiReportEvents: [...documentsOf.values()].filter((n) => n > 1).length,
    largestEventDocuments: [...documentsOf.values()].reduce((most, n) => Math.max(most, n), 0),
    heapUsedMB: round(heapUsed / 2 ** 20),
    peakRssMB: round(process.resourceUsage().maxRSS / 1024),
  };
}

/** The whole `buildLedger` at one size, and one review decision applied to the kept ledger. */
export interface BuildFigures {
  readonly documents: number;
  /** `buildLedger`: origins, incidents, clustering, support, contradictions, checks. */
  readonly buildMs: number;
  readonly buildCpuMs: number;
  /** A status change applied to the kept `LedgerBuilder` (what the desk does after a review). */
  readonly statusChangeMs: number;
  /** A merge of two multi-report events applied to the kept builder. */
  readonly mergeMs: number;
  readonly events: number;
  readonly origins: number;
}

/**
 * Times `buildLedger` over `documents` generated inputs with distinct texts (so origins group only
 * the corpus's own copies), then a status change and a merge applied to the kept builder.
 *
 * @example benchBuild(base, 10_000).buildMs // e.g. 4000
 */
export function benchBuild(
  base: readonly LedgerInputDocument[],
  documents: number,
  perDay = SHAPE.perDay,
): BuildFigures {
  const docs = [...ledgerInputs(base, documents, { perDay, distinctTexts: true })];
  const c0 = cpuMs();
  const t0 = performance.now();
  const builder = new LedgerBuilder(docs);
  docs.length = 0;
  const ledger = builder.build();
  const buildMs = performance.now() - t0;
  const buildCpuMs = cpuMs() - c0;
  const meta = { by: 'bench', at: '2026-11-24T00:00:00Z', note: null };
  const [a, b] = ledger.events.filter((e) => e.members.length > 1);
  const status: ReviewDecision = {
    kind: 'set-status',
    member: a?.members[0] ?? { documentId: '', eventId: '' },
    status: 'confirmed',
    ...meta,
  };
  const t1 = performance.now();
  builder.build([status]);
  const t2 = performance.now();
  const merge: ReviewDecision = {
    kind: 'merge',
    members: [a?.members[0], b?.members[0]].filter((m) => m !== undefined),
    ...meta,
  };
  builder.build([status, merge]);
  const t3 = performance.now();
  return {
    documents,
    buildMs: round(buildMs),
    buildCpuMs: round(buildCpuMs),
    statusChangeMs: round(t2 - t1),
    mergeMs: round(t3 - t2),
    events: ledger.events.length,
    origins: ledger.origins.length,
  };
}

/**
 * A ledger of about `documents` documents made of copies ("tiles") of a built one, every id of a
 * tile marked with its number (`id#t`) where the event page looks it up: documents, origins,
 * events and their members and support, claims, checks. What differs between tiles is shared.
 *
 * @example tileLedger(ledger, 1_000_000).documents.length // 1000000 (ledger of 2,000 × 500)
 */
export function tileLedger(ledger: Ledger, documents: number): Ledger {
  const tiles = Math.max(1, Math.ceil(documents / Math.max(1, ledger.documents.length)));
  const out: Ledger = {
    schema: ledger.schema,
    documents: [],
    origins: [],
    events: [],
    claims: [],
    checks: [],
  };
  for (let t = 0; t < tiles; t += 1) {
    const mark = (id: string) => (t === 0 ? id : `${id}#${t}`);
    const marks = (ids: readonly string[]) => (t === 0 ? [...ids] : ids.map(mark));
    for (const d of ledger.documents)
      out.documents.push({ ...d, id: mark(d.id), originId: mark(d.originId) });
    for (const o of ledger.origins)
      out.origins.push({ ...o, id: mark(o.id), documentIds: marks(o.documentIds) });
    for (const e of ledger.events)
      out.events.push({
        ...e,
        id: mark(e.id),
        members: e.members.map((m) => ({ ...m, documentId: mark(m.documentId) })),
        support: {
          ...e.support,
          supporting: marks(e.support.supporting),
          contradicting: marks(e.support.contradicting),
          originIds: marks(e.support.originIds),
        },
      });
    for (const c of ledger.claims)
      out.claims.push({
        ...c,
        id: mark(c.id),
        documentId: mark(c.documentId),
        originId: mark(c.originId),
        eventIds: marks(c.eventIds),
      });
    for (const c of ledger.checks)
      out.checks.push({ ...c, id: mark(c.id), documentId: mark(c.documentId), eventIds: marks(c.eventIds) });
  }
  return out;
}

/** Event-page queries over a ledger: the lookups behind `GET /api/events/:id`, timed one by one. */
export interface EventPageFigures {
  readonly documents: number;
  readonly events: number;
  readonly claims: number;
  /** Building the ledger the tiles are made of (`LedgerBuilder`), and tiling it. */
  readonly baseDocuments: number;
  /** The ledger's lookups built once (`prepareLedger`: maps by id, the default order). */
  readonly indexMs: number;
  readonly indexCpuMs: number;
  readonly queries: number;
  /** One event page: the event, its claims, documents, origins and checks, serialised as JSON. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The same in CPU time of this process: on a shared machine, what an idle one would show. */
  readonly p50CpuMs: number;
  readonly p99CpuMs: number;
  readonly meanBytes: number;
  readonly heapUsedMB: number;
}

/** No review history: the generated ledgers have no audit log. */
const NO_AUDIT: AuditBySubject = async () => new Map();

/**
 * Times event pages at `documents` documents: a ledger built over `built` generated documents,
 * tiled up to the size, then `queries` pages of events drawn at random (seeded).
 *
 * @example (await benchEventPage(base, 100_000)).p99Ms // e.g. 0.4
 */
export async function benchEventPage(
  base: readonly LedgerInputDocument[],
  documents: number,
  queries = 10_000,
  built = 2_000,
  perDay = SHAPE.perDay,
): Promise<EventPageFigures> {
  const docs = [...ledgerInputs(base, Math.min(built, documents), { perDay, distinctTexts: true })];
  const ledger = tileLedger(new LedgerBuilder(docs).build(), documents);
  docs.length = 0;
  const c0 = cpuMs();
  const t0 = performance.now();
  prepareLedger(ledger);
  const indexMs = performance.now() - t0;
  const indexCpuMs = cpuMs() - c0;
  const random = seededRandom(8);
  const times = new Float64Array(queries);
  const cpuTimes = new Float64Array(queries);
  let bytes = 0;
  for (let q = 0; q < queries; q += 1) {
    const id = (ledger.events[Math.floor(random() * ledger.events.length)] as LedgerEvent).id;
    const c = cpuMs();
    const t = performance.now();
    // The desk's own answer (`GET /api/events/:id`), as its ledger worker computes it.
    const body = await answerText(ledger, { kind: 'event-page', id, limit: EVENT_PAGE_LIMIT }, NO_AUDIT);
    times[q] = performance.now() - t;
    cpuTimes[q] = cpuMs() - c;
    bytes += body.length;
  }
  times.sort();
  cpuTimes.sort();
  const percentile = (list: Float64Array, p: number) =>
    Math.round((list[Math.min(queries - 1, Math.floor(p * queries))] as number) * 1000) / 1000;
  const at = (p: number) => percentile(times, p);
  return {
    documents: ledger.documents.length,
    events: ledger.events.length,
    claims: ledger.claims.length,
    baseDocuments: Math.min(built, documents),
    indexMs: round(indexMs),
    indexCpuMs: round(indexCpuMs),
    queries,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    p50CpuMs: percentile(cpuTimes, 0.5),
    p99CpuMs: percentile(cpuTimes, 0.99),
    meanBytes: Math.round(bytes / Math.max(1, queries)),
    heapUsedMB: round(process.memoryUsage().heapUsed / 2 ** 20),
  };
}

/** Loading the ledger's inputs (documents and records) back from SQLite. */
export interface LoadFigures {
  readonly documents: number;
  readonly storeMs: number;
  readonly loadMs: number;
  readonly documentsPerSecond: number;
}

/**
 * Stores `documents` generated inputs in a fresh SQLite ledger, then times `loadLedgerInputs`.
 *
 * @example (await benchSqliteLoad(base, 10_000)).documentsPerSecond // e.g. 5000
 */
export async function benchSqliteLoad(
  base: readonly LedgerInputDocument[],
  documents: number,
  perDay = SHAPE.perDay,
): Promise<LoadFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-bench-load-'));
  try {
    const store = await openStore(join(dir, 'ledger.sqlite'));
    try {
      const t0 = performance.now();
      let batch: LedgerInputDocument[] = [];
      const flush = async () => {
        await store.putDocuments(batch.map((doc) => ({ record: doc.record })));
        batch = [];
      };
      for (const doc of ledgerInputs(base, documents, { perDay, distinctTexts: true })) {
        batch.push(doc);
        if (batch.length === 1000) await flush();
      }
      await flush();
      const t1 = performance.now();
      const loaded = await loadLedgerInputs(store);
      const t2 = performance.now();
      if (loaded.length !== documents) throw new Error(`stored ${documents}, loaded ${loaded.length}`);
      return {
        documents,
        storeMs: round(t1 - t0),
        loadMs: round(t2 - t1),
        documentsPerSecond: round((documents / (t2 - t1)) * 1000),
      };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU time of this process (user and system) in ms: on a shared machine, closer to idle wall time than the wall clock. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Sizes of one run of the suite. */
export interface ClusteringSuiteOptions {
  readonly clustering: number[];
  readonly build: number[];
  readonly sqliteLoad: number[];
  /** Sizes of the event-page query bench (default 10,000; `--event-page 1000000` standalone). */
  readonly eventPage?: number[];
  readonly perDay?: number;
  readonly base?: 'corpus' | 'generated';
  readonly log?: (line: string) => void;
}

/** Everything the suite measured, for bench/results.json. */
export interface ClusteringSuiteFigures {
  readonly baseDocuments: number;
  readonly perDay: number;
  readonly clustering: ClusteringFigures[];
  readonly build: BuildFigures[];
  readonly sqliteLoad: LoadFigures[];
  readonly eventPage: EventPageFigures[];
  /** Load average (1 min) when the suite started and ended: the machine may be shared. */
  readonly loadAverage: [number, number];
}

/**
 * Runs the clustering, build and SQLite-load benchmarks at the given sizes.
 *
 * @example await benchClusteringSuite({ clustering: [10_000], build: [10_000], sqliteLoad: [] })
 */
export async function benchClusteringSuite(options: ClusteringSuiteOptions): Promise<ClusteringSuiteFigures> {
  const perDay = options.perDay ?? SHAPE.perDay;
  const log = options.log ?? (() => {});
  const loadStart = loadavg()[0] ?? 0;
  const base = await baseDocuments(options.base ?? 'corpus');
  log(`clustering bench: ${base.length} base documents read by the reader, ${perDay} documents a day`);
  const clustering: ClusteringFigures[] = [];
  for (const n of options.clustering) {
    clustering.push(benchClustering(base, n, { perDay }));
    log(`  clustering ${JSON.stringify(clustering[clustering.length - 1])}`);
  }
  const build: BuildFigures[] = [];
  for (const n of options.build) {
    build.push(benchBuild(base, n, perDay));
    log(`  buildLedger ${JSON.stringify(build[build.length - 1])}`);
  }
  const sqliteLoad: LoadFigures[] = [];
  for (const n of options.sqliteLoad) {
    sqliteLoad.push(await benchSqliteLoad(base, n, perDay));
    log(`  SQLite load ${JSON.stringify(sqliteLoad[sqliteLoad.length - 1])}`);
  }
  const eventPage: EventPageFigures[] = [];
  for (const n of options.eventPage ?? [10_000]) {
    eventPage.push(await benchEventPage(base, n, 10_000, 2_000, perDay));
    log(`  event page ${JSON.stringify(eventPage[eventPage.length - 1])}`);
  }
  return {
    baseDocuments: base.length,
    perDay,
    clustering,
    build,
    sqliteLoad,
    eventPage,
    loadAverage: [round(loadStart), round(loadavg()[0] ?? 0)],
  };
}

/**
 * The "Event clustering" section of docs/performance.md.
 *
 * @example clusteringReport(figures).join('\n') // '## Event clustering\n\n…'
 */
export function clusteringReport(f: ClusteringSuiteFigures): string[] {
  const lines = [
    '## Event clustering',
    '',
    `Generated ledgers (\`bench/clustering.ts\`): the ${f.baseDocuments} reports of the ledger corpus read once, copied into`,
    `regions of their own (places moved and renamed) and dated so the ledger holds ${f.perDay} documents a day. Load`,
    `average ${f.loadAverage[0]} at the start, ${f.loadAverage[1]} at the end.`,
    '',
    'Times are wall clock, with the CPU time of the (single-threaded) work in brackets: on a shared',
    'machine the CPU time is the closer guide to an idle one. Documents/s is per second of CPU.',
    '',
    '| documents | incidents | features (ms) | clustering (ms) | documents/s | multi-report events | largest event (documents) | heap (MB) | peak RSS (MB) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...f.clustering.map(
      (c) =>
        `| ${c.documents} | ${c.incidents} | ${c.featuresMs} (${c.featuresCpuMs}) | ${c.clusteringMs} (${c.clusteringCpuMs}) | ${c.documentsPerSecond} | ${c.multiReportEvents} | ${c.largestEventDocuments} | ${c.heapUsedMB} | ${c.peakRssMB} |`,
    ),
    '',
  ];
  if (f.build.length > 0) {
    lines.push(
      'The whole `buildLedger` (origins included), and a review applied to the kept ledger (`LedgerBuilder`):',
      '',
      '| documents | build (ms) | status change (ms) | merge (ms) | events | origins |',
      '|---:|---:|---:|---:|---:|---:|',
      ...f.build.map(
        (b) =>
          `| ${b.documents} | ${b.buildMs} (${b.buildCpuMs}) | ${b.statusChangeMs} | ${b.mergeMs} | ${b.events} | ${b.origins} |`,
      ),
      '',
    );
  }
  if (f.sqliteLoad.length > 0) {
    lines.push(
      'Reading the ledger inputs (catalogue and analysis records) back from SQLite (`loadLedgerInputs`):',
      '',
      '| documents | store (ms) | load (ms) | documents/s |',
      '|---:|---:|---:|---:|',
      ...f.sqliteLoad.map((l) => `| ${l.documents} | ${l.storeMs} | ${l.loadMs} | ${l.documentsPerSecond} |`),
      '',
    );
  }
  if (f.eventPage.length > 0) {
    lines.push(
      'Event pages (`GET /api/events/:id` without HTTP: the event, its claims, documents, origins and checks',
      'looked up in the ledger index of `src/server/ledger-query.ts` and serialised as JSON) for 10,000 events drawn',
      'at random. The ledger is one built by `LedgerBuilder` over 2,000 generated documents, tiled (ids marked per',
      'tile) up to the size: the lookups are those of a ledger of that many documents. CPU time in brackets.',
      '',
      '| documents | events | claims | index (ms) | page p50 (ms) | page p99 (ms) | page (bytes) | heap (MB) |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...f.eventPage.map(
        (e) =>
          `| ${e.documents} | ${e.events} | ${e.claims} | ${e.indexMs} (${e.indexCpuMs}) | ${e.p50Ms} (${e.p50CpuMs}) | ${e.p99Ms} (${e.p99CpuMs}) | ${e.meanBytes} | ${e.heapUsedMB} |`,
      ),
      '',
    );
  }
  return lines;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000,100000' },
      million: { type: 'boolean', default: false },
      build: { type: 'string', default: '10000' },
      sqlite: { type: 'string', default: '' },
      'event-page': { type: 'string', default: '10000' },
      'per-day': { type: 'string', default: String(SHAPE.perDay) },
      base: { type: 'string', default: 'corpus' },
      json: { type: 'boolean', default: false },
    },
  });
  const list = (s: string | undefined) => (s ?? '').split(',').filter(Boolean).map(Number);
  const figures = await benchClusteringSuite({
    clustering: [...list(values.sizes), ...(values.million ? [1_000_000] : [])],
    build: list(values.build),
    sqliteLoad: list(values.sqlite),
    eventPage: list(values['event-page']),
    perDay: Number(values['per-day']),
    base: values.base === 'generated' ? 'generated' : 'corpus',
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(
    values.json ? `${JSON.stringify(figures, null, 2)}\n` : `${clusteringReport(figures).join('\n')}\n`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
