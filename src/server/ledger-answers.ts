import { type ExportFormat, exportLedger } from '../export/index.js';
import type { AuditEntry } from '../store/store.js';
import type {
  Ledger,
  LedgerCheck,
  LedgerClaim,
  LedgerDocument,
  LedgerEvent,
  LedgerOrigin,
  ReportEventRef,
} from '../types/ledger.js';
import { auditView } from './audit-routes.js';
import { HttpError } from './http-error.js';
import {
  type EventFilter,
  type EventQuery,
  eventSummary,
  filterEvents,
  indexOf,
  placesOf,
  queryEvents,
  timelineOf,
} from './ledger-query.js';

/**
 * What the claims list filters on (every part optional, all must hold).
 *
 * @example { documentId: 'harir-1', rated: false, words: ['drone'] }
 */
export interface ClaimFilter {
  readonly documentId?: string;
  readonly speakerKind?: string;
  /** Only claims an analyst rated (true) or did not (false). */
  readonly rated?: boolean;
  /** Lower-cased words that must all appear in the claim's text or speaker's name. */
  readonly words: readonly string[];
}

/**
 * A question the desk asks about its ledger: one per ledger endpoint (answered as the API sends
 * it), and three look-ups the review and evidence routes check a request against. Plain data, so
 * it can be posted to the ledger worker.
 *
 * @example { kind: 'events', query: { sort: 'date', descending: true, limit: 50, offset: 0 }, full: false }
 */
export type LedgerAsk =
  | { readonly kind: 'events'; readonly query: EventQuery; readonly full: boolean }
  | { readonly kind: 'timeline'; readonly filter: EventFilter }
  | { readonly kind: 'places'; readonly filter: EventFilter; readonly limit: number; readonly offset: number }
  | { readonly kind: 'map'; readonly filter: EventFilter }
  | { readonly kind: 'event-page'; readonly id: string; readonly limit: number }
  | {
      readonly kind: 'event-part';
      readonly id: string;
      readonly part: EventPart;
      /** For `claims`: one side only, or both (the supporting first). */
      readonly side: ClaimSide | null;
      readonly limit: number;
      readonly offset: number;
    }
  | { readonly kind: 'claims'; readonly filter: ClaimFilter; readonly limit: number; readonly offset: number }
  | { readonly kind: 'claim-page'; readonly id: string }
  | { readonly kind: 'origins'; readonly limit: number; readonly offset: number }
  | { readonly kind: 'checks'; readonly status: string | null }
  | { readonly kind: 'export'; readonly format: ExportFormat; readonly timestamp: number }
  | LedgerLookup;

/**
 * The lists of an event that its page shows the first `limit` of, each listed whole, a page at a
 * time, at `GET /api/events/{id}/{part}`.
 */
export const EVENT_PARTS = ['members', 'links', 'claims', 'documents', 'origins', 'checks'] as const;
export type EventPart = (typeof EVENT_PARTS)[number];

/** The claims for an event (`supporting`) or against it (`contradicting`). */
export type ClaimSide = 'supporting' | 'contradicting';

/** How many entries of each list an event page shows when the request does not say. */
export const EVENT_PAGE_LIMIT = 25;

/**
 * A look-up whose answer the desk reads itself: an event by id, the event a report event belongs
 * to, a claim by id (null when the ledger has none).
 *
 * @example { kind: 'event-of-member', member: { documentId: 'harir-1', eventId: 'e1' } }
 */
export type LedgerLookup =
  | { readonly kind: 'event'; readonly id: string }
  | { readonly kind: 'event-of-member'; readonly member: ReportEventRef }
  | { readonly kind: 'claim'; readonly id: string };

/**
 * The answer of each look-up.
 *
 * @example const event: LedgerLookupAnswers['event'] = await view.lookUp({ kind: 'event', id });
 */
export interface LedgerLookupAnswers {
  readonly event: LedgerEvent | null;
  readonly 'event-of-member': LedgerEvent | null;
  readonly claim: LedgerClaim | null;
}

/**
 * The audit log grouped by subject (read once per ledger: an event page needs only its own entries).
 *
 * @example (await audit()).get('event:harir-1:e1') // [{ seq: 3, action: 'review.set-status', … }]
 */
export type AuditBySubject = () => Promise<ReadonlyMap<string, readonly AuditEntry[]>>;

/**
 * The answer to a look-up, computed from the ledger.
 *
 * @example lookUp(ledger, { kind: 'event', id: 'harir-1:e1' })?.status // 'corroborated'
 */
export function lookUp<A extends LedgerLookup>(ledger: Ledger, ask: A): LedgerLookupAnswers[A['kind']] {
  // Each case answers its own kind; TypeScript does not narrow `A` through the switch.
  return lookUpAny(ledger, ask) as LedgerLookupAnswers[A['kind']];
}

function lookUpAny(ledger: Ledger, ask: LedgerLookup): LedgerEvent | LedgerClaim | null {
  const index = indexOf(ledger);
  switch (ask.kind) {
    case 'event':
      return index.event.get(ask.id) ?? null;
    case 'event-of-member': {
      const id = index.eventOfMember.get(`${ask.member.documentId}:${ask.member.eventId}`);
      return id === undefined ? null : (index.event.get(id) ?? null);
    }
    case 'claim':
      return index.claim.get(ask.id) ?? null;
  }
}

