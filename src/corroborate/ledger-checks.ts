import type { NumericCheck } from '../types/check.js';
import type { Tally } from '../types/event.js';
import type { LedgerCheck, LedgerEvent } from '../types/ledger.js';
import type { QuantityBound } from '../types/quantity.js';
import type { EventClaimSides } from './contradictions.js';
import { countsConflict } from './contradictions.js';
import type { CheckedDocument } from './document-digest.js';
import {
  dayOf,
  isoOfDay,
  phraseHead,
  properWords,
  type ReportIncident,
  statedInterval,
} from './event-features.js';
import { distanceKm } from './event-pairs.js';

/** A ledger event with the report incidents behind it, as the checks read it. */
export interface CheckedEvent {
  readonly event: LedgerEvent;
  readonly incidents: ReportIncident[];
  /** Every member lies in a sentence that states a tally: the count itself, not an event to count. */
  readonly tallyOnly: boolean;
}

const BOUNDS = new Set<QuantityBound>([
  'exact',
  'at-least',
  'at-most',
  'more-than',
  'less-than',
  'approximate',
  'range',
]);

/** The days an event spans (its date, else its members' inferred dates), worked out once per event. */
const eventDaysMemo = new WeakMap<CheckedEvent, [number, number] | null>();
function eventDays(checked: CheckedEvent): [number, number] | null {
  let days = eventDaysMemo.get(checked);
  if (days === undefined) {
    days = eventDaysOf(checked);
    eventDaysMemo.set(checked, days);
  }
  return days;
}

function eventDaysOf(checked: CheckedEvent): [number, number] | null {
  const date = checked.event.date;
  if (date) {
    const from = dayOf(date.from);
    const to = dayOf(date.to);
    if (from !== null && to !== null) return [from, to];
  }
  const inferred = checked.incidents.flatMap((i) => (i.date ? [i.date] : []));
  if (inferred.length === 0) return null;
  return [
    inferred.reduce((m, d) => Math.min(m, d.from), Number.POSITIVE_INFINITY),
    inferred.reduce((m, d) => Math.max(m, d.to), Number.NEGATIVE_INFINITY),
  ];
}

/**
 * The ledger's events indexed by what a tally names: target and place-name words, actors, and
 * 0.5° grid cells, so a tally is checked against the few events it could count rather than
 * all of them.
 *
 * @example new EventLookup(checked).byWord('harir').length // 2
 */
export class EventLookup {
  private readonly words = new Map<string, CheckedEvent[]>();
  private readonly actors = new Map<string, CheckedEvent[]>();
  private readonly cells = new Map<string, CheckedEvent[]>();

  constructor(events: CheckedEvent[]) {
    const add = (map: Map<string, CheckedEvent[]>, key: string, e: CheckedEvent) => {
      const list = map.get(key);
      if (!list) map.set(key, [e]);
      else if (list[list.length - 1] !== e) list.push(e);
    };
    for (const e of events) {
      for (const i of e.incidents) for (const w of [...i.targets, ...i.names]) add(this.words, w, e);
      for (const a of e.event.actors) add(this.actors, a.toLowerCase(), e);
      const p = e.event.place;
      if (p?.lat != null && p.lon != null) add(this.cells, cellKey(p.lat, p.lon), e);
    }
  }

  /** Events whose incidents name the word as target or place. */
  byWord(word: string): CheckedEvent[] {
    return this.words.get(word) ?? [];
  }

  /** Events with this actor (case-folded). */
  byActor(actor: string): CheckedEvent[] {
    return this.actors.get(actor.toLowerCase()) ?? [];
  }

  /** Events placed in the grid cell of a point or a neighbouring one. */
  near(lat: number, lon: number): CheckedEvent[] {
    const [cx, cy] = cellOf(lat, lon);
    const out: CheckedEvent[] = [];
    for (let dx = -1; dx <= 1; dx += 1)
      for (let dy = -1; dy <= 1; dy += 1)
        for (const e of this.cells.get(`${cx + dx}|${cy + dy}`) ?? []) out.push(e);
    return out;
  }
}

function cellOf(lat: number, lon: number): [number, number] {
  return [Math.floor(lat / 0.5), Math.floor(lon / 0.5)];
}

function cellKey(lat: number, lon: number): string {
  const [cx, cy] = cellOf(lat, lon);
  return `${cx}|${cy}`;
}

/**
 * Checks a report's tally ("targeted the depot 9 times since 1 January") against the ledger:
 * the distinct ledger events on that target or place (or by that actor) in that period.
 * `ok` when the count fits the stated number and its bound, `mismatch` when the ledger holds
 * more distinct events than the tally allows, `unverifiable` when it holds fewer (the ledger
 * may simply lack the reports) or the tally names nothing to match on.
 *
 * @example tallyCheck(digestDocument(doc).checked, tally, events).status // 'unverifiable'
 */
