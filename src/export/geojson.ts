import type { Ledger, LedgerEvent, LedgerEventStatus } from '../types/ledger.js';
import type { PlacePrecision } from '../types/place.js';
import { type Admin1Resolver, admin1Name } from './admin1-name.js';
import { eventsInExportOrder } from './event-order.js';

/** What each event feature says about the event (flat, so map tools can style on it). */
export interface EventFeatureProperties {
  readonly id: string;
  readonly type: string;
  readonly eventType: string | null;
  readonly subEventType: string | null;
  readonly dateFrom: string | null;
  readonly dateTo: string | null;
  readonly status: LedgerEventStatus;
  readonly place: string;
  /** How exactly the point locates the event: `admin1` means "somewhere in this province", not a pin. */
  readonly precision: PlacePrecision | null;
  /** ACLED geo_precision: 1 the place itself, 2 near it or part of a region, 3 a larger area. */
  readonly geoPrecision: 1 | 2 | 3 | null;
  readonly country: string | null;
  readonly admin1: string | null;
  readonly fatalities: number | null;
  readonly independentOrigins: number;
  readonly contradictions: number;
  readonly confidence: number;
}

/** Options of the GeoJSON export. */
export interface GeoJsonOptions {
  /** Names for GeoNames admin-1 codes; codes are written as they are without it. */
  readonly admin1Name?: Admin1Resolver;
}

/** An RFC 7946 Point feature for one ledger event. */
export interface EventFeature {
  readonly type: 'Feature';
  readonly id: string;
  /** [longitude, latitude], WGS 84. */
  readonly geometry: { readonly type: 'Point'; readonly coordinates: [number, number] };
  readonly properties: EventFeatureProperties;
}

/** The GeoJSON export: located events, and a count of the events that could not be placed. */
export interface EventFeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: EventFeature[];
  /** Foreign member: events left out because they have no coordinates. */
  readonly unlocated: number;
}

function located(event: LedgerEvent): event is LedgerEvent & {
  place: NonNullable<LedgerEvent['place']> & { lat: number; lon: number };
} {
  return (
    event.place !== null &&
    typeof event.place.lat === 'number' &&
    typeof event.place.lon === 'number' &&
    Number.isFinite(event.place.lat) &&
    Number.isFinite(event.place.lon)
  );
}

/**
 * The ledger's events as an RFC 7946 FeatureCollection of Points ([lon, lat], no `crs`), in date
 * order. Events without coordinates are left out and counted in the top-level `unlocated`.
 *
 * @example
 * const collection = ledgerToGeoJson(ledger);
 * collection.features[0].geometry.coordinates // [44.0, 36.2]
 */
export function ledgerToGeoJson(ledger: Ledger, options: GeoJsonOptions = {}): EventFeatureCollection {
  const events = eventsInExportOrder(ledger);
  const features = events.filter(located).map(
    (event): EventFeature => ({
      type: 'Feature',
      id: event.id,
      geometry: { type: 'Point', coordinates: [event.place.lon, event.place.lat] },
      properties: {
        id: event.id,
        type: event.type,
        eventType: event.eventType,
        subEventType: event.subEventType,
        dateFrom: event.date?.from ?? null,
        dateTo: event.date?.to ?? null,
        status: event.status,
        place: event.place.name,
        precision: event.place.precision,
        geoPrecision: event.place.geoPrecision,
        country: event.place.country,
        admin1: admin1Name(event.place, options.admin1Name),
        fatalities: event.fatalities,
        independentOrigins: event.support.independentOrigins,
        contradictions: event.contradictions.length,
        confidence: event.confidence,
      },
    }),
  );
  return { type: 'FeatureCollection', features, unlocated: events.length - features.length };
}

/**
 * The GeoJSON export as text (two-space indentation, final newline).
 *
 * @example writeFileSync('events.geojson', ledgerToGeoJsonText(ledger));
 */
export function ledgerToGeoJsonText(ledger: Ledger, options: GeoJsonOptions = {}): string {
  return `${JSON.stringify(ledgerToGeoJson(ledger, options), null, 2)}\n`;
}
