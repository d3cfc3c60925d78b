// Loads the ledger corpus (reports, manifest, expected ledger), reads every report with the real
// reader, and compares a built ledger with the expected one. Shared by the acceptance test
// (test/corroborate/ledger-corpus.test.ts) and `npx tsx scripts/ledger-corpus-score.ts`.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../../../src/analyze.js';
import { loadDefaultGazetteer } from '../../../src/geo/gazetteer.js';
import type { AnalysisRecord } from '../../../src/types/analysis-record.js';
import type { ConflictEvent } from '../../../src/types/event.js';
import type { Contradiction, Ledger } from '../../../src/types/ledger.js';
import { type PairwiseScore, pairwiseScore } from '../../corroborate/pairwise-score.js';

/** Folder of the corpus: `test/corpus/ledger/`. */
export const LEDGER_CORPUS_DIR = dirname(fileURLToPath(import.meta.url));

/** One line of `manifest.json`: where a report was published, and when. */
export interface ManifestEntry {
  readonly file: string;
  readonly id: string;
  readonly publisher: string;
  readonly url: string;
  /** Publication date, `YYYY-MM-DD`: the reference date for relative dates. */
  readonly date: string;
}

/** One report event of the expected ledger: a document and a phrase of it that names the event. */
export interface ExpectedMember {
  readonly documentId: string;
  /** Occurs exactly once in the analysed text; the report event whose trigger lies inside it. */
  readonly anchor: string;
}

/** `expected.json`: the ledger the corpus was written to produce. */
export interface ExpectedLedger {
  /** Groups of document ids that are copies of one story; every document in exactly one group. */
  readonly origins: string[][];
  readonly events: { readonly label: string; readonly members: ExpectedMember[] }[];
  readonly contradictions: {
    /** Index into `events`. */
    readonly event: number;
    /** Any of these kinds will do. */
    readonly kinds: Contradiction['kind'][];
    readonly about: string;
    /** A claim overlapping an anchor of each side (the words of one side of the contradiction). */
    readonly sides: [ExpectedMember[], ExpectedMember[]];
  }[];
  readonly tallies: {
    readonly documentId: string;
    readonly statedValue: number;
    readonly status: 'ok' | 'mismatch' | 'unverifiable';
    readonly about: string;
  }[];
}

/** What `buildLedger` takes for one document (the shape of `LedgerInputDocument`). */
export interface CorpusDocument {
  readonly id: string;
  readonly sha256: string;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly publishedDate: string | null;
  readonly record: AnalysisRecord;
}

/**
 * Reads the manifest and the expected ledger.
 *
 * @example const { manifest, expected } = loadLedgerCorpus(); manifest.length // 44
 */
export function loadLedgerCorpus(dir: string = LEDGER_CORPUS_DIR): {
  manifest: ManifestEntry[];
  expected: ExpectedLedger;
} {
  const json = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  return {
    manifest: json('manifest.json') as ManifestEntry[],
    expected: json('expected.json') as ExpectedLedger,
  };
}

/**
 * Reads every report of the manifest with the reader: publication date as reference date, and the
 * committed gazetteer only (a local import store would make results depend on the machine).
 *
 * @example const documents = await readCorpusDocuments(loadLedgerCorpus().manifest);
 */
export async function readCorpusDocuments(
  manifest: readonly ManifestEntry[],
  dir: string = LEDGER_CORPUS_DIR,
): Promise<CorpusDocument[]> {
  const gazetteer = await loadDefaultGazetteer(
    join(tmpdir(), 'corroborate-ledger-corpus-no-local-store.jsonl.gz'),
  );
  return manifest.map((entry) => {
    const record = analyzeText(readFileSync(join(dir, 'reports', entry.file), 'utf8'), {
      id: entry.id,
      date: entry.date,
      gazetteer,
    });
    return {
      id: entry.id,
      sha256: record.document.sha256,
      title: record.document.title?.value ?? null,
      publisher: entry.publisher,
      url: entry.url,
      publishedDate: entry.date,
      record,
    };
  });
}

/**
 * The report event an anchor names: the first (by position) whose trigger overlaps the anchor's
 * only occurrence in the analysed text (see `anchorSpan`), or null when the reader found none there.
 *
 * @example anchoredEvent(record, 'A drone struck near the runway')?.id // 'ev2'
 */
export function anchoredEvent(record: AnalysisRecord, anchor: string): ConflictEvent | null {
  const { start, end } = anchorSpan(record, anchor);
  const inside = record.events.filter((e) => e.trigger.start < end && e.trigger.end > start);
  return inside.sort((a, b) => a.trigger.start - b.trigger.start)[0] ?? null;
}

/**
 * Where an anchor's only occurrence lies in the analysed text. Throws when it does not occur
 * exactly once (a mistake in `expected.json`).
 *
 * @example anchorSpan(record, 'both drones were shot down') // { start: 312, end: 338 }
 */
