import { foldName } from './fold-name.js';
import type { Gazetteer, GazetteerEntry } from './gazetteer.js';

/**
 * Where a publication is at home, as its web address tells: the country of a country-code
 * domain (`.co.uk` → GB, `.ca` → CA) and the places named in the host ("columbuslocalnews.com"
 * → Columbus, "thisisoxfordshire.co.uk" → Oxfordshire). Local papers write for readers who
 * know which "Dublin" or "Springfield" is meant — their own (the "local lexicon" of Lieberman
 * et al.'s LGL work) — so the outlet's home is context for resolving the report's places.
 */
export interface OutletHome {
  /** ISO country code of a country-code top-level domain, when the gazetteer knows the country. */
  readonly countryCode: string | null;
  /** Places named in the host name, each with its gazetteer candidates. */
  readonly places: readonly OutletPlace[];
}

/** A place name found inside a host name. */
export interface OutletPlace {
  /** The name as looked up ("columbus", "new york"). */
  readonly key: string;
  readonly candidates: readonly GazetteerEntry[];
}

const NO_HOME: OutletHome = { countryCode: null, places: [] };

// Country-code domains that are sold and used as generic ones (.io, .tv, .co …) say nothing.
const GENERIC_CC = new Set(
  'ac ad ag ai am as bz cc cd co cx dj fm gg gl gs im io je ky la ly me ms mu nu sh so st sx tk tm to tv vc vg ws'.split(
    ' ',
  ),
);
const TLD_COUNTRY: Readonly<Record<string, string>> = { uk: 'GB', el: 'GR' };
// Second-level labels of country domains ("co.uk", "com.lb", "org.au").
const SECOND_LEVEL = new Set('ac co com edu gov gv ltd me mil net nic or org plc sch'.split(' '));

// Words of newspaper names and web hosts that are not places, even where a hamlet bears them.
const MASTHEAD_WORDS = [
  'the this is and of a on in my our your',
  'www web online digital live mobile m news new newspaper newspapers paper papers daily weekly',
  'times post herald tribune press star sun journal gazette chronicle courier register record',
  'review standard examiner observer sentinel telegraph telegram independent mirror mail express',
  'leader citizen today world bulletin dispatch enquirer inquirer monitor argus beacon item',
  'reporter advocate intelligencer local city county state region regional metro globe mercury',
  'eagle echo voice current free progress republic republican democrat union ledger messenger',
  'banner sentinal dailynews media network tv radio info report reports magazine week',
  'village town township valley area community',
].flatMap((line) => line.split(' '));
const STOP = new Set(MASTHEAD_WORDS);
// Words that start multi-word place names written without spaces in hosts ("newyork", "sanantonio").
const NAME_PREFIXES = [
  'new',
  'north',
  'south',
  'east',
  'west',
  'san',
  'santa',
  'los',
  'las',
  'saint',
  'fort',
  'port',
  'lake',
  'mount',
  'el',
  'la',
  'st',
];
const KINDS = new Set(['city', 'admin1', 'admin2']);
const MIN_NAME = 5;
const MAX_NAME = 24;

/**
 * Reads an outlet's home from a document URL; nothing when there is no URL or it names nothing.
 *
 * @example outletHome('https://www.columbuslocalnews.com/dublin/story.html', g).places[0].key // 'columbus'
 * @example outletHome('https://www.independent.ie/world/x.html', g).countryCode // 'IE'
 */
export function outletHome(url: string | null | undefined, gazetteer: Gazetteer | null): OutletHome {
  if (!url || !gazetteer) return NO_HOME;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return NO_HOME;
  }
  if (!host || /^[\d.:[\]]+$/.test(host)) return NO_HOME;
  const labels = host.split('.').filter(Boolean);
  const tld = labels.pop() ?? '';
  let countryCode: string | null = null;
  if (/^[a-z]{2}$/.test(tld) && !GENERIC_CC.has(tld)) {
    const code = TLD_COUNTRY[tld] ?? tld.toUpperCase();
    if (gazetteer.country(code)) countryCode = code;
    if (labels.length > 1 && SECOND_LEVEL.has(labels[labels.length - 1] as string)) labels.pop();
  }
  const places: OutletPlace[] = [];
  const seen = new Set<string>();
  for (const label of labels) {
    for (const word of label.split('-')) {
      for (const place of placesInWord(word, gazetteer)) {
        if (seen.has(place.key)) continue;
        seen.add(place.key);
        places.push(place);
      }
    }
  }
  return { countryCode, places };
}

/**
 * Splits a host word into masthead words and place names, left to right; stops at the first
 * stretch that is neither, so that no place is read out of the middle of an unknown word.
 */
function placesInWord(word: string, gazetteer: Gazetteer): OutletPlace[] {
  const out: OutletPlace[] = [];
  let i = 0;
  while (i < word.length) {
    const place = placeAt(word, i, gazetteer);
    const stop = stopAt(word, i);
    // A place name longer than the masthead word at the same spot wins ("newark" over "new").
    if (place && place.length >= stop) {
      out.push(place.place);
      i += place.length;
    } else if (stop > 0) i += stop;
    else break;
  }
  return out;
}

function stopAt(word: string, i: number): number {
  let best = 0;
  for (let end = i + 1; end <= Math.min(word.length, i + 14); end++) {
    if (STOP.has(word.slice(i, end))) best = end - i;
  }
  return best;
}

function placeAt(
  word: string,
  i: number,
  gazetteer: Gazetteer,
): { place: OutletPlace; length: number } | null {
  const tries: { key: string; length: number }[] = [];
  for (let end = Math.min(word.length, i + MAX_NAME); end >= i + MIN_NAME; end--) {
    tries.push({ key: word.slice(i, end), length: end - i });
  }
  for (const prefix of NAME_PREFIXES) {
    if (!word.startsWith(prefix, i)) continue;
    const from = i + prefix.length;
    for (let end = Math.min(word.length, from + MAX_NAME); end >= from + 3; end--) {
      tries.push({ key: `${prefix} ${word.slice(from, end)}`, length: end - i });
    }
  }
  let best: { place: OutletPlace; length: number } | null = null;
  for (const t of tries) {
    if (best && t.length <= best.length) continue;
    if (STOP.has(t.key)) continue;
    // By their own names only: an old or foreign alias ("Twickenham" for Huntsville) is no home.
    const candidates = gazetteer
      .lookup(t.key)
      .filter((e) => KINDS.has(e.kind) && e.population >= 1000 && foldName(e.name) === t.key);
    if (candidates.length > 0) best = { place: { key: t.key, candidates }, length: t.length };
  }
  return best;
}
