import type { Ledger, LedgerCheck, LedgerClaim, LedgerEvent, LedgerEventStatus } from '../types/ledger.js';

/** Event statuses, for validating filters. */
export const EVENT_STATUSES: readonly LedgerEventStatus[] = [
  'unverified',
  'corroborated',
  'confirmed',
  'disputed',
  'false',
];

/** Orders the events list can be sorted by; a leading `-` reverses. */
export const EVENT_SORTS = ['date', 'support', 'confidence', 'type', 'place', 'status'] as const;

/** A filter, sort and page over the ledger's events, as the events endpoint reads it. */
export interface EventQuery {
  /** Events whose date range overlaps [from, to] (ISO dates, inclusive); undated events drop out. */
  readonly from?: string;
  readonly to?: string;
  /** Fine code, ACLED event type or sub-event type, case-insensitive, exact. */
  readonly type?: string;
  /** Part of the place name, admin-1 or country, case-insensitive. */
  readonly place?: string;
  /** Part of an actor's name, case-insensitive. */
  readonly actor?: string;
  readonly statuses?: readonly LedgerEventStatus[];
  /** Only events with a contradiction (true) or without (false). */
  readonly contradicted?: boolean;
  /** Words that must all appear in the event's type, place, actors, targets, weapons or claims. */
  readonly text?: string;
  readonly sort: (typeof EVENT_SORTS)[number];
  readonly descending: boolean;
  readonly limit: number;
  readonly offset: number;
}

/**
 * The events matching a query, sorted, one page of them, with the number that matched.
 *
 * @example queryEvents(ledger, { type: 'DRONE_STRIKE', sort: 'date', descending: true, limit: 50, offset: 0 })
 */
export function queryEvents(ledger: Ledger, query: EventQuery): { items: LedgerEvent[]; total: number } {
  // Filtering a list sorted once per ledger keeps its order: no sort per request.
  const matches = filterEvents(ledger, query, sortedEvents(ledger, query.sort, query.descending));
  return { items: matches.slice(query.offset, query.offset + query.limit), total: matches.length };
}

const sortedCache = new WeakMap<Ledger, Map<string, readonly LedgerEvent[]>>();

/**
 * Builds a ledger's lookups and its default order before it is served, so the first requests after
 * a build do not all queue behind them (a second or more at 10,000 documents). Returns the ledger.
 *
 * @example const ledger = prepareLedger(await loadLedger(store));
 */
export function prepareLedger(ledger: Ledger): Ledger {
  indexOf(ledger);
  sortedEvents(ledger, 'date', true);
  return ledger;
}

/** The ledger's events in one order, computed once per ledger object. */
function sortedEvents(ledger: Ledger, sort: EventQuery['sort'], descending: boolean): readonly LedgerEvent[] {
  let orders = sortedCache.get(ledger);
  if (orders === undefined) {
    orders = new Map();
    sortedCache.set(ledger, orders);
  }
  const name = `${descending ? '-' : ''}${sort}`;
  const cached = orders.get(name);
  if (cached !== undefined) return cached;
  const { key, compare } = SORTS[sort];
  const direction = descending ? -1 : 1;
  const keyed = ledger.events.map((event) => ({ event, key: key(event) }));
  // Events without the sort key (undated, unplaced) come last in either direction.
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) {
      return (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) || a.event.id.localeCompare(b.event.id);
    }
    return direction * compare(a.key, b.key) || a.event.id.localeCompare(b.event.id);
  });
  const ordered = keyed.map((k) => k.event);
  orders.set(name, ordered);
  return ordered;
}

/** The filter part of an event query. */
export type EventFilter = Omit<EventQuery, 'sort' | 'descending' | 'limit' | 'offset'>;

/**
 * The events that pass a filter, in the order of `events` (default: the ledger's).
 *
 * @example filterEvents(ledger, { place: 'Iraq', statuses: ['disputed'] })
 */