export function tallyCheck(doc: CheckedDocument, tally: Tally, lookup: EventLookup): LedgerCheck {
  return countTally(describeTally(doc, tally), lookup);
}

/**
 * What a tally states, read from its report alone (no ledger yet): the check's id, stated text and
 * value, and what to count. Copies of one story state the same tallies: the builder keeps one
 * check per origin and stated text, and counts only those (`countTally`).
 *
 * @example describeTally(digestDocument(doc).checked, tally).base.stated // '12 attacks on Harir Air Base …'
 */
export function describeTally(doc: CheckedDocument, tally: Tally): DescribedTally {
  const record = doc;
  const quantity = record.quantities.find((q) => q.id === tally.quantityId);
  const bound: QuantityBound = BOUNDS.has(tally.bound as QuantityBound)
    ? (tally.bound as QuantityBound)
    : 'exact';
  const [low, high] = statedInterval(tally.count, bound, quantity?.low ?? null, quantity?.high ?? null);
  const period = record.dates.find((d) => d.id === tally.dateId);
  const published = dayOf(doc.dated);
  const from = dayOf(period?.from) ?? Number.NEGATIVE_INFINITY;
  const to =
    dayOf(period?.kind === 'open-range' ? (period.to ?? null) : period?.to) ??
    published ??
    Number.POSITIVE_INFINITY;
  const targetHead = tally.target ? phraseHead(tally.target.text) : null;
  // "attacks on Harir Air Base" counts Harir's events, not every base's.
  const proper = tally.target ? properWords(tally.target.text) : [];
  const targetKeys = proper.length > 0 ? proper : targetHead ? [targetHead] : [];
  const places = tally.placeIds.flatMap((id) => record.places.filter((p) => p.id === id && p.lat !== null));
  const actorWords = tally.actor ? tally.actor.text.toLowerCase() : null;
  const about = [
    targetHead
      ? `on ${tally.target?.text}`
      : places[0]
        ? `at ${places[0].resolvedName ?? places[0].name}`
        : actorWords
          ? `by ${tally.actor?.text}`
          : '',
    period ? `${period.surface} (${isoOfDay(from)} – ${isoOfDay(to)})` : '',
  ].filter((s) => s !== '');
  const stated = `${quantity?.surface ?? tally.count} ${tally.what} ${about.join(' ')}`.trim();
  const base = {
    id: `tally:${doc.id}:${tally.id}`,
    kind: 'tally' as const,
    claimId: tally.claimId ? `${doc.id}:${tally.claimId}` : null,
    documentId: doc.id,
    stated,
    statedValue: tally.count,
  };
  return { base, low, high, from, to, targetHead, targetKeys, places, actorWords };
}

/** A tally as its report states it (`describeTally`), before the ledger's events are counted. */
export interface DescribedTally {
  readonly base: Pick<LedgerCheck, 'id' | 'kind' | 'claimId' | 'documentId' | 'stated' | 'statedValue'> & {
    readonly kind: 'tally';
  };
  /** The counts the tally allows (its bound applied). */
  readonly low: number;
  readonly high: number;
  readonly from: number;
  readonly to: number;
  readonly targetHead: string | null;
  readonly targetKeys: string[];
  readonly places: CheckedDocument['places'];
  readonly actorWords: string | null;
}

/**
 * Counts the ledger events a described tally could mean, and judges the tally by them.
 *
 * @example countTally(describeTally(doc, tally), new EventLookup(checked)).status // 'ok'
 */
export function countTally(described: DescribedTally, lookup: EventLookup): LedgerCheck {
  const { base, low, high, from, to, targetHead, targetKeys, places, actorWords } = described;
  const stated = base.stated;
  if (!targetHead && places.length === 0 && !actorWords) {
    return {
      ...base,
      status: 'unverifiable',
      observedValue: null,
      eventIds: [],
      detail: 'the tally names no target, place or actor to count',
    };
  }
  const candidates = new Set<CheckedEvent>([
    ...targetKeys.flatMap((k) => lookup.byWord(k)),
    ...places.flatMap((p) => (p.lat !== null && p.lon !== null ? lookup.near(p.lat, p.lon) : [])),
    ...(!targetHead && places.length === 0 && actorWords ? lookup.byActor(actorWords) : []),
  ]);
  const matching = [...candidates].filter((checked) => {
    const days = eventDays(checked);
    if (!days || days[1] < from || days[0] > to) return false;
    if (checked.tallyOnly) return false;
    if (targetKeys.some((k) => checked.incidents.some((i) => i.targets.has(k) || i.names.has(k))))
      return true;
    const place = checked.event.place;
    if (places.length > 0 && place && place.lat !== null && place.lon !== null) {
      if (
        places.some(
          (p) =>
            p.lat !== null &&
            p.lon !== null &&
            distanceKm(p.lat, p.lon, place.lat ?? 0, place.lon ?? 0) <= 30,
        )
      )
        return true;
    }
    if (!targetHead && places.length === 0 && actorWords)
      return checked.event.actors.some((a) => a.toLowerCase() === actorWords);
    return false;
  });
  const observed = matching.length;
  const status = observed > high ? 'mismatch' : observed < low ? 'unverifiable' : 'ok';
  const detail =
    status === 'ok'
      ? `${observed} distinct events in the ledger agree with ${stated}`
      : status === 'mismatch'
        ? `the ledger holds ${observed} distinct events, more than ${stated} allows`
        : `the ledger holds ${observed} distinct events; too few reports to confirm ${stated}`;
  return {
    ...base,
    status,
    observedValue: observed,
    eventIds: matching.map((m) => m.event.id).sort(),
    detail,
  };
}

