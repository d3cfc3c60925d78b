import type { Speaker } from '../types/attribution.js';
import type { NumericCheck } from '../types/check.js';
import type { Claim } from '../types/claim.js';
import type { DateMention } from '../types/date.js';
import type { Tally } from '../types/event.js';
import type { Place } from '../types/place.js';
import type { Quantity } from '../types/quantity.js';
import {
  internList,
  internNullable,
  internString,
  type ReportIncident,
  reportIncidents,
} from './event-features.js';
import type { LedgerInputDocument } from './input-document.js';
import { isReportCheckKind } from './ledger-checks.js';
import { type OriginSignals, originSignals } from './origins.js';

/**
 * A claim as the ledger shows it and as the contradiction and support rules read it: its text,
 * speaker, stance and polarity, the primary mention, and the quantities it states.
 */
export interface ClaimDigest {
  readonly id: string;
  readonly text: string;
  readonly speaker: Pick<Speaker, 'name' | 'kind' | 'affiliation'>;
  readonly stance: Claim['stance'];
  readonly polarity: Claim['polarity'];
  /** The primary mention (the first), or 0–0 when the reader gave none. */
  readonly start: number;
  readonly end: number;
  /** A hedge or verification disclaimer qualifies it. */
  readonly hedged: boolean;
  readonly confidence: number;
  readonly quantityIds: readonly string[];
}

/**
 * What the numeric checks read of one report: its tallies and its own numeric checks, with the
 * quantities, dates and places these name and the claims (ids and quantities) that state them.
 */
export interface CheckedDocument {
  readonly id: string;
  /** Publication date: the catalogue's, else the one the reader found. */
  readonly dated: string | null;
  readonly tallies: readonly Tally[];
  /** Only checks of the kinds the ledger carries over (conversions, parts and wholes). */
  readonly checks: readonly NumericCheck[];
  /** The quantities the tallies and checks name, in the record's order. */
  readonly quantities: readonly Pick<Quantity, 'id' | 'surface' | 'value' | 'low' | 'high'>[];
  /** The dates the tallies name. */
  readonly dates: readonly Pick<DateMention, 'id' | 'surface' | 'from' | 'to' | 'kind'>[];
  /** The places the tallies name. */
  readonly places: readonly Pick<Place, 'id' | 'name' | 'resolvedName' | 'lat' | 'lon'>[];
  /** The claims that state a quantity (the others cannot state a checked number), in the record's order. */
  readonly claims: readonly Pick<ClaimDigest, 'id' | 'quantityIds'>[];
}

/**
 * Everything the ledger builder needs from one stored document, worked out while its analysis
 * record is in hand so the record itself can be let go: the catalogue fields, the origin
 * signals (MinHash signature, outlets, credits), the report incidents, the claims, which events
 * sit in a tally's sentence, and what the numeric checks read. A few kilobytes instead of the
 * record's hundred or so: a ledger of 100k documents is built from digests.
 *
 * @example const digest = digestDocument(doc); digest.incidents.length // 2
 */
export interface DocumentDigest {
  readonly id: string;
  readonly sha256: string;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
  /** The catalogue's publication date (what the ledger's document shows). */
  readonly publishedDate: string | null;
  /** Publication date: the catalogue's, else the one the reader found (orders documents). */
  readonly dated: string | null;
  readonly origin: OriginSignals;
  readonly incidents: readonly ReportIncident[];
  /** Ids of the record's events, in the record's order (orders an event's members). */
  readonly eventIds: readonly string[];
  /** Events whose trigger lies in a sentence that states a tally. */
  readonly tallyEventIds: readonly string[];
  readonly claims: readonly ClaimDigest[];
  readonly checked: CheckedDocument;
}

const speakers = new Map<string, ClaimDigest['speaker']>();

