import type { DateMention } from '../types/date.js';
import type { ConflictEvent } from '../types/event.js';
import type { ReportEventRef } from '../types/ledger.js';
import type { Place, PlacePrecision } from '../types/place.js';
import type { QuantityBound } from '../types/quantity.js';
import type { LedgerInputDocument } from './input-document.js';

/** A resolved place of an incident, as the matcher compares it. */
export interface IncidentPlace {
  readonly name: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly precision: PlacePrecision;
  readonly geoPrecision: 1 | 2 | 3 | null;
  readonly country: string | null;
  readonly admin1: string | null;
  /** Taken from the report's main event location, not from the event itself. */
  readonly inferred: boolean;
}

/** An inclusive ISO date range, as day numbers for arithmetic. */
export interface IncidentDate {
  readonly from: number;
  readonly to: number;
  /** Not stated for the event itself: taken from the report's lead sentences or guessed from publication. */
  readonly inferred: boolean;
  /** Where it came from: the event's own date, its sentence, the report's lead, or the publication date. */
  readonly source: 'event' | 'sentence' | 'lede' | 'publication';
}

/** A number of people killed or wounded stated for an incident, with its bound. */
export interface StatedCount {
  readonly kind: 'killed' | 'wounded';
  readonly claimId: string | null;
  readonly value: number;
  readonly bound: QuantityBound;
  /** Interval of values the statement allows. */
  readonly low: number;
  readonly high: number;
  readonly surface: string;
}

/**
 * What the ledger builder and the matcher read of one of an incident's events: its codes, status
 * and claims, not the record's whole `ConflictEvent` (spans, outcomes, references), so a digest
 * holds a few fields an event rather than a copy of the record's events.
 *
 * @example incidentEvent(event) // { id: 'e1', type: 'AIR_STRIKE', status: 'occurred', weaponNamed: true, … }
 */
export interface IncidentEvent {
  readonly id: string;
  readonly type: string;
  readonly eventType: ConflictEvent['eventType'];
  readonly subEventType: string | null;
  readonly status: ConflictEvent['status'];
  readonly claimIds: readonly string[];
  /** The report names a weapon ("a drone"), not only a blast heard. */
  readonly weaponNamed: boolean;
}

/**
 * One incident of one report: the reader's events that share an `incidentId` (a later "the
 * attack" refers back), with what the matcher compares across reports.
 *
 * A ledger holds millions of these, so they are lean: the sets, lists, places and dates are
 * shared between incidents that hold the same ones (most sets are empty or one of a few dozen
 * codes), and nothing of the record is kept but the few fields of each event that are read
 * (`IncidentEvent`). Treat them as read-only.
 */
export interface ReportIncident {
  /** `documentId` + the incident id: unique in the ledger. */
  readonly key: string;
  readonly documentId: string;
  readonly events: readonly IncidentEvent[];
  readonly refs: readonly ReportEventRef[];
  /** Position of the first event in the report: orders incidents within a document. */
  readonly order: number;
  readonly type: string;
  readonly types: ReadonlySet<string>;
  readonly eventType: ConflictEvent['eventType'];
  readonly subEventType: string | null;
  readonly statuses: ReadonlySet<ConflictEvent['status']>;
  readonly place: IncidentPlace | null;
  readonly date: IncidentDate | null;
  readonly targets: ReadonlySet<string>;
  /** Proper-name words of the places and targets the incident names ("harir", "rumeilan"). */
  readonly names: ReadonlySet<string>;
  readonly actors: ReadonlySet<string>;
  readonly weapons: ReadonlySet<string>;
  readonly targetTexts: readonly string[];
  readonly actorTexts: readonly string[];
  readonly weaponTexts: readonly string[];
  readonly counts: readonly StatedCount[];
  readonly claimIds: ReadonlySet<string>;
  /** Claims stating damage, destruction or casualties; and those stating none. */
  readonly harmClaimIds: ReadonlySet<string>;
  readonly noHarmClaimIds: ReadonlySet<string>;
  readonly confidence: number;
}

