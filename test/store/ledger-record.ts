import { createHash } from 'node:crypto';
import { ANALYSIS_SCHEMA, type AnalysisRecord } from '../../src/types/analysis-record.js';
import type { Claim } from '../../src/types/claim.js';
import type { ConflictEvent } from '../../src/types/event.js';

/** What a storage test says about a report; everything else gets neutral defaults. */
export interface ReportSketch {
  id: string;
  text: string;
  title?: string;
  url?: string | null;
  publisher?: string;
  /** Claims as exact substrings of `text` (their spans are found in the text). */
  claims?: { id?: string; words: string; speaker?: string; polarity?: 'asserted' | 'denied' }[];
  /** Events by trigger word (a substring of `text`), with an optional date and place. */
  events?: {
    trigger: string;
    type: string;
    date?: string;
    place?: { name: string; lat: number; lon: number };
  }[];
}

/**
 * Builds an `AnalysisRecord` as the reader would, from a sketch written in test sentences.
 *
 * @example ledgerRecord({ id: 'r1', text: 'A drone hit the depot.', claims: [{ words: 'A drone hit the depot' }] })
 */
export function ledgerRecord(sketch: ReportSketch): AnalysisRecord {
  const spanOf = (words: string) => {
    const start = sketch.text.indexOf(words);
    if (start < 0) throw new Error(`"${words}" is not in the text of ${sketch.id}`);
    return { start, end: start + words.length };
  };
  const claims: Claim[] = (sketch.claims ?? []).map((c, i) => ({
    id: c.id ?? `c${i + 1}`,
    mentions: [spanOf(c.words)],
    text: c.words,
    attributionId: null,
    speaker: {
      name: c.speaker ?? 'the outlet',
      kind: 'outlet',
      role: null,
      affiliation: null,
      antecedent: null,
    },
    stance: 'neutral',
    polarity: c.polarity ?? 'asserted',
    markerIds: [],
    quantityIds: [],
    dateIds: [],
    placeIds: [],
    confidence: 0.8,
    stage: 'claims',
  }));
  const dates: AnalysisRecord['dates'] = [];
  const places: AnalysisRecord['places'] = [];
  const events: ConflictEvent[] = (sketch.events ?? []).map((e, i) => {
    const id = `e${i + 1}`;
    const trigger = spanOf(e.trigger);
    let dateId: string | null = null;
    let placeId: string | null = null;
    if (e.date) {
      dateId = `d${i + 1}`;
      dates.push({
        id: dateId,
        ...trigger,
        surface: e.date,
        from: e.date,
        to: e.date,
        kind: 'point',
        precision: 'day',
        yearUnknown: false,
        monthDay: null,
        relative: false,
        confidence: 0.9,
        stage: 'dates',
      });
    }
    if (e.place) {
      placeId = `p${i + 1}`;
      places.push({
        id: placeId,
        ...trigger,
        name: e.place.name,
        kind: 'city',
        resolvedName: e.place.name,
        lat: e.place.lat,
        lon: e.place.lon,
        geonameid: null,
        countryCode: null,
        admin1: null,
        precision: 'exact',
        acledPrecision: 1,
        anchor: null,
        confidence: 0.9,
        stage: 'places',
      });
    }
    // An assertion rather than an annotation: the event type grows fields while stages land, and
    // the store must not care about fields it does not index.
    return {
      id,
      type: e.type,
      kairosType: 'Conflict.Attack.Unspecified',
      ramsType: 'conflict.attack',
      incidentId: id,
      eventType: 'Explosions/Remote violence',
      subEventType: null,
      trigger,
      arguments: [],
      actor: null,
      actorInferred: false,
      target: null,
      weapon: null,
      placeId,
      dateId,
      status: 'occurred',
      outcomes: [],
      claimIds: [],
      confidence: 0.7,
      stage: 'events',
    } as ConflictEvent;
  });
  const field = (value: string | undefined) =>
    value === undefined ? null : { value, span: null, confidence: 1 };
  return {
    schema: ANALYSIS_SCHEMA,
    id: sketch.id,
    text: sketch.text,
    document: {
      title: field(sketch.title),
      standfirst: null,
      byline: null,
      publisher: field(sketch.publisher),
      republishedBy: [],
      originallyPublishedBy: null,
      wireCredits: [],
      url: sketch.url ?? null,
      publishedDate: '2024-03-02',
      publishedDateSource: 'metadata',
      language: 'en',
      sha256: createHash('sha256').update(sketch.text, 'utf8').digest('hex'),
      rawSha256: null,
      format: 'text',
      boilerplate: [],
    },
    referenceDate: '2024-03-02',
    sentences: [],
    entities: [],
    quantities: [],
    dates,
    places,
    eventLocation: null,
    attributions: [],
    markers: [],
    claims,
    events,
    tallies: [],
    mainEventType: events[0]?.type ?? 'none',
    checks: [],
    stages: ['test'],
  };
}
