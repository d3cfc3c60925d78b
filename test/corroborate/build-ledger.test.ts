import { beforeAll, describe, expect, it } from 'vitest';
import { buildLedger, type LedgerInputDocument } from '../../src/corroborate/build-ledger.js';
import { type Gazetteer, loadDefaultGazetteer } from '../../src/geo/gazetteer.js';
import type { Ledger, LedgerEvent, ReviewDecision } from '../../src/types/ledger.js';
import { HARIR_REPORTS } from './harir-reports.js';
import { ledgerInput } from './ledger-reports.js';

let gazetteer: Gazetteer;
let docs: LedgerInputDocument[];
let ledger: Ledger;

beforeAll(async () => {
  gazetteer = await loadDefaultGazetteer('/nonexistent/store.jsonl.gz');
  docs = HARIR_REPORTS.map((r) => ledgerInput(r, gazetteer));
  ledger = buildLedger(docs);
});

const eventsOf = (l: Ledger, documentId: string) =>
  l.events.filter((e) => e.members.some((m) => m.documentId === documentId));
/** The ledger event that holds a report's first event of the given type. */
const mainEvent = (l: Ledger, documentId: string): LedgerEvent | undefined => {
  const doc = docs.find((d) => d.id === documentId);
  const first = doc?.record.events.find((e) => e.type !== 'OTHER' && e.type !== 'none');
  return l.events.find((e) => e.members.some((m) => m.documentId === documentId && m.eventId === first?.id));
};
const sameEvent = (l: Ledger, a: string, b: string) => {
  const ea = mainEvent(l, a);
  return ea !== undefined && ea === mainEvent(l, b);
};

describe('origins: copies of one story count once', () => {
  it.each([
    ['the wire story and its reprint with a new headline', 'meridian-harir', 'erbil-daily-harir', true],
    ['the wire story and a republication with a notice', 'meridian-harir', 'valley-courier-harir', true],
    [
      'the wire story and an independent report of the same attack',
      'meridian-harir',
      'kurdistan-observer-harir',
      false,
    ],
    [
      'two outlets reporting the Mosul depot strike in their own words',
      'mosul-times-depot',
      'nineveh-news-depot',
      false,
    ],
    [
      'two reports by one outlet a week apart',
      'kurdistan-observer-harir',
      'kurdistan-observer-harir-later',
      false,
    ],
  ])('%s: one origin = %s', (_name, a, b, same) => {
    const origin = (id: string) => ledger.documents.find((d) => d.id === id)?.originId;
    expect(origin(a) === origin(b)).toBe(same);
  });

  it('keeps the links that formed a group, with similarity and reason', () => {
    const wire = ledger.origins.find((o) => o.documentIds.includes('meridian-harir'));
    expect(wire?.documentIds).toHaveLength(3);
    expect(wire?.method).not.toBe('own');
    for (const link of wire?.links ?? []) {
      expect(link.similarity).toBeGreaterThan(0.3);
      expect(link.reason).not.toBe('');
    }
  });
});

describe('event clustering: the same event across reports', () => {
  it.each([
    [
      'the wire story and an independent report of the Harir attack',
      'meridian-harir',
      'kurdistan-observer-harir',
      true,
    ],
    [
      'two independent reports of the Mosul depot strike (3 vs 7 killed)',
      'mosul-times-depot',
      'nineveh-news-depot',
      true,
    ],
    [
      'two attacks on Harir a week apart',
      'kurdistan-observer-harir',
      'kurdistan-observer-harir-later',
      false,
    ],
    [
      'a bombing near Basra and a strike in Mosul on the same day',
      'basra-herald-ied',
      'mosul-times-depot',
      false,
    ],
    ['a strike on Harir and a strike on Mosul on the same day', 'meridian-harir', 'mosul-times-depot', false],
  ])('%s: same event = %s', (_name, a, b, same) => {
    expect(sameEvent(ledger, a, b)).toBe(same);
  });

  it('gives each cross-report link a score over the threshold and its reasons', () => {
    const harir = mainEvent(ledger, 'kurdistan-observer-harir');
    const across = harir?.links.filter((l) => l.a.documentId !== l.b.documentId) ?? [];
    expect(across.length).toBeGreaterThan(0);
    for (const link of across) {
      expect(link.score).toBeGreaterThanOrEqual(0.5);
      expect(link.by).toBe('auto');
      expect(link.reasons.some((r) => r.startsWith('same day'))).toBe(true);
    }
  });

  it('is the same ledger whatever order the documents come in', () => {
    expect(buildLedger([...docs].reverse())).toEqual(ledger);
  });
});

