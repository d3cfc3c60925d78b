import type { Evidence, Span } from './span.js';

/** What kind of place a mention names. */
export type PlaceKind =
  | 'country'
  | 'admin1'
  | 'admin2'
  | 'city'
  | 'facility'
  | 'region'
  | 'landform'
  | 'water'
  | 'demonym'
  | 'other';

/**
 * How exactly the coordinates locate the mention: `exact` (the named facility or town is
 * known), `near` (the vicinity of a known place, or an unknown facility placed at its
 * containing place), `admin2`, `admin1`, `country`, `region` (a multi-country area).
 */
export type PlacePrecision = 'exact' | 'near' | 'admin2' | 'admin1' | 'country' | 'region' | 'unresolved';

/** A place named in the text, geocoded where possible. */
export interface Place extends Span, Evidence {
  readonly id: string;
  /** Surface form. */
  readonly name: string;
  readonly kind: PlaceKind;
  /** Gazetteer name of the resolved place. */
  readonly resolvedName: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geonameid: number | null;
  readonly countryCode: string | null;
  readonly admin1: string | null;
  readonly precision: PlacePrecision;
  /** ACLED geo_precision (1 exact town, 2 near/part of region, 3 admin/region). */
  readonly acledPrecision: 1 | 2 | 3 | null;
  /** The place the coordinates belong to when it is not the mention itself ("near Erbil"). */
  readonly anchor: string | null;
}

/** The place where the report's main event happened. */
export interface EventLocation extends Span {
  readonly name: string;
  readonly placeId: string | null;
  readonly confidence: number;
}
