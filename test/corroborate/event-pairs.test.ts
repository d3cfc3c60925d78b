import { describe, expect, it } from 'vitest';
import { clusterEvents } from '../../src/corroborate/cluster-events.js';
import { countsConflict } from '../../src/corroborate/contradictions.js';
import {
  dayOf,
  type ReportIncident,
  statedInterval,
  targetKeys,
} from '../../src/corroborate/event-features.js';
import {
  candidatePairs,
  distanceKm,
  isRestatement,
  scoreIncidentPair,
} from '../../src/corroborate/event-pairs.js';
import type { QuantityBound } from '../../src/types/quantity.js';

const ERBIL = {
  name: 'Erbil',
  lat: 36.19,
  lon: 44.01,
  precision: 'exact' as const,
  geoPrecision: 1 as const,
  country: 'IQ',
  admin1: '11',
  inferred: false,
};
const HARIR = { ...ERBIL, name: 'Harir', lat: 36.54, lon: 44.35 };
const MOSUL = { ...ERBIL, name: 'Mosul', lat: 36.34, lon: 43.13, admin1: '15' };
const BASRA = { ...ERBIL, name: 'Basrah', lat: 30.51, lon: 47.78, admin1: '02' };
const IRAQ = {
  ...ERBIL,
  name: 'Iraq',
  lat: 33,
  lon: 44,
  precision: 'country' as const,
  geoPrecision: 3 as const,
  admin1: null,
};
const SYRIA = { ...IRAQ, name: 'Syria', lat: 35, lon: 38, country: 'SY' };

/** A report incident built by hand: only what the matcher reads. */
function incident(
  documentId: string,
  over: Partial<ReportIncident> & { day?: string; lead?: boolean },
): ReportIncident {
  const day = over.day ? dayOf(over.day) : null;
  const { day: _d, lead, ...rest } = over;
  return {
    key: `${documentId}\u0000ev1`,
    documentId,
    events: [],
    refs: [{ documentId, eventId: 'ev1' }],
    order: 0,
    type: 'AIR_STRIKE',
    types: new Set(['AIR_STRIKE']),
    eventType: 'Explosions/Remote violence',
    subEventType: 'Air/drone strike',
    statuses: new Set(['occurred']),
    place: null,
    date:
      day === null ? null : { from: day, to: day, inferred: lead === true, source: lead ? 'lede' : 'event' },
    targets: new Set(),
    names: new Set(),
    actors: new Set(),
    weapons: new Set(),
    targetTexts: [],
    actorTexts: [],
    weaponTexts: [],
    counts: [],
    claimIds: new Set(),
    harmClaimIds: new Set(),
    noHarmClaimIds: new Set(),
    confidence: 0.5,
    ...rest,
  };
}

