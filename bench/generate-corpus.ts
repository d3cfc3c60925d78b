// A seeded generator of realistic conflict reports (2–4 KB): headline, standfirst, dateline,
// attributions (named, unnamed, anonymous, group statements), quotes, numbers with units,
// relative and absolute dates, places. Written by us; the same seed gives the same corpus.
import { seededRandom as rng } from './seeded-random.js';

/** A generated report and the reference date it should be read against. */
export interface GeneratedReport {
  readonly id: string;
  readonly text: string;
  readonly date: string;
}

const PLACES: [string, string][] = [
  ['Mosul', 'Iraq'],
  ['Erbil', 'Iraq'],
  ['Kirkuk', 'Iraq'],
  ['Deir ez-Zor', 'Syria'],
  ['Aleppo', 'Syria'],
  ['Homs', 'Syria'],
  ['Kharkiv', 'Ukraine'],
  ['Zaporizhzhia', 'Ukraine'],
  ['Kherson', 'Ukraine'],
  ['Goma', 'Congo'],
  ['Bunia', 'Congo'],
  ['El Fasher', 'Sudan'],
  ['Omdurman', 'Sudan'],
  ['Gao', 'Mali'],
  ['Maiduguri', 'Nigeria'],
  ['Marib', 'Yemen'],
  ['Hodeidah', 'Yemen'],
  ['Rafah', 'Gaza'],
  ['Tyre', 'Lebanon'],
  ['Kandahar', 'Afghanistan'],
];
const ACTORS = [
  'the Northern Brigades',
  'the River Front',
  'government forces',
  'an armed group',
  'militants',
  'the army',
];
const TARGETS = [
  'a checkpoint',
  'a fuel depot',
  'the airport',
  'a military base',
  'a market',
  'an army convoy',
  'a power station',
  'a bridge',
];
const WEAPONS = [
  'armed drones',
  'rockets',
  'artillery shells',
  'a roadside bomb',
  'a ballistic missile',
  'mortar rounds',
];
const SPEAKERS = [
  'provincial officials',
  'a security source',
  'the defence ministry',
  'a local monitor',
  'witnesses',
  'a spokesman for the governor',
  'US officials',
  'a senior military official',
];
const CUES = ['said', 'told reporters', 'claimed', 'confirmed', 'reported', 'said in a statement'];
const NAMES = ['Karim Haddad', 'Lina Yousef', 'Olena Marchuk', 'Samir Noori', 'Amani Bisimwa', 'Daniel Kaya'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Generates `count` reports from `seed`.
 *
 * @example generateCorpus(100, 42).length // 100
 */
export function generateCorpus(count: number, seed = 42): GeneratedReport[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const out: GeneratedReport[] = [];
  for (let i = 0; i < count; i++) {
    const [town, country] = pick(PLACES);
    const [town2] = pick(PLACES);
    const actor = pick(ACTORS);
    const target = pick(TARGETS);
    const weapon = pick(WEAPONS);
    const year = int(2019, 2025);
    const month = int(0, 11);
    const day = int(1, 28);
    const date = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const killed = int(0, 40);
    const wounded = int(0, 90);
    const paragraphs = [
      `${capitalise(weapon)} hit ${target} near ${town}, ${pick(['officials', 'witnesses', 'monitors'])} say`,
      `At least ${killed} people were killed on ${pick(WEEKDAYS)} when ${weapon} struck ${target} outside ${town}, according to ${pick(SPEAKERS)}`,
      `${town.toUpperCase()}, ${country} (Wire) — ${capitalise(weapon)} struck ${target} on the edge of ${town} on ${pick(WEEKDAYS)}, killing at least ${killed} people and wounding ${wounded} others, ${pick(SPEAKERS)} ${pick(CUES)}.`,
      `"We heard ${int(2, 9)} explosions before dawn and the fire burned for almost ${int(2, 12)} hours," ${pick(NAMES)}, a resident, told the agency. ${pick(NAMES)}, a spokesman for ${pick(ACTORS)}, said the attack was the ${pick(['second', 'third', 'fourth'])} this month.`,
      `${capitalise(pick(SPEAKERS))} ${pick(CUES)} that ${actor} had targeted the area ${int(3, 30)} times since ${day} ${MONTHS[(month + 10) % 12]}, and that more than ${int(2, 20) * 100} families had fled to ${town2} between ${int(1, 9)} ${MONTHS[month]} and ${int(10, 28)} ${MONTHS[month]}.`,
      `The site covers about ${int(2, 40)} hectares, or ${int(5, 99)} acres, and stores up to ${int(1, 9)} million litres of fuel. Repairs will cost an estimated $${int(2, 90)} million, officials said last week.`,
      `${capitalise(actor)} claimed responsibility in a statement posted on Telegram, saying it had used ${weapon}. The claim could not be independently verified. The defence ministry denied that ${target} had been hit, saying air defences intercepted ${int(2, 6)} drones.`,
      `Fighting in the region has killed an estimated ${(int(2, 40) * 1000).toLocaleString('en-US')} people since ${year - int(1, 5)}, and reportedly displaced ${int(10, 99)} percent of the population of ${town}.`,
      `By ${pick(NAMES)}`,
    ];
    // Vary length between about 2 and 4 KB by repeating middle paragraphs with new numbers.
    const extra = int(4, 12);
    for (let k = 0; k < extra; k++) {
      paragraphs.splice(
        4,
        0,
        `On ${day} ${MONTHS[month]}, ${pick(SPEAKERS)} ${pick(CUES)} that ${int(2, 12)} ${pick(['soldiers', 'fighters', 'civilians'])} were wounded when ${pick(WEAPONS)} hit ${pick(TARGETS)} about ${int(3, 60)} km from ${town}. "${capitalise(pick(['the situation is calm now', 'we will respond', 'nobody warned us']))}," ${pick(NAMES)} said.`,
      );
    }
    out.push({ id: `gen-${seed}-${i}`, text: `${paragraphs.join('\n\n')}\n`, date });
  }
  return out;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