/** Most distinct values an interning table keeps; past that it starts again (memory stays bounded). */
const INTERN_LIMIT = 200_000;

/**
 * Shares equal values: the first one seen for a key is returned for every later one, so a million
 * incidents that state `{'occurred'}` hold one set between them.
 */
class Interner<T> {
  private readonly table = new Map<string, T>();

  get(key: string, make: () => T): T {
    let value = this.table.get(key);
    if (value === undefined) {
      value = make();
      if (this.table.size >= INTERN_LIMIT) this.table.clear();
      this.table.set(key, value);
    }
    return value;
  }
}

const stringTable = new Interner<string>();
const setTable = new Interner<ReadonlySet<string>>();
const listTable = new Interner<readonly string[]>();
const placeTable = new Interner<IncidentPlace>();
const dateTable = new Interner<IncidentDate>();
const eventTable = new Interner<IncidentEvent>();
const EMPTY_SET: ReadonlySet<string> = new Set<string>();
const EMPTY_LIST: readonly string[] = [];
const NO_COUNTS: readonly StatedCount[] = [];
const countsTable = new Interner<readonly StatedCount[]>();

/**
 * A shared read-only list of stated counts (they hold no document id: "3 killed" in claim c5 recurs
 * across a desk's reports), exactly as long as it is (a list grown by `push` keeps spare room).
 */
function internCounts(counts: readonly StatedCount[]): readonly StatedCount[] {
  if (counts.length === 0) return NO_COUNTS;
  const key = counts
    .map(
      (c) =>
        `${c.kind}\u0001${c.claimId}\u0001${c.value}\u0001${c.bound}\u0001${c.low}\u0001${c.high}\u0001${c.surface}`,
    )
    .join('\u0002');
  return countsTable.get(key, () => counts.slice());
}

/**
 * One copy of each string (words, codes and speakers recur across millions of incidents and
 * claims; `JSON.parse` gives each record its own copies).
 *
 * @example internString(a.eventType) === internString(b.eventType) // true when equal
 */
export function internString(s: string): string {
  return stringTable.get(s, () => s);
}

/** {@link internString} for a value that may be null. */
export function internNullable(s: string | null): string | null {
  return s === null ? null : internString(s);
}

/** A shared read-only set with the given members. */
function internSet<T extends string>(values: Iterable<T>): ReadonlySet<T> {
  const list = [...new Set(values)].sort();
  if (list.length === 0) return EMPTY_SET as ReadonlySet<T>;
  return setTable.get(list.join('\u0001'), () => new Set(list.map(internString))) as ReadonlySet<T>;
}

/**
 * A shared read-only list with the given items, in order (all empty lists are one).
 *
 * @example internList(['q1']) === internList(['q1']) // true
 */
export function internList(values: readonly string[]): readonly string[] {
  if (values.length === 0) return EMPTY_LIST;
  return listTable.get(values.join('\u0001'), () => values.map(internString));
}

/**
 * The fields of a record's event that an incident keeps (see `IncidentEvent`), codes and claim
 * ids shared between incidents.
 *
 * @example incidentEvent(event).weaponNamed // true for "a drone struck", false for "an explosion was heard"
 */
export function incidentEvent(e: ConflictEvent): IncidentEvent {
  const weaponNamed = e.weapon !== null;
  // Reports of one desk number their events and claims alike ("e3" with claims "c5", "c6"): equal
  // ones are shared between documents (they hold no document id).
  const key = `${e.id}\u0001${e.type}\u0001${e.eventType}\u0001${e.subEventType}\u0001${e.status}\u0001${weaponNamed}\u0001${e.claimIds.join('\u0001')}`;
  return eventTable.get(key, () => ({
    id: internString(e.id),
    type: internString(e.type),
    eventType: internNullable(e.eventType) as ConflictEvent['eventType'],
    subEventType: internNullable(e.subEventType),
    status: internString(e.status) as ConflictEvent['status'],
    claimIds: internList(e.claimIds),
    weaponNamed,
  }));
}

