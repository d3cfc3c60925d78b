/** A named area that is not an administrative unit in the gazetteer. */
export interface NamedRegion {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  /** The one country it lies in, or null for multi-country areas. */
  readonly countryCode: string | null;
  /** `admin1` for sub-national areas, `region` for multi-country areas and continents. */
  readonly precision: 'admin1' | 'region';
}

// Approximate centres, written by hand: continents and multi-country areas that conflict news
// names but no admin table lists.
const ROWS: [string[], number, number, string | null, 'admin1' | 'region'][] = [
  [['Middle East', 'Mideast', 'Middle Eastern'], 29, 41, null, 'region'],
  [['North Africa', 'North African'], 27, 17, null, 'region'],
  [['West Africa', 'West African'], 12, -2, null, 'region'],
  [['East Africa', 'East African'], 2, 38, null, 'region'],
  [['Southern Africa'], -25, 25, null, 'region'],
  [['Central Asia', 'Central Asian'], 45, 65, null, 'region'],
  [['South Asia', 'South Asian'], 25, 78, null, 'region'],
  [['East Asia', 'East Asian'], 35, 115, null, 'region'],
  [['Western Europe'], 48, 5, null, 'region'],
  [['Eastern Europe', 'Eastern European'], 50, 30, null, 'region'],
  // The Union, not the continent: placed at the seat of its institutions, Brussels.
  [['European Union'], 50.85, 4.35, null, 'region'],
  [['Europe', 'European'], 48.7, 9.1, null, 'region'],
  [['Africa', 'African'], 7.2, 21.1, null, 'region'],
  [['Asia', 'Asian'], 29.8, 89.3, null, 'region'],
  [['North America', 'North American'], 46.1, -100.5, null, 'region'],
  [['South America', 'South American'], -14.6, -57.7, null, 'region'],
  [['Latin America', 'Latin American'], -8, -60, null, 'region'],
  [['Central America', 'Central American'], 13, -86, null, 'region'],
  [['Oceania'], -18.3, 138.5, null, 'region'],
  [['Antarctica'], -78, 16, null, 'region'],
  [['Caribbean'], 15, -73, null, 'region'],
  [['Balkans'], 43, 21, null, 'region'],
  [['Caucasus'], 42.5, 45, null, 'region'],
  [['Levant'], 33.5, 36.5, null, 'region'],
  [['Sahel'], 15, 5, null, 'region'],
  [['Horn of Africa'], 8, 45, null, 'region'],
  [['Persian Gulf', 'Arabian Gulf'], 26.5, 52, null, 'region'],
  [['Scandinavia'], 63, 14, null, 'region'],
  [['Southeast Asia'], 8, 110, null, 'region'],
  [['Kashmir'], 34.5, 75.5, null, 'region'],
  [
    ['Kurdistan Region', 'Kurdistan Region of Iraq', 'Iraqi Kurdistan', 'Kurdistan'],
    36.4,
    44.4,
    'IQ',
    'admin1',
  ],
  [['Gaza Strip'], 31.42, 34.37, 'PS', 'admin1'],
  [['West Bank'], 32, 35.25, 'PS', 'admin1'],
  [['Golan Heights', 'Golan'], 33, 35.75, 'SY', 'admin1'],
  [['Sinai', 'Sinai Peninsula'], 29.5, 33.8, 'EG', 'admin1'],
  [['Donbas', 'Donbass'], 48, 38.5, 'UA', 'admin1'],
  [['Darfur'], 13.5, 24, 'SD', 'admin1'],
];

/**
 * Named regions by lower-cased name (hyphens as spaces).
 *
 * @example NAMED_REGIONS.get('middle east')?.precision // 'region'
 */
export const NAMED_REGIONS: ReadonlyMap<string, NamedRegion> = new Map(
  ROWS.flatMap(([names, lat, lon, countryCode, precision]) =>
    names.map((n) => [n.toLowerCase(), { name: names[0]!, lat, lon, countryCode, precision }] as const),
  ),
);
