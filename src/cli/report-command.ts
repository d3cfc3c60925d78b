import { loadLedger } from '../corroborate/load-ledger.js';
import { InputError, UsageError } from '../errors.js';
import type { Store } from '../store/store.js';
import type { AnalysisRecord } from '../types/analysis-record.js';
import type {
  Contradiction,
  Ledger,
  LedgerCheck,
  LedgerClaim,
  LedgerDocument,
  LedgerEvent,
  LedgerEventStatus,
  LedgerOrigin,
} from '../types/ledger.js';
import {
  DB_HELP,
  DB_OPTION,
  HELP_OPTION,
  outputFormat,
  parseCommandArgs,
  positiveInteger,
  printHelpIf,
  withLedger,
} from './ledger-context.js';

/**
 * `corroborate report --help`.
 *
 * @example process.stdout.write(`${REPORT_HELP}\n`)
 */
export const REPORT_HELP = `Usage: corroborate report [options]

Prints the ledger's events: type, date, place and its precision, status, how many independent
origins support each (copies of one story count once), contradictions and numeric checks,
after a summary of the whole ledger.

Options:
${DB_HELP}
  --status S            only events with this status: unverified, corroborated, confirmed,
                        disputed, false
  --limit N             at most N events (default: all)
  --format text|json    text (default) or JSON ({summary, events, checks})
  -h, --help            show this help

Then "corroborate show EVENT" for one event's evidence.`;

/**
 * `corroborate show --help`.
 *
 * @example process.stdout.write(`${SHOW_HELP}\n`)
 */
export const SHOW_HELP = `Usage: corroborate show EVENT|CLAIM|DOC [options]

Shows one ledger item with its evidence, quoted from the archived source by character span:
  EVENT   an event id from "corroborate report": its reports grouped by origin, each
          claim's sentence with speaker · kind · cue, the links that joined the reports and
          why, contradictions and checks
  CLAIM   a claim id (DOCUMENT:CLAIM, e.g. examples/report.txt:c3): the sentence, who said
          it, its document, origin and copies, the events it bears on
  DOC     a document id (as printed by "corroborate ingest"): its source, origin, copies,
          retrievals, claims and events

Options:
${DB_HELP}
  --format text|json    text (default) or JSON (the item and its evidence)
  -h, --help            show this help`;

const STATUSES: readonly LedgerEventStatus[] = [
  'unverified',
  'corroborated',
  'confirmed',
  'disputed',
  'false',
];

/**
 * Counts shown at the head of a report.
 *
 * @example { documents: 4, origins: 3, events: 2, claims: 33, contradictions: 4, checks: 4, checkMismatches: 0, byStatus: { … } }
 */
export interface LedgerSummary {
  readonly documents: number;
  readonly origins: number;
  readonly events: number;
  readonly claims: number;
  readonly contradictions: number;
  readonly checks: number;
  readonly checkMismatches: number;
  readonly byStatus: Record<LedgerEventStatus, number>;
}

/**
 * The ledger's headline numbers: documents, origins, events (by status), claims, contradictions
 * and checks.
 *
 * @example summarizeLedger(ledger) // { documents: 4, origins: 3, events: 2, claims: 38, contradictions: 1, … }
 */
export function summarizeLedger(ledger: Ledger): LedgerSummary {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<LedgerEventStatus, number>;
  for (const event of ledger.events) byStatus[event.status]++;
  return {
    documents: ledger.documents.length,
    origins: ledger.origins.length,
    events: ledger.events.length,
    claims: ledger.claims.length,
    contradictions: ledger.events.reduce((n, e) => n + e.contradictions.length, 0),
    checks: ledger.checks.length,
    checkMismatches: ledger.checks.filter((c) => c.status === 'mismatch').length,
    byStatus,
  };
}

/**
 * Runs `corroborate report`; returns the exit code.
 *
 * @example await runReportCommand(['--status', 'disputed', '--format', 'json']) // 0
 */