function internPlace(p: IncidentPlace): IncidentPlace {
  const key = `${p.name}\u0001${p.lat}\u0001${p.lon}\u0001${p.precision}\u0001${p.geoPrecision}\u0001${p.country}\u0001${p.admin1}\u0001${p.inferred}`;
  return placeTable.get(key, () => ({
    ...p,
    name: internString(p.name),
    country: p.country === null ? null : internString(p.country),
    admin1: p.admin1 === null ? null : internString(p.admin1),
  }));
}

function internDate(d: IncidentDate): IncidentDate {
  return dateTable.get(`${d.from}\u0001${d.to}\u0001${d.inferred}\u0001${d.source}`, () => d);
}

const PRECISION_RANK: Record<PlacePrecision, number> = {
  exact: 0,
  near: 1,
  admin2: 2,
  admin1: 3,
  country: 4,
  region: 5,
  unresolved: 6,
};

/**
 * Orders place precisions, finest first.
 *
 * @example precisionRank('exact') < precisionRank('country') // true
 */
export function precisionRank(precision: PlacePrecision): number {
  return PRECISION_RANK[precision];
}

/**
 * Day number (days since 1970-01-01) of an ISO date, or null.
 *
 * @example dayOf('1970-01-02') // 1
 */
export function dayOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const cached = dayOfCache.get(iso);
  if (cached !== undefined) return cached;
  const ms = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  const day = Number.isNaN(ms) ? null : Math.floor(ms / 86_400_000);
  // Dates repeat across a ledger's reports (a few thousand days): parsed once each, the cache
  // bounded like isoOfDay's.
  if (dayOfCache.size < 100_000) dayOfCache.set(iso, day);
  return day;
}

const dayOfCache = new Map<string, number | null>();

/**
 * ISO date of a day number.
 *
 * @example isoOfDay(1) // '1970-01-02'
 */
export function isoOfDay(day: number): string {
  let iso = isoOfDayCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
    // A ledger spans a few thousand days: the cache stays small, and stops growing past that.
    if (isoOfDayCache.size < 100_000) isoOfDayCache.set(day, iso);
  }
  return iso;
}

const isoOfDayCache = new Map<number, string>();

const STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'its',
  'their',
  'his',
  'her',
  'this',
  'that',
  'these',
  'those',
  'and',
  'in',
  'on',
  'at',
]);

/**
 * Content words of a phrase, folded (case, plural -s): what target, actor and weapon phrases
 * are compared on.
 *
 * @example phraseWords('the Fuel Depots') // ['fuel', 'depot']
 */
export function phraseWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => !STOP.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/** Words that name a kind of place, not which one ("Harir Air Base" and "Asad Air Base" share them). */
const GENERIC = new Set([
  'air',
  'base',
  'airbase',
  'airport',
  'camp',
  'city',
  'town',
  'village',
  'province',
  'district',
  'military',
  'army',
  'port',
  'station',
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'us',
  'u',
]);

/**
 * Keys a target is matched on: its head word, and its proper-name words ("Harir Air Base" →
 * `base`, `harir`), so "Harir" and "Harir Air Base" match while two air bases do not by name alone.
 *
 * @example targetKeys('Harir Air Base') // ['base', 'harir']
 */
