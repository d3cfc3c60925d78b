import { segment } from '../nlp/sentences.js';
import { objectList, type ReaderStage, type RecordSoFar } from '../stage.js';
import type { ConflictEvent, Tally } from '../types/event.js';
import { classifyEventType } from './classify-event-type.js';
import { findEvents } from './find-events.js';
import { findLifeEvents } from './find-life-events.js';
import { findTallies } from './find-tallies.js';
import { inferActors } from './infer-actors.js';

/**
 * Codes the events a report describes (ACLED type and sub-type, CASE 2021 code, trigger,
 * attacker / target / weapon / place / date, outcome claims, status), the aggregate tallies
 * it states, and the CASE code of its main event.
 *
 * @example eventsStage.run(record, ctx).mainEventType // 'AIR_STRIKE' for a drone-strike report
 */
export const eventsStage: ReaderStage = {
  id: 'events',
  run: (record) => readEvents(record),
};

/**
 * The events, tallies and main event type of a record so far (see `eventsStage`).
 *
 * @example readEvents({id:'a', text:'Warplanes bombed the town.', source, referenceDate:null}).mainEventType // 'AIR_STRIKE'
 */
export function readEvents(record: RecordSoFar): {
  events: ConflictEvent[];
  tallies: Tally[];
  mainEventType: string;
} {
  const text = record.text;
  if (!text.trim()) return { events: [], tallies: [], mainEventType: 'none' };
  const seg = record.tokens && record.sentences ? null : segment(text);
  const tokens = record.tokens ?? seg?.tokens ?? [];
  const sentences = record.sentences ?? seg?.sentences ?? [];
  const main = classifyEventType(text);
  const events = findEvents({ text, tokens, sentences, entities: record.entities ?? [], record }, main.code);
  const tallies = findTallies(record, sentences, events);
  const attacks = inferActors(record, events, tallies);
  // Deaths and injuries join the attacks as KAIROS Life events (no ACLED type of their own).
  const life = findLifeEvents({ text, tokens, sentences, entities: record.entities ?? [], record }, attacks);
  // One object list for both (see `objectList`): a spread's kind follows its parts'.
  const all = objectList<ConflictEvent>();
  for (const e of attacks) all.push(e);
  for (const e of life) all.push(e);
  return { events: all, tallies, mainEventType: main.code };
}