/**
 * The answer to a question about the ledger as the API sends it: JSON text (an export: the
 * export's text). Throws `HttpError('not_found')` for an event or claim the ledger does not hold.
 *
 * @example await answerText(ledger, { kind: 'timeline', filter: { statuses: [] } }, auditBySubject)
 * // '{"days":[{"date":"2024-02-27","total":1,…}],"undated":0}'
 */
export async function answerText(ledger: Ledger, ask: LedgerAsk, audit: AuditBySubject): Promise<string> {
  if (ask.kind === 'export') return exportLedger(ledger, ask.format, { timestamp: ask.timestamp });
  return JSON.stringify(await answerOf(ledger, ask, audit));
}

async function answerOf(
  ledger: Ledger,
  ask: Exclude<LedgerAsk, { kind: 'export' }>,
  audit: AuditBySubject,
): Promise<unknown> {
  switch (ask.kind) {
    case 'events': {
      const { items, total } = queryEvents(ledger, ask.query);
      // Rows by default (a full event with its links and claim ids is ten times larger); `full` for scripts.
      return {
        items: ask.full ? items : items.map(eventSummary),
        total,
        limit: ask.query.limit,
        offset: ask.query.offset,
      };
    }
    case 'timeline':
      return timelineOf(filterEvents(ledger, ask.filter));
    case 'places': {
      const places = placesOf(filterEvents(ledger, ask.filter));
      return { items: places.slice(ask.offset, ask.offset + ask.limit), total: places.length };
    }
    case 'map':
      return mapOf(ledger, ask.filter);
    case 'event-page':
      return eventPage(ledger, ask.id, ask.limit, audit);
    case 'event-part': {
      const items = eventPartList(ledger, eventOf(ledger, ask.id), ask.part, ask.side);
      return {
        items: items.slice(ask.offset, ask.offset + ask.limit),
        total: items.length,
        limit: ask.limit,
        offset: ask.offset,
      };
    }
    case 'claims': {
      const { documentId, speakerKind, rated, words } = ask.filter;
      const matches = ledger.claims.filter(
        (claim) =>
          (documentId === undefined || claim.documentId === documentId) &&
          (speakerKind === undefined || claim.speakerKind === speakerKind) &&
          (rated === undefined || (claim.rating !== null) === rated) &&
          (words.length === 0 ||
            words.every((w) => `${claim.text}\n${claim.speakerName}`.toLowerCase().includes(w))),
      );
      return {
        items: matches.slice(ask.offset, ask.offset + ask.limit),
        total: matches.length,
        limit: ask.limit,
        offset: ask.offset,
      };
    }
    case 'claim-page': {
      const claim = indexOf(ledger).claim.get(ask.id);
      if (claim === undefined)
        throw new HttpError('not_found', `no claim "${ask.id}" (ids are DOCUMENT:CLAIM)`);
      const history = historyOf(await audit(), [`claim:${claim.documentId}:${claim.claimId}`]);
      return { claim, history };
    }
    case 'origins':
      return {
        items: ledger.origins.slice(ask.offset, ask.offset + ask.limit),
        total: ledger.origins.length,
        limit: ask.limit,
        offset: ask.offset,
      };
    case 'checks': {
      const items = ledger.checks.filter((k) => ask.status === null || k.status === ask.status);
      return { items, total: items.length };
    }
    default:
      return lookUp(ledger, ask);
  }
}

/**
 * The lists an event page draws from, in the order they are shown and paged: claims for and
 * against with the first claim of each origin ahead of the rest (so the first page shows every
 * independent origin before a second copy of one), and the member documents, origins and checks in
 * the ledger's order. Worked out once per event of a ledger.
 */
interface EventLists {
  readonly supporting: readonly LedgerClaim[];
  readonly contradicting: readonly LedgerClaim[];
  readonly documents: readonly LedgerDocument[];
  readonly origins: readonly LedgerOrigin[];
  readonly checks: readonly LedgerCheck[];
}

const listsOfEvent = new WeakMap<LedgerEvent, EventLists>();

function eventOf(ledger: Ledger, id: string): LedgerEvent {
  const event = indexOf(ledger).event.get(id);
  if (event === undefined) throw new HttpError('not_found', `no ledger event "${id}"`);
  return event;
}

function listsOf(ledger: Ledger, event: LedgerEvent): EventLists {
  const known = listsOfEvent.get(event);
  if (known !== undefined) return known;
  const index = indexOf(ledger);
  const claimsOf = (ids: readonly string[]) =>
    originsFirst(
      ids.flatMap((claimId) => {
        const claim = index.claim.get(claimId);
        return claim === undefined ? [] : [claim];
      }),
    );
  const lists: EventLists = {
    supporting: claimsOf(event.support.supporting),
    contradicting: claimsOf(event.support.contradicting),
    // In the ledger's order, as a filter over its lists would give them.
    documents: inLedgerOrder(
      ledger.documents,
      index.documentAt,
      event.members.map((m) => m.documentId),
    ),
    origins: inLedgerOrder(ledger.origins, index.originAt, event.support.originIds),
    checks: index.checksOf.get(event.id) ?? [],
  };
  listsOfEvent.set(event, lists);
  return lists;
}

