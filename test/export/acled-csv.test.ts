import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  ACLED_COLUMNS,
  acledDate,
  CORROBORATE_COLUMNS,
  disorderType,
  ledgerToAcledCsv,
  ledgerToAcledRows,
  parseAcledCsv,
} from '../../src/export/acled-csv.js';
import { parseCsv } from '../../src/export/csv.js';
import { distinctByHeadNoun } from '../../src/export/event-summary.js';
import type { AcledEventType } from '../../src/types/event.js';
import { sampleLedger } from './sample-ledger.js';

const TIMESTAMP = 1_700_000_000;

function rowOf(eventId: string) {
  const row = ledgerToAcledRows(sampleLedger(), { timestamp: TIMESTAMP }).find(
    (r) => r.corroborate_event_id === eventId,
  );
  if (!row) throw new Error(`no row for ${eventId}`);
  return row;
}

describe('ACLED CSV export', () => {
  it("writes ACLED's 31 columns in ACLED's order, then ours", () => {
    const [header] = parseCsv(ledgerToAcledCsv(sampleLedger(), { timestamp: TIMESTAMP }));
    expect(header!.slice(0, 31)).toEqual([
      'event_id_cnty',
      'event_date',
      'year',
      'time_precision',
      'disorder_type',
      'event_type',
      'sub_event_type',
      'actor1',
      'assoc_actor_1',
      'inter1',
      'actor2',
      'assoc_actor_2',
      'inter2',
      'interaction',
      'civilian_targeting',
      'iso',
      'region',
      'country',
      'admin1',
      'admin2',
      'admin3',
      'location',
      'latitude',
      'longitude',
      'geo_precision',
      'source',
      'source_scale',
      'notes',
      'fatalities',
      'tags',
      'timestamp',
    ]);
    expect(header!.slice(31)).toEqual([...CORROBORATE_COLUMNS]);
    expect(ACLED_COLUMNS).toHaveLength(31);
  });

  it('reads back every cell it wrote', () => {
    const ledger = sampleLedger();
    const rows = ledgerToAcledRows(ledger, { timestamp: TIMESTAMP });
    const parsed = parseAcledCsv(ledgerToAcledCsv(ledger, { timestamp: TIMESTAMP }));
    expect(parsed).toHaveLength(ledger.events.length);
    for (const [i, row] of rows.entries())
      for (const column of [...ACLED_COLUMNS, ...CORROBORATE_COLUMNS])
        expect(parsed[i]![column], `row ${i} ${column}`).toBe(row[column]);
  });

  it('lists events by date, undated last, and numbers ids per country', () => {
    const rows = ledgerToAcledRows(sampleLedger(), { timestamp: TIMESTAMP });
    expect(rows.map((r) => [r.event_id_cnty, r.corroborate_event_id])).toEqual([
      ['MOZ1', 'wire-1:e2'],
      ['IRQ1', 'wire-1:e1'],
      ['SYR1', 'local-1:e3'],
      ['XXX1', 'local-1:e4'],
    ]);
  });

  it.each([
    // [event, column, cell]
    ['wire-1:e1', 'event_date', '2023-10-17'],
    ['wire-1:e1', 'year', '2023'],
    ['wire-1:e1', 'time_precision', '1'],
    ['wire-1:e1', 'disorder_type', 'Political violence'],
    ['wire-1:e1', 'actor1', 'Islamic Resistance in Iraq'],
    ['wire-1:e1', 'actor2', 'US forces'],
    ['wire-1:e1', 'assoc_actor_2', 'Coalition forces'],
    ['wire-1:e1', 'iso', '368'],
    ['wire-1:e1', 'region', 'Middle East'],
    ['wire-1:e1', 'country', 'Iraq'],
    ['wire-1:e1', 'admin1', 'Erbil'],
    ['wire-1:e1', 'location', 'Harir Air Base'],
    ['wire-1:e1', 'latitude', '36.5353'],
    ['wire-1:e1', 'longitude', '44.3467'],
    ['wire-1:e1', 'geo_precision', '1'],
    ['wire-1:e1', 'source', 'Wire Service, Inc.; daily.example; Erbil Courier'],
    ['wire-1:e1', 'fatalities', '0'],
    ['wire-1:e1', 'fatalities_reported', ''],
    ['wire-1:e1', 'timestamp', String(TIMESTAMP)],
    ['wire-1:e1', 'status', 'disputed'],
    ['wire-1:e1', 'independent_origins', '2'],
    ['wire-1:e1', 'contradictions', '1'],
    ['wire-1:e1', 'member_documents', 'wire-1; reprint-1; local-1'],
    ['wire-1:e1', 'civilian_targeting', ''],
    ['local-1:e3', 'event_date', '2023-11-09'],
    ['local-1:e3', 'time_precision', '2'],
    ['local-1:e3', 'date_from', '2023-11-06'],
    ['local-1:e3', 'date_to', '2023-11-12'],
    ['local-1:e3', 'precision', 'admin1'],
    ['local-1:e3', 'geo_precision', '3'],
    ['local-1:e3', 'iso', '760'],
    ['local-1:e3', 'fatalities', '3'],
    ['local-1:e3', 'fatalities_reported', '3'],
    ['wire-1:e2', 'time_precision', '3'],
    ['wire-1:e2', 'event_date', '2023-10-16'],
    ['wire-1:e2', 'region', 'Southern Africa'],
    ['wire-1:e2', 'latitude', '-10.7667'],
    ['wire-1:e2', 'civilian_targeting', 'Civilian targeting'],
    ['wire-1:e2', 'occurrence', 'claimed'],
    ['local-1:e4', 'event_date', ''],
    ['local-1:e4', 'time_precision', ''],
    ['local-1:e4', 'iso', ''],
    ['local-1:e4', 'disorder_type', 'Demonstrations'],
    ['local-1:e4', 'fatalities_reported', '0'],
    ['local-1:e4', 'status_by_analyst', 'true'],
  ] as const)('%s: %s is %j', (eventId, column, cell) => {
    expect(rowOf(eventId)[column]).toBe(cell);
  });

  it('summarises the event in the notes', () => {
    expect(rowOf('wire-1:e1').notes).toBe(
      'On 2023-10-17, air/drone strike at Harir Air Base by Islamic Resistance in Iraq against US forces and ' +
        'Coalition forces with drone; no fatality count reported. Disputed: 2 independent origins, 1 contradiction.',
    );
    expect(rowOf('local-1:e4').notes).toBe(
      'On an unknown date, peaceful protest by Protesters (Iraq); 0 fatalities reported. ' +
        'Confirmed (analyst): 1 independent origin, 0 contradictions.',
    );
  });

  it('guards a formula-like actor name in the file and restores it on reading', () => {
    const text = ledgerToAcledCsv(sampleLedger(), { timestamp: TIMESTAMP });
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(text).toContain(',-10.7667,');
    const row = parseAcledCsv(text).find((r) => r.corroborate_event_id === 'local-1:e3');
    expect(row?.actor1).toBe('=HYPERLINK("http://evil.example")');
  });

  it.each([
    ['in another order', [...ACLED_COLUMNS].reverse()],
    [
      'in capitals, with a column of its own',
      [...ACLED_COLUMNS.map((c) => c.toUpperCase()), 'EVENT_ID_NO_CNTY'],
    ],
  ])('reads a plain ACLED file with its 31 columns %s', (_case, header) => {
    const cells = header.map((column) => (column.toLowerCase() === 'country' ? 'Iraq' : ''));
    const [row] = parseAcledCsv(`${header.join(',')}\r\n${cells.join(',')}\r\n`);
    expect(row?.country).toBe('Iraq');
    expect(row?.corroborate_event_id).toBeUndefined();
  });

  it.each([
    ['an empty text', '', /no header/],
    ['a missing column', 'event_id_cnty,event_date\r\nIRQ1,2023-10-17\r\n', /missing column\(s\) year/],
    ['a short row', `${ACLED_COLUMNS.join(',')}\r\nIRQ1\r\n`, /row 2 has 1 cells, the header has 31/],
  ])('refuses %s', (_case, text, message) => {
    expect(() => parseAcledCsv(text)).toThrow(InputError);
    expect(() => parseAcledCsv(text)).toThrow(message);
  });
});

