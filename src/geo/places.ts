import type { ReaderStage } from '../stage.js';
import type { Span } from '../types/index.js';
import { findEventLocation } from './event-location.js';
import { outletHome } from './outlet-home.js';
import { recognizePlaces } from './recognize-places.js';
import { resolvePlaces } from './resolve-places.js';

/**
 * The places stage: recognises place names (towns, regions, facilities, demonym adjectives),
 * resolves them against `context.gazetteer` with a precision on each, and picks the event
 * location. With no gazetteer it still finds demonyms and named regions, without coordinates
 * for the rest.
 *
 * @example placesStage.run(record, { referenceDate: null, gazetteer }).places
 */
export const placesStage: ReaderStage = {
  id: 'places',
  run: (record, context) => {
    const text = record.text;
    if (!text) return { places: [], eventLocation: null };
    const mentions = recognizePlaces(text, context.gazetteer);
    const home = outletHome(record.document?.url, context.gazetteer);
    const places = resolvePlaces(text, mentions, context.gazetteer, home);
    const sentences: Span[] = record.sentences?.length ? record.sentences : splitSentences(text);
    return { places, eventLocation: findEventLocation(text, places, sentences) };
  },
};

function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^.!?\n]+(?:[.!?]+|$)/g;
  for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}
