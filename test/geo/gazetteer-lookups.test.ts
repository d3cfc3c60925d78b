import { describe, expect, it } from 'vitest';
import { Gazetteer, type GazetteerRow } from '../../src/geo/gazetteer.js';

// Places made up for these tests (the names are real; the rows are ours).
const row = (id: string, name: string, aliases: string[] = [], population = 20_000): GazetteerRow => ({
  id,
  name,
  kind: 'city',
  lat: 36.1,
  lon: 44.2,
  geonameid: null,
  countryCode: 'IQ',
  admin1: '11',
  population,
  featureCode: 'PPL',
  aliases,
});

/** What a lookup names, in order. */
const names = (entries: readonly { name: string }[]) => entries.map((e) => e.name);

describe('gazetteer lookups remember their answers until a name is added', () => {
  it.each([
    {
      case: 'a new place under the name asked before',
      before: [row('user:1', 'Qaryat Zubar')],
      asked: 'Zubar Depot',
      added: row('user:2', 'Zubar Depot'),
      after: ['Zubar Depot'],
    },
    {
      case: 'a new alias of a known place',
      before: [row('user:1', 'Qaryat Zubar')],
      asked: 'Old Zubar',
      added: row('user:1', 'Qaryat Zubar', ['Old Zubar']),
      after: ['Qaryat Zubar'],
    },
    {
      case: 'a second place with the same name',
      before: [row('user:1', 'Tall Afar')],
      asked: 'Tall Afar',
      added: row('user:2', 'Tall Afar', [], 5_000),
      after: ['Tall Afar', 'Tall Afar'],
    },
  ])('answers anew after $case', ({ before, asked, added, after }) => {
    const g = new Gazetteer('t');
    for (const r of before) g.add(r);
    const first = g.lookup(asked);
    expect(g.lookup(asked)).toEqual(first);
    g.add(added);
    expect(names(g.lookup(asked))).toEqual(after);
  });

  it('finds a transliteration added after it was asked for', () => {
    const g = new Gazetteer('t');
    g.add(row('user:1', 'Kharkiv'));
    expect(g.lookupVariant('Kupyansk')).toEqual([]);
    g.add(row('user:2', 'Kupiansk'));
    expect(names(g.lookupVariant('Kupyansk'))).toEqual(['Kupiansk']);
  });
});