describe('ACLED dates and disorder types', () => {
  it.each([
    [
      { from: '2023-10-17', to: '2023-10-17' },
      { date: '2023-10-17', precision: 1 },
    ],
    [
      { from: '2023-10-16', to: '2023-10-22' },
      { date: '2023-10-19', precision: 2 },
    ],
    [
      { from: '2023-10-14', to: '2023-10-15' },
      { date: '2023-10-14', precision: 2 },
    ],
    [
      { from: '2023-10-01', to: '2023-10-31' },
      { date: '2023-10-16', precision: 3 },
    ],
    [
      { from: '2024-02-28', to: '2024-03-01' },
      { date: '2024-02-29', precision: 2 },
    ],
    [null, null],
  ])('%j is coded as %j', (range, coded) => {
    expect(acledDate(range)).toEqual(coded);
  });

  it.each([
    ['Battles', 'Armed clash', 'Political violence'],
    ['Explosions/Remote violence', 'Air/drone strike', 'Political violence'],
    ['Violence against civilians', 'Attack', 'Political violence'],
    ['Protests', 'Peaceful protest', 'Demonstrations'],
    ['Protests', 'Excessive force against protesters', 'Political violence; Demonstrations'],
    ['Riots', 'Violent demonstration', 'Demonstrations'],
    ['Riots', 'Mob violence', 'Political violence'],
    ['Strategic developments', 'Arrests', 'Strategic developments'],
    [null, null, ''],
  ] as const)('%s / %s → %s', (eventType, subEventType, disorder) => {
    expect(disorderType(eventType as AcledEventType | null, subEventType)).toBe(disorder);
  });
});

describe('the notes summary', () => {
  it.each([
    [['drones', 'Armed drones', 'Drone'], ['Armed drones']],
    [
      ['drones', 'rockets', 'a rocket'],
      ['drones', 'a rocket'],
    ],
    [
      ['artillery', 'mortars'],
      ['artillery', 'mortars'],
    ],
    [['gas', 'tear gas'], ['tear gas']],
    [[], []],
  ])('names the weapons %j once each: %j', (weapons, named) => {
    expect(distinctByHeadNoun(weapons)).toEqual(named);
  });
});
