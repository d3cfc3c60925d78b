import type { Ledger, LedgerClaim, LedgerEvent } from '../../src/types/ledger.js';

// A small hand-built ledger (fictional events at real places) that exercises every export:
// a wire story and its reprint in one origin, an independent report, a dated point event,
// a week-long admin-1 event, an event with no place or date, rated and unrated claims, and
// text that CSV must quote or guard (commas, quotes, line breaks, a leading "=").

const support = (independentOrigins: number, originIds: string[]): LedgerEvent['support'] => ({
  supporting: [],
  contradicting: [],
  independentOrigins,
  originIds,
  speakerKinds: {},
  confirmedByTargetSide: false,
  perpetratorClaimOnly: false,
});

const harir: LedgerEvent = {
  id: 'wire-1:e1',
  type: 'AIR_STRIKE',
  eventType: 'Explosions/Remote violence',
  subEventType: 'Air/drone strike',
  date: { from: '2023-10-17', to: '2023-10-17' },
  place: {
    name: 'Harir Air Base',
    lat: 36.5353,
    lon: 44.3467,
    precision: 'exact',
    geoPrecision: 1,
    country: 'IQ',
    admin1: 'Erbil',
  },
  actors: ['Islamic Resistance in Iraq'],
  targets: ['US forces', 'Coalition forces'],
  weapons: ['drone'],
  occurrence: 'occurred',
  fatalities: null,
  members: [
    { documentId: 'wire-1', eventId: 'e1' },
    { documentId: 'reprint-1', eventId: 'e1' },
    { documentId: 'local-1', eventId: 'e2' },
  ],
  links: [
    {
      a: { documentId: 'wire-1', eventId: 'e1' },
      b: { documentId: 'local-1', eventId: 'e2' },
      score: 0.92,
      reasons: ['same place (Harir Air Base)', 'same day', 'same sub-type'],
      by: 'auto',
    },
  ],
  support: {
    ...support(2, ['origin-wire', 'origin-local']),
    supporting: ['wire-1:c1', 'local-1:c1'],
    contradicting: ['local-1:c2'],
    speakerKinds: { 'armed-group-statement': 1, 'unnamed-official': 1 },
  },
  contradictions: [
    { kind: 'denial', a: 'wire-1:c1', b: 'local-1:c2', detail: 'claimed hit vs "no damage or casualties"' },
  ],
  status: 'disputed',
  statusByAnalyst: false,
  confidence: 0.8,
};

const deirEzzor: LedgerEvent = {
  id: 'local-1:e3',
  type: 'SHELLING',
  eventType: 'Explosions/Remote violence',
  subEventType: 'Shelling/artillery/missile attack',
  date: { from: '2023-11-06', to: '2023-11-12' },
  place: {
    name: 'Deir ez-Zor Governorate',
    lat: 35.3333,
    lon: 40.15,
    precision: 'admin1',
    geoPrecision: 3,
    country: 'SY',
    admin1: 'Deir ez-Zor',
  },
  actors: ['=HYPERLINK("http://evil.example")'],
  targets: [],
  weapons: [],
  occurrence: 'occurred',
  fatalities: 3,
  members: [{ documentId: 'local-1', eventId: 'e3' }],
  links: [],
  support: support(1, ['origin-local']),
  contradictions: [],
  status: 'unverified',
  statusByAnalyst: false,
  confidence: 0.55,
};

const protest: LedgerEvent = {
  id: 'local-1:e4',
  type: 'PROTEST',
  eventType: 'Protests',
  subEventType: 'Peaceful protest',
  date: null,
  place: null,
  actors: ['Protesters (Iraq)'],
  targets: [],
  weapons: [],
  occurrence: 'occurred',
  fatalities: 0,
  members: [{ documentId: 'local-1', eventId: 'e4' }],
  links: [],
  support: support(1, ['origin-local']),
  contradictions: [],
  status: 'confirmed',
  statusByAnalyst: true,
  confidence: 0.6,
};