export async function runReportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      ...DB_OPTION,
      status: { type: 'string' },
      limit: { type: 'string' },
      format: { type: 'string' },
      ...HELP_OPTION,
    },
    'report',
  );
  if (printHelpIf(values.help, REPORT_HELP)) return 0;
  if (positionals.length > 0)
    throw new UsageError(
      `report takes no arguments, got "${positionals[0]}" (for one item: corroborate show ID)`,
    );
  const format = outputFormat(values.format);
  const status = values.status;
  if (status !== undefined && !STATUSES.includes(status as LedgerEventStatus))
    throw new UsageError(`--status must be one of ${STATUSES.join(', ')}, got "${status}"`);
  const limit = positiveInteger(values.limit, '--limit', Number.POSITIVE_INFINITY);
  const ledger = await withLedger(values.db, loadLedger, { create: false });
  const events = ledger.events.filter((e) => status === undefined || e.status === status).slice(0, limit);
  const summary = summarizeLedger(ledger);
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify({ summary, events, checks: ledger.checks }, null, 2)}\n`);
  } else {
    process.stdout.write(`${reportText(ledger, summary, events)}\n`);
  }
  return 0;
}

/**
 * The ledger as a readable report: the summary, then one block per event, then the checks.
 *
 * @example reportText(ledger, summarizeLedger(ledger), ledger.events)
 */
export function reportText(ledger: Ledger, summary: LedgerSummary, events: readonly LedgerEvent[]): string {
  const out: string[] = [];
  out.push(
    `Ledger: ${plural(summary.documents, 'document')} · ${plural(summary.origins, 'origin')} · ` +
      `${plural(summary.events, 'event')} · ${plural(summary.claims, 'claim')} · ` +
      `${plural(summary.contradictions, 'contradiction')} · ${plural(summary.checks, 'check')}` +
      (summary.checkMismatches > 0 ? ` (${summary.checkMismatches} mismatched)` : ''),
  );
  out.push(
    `Events by status: ${
      STATUSES.filter((s) => summary.byStatus[s] > 0)
        .map((s) => `${summary.byStatus[s]} ${s}`)
        .join(', ') || 'none'
    }`,
  );
  if (events.length < ledger.events.length)
    out.push(`Showing ${events.length} of ${ledger.events.length} events.`);
  for (const event of events) {
    out.push('');
    out.push(...eventBlock(event, ledger));
  }
  // Checks about an event are printed under it; the rest (no event in the ledger) here.
  const eventIds = new Set(ledger.events.map((e) => e.id));
  const loose = ledger.checks.filter((c) => !c.eventIds.some((id) => eventIds.has(id)));
  if (loose.length > 0) {
    out.push('', 'Checks not tied to an event');
    for (const check of orderChecks(loose)) out.push(`  ${checkLine(check)}`);
  }
  return out.join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function eventBlock(event: LedgerEvent, ledger: Ledger): string[] {
  const lines = [
    `${event.id}  ${eventKind(event)}  [${event.status}${event.statusByAnalyst ? ', set by analyst' : ''}]`,
  ];
  lines.push(`  when   ${dateText(event)}`);
  lines.push(`  where  ${placeText(event)}`);
  lines.push(
    `  what   ${event.occurrence}${event.fatalities !== null ? ` · ${event.fatalities} killed` : ''} · confidence ${event.confidence.toFixed(2)}`,
  );
  const who = [
    event.actors.length > 0 ? `actors: ${event.actors.join(', ')}` : null,
    event.targets.length > 0 ? `targets: ${event.targets.join(', ')}` : null,
    event.weapons.length > 0 ? `weapons: ${event.weapons.join(', ')}` : null,
  ].filter(Boolean);
  if (who.length > 0) lines.push(`  who    ${who.join(' · ')}`);
  lines.push(`  origins ${originsText(event)}`);
  lines.push(`  support ${supportText(event)}`);
  for (const c of event.contradictions) lines.push(`  ✗ ${contradictionLine(c)}`);
  for (const check of ledger.checks.filter((c) => c.eventIds.includes(event.id)))
    lines.push(`  # ${checkLine(check)}`);
  return lines;
}

function eventKind(event: LedgerEvent): string {
  const acled = [event.eventType, event.subEventType].filter(Boolean).join(' › ');
  return acled ? `${event.type} (${acled})` : event.type;
}

function dateText(event: LedgerEvent): string {
  if (!event.date) return 'date unknown';
  return event.date.from === event.date.to ? event.date.from : `${event.date.from} – ${event.date.to}`;
}