describe('scoreIncidentPair: is it the same event?', () => {
  it.each<
    [
      string,
      'same' | 'apart' | 'incompatible',
      Partial<ReportIncident> & { day?: string; lead?: boolean },
      Partial<ReportIncident> & { day?: string; lead?: boolean },
    ]
  >([
    [
      'a drone strike on Harir the same day, by two outlets',
      'same',
      { place: HARIR, day: '2026-03-04', names: new Set(['harir']) },
      { place: HARIR, day: '2026-03-04', names: new Set(['harir']) },
    ],
    [
      '"near Erbil" vs "Harir Air Base", same day and target',
      'same',
      { place: { ...ERBIL, precision: 'near' }, day: '2026-03-04', targets: new Set(['base']) },
      { place: HARIR, day: '2026-03-04', targets: new Set(['base']) },
    ],
    [
      'a strike and its interception, same base and day',
      'same',
      { place: HARIR, day: '2026-03-04', names: new Set(['harir']) },
      {
        place: HARIR,
        day: '2026-03-04',
        names: new Set(['harir']),
        types: new Set(['DISR_WEAP']),
        type: 'DISR_WEAP',
      },
    ],
    [
      'the geocoder put one report in the wrong country, the base name agrees',
      'same',
      { place: IRAQ, day: '2026-03-09', names: new Set(['conoco']) },
      { place: SYRIA, day: '2026-03-09', names: new Set(['conoco']) },
    ],
    [
      'the same base a week apart',
      'incompatible',
      { place: HARIR, day: '2026-03-04' },
      { place: HARIR, day: '2026-03-11' },
    ],
    [
      'the same day in Mosul and Basra',
      'incompatible',
      { place: MOSUL, day: '2026-03-04' },
      { place: BASRA, day: '2026-03-04' },
    ],
    [
      'a drone strike on Harir and rockets on Mosul, same day',
      'incompatible',
      { place: HARIR, day: '2026-03-04' },
      { place: MOSUL, day: '2026-03-04', types: new Set(['ART_MISS_ATTACK']) },
    ],
    [
      'two strikes somewhere in Iraq on the same day, nothing else shared',
      'apart',
      { place: IRAQ, day: '2026-03-04' },
      { place: IRAQ, day: '2026-03-04', types: new Set(['ART_MISS_ATTACK']) },
    ],
    [
      'a protest and a strike at one place and day',
      'apart',
      { place: MOSUL, day: '2026-03-04' },
      { place: MOSUL, day: '2026-03-04', types: new Set(['PEACE_PROTEST']), eventType: 'Protests' },
    ],
  ])('%s → %s', (_name, expected, a, b) => {
    const score = scoreIncidentPair(incident('a', a), incident('b', b));
    if (expected === 'incompatible') expect(score).toBeNull();
    else if (expected === 'same') expect(score?.score).toBeGreaterThanOrEqual(0.5);
    else expect(score?.score ?? 0).toBeLessThan(0.5);
  });

  it('says why: each factor that counted is a reason', () => {
    const score = scoreIncidentPair(
      incident('a', {
        place: HARIR,
        day: '2026-03-04',
        targets: new Set(['hangar']),
        weapons: new Set(['drone']),
      }),
      incident('b', {
        place: HARIR,
        day: '2026-03-04',
        targets: new Set(['hangar']),
        weapons: new Set(['drone']),
      }),
    );
    expect(score?.reasons).toEqual([
      'same day (2026-03-04)',
      'same place (Harir)',
      'same sub-type (Air/drone strike)',
      'same target (hangar)',
      'same weapon (drone)',
    ]);
  });

  it('lets a date read from the lead disagree softly, and an explicit one not at all', () => {
    const lead = scoreIncidentPair(
      incident('a', { place: HARIR, day: '2026-03-04', lead: true }),
      incident('b', { place: HARIR, day: '2026-03-07' }),
    );
    expect(lead).not.toBeNull();
    expect(lead?.reasons).toContain('lead dates differ');
  });
});

/** A blast in Harir coded as a remote explosive: with the device named ("a roadside bomb") or only heard. */
function blast(weaponNamed: boolean): Partial<ReportIncident> & { day?: string } {
  const subEventType = 'Remote explosive/landmine/IED';
  return {
    place: HARIR,
    day: '2026-03-04',
    type: 'REM_EXPLOS',
    types: new Set(['REM_EXPLOS']),
    subEventType,
    events: [
      {
        id: 'ev1',
        type: 'REM_EXPLOS',
        eventType: 'Explosions/Remote violence',
        subEventType,
        status: 'occurred',
        claimIds: [],
        weaponNamed,
      },
    ],
  };
}