export function filterEvents(
  ledger: Ledger,
  query: EventFilter,
  events: readonly LedgerEvent[] = ledger.events,
): LedgerEvent[] {
  const index = indexOf(ledger);
  const type = query.type?.toLowerCase();
  const place = query.place?.toLowerCase();
  const actor = query.actor?.toLowerCase();
  const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const statuses =
    query.statuses === undefined || query.statuses.length === 0 ? null : new Set(query.statuses);
  return events.filter((event) => {
    if (query.from !== undefined && (event.date === null || event.date.to < query.from)) return false;
    if (query.to !== undefined && (event.date === null || event.date.from > query.to)) return false;
    if (
      type !== undefined &&
      ![event.type, event.eventType, event.subEventType].some((t) => t !== null && t.toLowerCase() === type)
    )
      return false;
    if (
      place !== undefined &&
      ![event.place?.name, event.place?.admin1, event.place?.country].some((p) =>
        p?.toLowerCase().includes(place),
      )
    )
      return false;
    if (actor !== undefined && !event.actors.some((a) => a.toLowerCase().includes(actor))) return false;
    if (statuses !== null && !statuses.has(event.status)) return false;
    if (query.contradicted !== undefined && query.contradicted !== event.contradictions.length > 0)
      return false;
    if (words.length > 0) {
      const haystack = index.searchText(event);
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  });
}

/** Events per day and type, for the timeline. */
export interface Timeline {
  /** Days with at least one event, in order; an event counts on the first day of its range. */
  readonly days: { readonly date: string; readonly total: number; readonly byType: Record<string, number> }[];
  /** Matching events without a date. */
  readonly undated: number;
}

/**
 * Counts events per day and type.
 *
 * @example timelineOf(events).days[0] // { date: '2024-02-27', total: 2, byType: { DRONE_STRIKE: 2 } }
 */
export function timelineOf(events: readonly LedgerEvent[]): Timeline {
  const days = new Map<string, { date: string; total: number; byType: Record<string, number> }>();
  let undated = 0;
  for (const event of events) {
    if (event.date === null) {
      undated += 1;
      continue;
    }
    const day = days.get(event.date.from) ?? { date: event.date.from, total: 0, byType: {} };
    day.total += 1;
    day.byType[event.type] = (day.byType[event.type] ?? 0) + 1;
    days.set(day.date, day);
  }
  return { days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)), undated };
}

/** One place with the number of events there, for the map and the place list. */
export interface PlaceCount {
  readonly name: string;
  readonly country: string | null;
  readonly admin1: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly precision: string | null;
  readonly geoPrecision: 1 | 2 | 3 | null;
  readonly events: number;
  /** Ledger event ids there (at most 100, the rest counted only). */
  readonly eventIds: string[];
}

/**
 * Groups events by place (name, admin-1, country), most events first.
 *
 * @example placesOf(events)[0] // { name: 'Harir Air Base', events: 3, … }
 */
export function placesOf(events: readonly LedgerEvent[]): PlaceCount[] {
  const places = new Map<string, PlaceCount & { eventIds: string[]; events: number }>();
  for (const event of events) {
    const p = event.place;
    if (p === null) continue;
    const key = `${p.name}\u0000${p.admin1 ?? ''}\u0000${p.country ?? ''}`;
    let entry = places.get(key);
    if (entry === undefined) {
      entry = {
        name: p.name,
        country: p.country,
        admin1: p.admin1,
        lat: p.lat,
        lon: p.lon,
        precision: p.precision,
        geoPrecision: p.geoPrecision,
        events: 0,
        eventIds: [],
      };
      places.set(key, entry);
    }
    entry.events += 1;
    if (entry.eventIds.length < 100) entry.eventIds.push(event.id);
  }
  return [...places.values()].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name));
}

const STATUS_RANK: Record<LedgerEventStatus, number> = {
  false: 0,
  disputed: 1,
  unverified: 2,
  corroborated: 3,
  confirmed: 4,
};

type SortKey = string | number;
const byValue = (x: SortKey, y: SortKey) =>
  typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));

const SORTS: Record<
  EventQuery['sort'],
  { key: (e: LedgerEvent) => SortKey | null; compare: typeof byValue }
> = {
  date: { key: (e) => e.date?.from ?? null, compare: byValue },
  support: { key: (e) => e.support.independentOrigins, compare: byValue },
  confidence: { key: (e) => e.confidence, compare: byValue },
  type: { key: (e) => e.type, compare: byValue },
  place: { key: (e) => e.place?.name ?? null, compare: byValue },
  status: { key: (e) => STATUS_RANK[e.status], compare: byValue },
};

/** An event as the ledger list shows it: what a row and the filters need, counts for the rest. */
export interface EventSummary {
  readonly id: string;
  readonly type: string;
  readonly eventType: LedgerEvent['eventType'];
  readonly subEventType: string | null;
  readonly date: LedgerEvent['date'];
  readonly place: LedgerEvent['place'];
  readonly actors: string[];
  readonly targets: string[];
  readonly occurrence: LedgerEvent['occurrence'];
  readonly fatalities: number | null;
  readonly status: LedgerEventStatus;
  readonly statusByAnalyst: boolean;
  readonly confidence: number;
  /** Distinct origins among the member reports (copies count once). */
  readonly independentOrigins: number;
  readonly supportingClaims: number;
  readonly contradictingClaims: number;
  readonly contradictions: number;
  /** Report events clustered into this event, and their documents. */
  readonly members: number;
  readonly documents: number;
}

