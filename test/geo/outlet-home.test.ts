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
    ['', null, []],
    [`https://${'news'.repeat(60)}.example.com/`, null, []],
    ['https://xn--mgbh0fb.example/', null, []],
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

describe("a country-code domain is the outlet's country", () => {
  const report =
    'Council backs new bus routes. London city councillors voted on Tuesday to extend three routes ' +
    'to the east end, the mayor said.';
  // [outlet, expected country of "London"]
  it.each([
    ['https://www.forestcitypress.ca/news/buses.html', 'CA'],
    ['https://www.citydesk.co.uk/news/buses.html', 'GB'],
    [null, 'GB'],
  ])('published at %s: London is in %s', (url, country) => {
    const london = places(report, url).filter((p) => p.name === 'London');
    expect(london.length).toBeGreaterThan(0);
    for (const p of london) expect(p.countryCode).toBe(country);
  });
});

describe('the European Union is placed at its seat, not at the middle of the continent', () => {
  it.each([
    ['Ministers of the European Union met on Monday.', 'European Union', 50.85, 4.35],
    ['Aid from Europe arrived on Monday.', 'Europe', 48.7, 9.1],
  ])('%s', (text, name, lat, lon) => {
    const [place] = places(text, null).filter((p) => p.resolvedName === name);
    expect(place).toBeDefined();
    expect(place?.lat).toBeCloseTo(lat, 2);
    expect(place?.lon).toBeCloseTo(lon, 2);
  });
});