export function anchorSpan(record: AnalysisRecord, anchor: string): { start: number; end: number } {
  const start = record.text.indexOf(anchor);
  if (start < 0 || record.text.indexOf(anchor, start + 1) >= 0) {
    throw new Error(`anchor ${JSON.stringify(anchor)} must occur exactly once in ${record.id}`);
  }
  return { start, end: start + anchor.length };
}

/** An expected report event the reader did not find. */
export interface ReaderMiss {
  readonly event: string;
  readonly documentId: string;
  readonly anchor: string;
  readonly sentence: string;
}

/** How a built ledger compares with the expected one. */
export interface LedgerComparison {
  readonly origins: { readonly exact: boolean; readonly expected: string[][]; readonly actual: string[][] };
  readonly clustering: PairwiseScore;
  readonly readerMisses: ReaderMiss[];
  readonly contradictions: { readonly about: string; readonly found: boolean }[];
  readonly tallies: { readonly about: string; readonly expected: string; readonly actual: string[] }[];
}

/**
 * Compares `ledger` (built from `documents`) with `expected`: origin groups as sets, event
 * clustering by pairwise F1 over the anchored report events, contradictions by kind and sides,
 * tally checks by status.
 *
 * @example compareLedger(expected, documents, buildLedger(documents)).clustering.f1 // 0.93
 */
export function compareLedger(
  expected: ExpectedLedger,
  documents: readonly CorpusDocument[],
  ledger: Ledger,
): LedgerComparison {
  const records = new Map(documents.map((d) => [d.id, d.record]));
  const key = (m: ExpectedMember) => `${m.documentId}#${m.anchor}`;

  // Which ledger event holds each report event; failing that, another event of its incident
  // (members of one incident travel together).
  const eventOfMember = new Map<string, string>();
  const eventOfIncident = new Map<string, string>();
  for (const event of ledger.events) {
    for (const member of event.members) {
      eventOfMember.set(`${member.documentId}\u0000${member.eventId}`, event.id);
      const reportEvent = records.get(member.documentId)?.events.find((e) => e.id === member.eventId);
      if (reportEvent) eventOfIncident.set(`${member.documentId}\u0000${reportEvent.incidentId}`, event.id);
    }
  }
  const readerMisses: ReaderMiss[] = [];
  const predicted = new Map<string, string[]>();
  for (const event of expected.events) {
    for (const member of event.members) {
      const record = records.get(member.documentId);
      if (!record) throw new Error(`expected.json names an unknown document ${member.documentId}`);
      const found = anchoredEvent(record, member.anchor);
      if (!found) {
        const at = record.text.indexOf(member.anchor);
        const sentence = record.sentences.find((s) => s.start <= at && at < s.end);
        readerMisses.push({
          event: event.label,
          documentId: member.documentId,
          anchor: member.anchor,
          sentence: sentence ? record.text.slice(sentence.start, sentence.end) : member.anchor,
        });
        continue;
      }
      const cluster =
        eventOfIncident.get(`${member.documentId}\u0000${found.incidentId}`) ?? `unclustered:${key(member)}`;
      predicted.set(cluster, [...(predicted.get(cluster) ?? []), key(member)]);
    }
  }
  const clustering = pairwiseScore(
    expected.events.map((e) => e.members.map(key)),
    [...predicted.values()],
  );

  const canonical = (groups: readonly (readonly string[])[]) =>
    groups.map((g) => [...g].sort()).sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
  const expectedOrigins = canonical(expected.origins);
  const actualOrigins = canonical(ledger.origins.map((o) => o.documentIds));

  const all = ledger.events.flatMap((e) => e.contradictions);
  const claims = new Map(ledger.claims.map((c) => [c.id, c]));
  const onSide = (claimId: string, side: readonly ExpectedMember[]) => {
    const claim = claims.get(claimId);
    return side.some((m) => {
      const record = records.get(m.documentId);
      if (!claim || !record || claim.documentId !== m.documentId) return false;
      const { start, end } = anchorSpan(record, m.anchor);
      return claim.start < end && claim.end > start;
    });
  };
  const contradictions = expected.contradictions.map((c) => ({
    about: c.about,
    found: all.some(
      (x) =>
        c.kinds.includes(x.kind) &&
        ((onSide(x.a, c.sides[0]) && onSide(x.b, c.sides[1])) ||
          (onSide(x.b, c.sides[0]) && onSide(x.a, c.sides[1]))),
    ),
  }));

  const tallies = expected.tallies.map((t) => ({
    about: t.about,
    expected: t.status,
    actual: ledger.checks
      .filter((c) => c.kind === 'tally' && c.documentId === t.documentId && c.statedValue === t.statedValue)
      .map((c) => c.status),
  }));

  return {
    origins: {
      exact: JSON.stringify(expectedOrigins) === JSON.stringify(actualOrigins),
      expected: expectedOrigins,
      actual: actualOrigins,
    },
    clustering,
    readerMisses,
    contradictions,
    tallies,
  };
}
