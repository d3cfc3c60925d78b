import model from 'wink-eng-lite-web-model';
import winkNLP, { type WinkMethods } from 'wink-nlp';

let instance: WinkMethods | null = null;

/**
 * The shared wink-nlp instance (the model loads once per process, ~100 ms).
 *
 * @example const doc = wink().readDoc('Drones hit the base.');
 */
export function wink(): WinkMethods {
  instance ??= winkNLP(model);
  return instance;
}
