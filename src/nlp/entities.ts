import { objectList, type ReaderStage, type RecordSoFar } from '../stage.js';
import type { Entity, EntityType } from '../types/entity.js';
import { findNames } from './entities/find-names.js';
import {
  append,
  type Candidate,
  candidate,
  findLexiconTerms,
  findPatternTerms,
  findPronouns,
} from './entities/find-terms.js';
import { NATIONALITIES } from './entities/lexicons.js';
import { linkAcronyms } from './entities/link-acronyms.js';
import { resolveOverlaps } from './entities/resolve-overlaps.js';
import { wordTokens } from './entities/word-tokens.js';

// Texts longer than this are read in their first part only: the stage must stay fast on junk input.
const MAX_CHARS = 2_000_000;

/**
 * Finds the named things of a report, typed with re3d's names (Person, Organisation, Location,
 * Weapon, MilitaryPlatform, Temporal, …); places come from `record.places` when that stage found them.
 *
 * @example entitiesStage.run({id:'a', text:'Gen. Ali Hamid said drones hit Erbil.', …}, ctx).entities
 *   // Person "Gen. Ali Hamid", Weapon "drones", Location "Erbil"
 */
export const entitiesStage: ReaderStage = {
  id: 'entities',
  run: (record) => ({ entities: findEntities(record) }),
};

/**
 * The entities of a record so far (see `entitiesStage`).
 *
 * @example findEntities({id:'a', text:'The PMU fired rockets.', source, referenceDate:null})
 */
export function findEntities(record: RecordSoFar): Entity[] {
  // Every list here is built by `push` onto an object list, never by `map`, `filter` or a
  // spread: V8 gives those arrays of other kinds, and code optimised for one kind is thrown
  // away when it meets another (see `objectList`).
  const entities = objectList<Entity>();
  const text = record.text.length > MAX_CHARS ? record.text.slice(0, MAX_CHARS) : record.text;
  if (!text.trim()) return entities;
  const candidates = objectList<Candidate>();
  const placeNames = new Set<string>();
  for (const p of record.places ?? []) {
    if (p.end > text.length) continue;
    const surface = text.slice(p.start, p.end).toLowerCase();
    const demonym =
      p.kind === 'demonym' || NATIONALITIES.has(surface.endsWith('s') ? surface.slice(0, -1) : surface);
    if (!demonym) placeNames.add(p.name.toLowerCase());
    const type: EntityType = demonym ? 'Nationality' : 'Location';
    candidates.push(
      candidate(
        p.start,
        p.end,
        type,
        demonym ? null : p.kind,
        p.confidence,
        // A demonym inside a longer name ("Syrian Democratic Forces") yields to the name.
        demonym ? 1.9 : 2.5,
        p.resolvedName,
      ),
    );
  }
  for (const d of record.dates ?? []) {
    if (d.end <= text.length)
      candidates.push(candidate(d.start, d.end, 'Temporal', d.kind, d.confidence, 4.5));
  }
  for (const q of record.quantities ?? []) {
    if (q.end > text.length) continue;
    const money = isCurrencyCode(q.unit);
    candidates.push(
      candidate(
        q.start,
        q.end,
        money ? 'Money' : 'Quantity',
        money ? q.unit : q.unit === 'count' ? null : q.unit,
        q.confidence,
        money ? 6 : 1.5,
      ),
    );
  }
  const words = wordTokens(text);
  append(candidates, findPatternTerms(text));
  append(candidates, findLexiconTerms(words, text));
  append(candidates, findNames(words, text, { placeNames }));
  if (process.env.NO_PRON !== '1') append(candidates, findPronouns(text));
  const kept = linkAcronyms(
    text,
    withDeterminers(text, joinUnitHierarchies(text, resolveOverlaps(candidates))),
  );
  for (let k = 0; k < kept.length; k++) {
    const c = kept[k]!;
    entities.push({
      id: `e${k + 1}`,
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      type: c.type,
      subtype: c.subtype,
      canonical: c.canonical ?? null,
      confidence: Math.round(c.confidence * 100) / 100,
      stage: 'entities',
    });
  }
  return entities;
}

/** `/^[A-Z]{3}$/`: a currency code ("USD") rather than a unit. */
function isCurrencyCode(unit: string): boolean {
  if (unit.length !== 3) return false;
  for (let k = 0; k < 3; k++) {
    const c = unit.charCodeAt(k);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

const UNIT = /\b(?:battalion|regiment|battery|brigade|squadron|wing|division|company|group|corps|fleet)\b/i;

/** "Abel Battery, 3rd Battalion, 321st Field Artillery Regiment": a unit and its parents are one name. */
function joinUnitHierarchies(text: string, kept: Candidate[]): Candidate[] {
  const out = objectList<Candidate>();
  for (const c of kept) {
    const last = out[out.length - 1];
    if (
      last &&
      last.type === 'Organisation' &&
      c.type === 'Organisation' &&
      text.slice(last.end, c.start) === ', ' &&
      UNIT.test(text.slice(last.start, last.end)) &&
      UNIT.test(text.slice(c.start, c.end))
    ) {
      out[out.length - 1] = candidate(
        last.start,
        c.end,
        last.type,
        last.subtype,
        last.confidence,
        last.priority,
        last.canonical,
      );
    } else out.push(c);
  }
  return out;
}

const NO_DETERMINER = new Set<EntityType>([
  'Temporal',
  'Quantity',
  'Money',
  'CommsIdentifier',
  'Nationality',
]);

/** Takes a preceding "the" into names and nominals, as news annotation does ("the SDF", "the city"). */
function withDeterminers(text: string, kept: Candidate[]): Candidate[] {
  const out = objectList<Candidate>();
  for (let k = 0; k < kept.length; k++) {
    const c = kept[k]!;
    out.push(withDeterminer(text, c, k > 0 ? kept[k - 1]!.end : -1));
  }
  return out;
}

/** The candidate with a "the" before it taken in, or itself; `previousEnd` is the end of the one before (-1: none). */
function withDeterminer(text: string, c: Candidate, previousEnd: number): Candidate {
  if (NO_DETERMINER.has(c.type) || c.subtype === 'pronoun') return c;
  // The pattern below needs "he " right before the name (read within the text: a read before
  // its start deoptimises the caller).
  if (
    c.start < 3 ||
    text.charCodeAt(c.start - 1) !== 32 ||
    text.charCodeAt(c.start - 2) !== 101 ||
    text.charCodeAt(c.start - 3) !== 104
  )
    return c;
  const m = /(?:^|[^\p{L}])([Tt]he )$/u.exec(text.slice(Math.max(0, c.start - 5), c.start));
  if (!m) return c;
  const start = c.start - m[1]!.length;
  if (previousEnd > start) return c;
  return candidate(start, c.end, c.type, c.subtype, c.confidence, c.priority, c.canonical);
}