/**
 * Compares the casualty counts different reports give for one event: `ok` when they are
 * compatible (bounds respected: "at least 3" and 7 agree), `mismatch` when some exclude each
 * other. Only events with counts from two or more documents are checked.
 *
 * @example numbersChecks(event.id, eventClaimSides(incidents, claims).counts).map((c) => c.status) // ['mismatch']
 */
export function numbersChecks(eventId: string, stated: EventClaimSides['counts']): LedgerCheck[] {
  const out: LedgerCheck[] = [];
  for (const kind of ['killed', 'wounded'] as const) {
    const counts = stated.filter((c) => c.kind === kind);
    const documents = new Set(counts.map((c) => c.ledgerClaimId.slice(0, c.ledgerClaimId.lastIndexOf(':'))));
    const first = counts[0];
    if (!first || documents.size < 2) continue;
    let pair: [typeof first, typeof first] | null = null;
    for (const x of counts) {
      const y = counts.find((c) => countsConflict(x, c));
      if (y) {
        pair = [x, y];
        break;
      }
    }
    const conflicting = pair !== null;
    const [a, b] = pair ?? [first, counts.find((c) => c !== first) ?? first];
    out.push({
      id: `numbers:${eventId}:${kind}`,
      kind: 'numbers',
      status: conflicting ? 'mismatch' : 'ok',
      claimId: a.ledgerClaimId,
      documentId: a.ledgerClaimId.slice(0, a.ledgerClaimId.lastIndexOf(':')),
      stated: `${kind}: ${a.surface}`,
      statedValue: a.value,
      observedValue: b.value,
      eventIds: [eventId],
      detail: `${kind}: ${counts.map((c) => `${c.surface} (${c.ledgerClaimId})`).join(', ')}${conflicting ? ' — not all compatible' : ' — compatible'}`,
    });
  }
  return out;
}

const REPORT_CHECK_KINDS: Partial<Record<NumericCheck['kind'], LedgerCheck['kind']>> = {
  'unit-agreement': 'conversion',
  scale: 'conversion',
  'part-whole': 'range',
  arithmetic: 'range',
};

/**
 * Whether the ledger carries a report's numeric check of this kind over (see {@link reportCheck}).
 *
 * @example isReportCheckKind('unit-agreement') // true
 */
export function isReportCheckKind(kind: NumericCheck['kind']): boolean {
  return REPORT_CHECK_KINDS[kind] !== undefined;
}

/**
 * Carries a report's own numeric check into the ledger: a unit conversion ("4 hectares, or
 * 9.9 acres") or a part and its whole, with the ledger claim that states the number and the
 * ledger events that claim bears on. A check that needs an analyst's eye is `unverifiable`.
 * Checks of other kinds (a percentage without its reference) give null.
 *
 * @example reportCheck(digestDocument(doc).checked, record.checks[0], eventIdsOf)?.kind // 'conversion'
 */
export function reportCheck(
  doc: CheckedDocument,
  check: NumericCheck,
  eventIdsOfClaim: (ledgerClaimId: string) => string[],
): LedgerCheck | null {
  const kind = REPORT_CHECK_KINDS[check.kind];
  if (!kind) return null;
  const record = doc;
  const first = record.quantities.find((q) => q.id === check.quantityIds[0]);
  const claim = record.claims.find((c) => check.quantityIds.some((q) => c.quantityIds.includes(q)));
  const claimId = claim ? `${doc.id}:${claim.id}` : null;
  const number = (value: number | string | null | undefined) => (typeof value === 'number' ? value : null);
  return {
    id: `${kind}:${doc.id}:${check.id}`,
    kind,
    status: check.status === 'flag' ? 'unverifiable' : check.status,
    claimId,
    documentId: doc.id,
    stated: check.quantityIds
      .map((id) => record.quantities.find((q) => q.id === id)?.surface)
      .filter((s): s is string => s !== undefined)
      .join(' / '),
    statedValue: number(check.details.first) ?? first?.value ?? 0,
    observedValue: number(check.details.second),
    eventIds: claimId ? eventIdsOfClaim(claimId) : [],
    detail: check.message,
  };
}