describe('isRestatement: one report telling one event twice', () => {
  it.each<
    [
      string,
      boolean,
      Partial<ReportIncident> & { day?: string; lead?: boolean },
      Partial<ReportIncident> & { day?: string; lead?: boolean },
    ]
  >([
    [
      'headline and body on the same strike',
      true,
      { place: MOSUL, lead: true, day: '2026-03-04' },
      { place: MOSUL, day: '2026-03-04', targets: new Set(['depot']) },
    ],
    [
      'the strike and "both drones were shot down"',
      true,
      { place: HARIR, day: '2026-03-04' },
      { types: new Set(['DISR_WEAP']), type: 'DISR_WEAP' },
    ],
    [
      'a drone strike and a rocket attack in one roundup',
      false,
      { place: IRAQ, day: '2026-03-09' },
      { place: IRAQ, day: '2026-03-09', types: new Set(['ART_MISS_ATTACK']) },
    ],
    [
      'this week\'s strike and "last week\'s attempt"',
      false,
      { place: HARIR, day: '2026-03-11' },
      { place: HARIR, day: '2026-03-04', lead: true },
    ],
    [
      'two towns of one roundup',
      false,
      { place: MOSUL, day: '2026-03-04' },
      { place: BASRA, day: '2026-03-04' },
    ],
    [
      'the drone strike and "an explosion was heard" (no device named)',
      true,
      { place: HARIR, day: '2026-03-04' },
      blast(false),
    ],
    [
      'the drone strike and "a roadside bomb went off"',
      false,
      { place: HARIR, day: '2026-03-04' },
      blast(true),
    ],
  ])('%s → %s', (_name, expected, a, b) => {
    expect(isRestatement(incident('r', a), incident('r', b), {}, false) !== null).toBe(expected);
  });
});

describe('numbers and their bounds', () => {
  it.each<[string, [number, number], [number, QuantityBound, number | null, number | null]]>([
    ['three', [3, 3], [3, 'exact', 3, 3]],
    ['at least three', [3, Number.POSITIVE_INFINITY], [3, 'at-least', 3, null]],
    ['more than three', [4, Number.POSITIVE_INFINITY], [3, 'more-than', 3, null]],
    ['up to ten', [0, 10], [10, 'at-most', null, 10]],
    ['about twenty', [15, 25], [20, 'approximate', null, null]],
    ['between five and eight', [5, 8], [6.5, 'range', 5, 8]],
  ])('"%s" allows %j', (_name, expected, [value, bound, low, high]) => {
    expect(statedInterval(value, bound, low, high)).toEqual(expected);
  });

  it.each([
    ['3 killed vs 7 killed', true, [3, 3], [7, 7]],
    ['at least 3 vs 7', false, [3, Number.POSITIVE_INFINITY], [7, 7]],
    ['about 20 vs 22', false, [15, 25], [22, 22]],
    ['up to 10 vs 12', true, [0, 10], [12, 12]],
  ] as const)('%s: conflict = %s', (_name, expected, [al, ah], [bl, bh]) => {
    expect(countsConflict({ low: al, high: ah }, { low: bl, high: bh })).toBe(expected);
  });
});

describe('places and targets', () => {
  it.each([
    ['Erbil to Mosul', 80, ERBIL, MOSUL],
    ['Erbil to Harir', 49, ERBIL, HARIR],
  ])('%s is about %s km', (_name, km, a, b) => {
    expect(Math.abs(distanceKm(a.lat, a.lon, b.lat, b.lon) - km)).toBeLessThan(5);
  });

  it.each([
    ['Harir Air Base', ['base', 'harir']],
    ['the fuel depots', ['depot']],
    ['Ain al-Asad', ['ain', 'asad']],
  ])('target "%s" is matched on %j', (text, keys) => {
    expect(targetKeys(text)).toEqual(keys);
  });
});

/** A casualty count as the reader states it: `value` killed, exactly. */
function killed(value: number): ReportIncident['counts'][number] {
  return {
    kind: 'killed',
    claimId: null,
    value,
    bound: 'exact',
    low: value,
    high: value,
    surface: String(value),
  };
}

const UNKNOWN = {
  ...IRAQ,
  name: 'Wadi Qasr',
  lat: null,
  lon: null,
  precision: 'unresolved' as const,
  country: null,
};
const NINEVEH = { ...IRAQ, name: 'Nineveh', precision: 'admin1' as const, admin1: '15' };

