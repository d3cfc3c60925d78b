import winkNLP, { type WinkMethods } from 'wink-nlp';
import { englishLiteModel } from './wink-model.js';

let instance: WinkMethods | null = null;

// The reader takes tokens, their tags and sentences from wink. Its named entities (the entities
// stage finds ours), negation and sentiment were computed on every report and never read, so
// they are not run; tokens, tags and sentences are the same without them.
const PIPE = ['sbd', 'pos'];

/**
 * The shared wink-nlp instance (the model loads once per process, ~30 ms), running sentence
 * boundaries and part-of-speech tags only.
 *
 * @example const doc = wink().readDoc('Drones hit the base.');
 */
export function wink(): WinkMethods {
  instance ??= winkNLP(englishLiteModel(), PIPE);
  return instance;
}
