import model from 'wink-eng-lite-web-model';
import winkNLP, { type WinkMethods } from 'wink-nlp';

let instance: WinkMethods | null = null;

// The reader takes tokens, their tags and sentences from wink: named entities, negation and
// sentiment, which wink would also compute, are read by our own stages, so they are not run.
const PIPE = ['sbd', 'pos'];

/**
 * The shared wink-nlp instance (the model loads once per process, ~100 ms), running sentence
 * boundaries and part-of-speech tags only.
 *
 * @example const doc = wink().readDoc('Drones hit the base.');
 */
export function wink(): WinkMethods {
  instance ??= winkNLP(model, PIPE);
  return instance;
}