/**
 * The list form of an event (the full event is at `/api/events/{id}`).
 *
 * @example eventSummary(event).independentOrigins // 3
 */
export function eventSummary(e: LedgerEvent): EventSummary {
  return {
    id: e.id,
    type: e.type,
    eventType: e.eventType,
    subEventType: e.subEventType,
    date: e.date,
    place: e.place,
    actors: e.actors,
    targets: e.targets,
    occurrence: e.occurrence,
    fatalities: e.fatalities,
    status: e.status,
    statusByAnalyst: e.statusByAnalyst,
    confidence: e.confidence,
    independentOrigins: e.support.independentOrigins,
    supportingClaims: e.support.supporting.length,
    contradictingClaims: e.support.contradicting.length,
    contradictions: e.contradictions.length,
    members: e.members.length,
    documents: new Set(e.members.map((m) => m.documentId)).size,
  };
}

/** Lookups over one ledger, built once per ledger object. */
export interface LedgerIndex {
  readonly event: ReadonlyMap<string, LedgerEvent>;
  readonly claim: ReadonlyMap<string, LedgerClaim>;
  /** Ledger event id of each report event, keyed `documentId:eventId`. */
  readonly eventOfMember: ReadonlyMap<string, string>;
  /** Position of each document in `ledger.documents`, by id. */
  readonly documentAt: ReadonlyMap<string, number>;
  /** Position of each origin in `ledger.origins`, by id. */
  readonly originAt: ReadonlyMap<string, number>;
  /** The checks that name each event, in the ledger's order. */
  readonly checksOf: ReadonlyMap<string, readonly LedgerCheck[]>;
  /** Lower-cased words of an event and its claims, for text search. */
  searchText(event: LedgerEvent): string;
}

const indexes = new WeakMap<Ledger, LedgerIndex>();

/**
 * The lookup maps of a ledger (cached for as long as the ledger object lives).
 *
 * @example indexOf(ledger).event.get('harir-1:e1')
 */
export function indexOf(ledger: Ledger): LedgerIndex {
  const cached = indexes.get(ledger);
  if (cached !== undefined) return cached;
  const event = new Map(ledger.events.map((e) => [e.id, e]));
  const claim = new Map(ledger.claims.map((c) => [c.id, c]));
  const eventOfMember = new Map<string, string>();
  for (const e of ledger.events)
    for (const m of e.members) eventOfMember.set(`${m.documentId}:${m.eventId}`, e.id);
  const documentAt = new Map(ledger.documents.map((d, i) => [d.id, i]));
  const originAt = new Map(ledger.origins.map((o, i) => [o.id, i]));
  const checksOf = new Map<string, LedgerCheck[]>();
  for (const check of ledger.checks) {
    for (const id of new Set(check.eventIds)) {
      const list = checksOf.get(id);
      if (list === undefined) checksOf.set(id, [check]);
      else list.push(check);
    }
  }
  const texts = new Map<string, string>();
  const index: LedgerIndex = {
    event,
    claim,
    eventOfMember,
    documentAt,
    originAt,
    checksOf,
    searchText(e) {
      let text = texts.get(e.id);
      if (text === undefined) {
        // Each text once: copies of one story repeat their claims word for word, and an event of
        // thousands of copies would otherwise hold thousands of the same sentences (a word never
        // spans the line between two texts, so a repeat cannot change a match).
        const claimTexts = new Set<string>();
        for (const id of e.support.supporting) claimTexts.add(claim.get(id)?.text ?? '');
        for (const id of e.support.contradicting) claimTexts.add(claim.get(id)?.text ?? '');
        text = [
          e.type,
          e.eventType,
          e.subEventType,
          e.place?.name,
          e.place?.admin1,
          e.place?.country,
          ...e.actors,
          ...e.targets,
          ...e.weapons,
          ...claimTexts,
        ]
          .filter((part) => typeof part === 'string')
          .join('\n')
          .toLowerCase();
        texts.set(e.id, text);
      }
      return text;
    },
  };
  indexes.set(ledger, index);
  return index;
}