export function targetKeys(text: string): string[] {
  const head = phraseHead(text);
  const proper = (text.match(/\p{Lu}[\p{L}\p{N}'-]*/gu) ?? [])
    .map((w) => w.toLowerCase())
    .filter((w) => !GENERIC.has(w) && !STOP.has(w));
  return [...new Set([...(head ? [head] : []), ...proper])].sort();
}

/**
 * The head word of a phrase (its last content word): "a fuel depot" and "the depot" share it.
 *
 * @example phraseHead('the southern fuel depot') // 'depot'
 */
export function phraseHead(text: string): string | null {
  const words = phraseWords(text);
  return words[words.length - 1] ?? null;
}

function boundInterval(
  value: number,
  bound: QuantityBound,
  low: number | null,
  high: number | null,
): [number, number] {
  switch (bound) {
    case 'exact':
      return [value, value];
    case 'at-least':
      return [low ?? value, Number.POSITIVE_INFINITY];
    case 'more-than':
      return [Math.floor(low ?? value) + 1, Number.POSITIVE_INFINITY];
    case 'at-most':
      return [0, high ?? value];
    case 'less-than':
      return [0, Math.ceil(high ?? value) - 1];
    case 'range':
      return [low ?? value, high ?? value];
    case 'approximate':
      return [Math.floor(value * 0.75), Math.ceil(value * 1.25)];
  }
}

/**
 * The interval of values a stated number allows: "at least 3" → [3, ∞), "about 20" → [15, 25].
 *
 * @example statedInterval(3, 'at-least', 3, null) // [3, Infinity]
 */
export function statedInterval(
  value: number,
  bound: QuantityBound,
  low: number | null,
  high: number | null,
): [number, number] {
  return boundInterval(value, bound, low, high);
}

function placeOf(place: Place, inferred: boolean): IncidentPlace | null {
  if (place.kind === 'demonym') return null;
  return {
    name: place.resolvedName ?? place.name,
    lat: place.lat,
    lon: place.lon,
    precision: place.precision,
    geoPrecision: place.acledPrecision,
    country: place.countryCode,
    admin1: place.admin1,
    inferred,
  };
}

/** Place kinds too broad to identify where an event happened by name. */
const BROAD_KINDS = new Set(['country', 'demonym', 'region', 'admin1', 'water', 'other']);

function finer(a: IncidentPlace, b: IncidentPlace): boolean {
  if (a.inferred !== b.inferred) return !a.inferred;
  return precisionRank(a.precision) < precisionRank(b.precision);
}

/**
 * Proper-name words of a phrase, generic place words dropped: "Harir Air Base" → `harir`.
 *
 * @example properWords('the Rumeilan airstrip') // ['rumeilan']
 */
export function properWords(text: string): string[] {
  return (text.match(/\p{Lu}[\p{L}\p{N}'-]*/gu) ?? [])
    .map((w) => w.toLowerCase().replace(/'s$/, ''))
    .filter((w) => w.length > 2 && !GENERIC.has(w) && !STOP.has(w));
}

const FACILITY =
  /\b(\p{Lu}[\p{L}'-]+(?: (?:al-)?\p{Lu}[\p{L}'-]+)?) (?:air base|airbase|airstrip|airfield|airport|base|camp|gas field|oil field|field|depot|refinery|barracks|garrison|prison|market|checkpoint)\b/gu;

/**
 * Proper names of facilities in a sentence ("the Rumeilan airstrip", "Harir Air Base"), which
 * the gazetteer often lacks.
 *
 * @example facilityNames('A drone struck a guard post at the Rumeilan airstrip.') // ['rumeilan']
 */
export function facilityNames(sentence: string): string[] {
  return [...sentence.matchAll(FACILITY)].flatMap((m) => properWords(m[1] ?? ''));
}

/** A date an event can carry: a day or a week, not in the future of the report, year known. */
function usableDate(d: DateMention, published: number | null): boolean {
  if (d.yearUnknown || d.kind === 'open-range' || (d.precision !== 'day' && d.precision !== 'week'))
    return false;
  const from = dayOf(d.from);
  return from !== null && (published === null || from <= published);
}

/** Days before publication an undated event may have happened. */
const UNDATED_WINDOW_DAYS = 3;

/**
 * Reads a document's incidents: the reader's events grouped by `incidentId`, each with its
 * place (the event's own, else the report's main event location), date (the event's own
 * point or range, else the few days before publication, marked inferred), target, actor and
 * weapon words, stated casualty counts and the claims it rests on.
 *
 * @example reportIncidents(doc).map((i) => i.type) // ['AIR_STRIKE', 'DISR_WEAP']
 */
export function reportIncidents(doc: LedgerInputDocument): ReportIncident[] {
  const record = doc.record;
  const places = new Map(record.places.map((p) => [p.id, p]));
  const dates = new Map(record.dates.map((d) => [d.id, d]));
  const quantities = new Map(record.quantities.map((q) => [q.id, q]));
  const events = record.events.filter((e) => e.type !== 'none');
  const ids = new Set(events.map((e) => e.id));
  const groups = new Map<string, ConflictEvent[]>();
  for (const event of events) {
    const root = ids.has(event.incidentId) ? event.incidentId : event.id;
    const list = groups.get(root);
    if (list) list.push(event);
    else groups.set(root, [event]);
  }
  const mainPlaceId = record.eventLocation?.placeId ?? null;
  const mainPlace = mainPlaceId ? places.get(mainPlaceId) : undefined;
  const published = dayOf(doc.publishedDate ?? record.document.publishedDate);
  const order = new Map(record.events.map((e, i) => [e.id, i]));
  const datelines = record.document.boilerplate.filter((b) => b.kind === 'dateline');
  const inDateline = (offset: number) => datelines.some((b) => offset >= b.start && offset < b.end);
  const sentenceAt = (offset: number) => record.sentences.find((x) => offset >= x.start && offset < x.end);
  // The report's lead: its first two body sentences, where a news report dates its main event.
  const lead = record.sentences.filter((x) => x.role === 'body').slice(0, 2);
  const ledeDate = record.dates
    .filter((d) => lead.some((x) => d.start >= x.start && d.start < x.end) && usableDate(d, published))
    .sort((a, b) => a.start - b.start)[0];

  const incidents: ReportIncident[] = [];
  for (const [root, members] of groups) {
    const coded = members.filter((e) => e.type !== 'OTHER');
    const lead = members.find((e) => e.id === root && e.type !== 'OTHER') ?? coded[0] ?? members[0];
    if (!lead) continue;

    const triggerSentences = members.flatMap((e) => {
      const sentence = sentenceAt(e.trigger.start);
      return sentence ? [sentence] : [];
    });
    const inSentences = (start: number) => triggerSentences.some((x) => start >= x.start && start < x.end);

    let place: IncidentPlace | null = null;
    for (const e of members) {
      const p = e.placeId ? places.get(e.placeId) : undefined;
      const candidate = p ? placeOf(p, inDateline(p.start)) : null;
      if (candidate && (!place || finer(candidate, place))) place = candidate;
    }
    // A coarse place ("in Iraq") is refined by a finer one named in the same sentence.
    for (const p of record.places) {
      if (!inSentences(p.start) || inDateline(p.start)) continue;
      const candidate = placeOf(p, false);
      if (!candidate || candidate.lat === null) continue;
      if (place?.country && candidate.country && place.country !== candidate.country) continue;
      if (!place || finer(candidate, place)) place = candidate;
    }
    if (!place && mainPlace) place = placeOf(mainPlace, true);

    let date: IncidentDate | null = null;
    const consider = (d: DateMention | undefined, source: IncidentDate['source']) => {
      if (!d || !usableDate(d, published)) return;
      const from = dayOf(d.from);
      const to = dayOf(d.to ?? d.from);
      if (from === null || to === null) return;
      if (!date || to - from < date.to - date.from) date = { from, to, inferred: source === 'lede', source };
    };
    for (const e of members) consider(e.dateId ? dates.get(e.dateId) : undefined, 'event');
    if (!date) for (const d of record.dates) if (inSentences(d.start)) consider(d, 'sentence');
    if (!date && ledeDate) consider(ledeDate, 'lede');
    if (!date && published !== null)
      date = { from: published - UNDATED_WINDOW_DAYS, to: published, inferred: true, source: 'publication' };

    const names = new Set<string>();
    for (const e of members) for (const w of e.target ? properWords(e.target.text) : []) names.add(w);
    for (const x of triggerSentences)
      for (const w of facilityNames(record.text.slice(x.start, x.end))) names.add(w);
    for (const p of record.places) {
      const own = members.some((e) => e.placeId === p.id);
      if ((own || inSentences(p.start)) && !BROAD_KINDS.has(p.kind) && !inDateline(p.start)) {
        for (const w of properWords(p.name)) names.add(w);
      }
    }

    const targetTexts = members.flatMap((e) => (e.target ? [e.target.text] : []));
    const actorTexts = members.flatMap((e) => (e.actor && !e.actorInferred ? [e.actor.text] : []));
    const weaponTexts = members.flatMap((e) => (e.weapon ? [e.weapon.text] : []));
    const heads = (texts: string[]) => new Set(texts.map(phraseHead).filter((h): h is string => h !== null));

    const counts: StatedCount[] = [];
    const claimIds = new Set<string>();
    const harmClaimIds = new Set<string>();
    const noHarmClaimIds = new Set<string>();
    for (const e of members) {
      for (const c of e.claimIds) claimIds.add(c);
      for (const outcome of e.outcomes) {
        if (outcome.claimId) claimIds.add(outcome.claimId);
        if (outcome.claimId && ['damage', 'destroyed', 'killed', 'wounded'].includes(outcome.kind))
          harmClaimIds.add(outcome.claimId);
        if (outcome.claimId && ['no-damage', 'no-casualties'].includes(outcome.kind))
          noHarmClaimIds.add(outcome.claimId);
        if ((outcome.kind === 'killed' || outcome.kind === 'wounded') && outcome.quantityId) {
          const q = quantities.get(outcome.quantityId);
          if (!q || q.year) continue;
          const [low, high] = boundInterval(q.value, q.bound, q.low, q.high);
          if (
            counts.some(
              (c) =>
                c.kind === outcome.kind && c.claimId === outcome.claimId && c.low === low && c.high === high,
            )
          )
            continue;
          counts.push({
            kind: outcome.kind,
            claimId: internNullable(outcome.claimId),
            value: q.value,
            bound: q.bound,
            low,
            high,
            surface: internString(q.surface),
          });
        }
      }
    }

    const documentId = doc.id;
    incidents.push({
      key: `${documentId}\u0000${root}`,
      documentId,
      events: members.map(incidentEvent),
      refs: members.map((e) => ({ documentId, eventId: e.id })),
      order: Math.min(...members.map((e) => order.get(e.id) ?? 0)),
      type: internString(lead.type),
      types: internSet(coded.map((e) => e.type)),
      eventType: internNullable(lead.eventType) as ConflictEvent['eventType'],
      subEventType: internNullable(lead.subEventType),
      statuses: internSet(members.map((e) => e.status)),
      place: place === null ? null : internPlace(place),
      date: date === null ? null : internDate(date),
      targets: internSet(targetTexts.flatMap(targetKeys)),
      names: internSet(names),
      actors: internSet(actorTexts.map((t) => phraseWords(t).join(' ')).filter((t) => t !== '')),
      weapons: internSet(heads(weaponTexts)),
      targetTexts: internList(targetTexts),
      actorTexts: internList(actorTexts),
      weaponTexts: internList(weaponTexts),
      counts: internCounts(counts),
      claimIds: internSet(claimIds),
      harmClaimIds: internSet(harmClaimIds),
      noHarmClaimIds: internSet(noHarmClaimIds),
      confidence: Math.max(...members.map((e) => e.confidence)),
    });
  }
  return incidents.sort((a, b) => a.order - b.order);
}
