import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { englishLiteModel, loadCoreModel } from '../../src/nlp/wink-model.js';

// Our loader of wink's English model must give wink the very model the package's own loader
// gives: same core tables, same parts, same tokens, tags and sentences.
const packaged = model as unknown as Record<string, unknown> & { core: () => unknown };

describe('the English lite model, loaded our way', () => {
  it('has the same core model as the package loads', () => {
    expect(isDeepStrictEqual(loadCoreModel(), packaged.core())).toBe(true);
  });

  // (The custom-entity meta model is left out: the package's loader re-stringifies its module's
  // copy on every call, so two calls never agree; ours calls that same loader.)
  it.each(['sbd', 'pos', 'ner', 'negation', 'sa'])('has the same %s model', (name) => {
    const ours = englishLiteModel() as unknown as Record<string, () => unknown>;
    expect(ours[name]!()).toEqual((packaged[name] as () => unknown)());
  });

  it('has the same feature function and add-ons', () => {
    const ours = englishLiteModel();
    expect(ours.featureFn).toBe(packaged.featureFn);
    expect({ ...ours.addons }).toEqual({ ...(packaged.addons as object) });
  });

  const texts = [
    'Drones struck a depot near Mosul on Tuesday, killing three people, officials said.',
    '"We will not leave," said Col. Ahmed al-Rashid. The U.N. counted 1,200 displaced in Kharkiv\'s east.',
    "Shelling resumed at 4 a.m.; residents of Dnipro didn't sleep. Two were hurt — one critically.",
  ];

  it.each(texts)('reads %j into the same tokens, tags and sentences', (text) => {
    const read = (nlp: ReturnType<typeof winkNLP>) => {
      const doc = nlp.readDoc(text);
      return {
        tokens: doc.tokens().out(),
        tags: doc.tokens().out(nlp.its.pos),
        types: doc.tokens().out(nlp.its.type),
        sentences: doc.sentences().out(),
      };
    };
    const pipe = ['sbd', 'pos'];
    expect(read(winkNLP(englishLiteModel(), pipe))).toEqual(read(winkNLP(model, pipe)));
  });
});