/** The first claim of each origin in order, then the others in order. */
function originsFirst(claims: readonly LedgerClaim[]): LedgerClaim[] {
  const seen = new Set<string>();
  const first: LedgerClaim[] = [];
  const rest: LedgerClaim[] = [];
  for (const claim of claims) {
    if (seen.has(claim.originId)) rest.push(claim);
    else {
      seen.add(claim.originId);
      first.push(claim);
    }
  }
  return rest.length === 0 ? first : first.concat(rest);
}

/** One list of an event, whole, in the order its page shows it. */
function eventPartList(
  ledger: Ledger,
  event: LedgerEvent,
  part: EventPart,
  side: ClaimSide | null,
): readonly unknown[] {
  const lists = listsOf(ledger, event);
  switch (part) {
    case 'members':
      return event.members;
    case 'links':
      return event.links;
    case 'claims':
      return side === null ? lists.supporting.concat(lists.contradicting) : lists[side];
    case 'documents':
      return lists.documents;
    case 'origins':
      return lists.origins;
    case 'checks':
      return lists.checks;
  }
}

/**
 * One event as its page shows it: the event, and the first `limit` of each of its long lists —
 * claims for and against (every origin's first claim ahead of the rest), the documents those
 * claims come from (and the first member documents), origins with their first copies, numeric
 * checks, members and matching links — with how many each list holds (`totals`); the rest of each
 * list is at `GET /api/events/{id}/{part}`. The review history is whole. An event of a few reports
 * is shown whole; one of thousands stays a page of tens of kilobytes.
 */
async function eventPage(ledger: Ledger, id: string, limit: number, audit: AuditBySubject) {
  const event = eventOf(ledger, id);
  const lists = listsOf(ledger, event);
  const supporting = lists.supporting.slice(0, limit);
  const contradicting = lists.contradicting.slice(0, limit);
  const claims = supporting.concat(contradicting);
  const quoted = new Set(claims.map((c) => c.documentId));
  const documents = lists.documents.filter((d, i) => i < limit || quoted.has(d.id));
  const origins = lists.origins.slice(0, limit).map((origin) => ({
    ...origin,
    documentIds: origin.documentIds.slice(0, limit),
    links: origin.links.slice(0, limit),
    documentCount: origin.documentIds.length,
    linkCount: origin.links.length,
  }));
  const shown: LedgerEvent = {
    ...event,
    members: event.members.slice(0, limit),
    links: event.links.slice(0, limit),
    support: {
      ...event.support,
      supporting: supporting.map((c) => c.id),
      contradicting: contradicting.map((c) => c.id),
    },
  };
  const history = historyOf(
    await audit(),
    event.members.map((m) => `event:${m.documentId}:${m.eventId}`),
  );
  return {
    event: shown,
    claims,
    documents,
    origins,
    checks: lists.checks.slice(0, limit),
    history,
    totals: {
      members: event.members.length,
      links: event.links.length,
      supporting: lists.supporting.length,
      contradicting: lists.contradicting.length,
      documents: lists.documents.length,
      origins: lists.origins.length,
      checks: lists.checks.length,
    },
    limit,
  };
}

/** Every located event as a small marker (the map draws them all; the event page has the rest). */
function mapOf(ledger: Ledger, query: EventFilter) {
  const events = filterEvents(ledger, query);
  const markers = events.flatMap((e) =>
    e.place?.lat == null || e.place.lon == null
      ? []
      : [
          {
            id: e.id,
            lat: e.place.lat,
            lon: e.place.lon,
            place: e.place.name,
            precision: e.place.precision,
            geoPrecision: e.place.geoPrecision,
            type: e.type,
            date: e.date?.from ?? null,
            status: e.status,
            independentOrigins: e.support.independentOrigins,
            contradicted: e.contradictions.length > 0,
          },
        ],
  );
  return { markers, unlocated: events.length - markers.length };
}

/** The entries of `list` with the given ids, once each, in the list's order. */
function inLedgerOrder<T>(
  list: readonly T[],
  positions: ReadonlyMap<string, number>,
  ids: readonly string[],
): T[] {
  const at = new Set<number>();
  for (const id of ids) {
    const position = positions.get(id);
    if (position !== undefined) at.add(position);
  }
  return [...at].sort((a, b) => a - b).map((position) => list[position] as T);
}

/** The audit entries about any of `subjects`, in the log's order, as the API shows them. */
function historyOf(bySubject: ReadonlyMap<string, readonly AuditEntry[]>, subjects: readonly string[]) {
  const entries = new Map<number, AuditEntry>();
  for (const subject of subjects)
    for (const entry of bySubject.get(subject) ?? []) entries.set(entry.seq, entry);
  return [...entries.values()].sort((a, b) => a.seq - b.seq).map(auditView);
}