function placeText(event: LedgerEvent): string {
  const place = event.place;
  if (!place) return 'place unknown';
  // Admin-1 codes ("15") say nothing to a reader; names do.
  const where = [place.name, place.admin1, place.country].filter(
    (p, i, all) => p && !/^\d+$/.test(p) && all.indexOf(p) === i,
  );
  const precision = [
    place.precision ? `precision ${place.precision}` : 'precision unknown',
    place.geoPrecision !== null ? `geo ${place.geoPrecision}` : null,
    place.lat !== null && place.lon !== null
      ? `${place.lat.toFixed(4)}, ${place.lon.toFixed(4)}`
      : 'not located',
  ].filter(Boolean);
  return `${where.join(', ')} (${precision.join(' · ')})`;
}

function originsText(event: LedgerEvent): string {
  const reports = new Set(event.members.map((m) => m.documentId)).size;
  const n = event.support.independentOrigins;
  return `${n} independent origin${n === 1 ? '' : 's'} over ${reports} report${reports === 1 ? '' : 's'}`;
}

function supportText(event: LedgerEvent): string {
  const s = event.support;
  const kinds = Object.entries(s.speakerKinds)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([kind, n]) => `${kind} ${n}`);
  const flags = [
    s.confirmedByTargetSide ? 'confirmed by the target side' : null,
    s.perpetratorClaimOnly ? "only the perpetrator's claim" : null,
  ].filter(Boolean);
  return (
    `${s.supporting.length} supporting, ${s.contradicting.length} contradicting claim${s.contradicting.length === 1 ? '' : 's'}` +
    (kinds.length > 0 ? ` (speakers: ${kinds.join(', ')})` : '') +
    (flags.length > 0 ? ` · ${flags.join(' · ')}` : '')
  );
}

function contradictionLine(c: Contradiction): string {
  return `${c.kind}: ${c.detail} (${c.a} vs ${c.b})`;
}

function checkLine(check: LedgerCheck): string {
  const source = check.kind === 'measurement' ? 'measured' : 'ledger';
  const observed = check.observedValue === null ? '' : ` · ${source}: ${check.observedValue}`;
  return `${check.status.padEnd(12)} ${check.kind}: ${check.stated}${observed} — ${check.detail}`;
}

function orderChecks(checks: readonly LedgerCheck[]): LedgerCheck[] {
  const rank = { mismatch: 0, unverifiable: 1, ok: 2 } as const;
  return [...checks].sort((a, b) => rank[a.status] - rank[b.status]);
}

/**
 * Runs `corroborate show`; returns the exit code (3 for an unknown id).
 *
 * @example await runShowCommand(['examples/north-wire-drone-strike.txt:c2']) // 0
 */
export async function runShowCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { ...DB_OPTION, format: { type: 'string' }, ...HELP_OPTION },
    'show',
  );
  if (printHelpIf(values.help, SHOW_HELP)) return 0;
  if (positionals.length !== 1)
    throw new UsageError('show takes one EVENT, CLAIM or DOC id (see "corroborate show --help")');
  const id = positionals[0]!;
  const format = outputFormat(values.format);
  const text = await withLedger(
    values.db,
    async (store) => {
      const ledger = await loadLedger(store);
      const evidence = new Evidence(store);
      const event = ledger.events.find((e) => e.id === id);
      if (event)
        return format === 'json'
          ? json(await eventJson(event, ledger, evidence))
          : eventText(event, ledger, evidence);
      const claim = ledger.claims.find((c) => c.id === id);
      if (claim)
        return format === 'json'
          ? json(await claimJson(claim, ledger, evidence))
          : claimText(claim, ledger, evidence);
      const doc = ledger.documents.find((d) => d.id === id);
      if (doc)
        return format === 'json'
          ? json(await documentJson(doc, ledger, evidence, store))
          : documentText(doc, ledger, evidence, store);
      throw new InputError(
        `no event, claim or document "${id}" in the ledger (ids are listed by "corroborate report")`,
      );
    },
    { create: false },
  );
  process.stdout.write(`${text}\n`);
  return 0;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** A claim's words as the archive holds them: the sentence around its span, and its cue. */
