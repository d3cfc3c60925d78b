/**
 * Surface forms of units, currencies and scale words, mapped to the compact unit ids of the
 * analysis record (`m`, `km2`, `USD`, `degC`, …), and the factors that put a value into its
 * dimension's base unit.
 */

/** A dimension a unit belongs to; `count` and `percent` have no conversion. */
export type Dimension =
  | 'length'
  | 'area'
  | 'mass'
  | 'time'
  | 'speed'
  | 'temperature'
  | 'currency'
  | 'percent'
  | 'count';

/**
 * Factor to the base unit of each convertible dimension (base: m, m2, kg, s, m/s).
 * Months and years are mean Gregorian ones (365.2425 days), as analysts and the scorer use.
 *
 * @example BASE_FACTORS.area.ft2 // 0.09290304
 */
export const BASE_FACTORS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  length: { m: 1, km: 1000, mi: 1609.344, ft: 0.3048, cm: 0.01, mm: 0.001, yd: 0.9144, nmi: 1852 },
  area: { m2: 1, km2: 1e6, ft2: 0.09290304, ha: 1e4, acre: 4046.8564224, mi2: 2589988.110336 },
  mass: { kg: 1, t: 1000, lb: 0.45359237, g: 0.001 },
  time: { s: 1, min: 60, h: 3600, d: 86400, wk: 604800, mo: 2629746, yr: 31556952 },
  speed: { 'm/s': 1, 'km/h': 1 / 3.6, mph: 0.44704 },
};

const BASE_UNIT: Readonly<Record<string, string>> = {
  length: 'm',
  area: 'm2',
  mass: 'kg',
  time: 's',
  speed: 'm/s',
  temperature: 'degC',
};

/**
 * The dimension of a unit id.
 *
 * @example dimensionOf('ft2') // 'area'; dimensionOf('EUR') // 'currency'
 */
export function dimensionOf(unit: string): Dimension {
  let dim = dimensions.get(unit);
  if (dim === undefined) {
    // The tables are fixed, so the answer is too: remembered, with a bound against stray strings.
    if (dimensions.size >= 4096) dimensions.clear();
    dim = readDimension(unit);
    dimensions.set(unit, dim);
  }
  return dim;
}

const dimensions = new Map<string, Dimension>();

function readDimension(unit: string): Dimension {
  for (const [dim, table] of Object.entries(BASE_FACTORS)) if (unit in table) return dim as Dimension;
  if (unit === 'degC' || unit === 'degF') return 'temperature';
  if (unit === '%') return 'percent';
  if (/^[A-Z]{3}$/.test(unit)) return 'currency';
  return 'count';
}

/**
 * A value in its dimension's base unit, or null for counts, percentages and money.
 *
 * @example toBaseUnit(13700, 'ft2') // { value: 1272.771648, unit: 'm2' }
 */