const southernHemisphere: LedgerEvent = {
  id: 'wire-1:e2',
  type: 'ATTACK',
  eventType: 'Violence against civilians',
  subEventType: 'Attack',
  date: { from: '2023-10-01', to: '2023-10-31' },
  place: {
    name: 'Palma',
    lat: -10.7667,
    lon: 40.4667,
    precision: 'near',
    geoPrecision: 2,
    country: 'MZ',
    admin1: 'Cabo Delgado',
  },
  actors: [],
  targets: ['Civilians (Mozambique)'],
  weapons: [],
  occurrence: 'claimed',
  fatalities: 12,
  members: [{ documentId: 'wire-1', eventId: 'e2' }],
  links: [],
  support: support(1, ['origin-wire']),
  contradictions: [],
  status: 'unverified',
  statusByAnalyst: false,
  confidence: 0.4,
};

function claim(documentId: string, claimId: string, fields: Partial<LedgerClaim>): LedgerClaim {
  return {
    id: `${documentId}:${claimId}`,
    documentId,
    claimId,
    originId: documentId === 'local-1' ? 'origin-local' : 'origin-wire',
    documentSha256: `${documentId.replace(/\W/g, '')}`.padEnd(64, '0'),
    start: 0,
    end: 10,
    text: 'placeholder',
    speakerName: 'unknown',
    speakerKind: 'unknown',
    stance: 'neutral',
    polarity: 'asserted',
    hedged: false,
    confidence: 0.7,
    eventIds: [],
    rating: null,
    ...fields,
  };
}

/** The sample ledger: four events (three located), three documents in two origins, three claims. */
export function sampleLedger(): Ledger {
  return {
    schema: 'corroborate.ledger/1',
    documents: [
      {
        id: 'wire-1',
        sha256: 'a'.repeat(64),
        title: 'Drones target Harir base, group says',
        publisher: 'Wire Service, Inc.',
        url: 'https://wire.example/harir',
        publishedDate: '2023-10-18',
        originId: 'origin-wire',
      },
      {
        id: 'reprint-1',
        sha256: 'b'.repeat(64),
        title: 'Drones target Harir base',
        publisher: null,
        url: 'https://www.daily.example/world/harir',
        publishedDate: '2023-10-18',
        originId: 'origin-wire',
      },
      {
        id: 'local-1',
        sha256: 'c'.repeat(64),
        title: 'Officials: "no damage"\nat Harir',
        publisher: 'Erbil Courier',
        url: null,
        publishedDate: null,
        originId: 'origin-local',
      },
    ],
    origins: [
      {
        id: 'origin-wire',
        documentIds: ['wire-1', 'reprint-1'],
        method: 'wire',
        links: [
          { a: 'wire-1', b: 'reprint-1', kind: 'wire', similarity: 0.94, reason: '94% shared shingles' },
        ],
      },
      { id: 'origin-local', documentIds: ['local-1'], method: 'own', links: [] },
    ],
    events: [deirEzzor, harir, protest, southernHemisphere],
    claims: [
      claim('wire-1', 'c1', {
        start: 120,
        end: 171,
        text: 'drones struck "key infrastructure" at Harir Air Base',
        speakerName: 'Islamic Resistance in Iraq',
        speakerKind: 'armed-group-statement',
        eventIds: [harir.id],
        rating: {
          value: 2,
          label: 'Misleading',
          by: 'A. Analyst',
          at: '2023-10-20',
          note: 'No damage seen on imagery.',
        },
      }),
      claim('local-1', 'c2', {
        start: 40,
        end: 71,
        text: 'there was no damage or casualties',
        speakerName: 'a US defence official',
        speakerKind: 'unnamed-official',
        polarity: 'denied',
        stance: 'denying',
        eventIds: [harir.id],
        rating: { value: 4, label: 'Mostly true', by: 'B. Reviewer', at: '2023-10-21T09:30:00Z', note: null },
      }),
      claim('local-1', 'c3', { text: 'shelling continued all week', eventIds: [deirEzzor.id] }),
    ],
    checks: [
      {
        id: 'check-1',
        kind: 'tally',
        status: 'mismatch',
        claimId: 'wire-1:c1',
        documentId: 'wire-1',
        stated: '12 attacks on Harir Air Base since 2023-10-17',
        statedValue: 12,
        observedValue: 1,
        eventIds: [harir.id],
        detail: '1 distinct event in the ledger',
      },
    ],
  };
}
