import { checksStage } from './checks/numeric-checks.js';
import { eventsStage } from './events/events.js';
import { placesStage } from './geo/places.js';
import { documentStage } from './ingest/document-stage.js';
import { attributionsStage } from './nlp/attributions.js';
import { claimsStage } from './nlp/claims.js';
import { datesStage } from './nlp/dates.js';
import { entitiesStage } from './nlp/entities.js';
import { quantitiesStage } from './nlp/quantities.js';
import { sentencesStage } from './nlp/sentences.js';
import { objectList, type ReaderContext, type ReaderStage, type RecordSoFar } from './stage.js';
import { ANALYSIS_SCHEMA, type AnalysisRecord, type SourceDocument } from './types/index.js';

/**
 * The reader's stages, in order. Order matters: each stage reads what the ones before it added.
 */
export const READER_STAGES: readonly ReaderStage[] = [
  documentStage, // title, standfirst, byline, publisher, republication, boilerplate
  sentencesStage, // sentences and tokens
  quantitiesStage, // numbers with units, bounds, what they count
  datesStage, // dates and ranges resolved against the reference date
  placesStage, // place names, geocoded with precision; the event location
  entitiesStage, // people, organisations, weapons, …
  attributionsStage, // who says what; hedges and verification markers
  claimsStage, // assertions with their attribution, polarity and markers
  eventsStage, // ACLED-style events, tallies, the main event type
  checksStage, // numeric checks within the report
];

/**
 * Reads one report: a pure function of the source and the context.
 *
 * @example analyzeDocument(sourceFromString('On 17 November…', {id: 'a'}), {referenceDate: '2023-12-06', gazetteer: null})
 */
export function analyzeDocument(
  source: SourceDocument,
  context: ReaderContext,
  stages: readonly ReaderStage[] = READER_STAGES,
): AnalysisRecord {
  let record: RecordSoFar = {
    id: source.id,
    text: source.text,
    source,
    referenceDate: context.referenceDate,
  };
  let ctx = context;
  for (const stage of stages) {
    const added = stage.run(record, ctx);
    const next: Record<string, unknown> = { ...record, ...added };
    for (const key in added) {
      const value = next[key];
      // The tokens (~600 a report) are built packed by the sentences stage: not copied.
      if (key !== 'tokens' && Array.isArray(value)) next[key] = packedCopy(value);
    }
    record = next as RecordSoFar;
    // A publication date the document stage found becomes the context for later stages.
    if (record.referenceDate !== ctx.referenceDate) ctx = { ...ctx, referenceDate: record.referenceDate };
  }
  return finishRecord(record, stages);
}

/**
 * The same items in a new array of the one kind V8 calls packed elements. V8's optimised `map`
 * returns holey arrays where its interpreter returns packed ones, and an empty literal holds
 * small integers: the same record field came in three array kinds from report to report, and
 * each later stage that met a kind its optimised code had not seen was deoptimised and compiled
 * again (the largest functions take a background core ~100 ms each). One kind per field stops
 * that. Copying by `push` is what makes it packed (a spread or `Array.from` keeps a holey array
 * holey); it costs ~3 µs a report (a few hundred items), holds the same items in the same order
 * and changes nothing in the record's JSON.
 */
function packedCopy(items: readonly unknown[]): unknown[] {
  const out = objectList<unknown>();
  for (let i = 0; i < items.length; i++) out.push(items[i]);
  return out;
}

function finishRecord(record: RecordSoFar, stages: readonly ReaderStage[]): AnalysisRecord {
  if (!record.document) throw new Error('pipeline misuse: the document stage must run first');
  const out: AnalysisRecord = {
    schema: ANALYSIS_SCHEMA,
    id: record.id,
    text: record.text,
    ...(record.body !== undefined ? { body: record.body } : {}),
    document: record.document,
    referenceDate: record.referenceDate,
    sentences: record.sentences ?? [],
    entities: record.entities ?? [],
    quantities: record.quantities ?? [],
    dates: record.dates ?? [],
    places: record.places ?? [],
    eventLocation: record.eventLocation ?? null,
    attributions: record.attributions ?? [],
    markers: record.markers ?? [],
    claims: record.claims ?? [],
    events: record.events ?? [],
    tallies: record.tallies ?? [],
    mainEventType: record.mainEventType ?? 'none',
    checks: record.checks ?? [],
    stages: stages.map((s) => s.id),
  };
  return out;
}