interface ClaimQuote {
  readonly claimId: string;
  readonly documentId: string;
  readonly documentSha256: string;
  readonly start: number;
  readonly end: number;
  /** The claim's span, sliced from the archived text. */
  readonly span: string;
  /** The sentence (or sentences) the span lies in, from the archived text. */
  readonly sentence: string;
  readonly sentenceStart: number;
  readonly sentenceEnd: number;
  readonly speaker: string;
  readonly speakerKind: string;
  readonly cue: string | null;
  readonly stance: string;
  readonly polarity: string;
  readonly hedged: boolean;
}

/** Reads archived texts and records once each, and quotes claims from them by span. */
class Evidence {
  private readonly texts = new Map<string, Promise<string | null>>();
  private readonly records = new Map<string, Promise<AnalysisRecord | null>>();

  constructor(private readonly store: Store) {}

  archivedText(sha256: string): Promise<string | null> {
    let text = this.texts.get(sha256);
    if (!text) {
      text = this.store
        .getArchive(sha256)
        .then((blob) => (blob ? new TextDecoder('utf-8').decode(blob.bytes) : null));
      this.texts.set(sha256, text);
    }
    return text;
  }

  record(documentId: string): Promise<AnalysisRecord | null> {
    let record = this.records.get(documentId);
    if (!record) {
      record = this.store.getRecord(documentId);
      this.records.set(documentId, record);
    }
    return record;
  }

