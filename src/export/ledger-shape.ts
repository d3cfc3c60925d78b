import { LEDGER_SCHEMA, type Ledger } from '../types/ledger.js';
import { type ShapeType, s } from './record-shape.js';

// The ledger's interchange shape, field by field, in the order the JSON export writes them.
// A compile-time check below keeps it equal to the `Ledger` type: change both together.

const SPEAKER_KINDS = [
  'named-official',
  'unnamed-official',
  'anonymous-source',
  'organisation-statement',
  'armed-group-statement',
  'named-person',
  'witness',
  'outlet',
  'other-outlet',
  'outlet-earlier-reporting',
  'social-media',
  'document',
  'unknown',
] as const;

const STATUSES = ['unverified', 'corroborated', 'confirmed', 'disputed', 'false'] as const;

const eventRef = s.object({ documentId: s.string, eventId: s.string });

const documentShape = s.object({
  id: s.string,
  sha256: s.string,
  title: s.nullable(s.string),
  publisher: s.nullable(s.string),
  url: s.nullable(s.string),
  publishedDate: s.nullable(s.string),
  originId: s.string,
});

const originShape = s.object({
  id: s.string,
  documentIds: s.array(s.string),
  method: s.literal('own', 'near-duplicate', 'notice', 'wire', 'analyst'),
  links: s.array(
    s.object({
      a: s.string,
      b: s.string,
      kind: s.literal('near-duplicate', 'notice', 'wire', 'analyst'),
      similarity: s.nullable(s.number),
      reason: s.string,
    }),
  ),
});

const contradictionShape = s.object({
  kind: s.literal('denial', 'number', 'interception-vs-hit', 'outcome'),
  a: s.string,
  b: s.string,
  detail: s.string,
});

const eventShape = s.object({
  id: s.string,
  type: s.string,
  eventType: s.nullable(
    s.literal(
      'Battles',
      'Explosions/Remote violence',
      'Violence against civilians',
      'Protests',
      'Riots',
      'Strategic developments',
    ),
  ),
  subEventType: s.nullable(s.string),
  date: s.nullable(s.object({ from: s.string, to: s.string })),
  place: s.nullable(
    s.object({
      name: s.string,
      lat: s.nullable(s.number),
      lon: s.nullable(s.number),
      precision: s.nullable(
        s.literal('exact', 'near', 'admin2', 'admin1', 'country', 'region', 'unresolved'),
      ),
      geoPrecision: s.nullable(s.literal(1, 2, 3)),
      country: s.nullable(s.string),
      admin1: s.nullable(s.string),
    }),
  ),
  actors: s.array(s.string),
  targets: s.array(s.string),
  weapons: s.array(s.string),
  occurrence: s.literal('occurred', 'intercepted', 'failed', 'claimed', 'denied'),
  fatalities: s.nullable(s.integer),
  members: s.array(eventRef),
  links: s.array(
    s.object({
      a: eventRef,
      b: eventRef,
      score: s.number,
      reasons: s.array(s.string),
      by: s.literal('auto', 'analyst'),
    }),
  ),
  support: s.object({
    supporting: s.array(s.string),
    contradicting: s.array(s.string),
    independentOrigins: s.integer,
    originIds: s.array(s.string),
    speakerKinds: s.record(SPEAKER_KINDS, s.integer),
    confirmedByTargetSide: s.boolean,
    perpetratorClaimOnly: s.boolean,
  }),
  contradictions: s.array(contradictionShape),
  status: s.literal(...STATUSES),
  statusByAnalyst: s.boolean,
  confidence: s.number,
});

const claimShape = s.object({
  id: s.string,
  documentId: s.string,
  claimId: s.string,
  originId: s.string,
  documentSha256: s.string,
  start: s.integer,
  end: s.integer,
  text: s.string,
  speakerName: s.string,
  speakerKind: s.literal(...SPEAKER_KINDS),
  stance: s.literal('neutral', 'distancing', 'endorsing', 'denying'),
  polarity: s.literal('asserted', 'denied'),
  hedged: s.boolean,
  confidence: s.number,
  eventIds: s.array(s.string),
  rating: s.nullable(
    s.object({
      value: s.literal(1, 2, 3, 4, 5),
      label: s.string,
      by: s.string,
      at: s.string,
      note: s.nullable(s.string),
    }),
  ),
});

const checkShape = s.object({
  id: s.string,
  kind: s.literal('tally', 'range', 'conversion', 'numbers', 'measurement'),
  status: s.literal('ok', 'mismatch', 'unverifiable'),
  claimId: s.nullable(s.string),
  documentId: s.string,
  stated: s.string,
  statedValue: s.number,
  observedValue: s.nullable(s.number),
  eventIds: s.array(s.string),
  detail: s.string,
});

/**
 * The shape of `corroborate.ledger/1`, in the key order of the JSON export.
 *
 * @example firstMismatch(JSON.parse(text), LEDGER_SHAPE) // null when the text is a valid ledger
 */
export const LEDGER_SHAPE = s.object({
  schema: s.literal(LEDGER_SCHEMA),
  documents: s.array(documentShape),
  origins: s.array(originShape),
  events: s.array(eventShape),
  claims: s.array(claimShape),
  checks: s.array(checkShape),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Fails to compile when LEDGER_SHAPE and the Ledger type drift apart.
const shapeMatchesLedgerType: Same<ShapeType<typeof LEDGER_SHAPE>, Ledger> = true;
void shapeMatchesLedgerType;
