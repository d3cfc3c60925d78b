import { describe, expect, it } from 'vitest';
import { ledgerToGeoJson, ledgerToGeoJsonText } from '../../src/export/geojson.js';
import { sampleLedger } from './sample-ledger.js';

describe('GeoJSON export', () => {
  const ledger = sampleLedger();
  const collection = JSON.parse(ledgerToGeoJsonText(ledger));

  it('is an RFC 7946 FeatureCollection without a crs member', () => {
    expect(collection.type).toBe('FeatureCollection');
    expect(collection).not.toHaveProperty('crs');
    expect(collection).toEqual(ledgerToGeoJson(ledger));
  });

  it('has one Point per located event, in [longitude, latitude] order', () => {
    const located = ledger.events.filter((e) => e.place?.lat != null && e.place?.lon != null);
    expect(collection.features.map((f: { id: string }) => f.id).sort()).toEqual(
      located.map((e) => e.id).sort(),
    );
    for (const event of located) {
      const feature = collection.features.find((f: { id: string }) => f.id === event.id);
      expect(feature.type).toBe('Feature');
      expect(feature.geometry).toEqual({ type: 'Point', coordinates: [event.place!.lon, event.place!.lat] });
    }
  });

  it('counts the events it could not place', () => {
    expect(collection.unlocated).toBe(1);
    expect(collection.features).toHaveLength(ledger.events.length - 1);
  });

  it.each([
    // [event, property, value]
    ['wire-1:e1', 'type', 'AIR_STRIKE'],
    ['wire-1:e1', 'subEventType', 'Air/drone strike'],
    ['wire-1:e1', 'dateFrom', '2023-10-17'],
    ['wire-1:e1', 'status', 'disputed'],
    ['wire-1:e1', 'precision', 'exact'],
    ['wire-1:e1', 'independentOrigins', 2],
    ['wire-1:e1', 'contradictions', 1],
    ['local-1:e3', 'precision', 'admin1'],
    ['local-1:e3', 'geoPrecision', 3],
    ['local-1:e3', 'dateTo', '2023-11-12'],
    ['local-1:e3', 'admin1', 'Deir ez-Zor'],
    ['wire-1:e2', 'fatalities', 12],
  ] as const)('%s has %s = %j', (eventId, property, value) => {
    const feature = collection.features.find((f: { id: string }) => f.id === eventId);
    expect(feature.properties[property]).toEqual(value);
  });
});