export function toBaseUnit(value: number, unit: string): { value: number; unit: string } | null {
  const dim = dimensionOf(unit);
  if (dim === 'temperature') {
    const c = unit === 'degF' ? ((value - 32) * 5) / 9 : value;
    return { value: round(c), unit: 'degC' };
  }
  const factor = BASE_FACTORS[dim]?.[unit];
  const base = BASE_UNIT[dim];
  if (factor === undefined || base === undefined) return null;
  return { value: round(value * factor), unit: base };
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/**
 * Unit words and abbreviations written after a number (lower-cased; matched longest first,
 * whole words only). Single letters are kept to the few that are unambiguous after a number.
 *
 * @example UNIT_WORDS['square metres'] // 'm2'
 */
export const UNIT_WORDS: Readonly<Record<string, string>> = {
  // length
  m: 'm',
  meter: 'm',
  meters: 'm',
  metre: 'm',
  metres: 'm',
  km: 'km',
  kms: 'km',
  kilometer: 'km',
  kilometers: 'km',
  kilometre: 'km',
  kilometres: 'km',
  mi: 'mi',
  mile: 'mi',
  miles: 'mi',
  ft: 'ft',
  foot: 'ft',
  feet: 'ft',
  cm: 'cm',
  centimetres: 'cm',
  centimeters: 'cm',
  centimetre: 'cm',
  centimeter: 'cm',
  mm: 'mm',
  millimetres: 'mm',
  millimeters: 'mm',
  millimetre: 'mm',
  millimeter: 'mm',
  yard: 'yd',
  yards: 'yd',
  yd: 'yd',
  'nautical mile': 'nmi',
  'nautical miles': 'nmi',
  // area
  m2: 'm2',
  'm²': 'm2',
  'm^2': 'm2',
  'sq m': 'm2',
  sqm: 'm2',
  'sq. m': 'm2',
  'square meter': 'm2',
  'square meters': 'm2',
  'square metre': 'm2',
  'square metres': 'm2',
  'meters squared': 'm2',
  'metres squared': 'm2',
  'm squared': 'm2',
  km2: 'km2',
  'km²': 'km2',
  'km^2': 'km2',
  'sq km': 'km2',
  'sq. km': 'km2',
  'square kilometer': 'km2',
  'square kilometers': 'km2',
  'square kilometre': 'km2',
  'square kilometres': 'km2',
  'km squared': 'km2',
  'kilometres squared': 'km2',
  'kilometers squared': 'km2',
  ft2: 'ft2',
  'ft²': 'ft2',
  'sq ft': 'ft2',
  'sq. ft': 'ft2',
  'sq. ft.': 'ft2',
  'sq feet': 'ft2',
  'square foot': 'ft2',
  'square feet': 'ft2',
  'mi²': 'mi2',
  'sq mi': 'mi2',
  'sq. mi': 'mi2',
  'sq. mi.': 'mi2',
  'sq. miles': 'mi2',
  'sq miles': 'mi2',
  'sq km.': 'km2',
  'sq. metres': 'm2',
  'sq metres': 'm2',
  'sq meters': 'm2',
  'sq. meters': 'm2',
  'square mile': 'mi2',
  'square miles': 'mi2',
  ha: 'ha',
  hectare: 'ha',
  hectares: 'ha',
  acre: 'acre',
  acres: 'acre',
  dunam: 'dunam',
  dunams: 'dunam',
  // mass
  kg: 'kg',
  kgs: 'kg',
  kilogram: 'kg',
  kilograms: 'kg',
  kilogramme: 'kg',
  kilogrammes: 'kg',
  kilo: 'kg',
  kilos: 'kg',
  t: 't',
  tonne: 't',
  tonnes: 't',
  'metric ton': 't',
  'metric tons': 't',
  'metric tonnes': 't',
  ton: 't',
  tons: 't',
  lb: 'lb',
  lbs: 'lb',
  g: 'g',
  gram: 'g',
  grams: 'g',
  // time
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
  min: 'min',
  mins: 'min',
  minute: 'min',
  minutes: 'min',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  day: 'd',
  days: 'd',
  wk: 'wk',
  wks: 'wk',
  week: 'wk',
  weeks: 'wk',
  month: 'mo',
  months: 'mo',
  yr: 'yr',
  yrs: 'yr',
  year: 'yr',
  years: 'yr',
  yo: 'yr',
  'y.o.': 'yr',
  // speed
  'km/h': 'km/h',
  'km/hr': 'km/h',
  kph: 'km/h',
  kmph: 'km/h',
  kmh: 'km/h',
  'kilometres per hour': 'km/h',
  'kilometers per hour': 'km/h',
  'kilometre per hour': 'km/h',
  'kilometer per hour': 'km/h',
  'kilometres an hour': 'km/h',
  'km per hour': 'km/h',
  'km an hour': 'km/h',
  'kms per hour': 'km/h',
  'mi per hour': 'mph',
  'meters a second': 'm/s',
  'metres a second': 'm/s',
  'kilometers an hour': 'km/h',
  mph: 'mph',
  'mi/h': 'mph',
  'miles/hour': 'mph',
  'km/hour': 'km/h',
  'kilometers/hour': 'km/h',
  'kilometres/hour': 'km/h',
  'm/sec': 'm/s',
  'meter per second': 'm/s',
  'metre per second': 'm/s',
  'miles per hour': 'mph',
  'mile per hour': 'mph',
  'miles an hour': 'mph',
  'm/s': 'm/s',
  'meters per second': 'm/s',
  'metres per second': 'm/s',
  // temperature (a bare "C"/"F" needs the degree sign or "degrees")
  '°c': 'degC',
  'º c': 'degC',
  ºc: 'degC',
  '° c': 'degC',
  '°celsius': 'degC',
  '° celsius': 'degC',
  celsius: 'degC',
  celcius: 'degC',
  centigrade: 'degC',
  'degrees c': 'degC',
  'degree c': 'degC',
  'degrees celsius': 'degC',
  'degree celsius': 'degC',
  'degrees celcius': 'degC',
  'deg celsius': 'degC',
  'deg c': 'degC',
  'degrees centigrade': 'degC',
  '°f': 'degF',
  '° f': 'degF',
  ºf: 'degF',
  'º f': 'degF',
  '° fahrenheit': 'degF',
  '°fahrenheit': 'degF',
  fahrenheit: 'degF',
  farenheit: 'degF',
  'degrees f': 'degF',
  'degree f': 'degF',
  'degrees fahrenheit': 'degF',
  'degree fahrenheit': 'degF',
  'degrees farenheit': 'degF',
  'deg fahrenheit': 'degF',
  'deg f': 'degF',
  // percent
  '%': '%',
  percent: '%',
  'per cent': '%',
  pct: '%',
  'percentage points': '%',
  'percentage point': '%',
};

/** Units whose value is put into the record's README ids by conversion (the scorer's extras). */
export const EXTRA_UNIT_FACTORS: Readonly<Record<string, { unit: string; factor: number }>> = {
  dunam: { unit: 'm2', factor: 1000 },
};

/**
 * Currency words and codes written after a number ("5 million dollars", "40 rmb", "10 €").
 * Lower-cased; multi-word entries win over single words.
 *
 * @example CURRENCY_AFTER['syrian pounds'] // 'SYP'
 */
export const CURRENCY_AFTER: Readonly<Record<string, string>> = {
  $: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  bucks: 'USD',
  'us dollar': 'USD',
  'us dollars': 'USD',
  'u.s. dollars': 'USD',
  'american dollars': 'USD',
  'australian dollar': 'AUD',
  'australian dollars': 'AUD',
  'canadian dollar': 'CAD',
  'canadian dollars': 'CAD',
  'hong kong dollars': 'HKD',
  'new zealand dollars': 'NZD',
  'singapore dollars': 'SGD',
  usd: 'USD',
  '€': 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  eur: 'EUR',
  '£': 'GBP',
  'pound sterling': 'GBP',
  'pounds sterling': 'GBP',
  'british pounds': 'GBP',
  sterling: 'GBP',
  gbp: 'GBP',
  '¥': 'JPY',
  yen: 'JPY',
  jpy: 'JPY',
  yuan: 'CNY',
  'chinese yuan': 'CNY',
  renminbi: 'CNY',
  rmb: 'CNY',
  cny: 'CNY',
  元: 'CNY',
  '₡': 'CRC',
  '₾': 'GEL',
  '₭': 'LAK',
  ரூ: 'LKR',
  '₹': 'INR',
  rupees: 'INR',
  'indian rupees': 'INR',
  '₽': 'RUB',
  roubles: 'RUB',
  rubles: 'RUB',
  '₪': 'ILS',
  shekels: 'ILS',
  shekel: 'ILS',
  nis: 'ILS',
  '₺': 'TRY',
  'turkish lira': 'TRY',
  '₴': 'UAH',
  hryvnias: 'UAH',
  hryvnia: 'UAH',
  'iraqi dinars': 'IQD',
  'iranian rials': 'IRR',
  rials: 'IRR',
  'saudi riyals': 'SAR',
  riyals: 'SAR',
  'syrian pounds': 'SYP',
  'lebanese pounds': 'LBP',
  'egyptian pounds': 'EGP',
  'swiss francs': 'CHF',
  'mexican pesos': 'MXN',
  'philippine pesos': 'PHP',
  'colombian pesos': 'COP',
  'argentine pesos': 'ARS',
  'chilean pesos': 'CLP',
  baht: 'THB',
  ringgit: 'MYR',
  naira: 'NGN',
  dirhams: 'AED',
  'uae dirhams': 'AED',
  zloty: 'PLN',
  zlotys: 'PLN',
  forint: 'HUF',
  koruna: 'CZK',
  rupiah: 'IDR',
  'south korean won': 'KRW',
  'korean won': 'KRW',
  'brazilian reais': 'BRL',
  'brazilian real': 'BRL',
  'south african rand': 'ZAR',
  'afghan afghanis': 'AFN',
  afghanis: 'AFN',
  'jordanian dinars': 'JOD',
  'kuwaiti dinars': 'KWD',
  'libyan dinars': 'LYD',
  'sudanese pounds': 'SDG',
  'yemeni rials': 'YER',
  'qatari riyals': 'QAR',
  'new taiwan dollars': 'TWD',
  '₩': 'KRW',
  '₫': 'VND',
  '฿': 'THB',
  '₱': 'PHP',
  '₦': 'NGN',
};

/**
 * Currency symbols and codes written before a number ("$5", "US$ 3", "HK$ 10", "USD 200").
 * Matched case-insensitively, longest first; a bare "C $" (Canadian) only with the dollar sign.
 *
 * @example CURRENCY_BEFORE['hk$'] // 'HKD'
 */
export const CURRENCY_BEFORE: Readonly<Record<string, string>> = {
  $: 'USD',
  us$: 'USD',
  'us $': 'USD',
  'u.s. $': 'USD',
  'c $': 'CAD',
  c$: 'CAD',
  'ca $': 'CAD',
  ca$: 'CAD',
  cad$: 'CAD',
  'cad $': 'CAD',
  a$: 'AUD',
  au$: 'AUD',
  'hk $': 'HKD',
  hk$: 'HKD',
  'nz $': 'NZD',
  nz$: 'NZD',
  s$: 'SGD',
  mxn$: 'MXN',
  mex$: 'MXN',
  nt$: 'TWD',
  'nt $': 'TWD',
  r$: 'BRL',
  '₫': 'VND',
  '฿': 'THB',
  '₱': 'PHP',
  '₦': 'NGN',
  rmb: 'CNY',
  'mx $': 'MXN',
  mx$: 'MXN',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  '₽': 'RUB',
  '₪': 'ILS',
  '₺': 'TRY',
  '₴': 'UAH',
  '₩': 'KRW',
  dollar: 'USD',
  // "Rs" is also Pakistan's and Sri Lanka's rupee; India's is by far the most written
  rs: 'INR',
  'rs.': 'INR',
};

/**
 * ISO 4217 codes recognised when written in capitals before or after a number ("USD 200",
 * "500 EUR"). Kept to common ones: "ALL" (Albanian lek) is left out on purpose ("ALL 5").
 */
export const ISO_CODES: ReadonlySet<string> = new Set(
  (
    'USD EUR GBP JPY CNY CAD AUD HKD NZD SGD CHF SEK NOK DKK INR RUB ILS TRY UAH IQD IRR SAR AED ' +
    'QAR KWD SYP LBP EGP JOD MXN BRL ZAR KRW PKR AFN YER SDG LYD TND DZD MAD NGN KES ETB SOS ' +
    'GEL AMD AZN BYN PLN CZK HUF RON MMK THB IDR PHP MYR VND LKR LAK CRC TWD ARS COP CLP PEN BDT NPR'
  ).split(' '),
);

/**
 * Scale words after a number; the short forms ("m", "bn", "k") only where no unit reading
 * competes (after a currency, or before a unit).
 */
export const SCALE_WORDS: Readonly<Record<string, number>> = {
  thousand: 1e3,
  million: 1e6,
  mn: 1e6,
  mln: 1e6,
  billion: 1e9,
  bn: 1e9,
  bln: 1e9,
  trillion: 1e12,
  tn: 1e12,
  // South Asian scales ("Rs 5 crore", "2 lakh people")
  lakh: 1e5,
  lakhs: 1e5,
  lac: 1e5,
  crore: 1e7,
  crores: 1e7,
};

/** One-letter scale suffixes glued to a number ("€10M", "$5bn", "0.5k miles"). */
export const SCALE_SUFFIXES: Readonly<Record<string, number>> = {
  k: 1e3,
  K: 1e3,
  m: 1e6,
  M: 1e6,
  b: 1e9,
  B: 1e9,
  bn: 1e9,
  mn: 1e6,
};
