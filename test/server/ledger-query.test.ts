import { describe, expect, it } from 'vitest';
import { type EventQuery, placesOf, queryEvents, timelineOf } from '../../src/server/ledger-query.js';
import { LEDGER_SCHEMA, type Ledger, type LedgerEvent } from '../../src/types/ledger.js';

/** A ledger event from the few fields a test cares about. */
function event(
  id: string,
  fields: Partial<LedgerEvent> & { origins?: number; contradicted?: boolean },
): LedgerEvent {
  const { origins = 1, contradicted = false, ...rest } = fields;
  return {
    id,
    type: 'ATTACK',
    eventType: 'Violence against civilians',
    subEventType: 'Attack',
    date: null,
    place: null,
    actors: [],
    targets: [],
    weapons: [],
    occurrence: 'occurred',
    fatalities: null,
    members: [{ documentId: id, eventId: 'ev1' }],
    links: [],
    support: {
      supporting: [],
      contradicting: [],
      independentOrigins: origins,
      originIds: [],
      speakerKinds: {},
      confirmedByTargetSide: false,
      perpetratorClaimOnly: false,
    },
    contradictions: contradicted ? [{ kind: 'denial', a: `${id}:c1`, b: `${id}:c2`, detail: 'denied' }] : [],
    status: 'unverified',
    statusByAnalyst: false,
    confidence: 0.5,
    ...rest,
  };
}

const place = (name: string, admin1: string, country: string) => ({
  name,
  lat: null,
  lon: null,
  precision: null,
  geoPrecision: 1 as const,
  country,
  admin1,
});

const ledger: Ledger = {
  schema: LEDGER_SCHEMA,
  documents: [],
  origins: [],
  claims: [],
  checks: [],
  events: [
    event('harir-drone', {
      type: 'DRONE_STRIKE',
      eventType: 'Explosions/Remote violence',
      subEventType: 'Air/drone strike',
      date: { from: '2024-02-27', to: '2024-02-27' },
      place: place('Harir Air Base', 'Erbil', 'Iraq'),
      actors: ['Islamic Resistance in Iraq'],
      status: 'corroborated',
      origins: 3,
      contradicted: true,
      confidence: 0.8,
    }),
    event('kharkiv-market', {
      type: 'ART_MISS_ATTACK',
      eventType: 'Explosions/Remote violence',
      subEventType: 'Shelling/artillery/missile attack',
      date: { from: '2024-03-04', to: '2024-03-04' },
      place: place('Kharkiv', 'Kharkivska', 'Ukraine'),
      actors: ['Russian forces'],
      weapons: ['artillery'],
      status: 'confirmed',
      origins: 5,
      confidence: 0.9,
    }),
    event('mosul-checkpoint', {
      date: { from: '2024-03-01', to: '2024-03-06' },
      place: place('Mosul', 'Nineveh', 'Iraq'),
      actors: ['unidentified gunmen'],
      status: 'disputed',
      origins: 2,
      contradicted: true,
      confidence: 0.4,
    }),
    event('undated-raid', { actors: ['police'], confidence: 0.3 }),
  ],
};

const all: EventQuery = { sort: 'date', descending: false, limit: 50, offset: 0 };

describe('events: filters in the analyst’s words', () => {
  it.each<[string, Partial<EventQuery>, string[]]>([
    [
      'events overlapping 5 March (a range counts)',
      { from: '2024-03-05', to: '2024-03-05' },
      ['mosul-checkpoint'],
    ],
    ['events from March on', { from: '2024-03-01' }, ['mosul-checkpoint', 'kharkiv-market']],
    ['events up to February', { to: '2024-02-29' }, ['harir-drone']],
    ['a fine code', { type: 'drone_strike' }, ['harir-drone']],
    ['an ACLED event type', { type: 'Explosions/Remote violence' }, ['harir-drone', 'kharkiv-market']],
    ['a sub-event type', { type: 'Attack' }, ['mosul-checkpoint', 'undated-raid']],
    ['a country', { place: 'iraq' }, ['harir-drone', 'mosul-checkpoint']],
    ['an admin-1 region', { place: 'Nineveh' }, ['mosul-checkpoint']],
    ['part of an actor name', { actor: 'gunmen' }, ['mosul-checkpoint']],
    ['two statuses', { statuses: ['confirmed', 'disputed'] }, ['mosul-checkpoint', 'kharkiv-market']],
    ['contradicted ones', { contradicted: true }, ['harir-drone', 'mosul-checkpoint']],
    ['uncontradicted ones', { contradicted: false }, ['kharkiv-market', 'undated-raid']],
    ['words anywhere', { text: 'artillery kharkiv' }, ['kharkiv-market']],
    ['words that all must match', { text: 'artillery mosul' }, []],
  ])('%s', (_, filter, expected) => {
    expect(queryEvents(ledger, { ...all, ...filter }).items.map((e) => e.id)).toEqual(expected);
  });
});

describe('events: sorting and paging', () => {
  it.each<[EventQuery['sort'], boolean, string[]]>([
    ['date', false, ['harir-drone', 'mosul-checkpoint', 'kharkiv-market', 'undated-raid']],
    ['date', true, ['kharkiv-market', 'mosul-checkpoint', 'harir-drone', 'undated-raid']],
    ['support', true, ['kharkiv-market', 'harir-drone', 'mosul-checkpoint', 'undated-raid']],
    ['confidence', false, ['undated-raid', 'mosul-checkpoint', 'harir-drone', 'kharkiv-market']],
    ['status', true, ['kharkiv-market', 'harir-drone', 'undated-raid', 'mosul-checkpoint']],
    ['place', false, ['harir-drone', 'kharkiv-market', 'mosul-checkpoint', 'undated-raid']],
  ])('by %s (descending: %s)', (sort, descending, expected) => {
    expect(queryEvents(ledger, { ...all, sort, descending }).items.map((e) => e.id)).toEqual(expected);
  });

  it('gives one page and the number of all matches', () => {
    const page = queryEvents(ledger, { ...all, limit: 2, offset: 1 });
    expect(page.total).toBe(4);
    expect(page.items.map((e) => e.id)).toEqual(['mosul-checkpoint', 'kharkiv-market']);
    expect(queryEvents(ledger, { ...all, offset: 10 })).toEqual({ items: [], total: 4 });
  });
});

describe('timeline and places', () => {
  it('counts events on the first day of their range, by type, and the undated apart', () => {
    expect(timelineOf(ledger.events)).toEqual({
      days: [
        { date: '2024-02-27', total: 1, byType: { DRONE_STRIKE: 1 } },
        { date: '2024-03-01', total: 1, byType: { ATTACK: 1 } },
        { date: '2024-03-04', total: 1, byType: { ART_MISS_ATTACK: 1 } },
      ],
      undated: 1,
    });
  });

  it('groups events by place, most first, and leaves out the unplaced', () => {
    const twice = [...ledger.events, event('mosul-second', { place: place('Mosul', 'Nineveh', 'Iraq') })];
    expect(placesOf(twice).map((p) => [p.name, p.events, p.eventIds])).toEqual([
      ['Mosul', 2, ['mosul-checkpoint', 'mosul-second']],
      ['Harir Air Base', 1, ['harir-drone']],
      ['Kharkiv', 1, ['kharkiv-market']],
    ]);
  });
});