  async quote(claim: LedgerClaim): Promise<ClaimQuote> {
    const [text, record] = await Promise.all([
      this.archivedText(claim.documentSha256),
      this.record(claim.documentId),
    ]);
    const source = text ?? '';
    const sentences = record?.sentences.filter((s) => s.end > claim.start && s.start < claim.end) ?? [];
    const sentenceStart = sentences.length > 0 ? Math.min(claim.start, sentences[0]!.start) : claim.start;
    const sentenceEnd = sentences.length > 0 ? Math.max(claim.end, sentences.at(-1)!.end) : claim.end;
    const recordClaim = record?.claims.find((c) => c.id === claim.claimId);
    const attribution = recordClaim?.attributionId
      ? record?.attributions.find((a) => a.id === recordClaim.attributionId)
      : undefined;
    const cue = attribution?.cue ? source.slice(attribution.cue.start, attribution.cue.end) : null;
    return {
      claimId: claim.id,
      documentId: claim.documentId,
      documentSha256: claim.documentSha256,
      start: claim.start,
      end: claim.end,
      span: source.slice(claim.start, claim.end),
      sentence: oneLine(source.slice(sentenceStart, sentenceEnd)),
      sentenceStart,
      sentenceEnd,
      speaker: claim.speakerName,
      speakerKind: claim.speakerKind,
      cue,
      stance: claim.stance,
      polarity: claim.polarity,
      hedged: claim.hedged,
    };
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function quoteLines(q: ClaimQuote, indent: string): string[] {
  const flags = [
    q.polarity === 'denied' ? 'denied' : null,
    q.hedged ? 'hedged' : null,
    q.stance !== 'neutral' ? q.stance : null,
  ]
    .filter(Boolean)
    .join(', ');
  return [
    `${indent}${q.claimId} [${q.start}–${q.end}]  “${q.sentence}”`,
    `${indent}  ${q.speaker} · ${q.speakerKind} · ${q.cue ?? 'no cue'}${flags ? ` (${flags})` : ''}`,
  ];
}

function documentLabel(doc: LedgerDocument | undefined, id: string): string {
  if (!doc) return id;
  const parts = [doc.title ? `“${doc.title}”` : null, doc.publisher, doc.publishedDate, doc.url].filter(
    Boolean,
  );
  return parts.length > 0 ? `${doc.id} — ${parts.join(' · ')}` : doc.id;
}

function originOf(ledger: Ledger, documentId: string): LedgerOrigin | undefined {
  return ledger.origins.find((o) => o.documentIds.includes(documentId));
}

/** The claims that bear on an event (supporting or contradicting), in ledger order. */
function eventClaims(event: LedgerEvent, ledger: Ledger): LedgerClaim[] {
  const ids = new Set([...event.support.supporting, ...event.support.contradicting]);
  return ledger.claims.filter((c) => ids.has(c.id) || c.eventIds.includes(event.id));
}

async function eventText(event: LedgerEvent, ledger: Ledger, evidence: Evidence): Promise<string> {
  const out = eventBlock(event, ledger);
  const claims = eventClaims(event, ledger);
  const contradicting = new Set(event.support.contradicting);
  const memberDocs = [...new Set(event.members.map((m) => m.documentId))];
  const origins = new Map<string, string[]>();
  for (const docId of memberDocs) {
    const origin = originOf(ledger, docId)?.id ?? `(no origin) ${docId}`;
    origins.set(origin, [...(origins.get(origin) ?? []), docId]);
  }
  out.push('', 'Evidence, by origin');
  for (const [originId, docIds] of origins) {
    const origin = ledger.origins.find((o) => o.id === originId);
    out.push(
      `  ${originId}${origin ? ` (${origin.method}, ${origin.documentIds.length} document${origin.documentIds.length === 1 ? '' : 's'})` : ''}`,
    );
    for (const link of origin?.links ?? []) out.push(`    copy: ${link.a} ~ ${link.b}: ${link.reason}`);
    for (const docId of docIds) {
      out.push(
        `    ${documentLabel(
          ledger.documents.find((d) => d.id === docId),
          docId,
        )}`,
      );
      const record = await evidence.record(docId);
      const doc = ledger.documents.find((d) => d.id === docId);
      const text = doc ? await evidence.archivedText(doc.sha256) : null;
      for (const member of event.members.filter((m) => m.documentId === docId)) {
        const reportEvent = record?.events.find((e) => e.id === member.eventId);
        const trigger =
          reportEvent && text ? text.slice(reportEvent.trigger.start, reportEvent.trigger.end) : null;
        out.push(
          `      event ${member.eventId}${reportEvent ? ` ${reportEvent.type} · ${reportEvent.status}` : ''}${trigger ? ` · “${oneLine(trigger)}” [${reportEvent!.trigger.start}–${reportEvent!.trigger.end}]` : ''}`,
        );
      }
      for (const claim of claims.filter((c) => c.documentId === docId)) {
        const lines = quoteLines(await evidence.quote(claim), '      ');
        if (contradicting.has(claim.id)) lines[0] = lines[0]!.replace(/^(\s*)/, '$1✗ ');
        out.push(...lines);
      }
    }
  }
  if (event.links.length > 0) {
    out.push('', 'Links between reports');
    for (const link of event.links) {
      out.push(
        `  ${link.a.documentId}:${link.a.eventId} ↔ ${link.b.documentId}:${link.b.eventId}  score ${link.score.toFixed(2)} (${link.by}): ${link.reasons.join('; ')}`,
      );
    }
  }
  return out.join('\n');
}

async function eventJson(event: LedgerEvent, ledger: Ledger, evidence: Evidence) {
  const claims = await Promise.all(eventClaims(event, ledger).map((c) => evidence.quote(c)));
  const documents = ledger.documents.filter((d) => event.members.some((m) => m.documentId === d.id));
  const origins = ledger.origins.filter((o) => documents.some((d) => o.documentIds.includes(d.id)));
  return {
    kind: 'event',
    event,
    documents,
    origins,
    claims,
    checks: ledger.checks.filter((c) => c.eventIds.includes(event.id)),
  };
}

async function claimText(claim: LedgerClaim, ledger: Ledger, evidence: Evidence): Promise<string> {
  const q = await evidence.quote(claim);
  const out = [
    `${claim.id}  claim${claim.rating ? `  rated ${claim.rating.value}/5 “${claim.rating.label}” by ${claim.rating.by}` : ''}`,
  ];
  out.push(...quoteLines(q, '  '));
  out.push(`  confidence ${claim.confidence.toFixed(2)}`);
  const doc = ledger.documents.find((d) => d.id === claim.documentId);
  out.push(`  document ${documentLabel(doc, claim.documentId)}`);
  const origin = ledger.origins.find((o) => o.id === claim.originId) ?? originOf(ledger, claim.documentId);
  if (origin) {
    const copies = origin.documentIds.filter((id) => id !== claim.documentId);
    out.push(
      `  origin   ${origin.id} (${origin.method})${copies.length > 0 ? `; copies: ${copies.join(', ')}` : '; no copies'}`,
    );
  }
  for (const eventId of claim.eventIds) {
    const event = ledger.events.find((e) => e.id === eventId);
    if (!event) continue;
    const side = event.support.contradicting.includes(claim.id) ? 'contradicts' : 'supports';
    out.push(
      `  ${side} ${event.id}  ${eventKind(event)} · ${dateText(event)} · ${event.place?.name ?? 'place unknown'} [${event.status}]`,
    );
  }
  for (const event of ledger.events) {
    for (const c of event.contradictions.filter((x) => x.a === claim.id || x.b === claim.id)) {
      out.push(`  ✗ ${contradictionLine(c)}`);
    }
  }
  for (const check of orderChecks(ledger.checks.filter((c) => c.claimId === claim.id)))
    out.push(`  # ${checkLine(check)}`);
  return out.join('\n');
}

async function claimJson(claim: LedgerClaim, ledger: Ledger, evidence: Evidence) {
  return {
    kind: 'claim',
    claim,
    quote: await evidence.quote(claim),
    document: ledger.documents.find((d) => d.id === claim.documentId) ?? null,
    origin: ledger.origins.find((o) => o.id === claim.originId) ?? originOf(ledger, claim.documentId) ?? null,
    events: ledger.events.filter((e) => claim.eventIds.includes(e.id)).map((e) => e.id),
    contradictions: ledger.events.flatMap((e) =>
      e.contradictions.filter((c) => c.a === claim.id || c.b === claim.id),
    ),
    checks: ledger.checks.filter((c) => c.claimId === claim.id),
  };
}

async function documentText(
  doc: LedgerDocument,
  ledger: Ledger,
  evidence: Evidence,
  store: Store,
): Promise<string> {
  const out = [documentLabel(doc, doc.id)];
  const stored = await store.getDocument(doc.id);
  out.push(
    `  sha256 ${doc.sha256}${stored && stored.rawSha256 !== doc.sha256 ? ` (raw ${stored.rawSha256})` : ''}`,
  );
  if (stored) out.push(`  ingested ${stored.ingestedAt}, version ${stored.version}, ${stored.status}`);
  for (const r of await store.getRetrievals(stored?.rawSha256 ?? doc.sha256))
    out.push(`  retrieved ${r.retrievedAt} from ${r.originUrl ?? '(unknown)'}`);
  const origin = ledger.origins.find((o) => o.id === doc.originId) ?? originOf(ledger, doc.id);
  if (origin) {
    const copies = origin.documentIds.filter((id) => id !== doc.id);
    out.push(
      `  origin ${origin.id} (${origin.method})${copies.length > 0 ? `; copies: ${copies.join(', ')}` : '; no copies'}`,
    );
    for (const link of origin.links.filter((l) => l.a === doc.id || l.b === doc.id))
      out.push(`    ${link.a} ~ ${link.b}: ${link.reason}`);
  }
  const events = ledger.events.filter((e) => e.members.some((m) => m.documentId === doc.id));
  if (events.length > 0) {
    out.push('', 'Events');
    for (const e of events)
      out.push(
        `  ${e.id}  ${eventKind(e)} · ${dateText(e)} · ${e.place?.name ?? 'place unknown'} [${e.status}]`,
      );
  }
  const claims = ledger.claims.filter((c) => c.documentId === doc.id);
  if (claims.length > 0) {
    out.push('', 'Claims');
    for (const claim of claims) out.push(...quoteLines(await evidence.quote(claim), '  '));
  }
  return out.join('\n');
}

async function documentJson(doc: LedgerDocument, ledger: Ledger, evidence: Evidence, store: Store) {
  const stored = await store.getDocument(doc.id);
  return {
    kind: 'document',
    document: doc,
    stored,
    retrievals: await store.getRetrievals(stored?.rawSha256 ?? doc.sha256),
    origin: ledger.origins.find((o) => o.id === doc.originId) ?? originOf(ledger, doc.id) ?? null,
    events: ledger.events.filter((e) => e.members.some((m) => m.documentId === doc.id)).map((e) => e.id),
    claims: await Promise.all(
      ledger.claims.filter((c) => c.documentId === doc.id).map((c) => evidence.quote(c)),
    ),
  };
}
