import type { LedgerEvent } from '../types/ledger.js';

/**
 * Turns a country code and a GeoNames admin-1 code into the division's name (the gazetteer's
 * `admin1Of(country, code)?.name`); null when unknown.
 */
export type Admin1Resolver = (countryCode: string, admin1: string) => string | null;

// GeoNames admin-1 codes are short ("15", "ON", "B5"); anything longer is already a name.
const ADMIN1_CODE = /^[0-9A-Z]{1,3}$/;

/**
 * True when a ledger place's `admin1` is a GeoNames code rather than a name.
 *
 * @example isAdmin1Code('15') // true
 */
export function isAdmin1Code(admin1: string | null | undefined): boolean {
  return typeof admin1 === 'string' && ADMIN1_CODE.test(admin1);
}

/**
 * The first-level division of an event's place as a name, for ACLED's `admin1` and GeoJSON:
 * a code is looked up with `resolve` (kept as it is when the resolver does not know it).
 *
 * @example admin1Name({ country: 'IQ', admin1: '11' }, gazetteerResolver) // 'Arbīl'
 */
export function admin1Name(
  place: Pick<NonNullable<LedgerEvent['place']>, 'country' | 'admin1'> | null,
  resolve: Admin1Resolver | undefined,
): string | null {
  if (!place?.admin1) return null;
  if (!resolve || !place.country || !isAdmin1Code(place.admin1)) return place.admin1;
  return resolve(place.country, place.admin1) ?? place.admin1;
}