/** One speaker object for each name, kind and affiliation (a ledger's claims name a few thousand speakers). */
function sharedSpeaker(speaker: Speaker): ClaimDigest['speaker'] {
  const key = `${speaker.name}\u0001${speaker.kind}\u0001${speaker.affiliation}`;
  let shared = speakers.get(key);
  if (shared === undefined) {
    shared = {
      name: internString(speaker.name),
      kind: internString(speaker.kind) as Speaker['kind'],
      affiliation: internNullable(speaker.affiliation),
    };
    // Bounded like the other interning tables: past the limit it starts again.
    if (speakers.size >= 100_000) speakers.clear();
    speakers.set(key, shared);
  }
  return shared;
}

function claimDigest(claim: Claim): ClaimDigest {
  const primary = claim.mentions[0] ?? { start: 0, end: 0 };
  // Ids, texts and codes interned: a digest is kept for every document of the ledger.
  return {
    id: internString(claim.id),
    text: internString(claim.text),
    speaker: sharedSpeaker(claim.speaker),
    stance: internString(claim.stance) as Claim['stance'],
    polarity: internString(claim.polarity) as Claim['polarity'],
    start: primary.start,
    end: primary.end,
    hedged: claim.markerIds.length > 0,
    confidence: claim.confidence,
    quantityIds: internList(claim.quantityIds),
  };
}

function tallyEventIds(doc: LedgerInputDocument): string[] {
  const record = doc.record;
  if (record.tallies.length === 0) return [];
  const sentences = record.sentences.filter((x) =>
    record.tallies.some((t) => t.start >= x.start && t.start < x.end),
  );
  return record.events
    .filter((e) => sentences.some((x) => e.trigger.start >= x.start && e.trigger.start < x.end))
    .map((e) => e.id);
}

function checkedDocument(
  doc: LedgerInputDocument,
  dated: string | null,
  claims: ClaimDigest[],
): CheckedDocument {
  const record = doc.record;
  const checks = record.checks.filter((c) => isReportCheckKind(c.kind));
  const quantityIds = new Set([
    ...record.tallies.map((t) => t.quantityId),
    ...checks.flatMap((c) => c.quantityIds),
  ]);
  const dateIds = new Set(record.tallies.flatMap((t) => (t.dateId === null ? [] : [t.dateId])));
  const placeIds = new Set(record.tallies.flatMap((t) => t.placeIds));
  return {
    id: doc.id,
    dated,
    tallies: record.tallies,
    checks,
    quantities: record.quantities
      .filter((q) => quantityIds.has(q.id))
      .map((q) => ({ id: q.id, surface: q.surface, value: q.value, low: q.low, high: q.high })),
    dates: record.dates
      .filter((d) => dateIds.has(d.id))
      .map((d) => ({ id: d.id, surface: d.surface, from: d.from, to: d.to, kind: d.kind })),
    places: record.places
      .filter((p) => placeIds.has(p.id))
      .map((p) => ({ id: p.id, name: p.name, resolvedName: p.resolvedName, lat: p.lat, lon: p.lon })),
    // Only checks look claims up by their quantities: a report without checks needs none here.
    claims:
      checks.length > 0
        ? claims
            .filter((c) => c.quantityIds.length > 0)
            .map((c) => ({ id: c.id, quantityIds: c.quantityIds }))
        : [],
  };
}

/**
 * Digests one document for the ledger builder (see {@link DocumentDigest}). The digest holds no
 * reference to the record or its text, only to some of the record's parts (its events, tallies
 * and checks): what is not digested goes when the record is let go.
 *
 * @example
 * const digest = digestDocument({ id: 'doc-1', sha256, title: null, publisher: 'North Wire', url: null, publishedDate: '2024-03-13', record });
 * digest.origin.wireCredits // ['meridian wire']
 */
export function digestDocument(doc: LedgerInputDocument): DocumentDigest {
  const dated = doc.publishedDate ?? doc.record.document.publishedDate;
  const claims = doc.record.claims.map(claimDigest);
  return {
    id: doc.id,
    sha256: doc.sha256,
    title: doc.title,
    publisher: doc.publisher,
    url: doc.url,
    publishedDate: doc.publishedDate,
    dated,
    origin: originSignals(doc),
    incidents: reportIncidents(doc),
    eventIds: doc.record.events.map((e) => e.id),
    tallyEventIds: tallyEventIds(doc),
    claims,
    checked: checkedDocument(doc, dated, claims),
  };
}
