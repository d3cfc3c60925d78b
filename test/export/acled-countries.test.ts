import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acledCountries, acledCountry } from '../../src/export/acled-countries.js';

const COUNTRY_INFO = resolve(import.meta.dirname, '../../../shared/gazetteer/geonames/countryInfo.txt');

describe('ACLED country table', () => {
  it.each([
    ['IQ', 368, 'IRQ', 'Middle East'],
    ['iq', 368, 'IRQ', 'Middle East'],
    ['Iraq', 368, 'IRQ', 'Middle East'],
    ['SY', 760, 'SYR', 'Middle East'],
    ['IR', 364, 'IRN', 'Middle East'],
    ['AF', 4, 'AFG', 'South Asia'],
    ['GE', 268, 'GEO', 'Caucasus and Central Asia'],
    ['UA', 804, 'UKR', 'Europe'],
    ['CY', 196, 'CYP', 'Europe'],
    ['SD', 729, 'SDN', 'Northern Africa'],
    ['SS', 728, 'SSD', 'Eastern Africa'],
    ['MZ', 508, 'MOZ', 'Southern Africa'],
    ['CD', 180, 'COD', 'Middle Africa'],
    ['ML', 466, 'MLI', 'Western Africa'],
    ['MM', 104, 'MMR', 'Southeast Asia'],
    ['MX', 484, 'MEX', 'Central America'],
    ['HT', 332, 'HTI', 'Caribbean'],
    ['XK', 0, 'XKX', 'Europe'],
  ])('%s → iso %i, %s, %s', (code, isoNumeric, alpha3, region) => {
    expect(acledCountry(code)).toMatchObject({ isoNumeric, alpha3, region });
  });

  it('knows nothing of unknown codes', () => {
    expect(acledCountry('ZZ')).toBeNull();
    expect(acledCountry(null)).toBeNull();
  });

  it.skipIf(!existsSync(COUNTRY_INFO))('agrees with GeoNames countryInfo.txt on every row', () => {
    const rows = readFileSync(COUNTRY_INFO, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split('\t'))
      .filter(([code]) => code !== 'CS' && code !== 'AN');
    expect(acledCountries()).toHaveLength(rows.length);
    for (const [alpha2, alpha3, numeric, , name] of rows)
      expect(acledCountry(alpha2!), alpha2).toMatchObject({
        alpha3,
        isoNumeric: Number(numeric),
        name: name!.trim(),
      });
  });
});