describe('coarse places: a day, a country and a sub-type are not one event by themselves', () => {
  it.each<
    [
      string,
      'same' | 'apart',
      Partial<ReportIncident> & { day?: string; lead?: boolean },
      Partial<ReportIncident> & { day?: string; lead?: boolean },
    ]
  >([
    [
      'an airstrike in Iraq, same day and weapon, nothing else',
      'apart',
      { place: IRAQ, day: '2026-03-04', weapons: new Set(['drone']) },
      { place: IRAQ, day: '2026-03-04', weapons: new Set(['drone']) },
    ],
    [
      'an airstrike in Nineveh province, same day and weapon, nothing else',
      'apart',
      { place: NINEVEH, day: '2026-03-04', weapons: new Set(['drone']) },
      { place: NINEVEH, day: '2026-03-04', weapons: new Set(['drone']) },
    ],
    [
      'an airstrike in Iraq, same day, same target',
      'same',
      { place: IRAQ, day: '2026-03-04', targets: new Set(['depot']) },
      { place: IRAQ, day: '2026-03-04', targets: new Set(['depot']) },
    ],
    [
      'an airstrike in Iraq, same day, same actor',
      'same',
      { place: IRAQ, day: '2026-03-04', actors: new Set(['us force']) },
      { place: IRAQ, day: '2026-03-04', actors: new Set(['us force']) },
    ],
    [
      'an airstrike in Iraq, same day, both say 4 killed',
      'same',
      { place: IRAQ, day: '2026-03-04', counts: [killed(4)] },
      { place: IRAQ, day: '2026-03-04', counts: [killed(4)] },
    ],
    [
      'an airstrike in Iraq, same day, 4 killed and 9 killed',
      'apart',
      { place: IRAQ, day: '2026-03-04', counts: [killed(4)] },
      { place: IRAQ, day: '2026-03-04', counts: [killed(9)] },
    ],
    [
      'one report says not where: a shared target alone is not enough',
      'apart',
      { place: IRAQ, day: '2026-03-04', targets: new Set(['rocket']), weapons: new Set(['rocket']) },
      { place: UNKNOWN, day: '2026-03-04', targets: new Set(['rocket']), weapons: new Set(['rocket']) },
    ],
    [
      'one report says not where: target and actor together are',
      'same',
      { place: IRAQ, day: '2026-03-04', targets: new Set(['depot']), actors: new Set(['us force']) },
      { day: '2026-03-04', targets: new Set(['depot']), actors: new Set(['us force']) },
    ],
    [
      'a place the gazetteer does not know, named alike in both',
      'same',
      { place: UNKNOWN, day: '2026-03-04' },
      { place: UNKNOWN, day: '2026-03-04' },
    ],
    [
      'two precise places in one town need nothing more',
      'same',
      { place: MOSUL, day: '2026-03-04' },
      { place: MOSUL, day: '2026-03-04' },
    ],
  ])('%s → %s', (_name, expected, a, b) => {
    const score = scoreIncidentPair(incident('a', a), incident('b', b))?.score ?? 0;
    if (expected === 'same') expect(score).toBeGreaterThanOrEqual(0.5);
    else expect(score).toBeLessThan(0.5);
  });

  it('says so among the reasons', () => {
    const score = scoreIncidentPair(
      incident('a', { place: IRAQ, day: '2026-03-04' }),
      incident('b', { place: IRAQ, day: '2026-03-04' }),
    );
    expect(score?.reasons).toContain('placed no finer than a province, too little more specific shared');
  });

  it('does not chain same-day reports without a place into one event across the ledger', () => {
    // Ten reports of a drone strike on one day, none saying where or on what: ten events.
    const reports = Array.from({ length: 10 }, (_, k) =>
      incident(`doc-${k}`, { day: '2026-03-04', weapons: new Set(['drone']) }),
    );
    const { assignment } = clusterEvents(reports);
    expect(new Set(assignment.values()).size).toBe(10);
  });

  it('offers a pair without a country that shares a target as candidates, and not one that shares nothing', () => {
    const reports = [
      incident('a', { day: '2026-03-04', targets: new Set(['depot']) }),
      incident('b', { day: '2026-03-05', targets: new Set(['depot']) }),
      incident('c', { day: '2026-03-04', targets: new Set(['bridge']) }),
    ];
    expect(candidatePairs(reports)).toEqual([[0, 1]]);
  });
});
