import { beforeAll, describe, expect, it } from 'vitest';
import { type Gazetteer, loadDefaultGazetteer } from '../../src/geo/gazetteer.js';
import { outletHome } from '../../src/geo/outlet-home.js';
import { placesStage } from '../../src/geo/places.js';
import type { Place } from '../../src/types/index.js';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await loadDefaultGazetteer('/nonexistent/store.jsonl.gz');
}, 20_000);

describe("an outlet's home, read from its web address", () => {
  // [url, country of the domain, places named in the host]
  it.each([
    ['https://www.columbusvillagenews.com/council/story.html', null, ['columbus']],
    ['https://news.thisisoxfordshire.co.uk/a', 'GB', ['oxfordshire']],
    ['https://www.independent.ie/world/x.html', 'IE', []],
    ['https://www.dailystar.com.lb/News/x', 'LB', []],
    ['https://lancasterandmorecambetimes.co.uk/', 'GB', ['lancaster', 'morecambe']],
    ['https://www.newyorkherald.example.com/', null, ['new york']],
    ['https://www.sanantonio-daily.com/', null, ['san antonio']],
    // Masthead words that are also hamlets are not homes; a domain sold as generic says nothing.
    ['https://www.themercury.com/news', null, []],
    ['https://dailypost.io/story', null, []],
    // No place is read out of the middle of an unknown word.
    ['https://www.pal-item.com/article', null, []],
    ['not a url', null, []],
    ['http://10.0.0.7/report', null, []],
  ])('%s → %s %j', (url, country, keys) => {
    const home = outletHome(url, gazetteer);
    expect(home.countryCode).toBe(country);
    expect(home.places.map((p) => p.key)).toEqual(keys);
  });

  it('answers nothing without a URL or a gazetteer', () => {
    expect(outletHome(null, gazetteer)).toEqual({ countryCode: null, places: [] });
    expect(outletHome('https://www.columbusvillagenews.com/', null)).toEqual({
      countryCode: null,
      places: [],
    });
  });
});

function places(text: string, url: string | null): Place[] {
  const document = { url } as never;
  return (
    placesStage.run(
      { id: 't', text, source: {} as never, referenceDate: null, document },
      { referenceDate: null, gazetteer },
    ).places ?? []
  );
}

describe("a local paper's namesake towns are its own", () => {
  const report =
    'Council weighs board appointments. Dublin council members debated on Monday who should sit on the ' +
    "planning commission. Dublin's mayor said the vote would wait a week.";
  // [outlet, expected country and state of "Dublin"]
  it.each([
    ['https://www.columbusvillagenews.com/dublin/council.html', 'US', 'OH'],
    ['https://www.dublinvoices.ie/council.html', 'IE', 'L'],
    [null, 'IE', 'L'],
  ])('published at %s: Dublin is in %s.%s', (url, country, state) => {
    const dublins = places(report, url).filter((p) => p.name === 'Dublin');
    expect(dublins.length).toBeGreaterThan(0);
    for (const p of dublins) expect(`${p.countryCode}.${p.admin1}`).toBe(`${country}.${state}`);
  });
});
