import { describe, expect, it } from 'vitest';
import { ledgerToAcledRows } from '../../src/export/acled-csv.js';
import { admin1Name, isAdmin1Code } from '../../src/export/admin1-name.js';
import { ledgerToGeoJson } from '../../src/export/geojson.js';
import type { Ledger } from '../../src/types/ledger.js';
import { sampleLedger } from './sample-ledger.js';

// A stand-in for the gazetteer's admin1Of(country, code)?.name.
const names: Record<string, string> = { 'IQ.11': 'Arbīl', 'SY.05': 'Deir ez-Zor' };
const resolve = (country: string, code: string) => names[`${country}.${code}`] ?? null;

function withAdmin1Codes(): Ledger {
  const ledger = sampleLedger();
  const codes: Record<string, string> = { 'wire-1:e1': '11', 'local-1:e3': '99' };
  return {
    ...ledger,
    events: ledger.events.map((event) =>
      event.place && codes[event.id]
        ? { ...event, place: { ...event.place, admin1: codes[event.id]! } }
        : event,
    ),
  };
}

describe('admin-1 names', () => {
  it.each([
    ['15', true],
    ['ON', true],
    ['B5', true],
    ['Erbil', false],
    ['Cabo Delgado', false],
    [null, false],
  ])('%j is a GeoNames code: %s', (value, isCode) => {
    expect(isAdmin1Code(value)).toBe(isCode);
  });

  it.each([
    [{ country: 'IQ', admin1: '11' }, 'Arbīl'],
    [{ country: 'IQ', admin1: '99' }, '99'],
    [{ country: 'IQ', admin1: 'Erbil' }, 'Erbil'],
    [{ country: null, admin1: '11' }, '11'],
    [{ country: 'IQ', admin1: null }, null],
  ])('%j is written as %j', (place, name) => {
    expect(admin1Name(place, resolve)).toBe(name);
  });

  it('names codes in the ACLED admin1 column and the GeoJSON properties', () => {
    const ledger = withAdmin1Codes();
    const rows = ledgerToAcledRows(ledger, { timestamp: 0, admin1Name: resolve });
    const admin1 = Object.fromEntries(rows.map((row) => [row.corroborate_event_id, row.admin1]));
    expect(admin1).toMatchObject({ 'wire-1:e1': 'Arbīl', 'local-1:e3': '99', 'wire-1:e2': 'Cabo Delgado' });
    const features = ledgerToGeoJson(ledger, { admin1Name: resolve }).features;
    expect(features.find((f) => f.id === 'wire-1:e1')?.properties.admin1).toBe('Arbīl');
    expect(
      ledgerToAcledRows(ledger, { timestamp: 0 }).find((r) => r.corroborate_event_id === 'wire-1:e1')?.admin1,
    ).toBe('11');
  });
});