describe('support, status and contradictions', () => {
  it.each([
    ['Harir attack: the wire origin and an independent report', 'meridian-harir', 2, 'disputed'],
    ['Mosul depot strike: two independent outlets', 'mosul-times-depot', 2, 'corroborated'],
    ['the later Harir attack: one report', 'kurdistan-observer-harir-later', 1, 'unverified'],
  ])('%s: %s independent origins, %s', (_name, doc, origins, status) => {
    const event = mainEvent(ledger, doc);
    expect(event?.support.independentOrigins).toBe(origins);
    expect(event?.status).toBe(status);
    expect(event?.statusByAnalyst).toBe(false);
  });

  it.each([
    ['damage to a hangar vs "no damage or casualties"', 'meridian-harir', 'outcome'],
    ['three killed vs seven killed', 'mosul-times-depot', 'number'],
  ])('%s → %s contradiction with both claims', (_name, doc, kind) => {
    const event = mainEvent(ledger, doc);
    const found = event?.contradictions.find((c) => c.kind === kind);
    expect(found).toBeDefined();
    const claimIds = new Set(ledger.claims.map((c) => c.id));
    expect(claimIds.has(found?.a ?? '')).toBe(true);
    expect(claimIds.has(found?.b ?? '')).toBe(true);
    expect(found?.a.split(':')[0]).not.toBe(found?.b.split(':')[0]);
  });

  it('flags the casualty numbers across reports as a mismatch, and picks a fatality count', () => {
    const mosul = mainEvent(ledger, 'mosul-times-depot');
    const check = ledger.checks.find((c) => c.kind === 'numbers' && c.eventIds.includes(mosul?.id ?? ''));
    expect(check?.status).toBe('mismatch');
    expect([3, 7]).toContain(mosul?.fatalities);
  });

  it('ties claims to the events they bear on', () => {
    const mosul = mainEvent(ledger, 'mosul-times-depot');
    const tied = ledger.claims.filter((c) => c.eventIds.includes(mosul?.id ?? ''));
    expect(tied.map((c) => c.documentId).sort()).toEqual(['mosul-times-depot', 'nineveh-news-depot']);
  });

  it('checks the group’s tally of attacks and finds the ledger too thin to confirm it', () => {
    const tally = ledger.checks.find((c) => c.kind === 'tally' && c.documentId === 'meridian-harir');
    expect(tally?.statedValue).toBe(12);
    expect(tally?.status).toBe('unverifiable');
    expect(tally?.observedValue).toBeLessThan(12);
  });

  it('checks a tally repeated by copies of one story once', () => {
    const copies = ['meridian-harir', 'erbil-daily-harir', 'valley-courier-harir'];
    expect(ledger.checks.filter((c) => c.kind === 'tally' && copies.includes(c.documentId))).toHaveLength(1);
  });
});

describe('review decisions replayed', () => {
  const by = 'amira';
  const at = '2025-06-20T10:00:00Z';
  const ref = (documentId: string) => {
    const e = docs.find((d) => d.id === documentId)?.record.events.find((x) => x.type !== 'OTHER');
    return { documentId, eventId: e?.id ?? '' };
  };
  const eventsOfAll = (decisions: ReviewDecision[]) => buildLedger(docs, { decisions });

  it.each<[string, () => ReviewDecision[], (l: Ledger) => boolean]>([
    [
      'merge joins the two Harir attacks',
      () => [
        {
          kind: 'merge',
          members: [ref('meridian-harir'), ref('kurdistan-observer-harir-later')],
          by,
          at,
          note: null,
        },
      ],
      (l) => sameEvent(l, 'meridian-harir', 'kurdistan-observer-harir-later'),
    ],
    [
      'split takes the independent report out of the Harir attack',
      () => [
        {
          kind: 'split',
          members: eventsOf(ledger, 'kurdistan-observer-harir').flatMap((e) =>
            e.members.filter((m) => m.documentId === 'kurdistan-observer-harir'),
          ),
          by,
          at,
          note: 'different attack',
        },
      ],
      (l) =>
        !sameEvent(l, 'meridian-harir', 'kurdistan-observer-harir') &&
        sameEvent(l, 'meridian-harir', 'erbil-daily-harir'),
    ],
    [
      'a merge after a split wins',
      () => [
        { kind: 'split', members: [ref('nineveh-news-depot')], by, at, note: null },
        { kind: 'merge', members: [ref('nineveh-news-depot'), ref('mosul-times-depot')], by, at, note: null },
      ],
      (l) => sameEvent(l, 'mosul-times-depot', 'nineveh-news-depot'),
    ],
    [
      'set-status confirms an event',
      () => [
        { kind: 'set-status', member: ref('basra-herald-ied'), status: 'confirmed', by, at, note: null },
      ],
      (l) =>
        mainEvent(l, 'basra-herald-ied')?.status === 'confirmed' &&
        mainEvent(l, 'basra-herald-ied')?.statusByAnalyst === true,
    ],
    [
      'the later of two status decisions wins',
      () => [
        { kind: 'set-status', member: ref('basra-herald-ied'), status: 'false', by, at, note: null },
        { kind: 'set-status', member: ref('basra-herald-ied'), status: 'confirmed', by, at, note: null },
      ],
      (l) => mainEvent(l, 'basra-herald-ied')?.status === 'confirmed',
    ],
    [
      'rate-claim rates a claim',
      () => [
        {
          kind: 'rate-claim',
          claim: { documentId: 'nineveh-news-depot', claimId: 'c1' },
          rating: 2,
          label: 'Misleading',
          by,
          at,
          note: 'toll later revised',
        },
      ],
      (l) => l.claims.find((c) => c.id === 'nineveh-news-depot:c1')?.rating?.label === 'Misleading',
    ],
  ])('%s', (_name, decisions, holds) => {
    expect(holds(eventsOfAll(decisions()))).toBe(true);
  });

  it('an analyst merge shows as a link by the analyst', () => {
    const l = eventsOfAll([
      {
        kind: 'merge',
        members: [ref('meridian-harir'), ref('kurdistan-observer-harir-later')],
        by,
        at,
        note: 'same campaign',
      },
    ]);
    expect(
      mainEvent(l, 'meridian-harir')?.links.some(
        (x) => x.by === 'analyst' && x.reasons[0]?.includes('same campaign'),
      ),
    ).toBe(true);
  });
});
