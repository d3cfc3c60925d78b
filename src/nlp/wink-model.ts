import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Model } from 'wink-nlp';

// wink-eng-lite-web-model, loaded for a process that reads once per start (the CLI) as well as
// for one that reads all day. The package's own entry requires every model file when imported
// (the 3 MB core JSON among them), then copies the parsed core JSON through JSON.stringify and
// JSON.parse and decodes its 1.4 MB base64 lexicon one character at a time. This loader builds
// the same core model from the same file, parsed once and decoded by Buffer, and requires the
// other parts only when wink asks for them. `test/nlp/wink-model.test.ts` checks that both
// loaders give the same model.

const requireModel = createRequire(import.meta.url);
const MODEL_DIR = dirname(requireModel.resolve('wink-eng-lite-web-model'));
const CORE_JSON = join(MODEL_DIR, 'languages', 'cur', 'models', 'eng-core-web-model.json');

/** `[bits, mask, shift, isList, hasExtraFeature]` of one packed feature, as the model lays it out. */
type Layout = [number, number, number, number, number];

interface Feature {
  list: string[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}

/** The parts of the core model that loading turns from their JSON form into what wink reads. */
interface CoreModel {
  packing: { layout: Record<string, Layout>; efList?: string[] };
  features: Record<string, Feature> & { lexeme: Feature; posClusters: { list: unknown[] } };
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
}

/** A base64 string's bytes read as 32-bit words, in a buffer of their own (aligned). */
function uint32FromBase64(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  const words = new Uint32Array(bytes.length >>> 2);
  new Uint8Array(words.buffer).set(bytes.subarray(0, words.length * 4));
  return words;
}

function indexList(list: readonly string[]): Record<string, number> {
  const hash: Record<string, number> = Object.create(null);
  for (let k = 0; k < list.length; k += 1) hash[list[k]!] = k;
  return hash;
}

/**
 * The core model as the package's `load-core-model.js` returns it (lexicon and expansions as
 * 32-bit words, a hash beside each listed feature, POS clusters as sets, the sizes wink grows
 * its cache from), read from the package's JSON file.
 *
 * @example loadCoreModel().features.lexeme.list.length // 87593
 */
export function loadCoreModel(): CoreModel {
  const model = JSON.parse(readFileSync(CORE_JSON, 'utf8')) as CoreModel;
  const { packing, features, pos } = model;
  model.lexicon = uint32FromBase64(model.lexicon as string);
  model.xpansions = uint32FromBase64(model.xpansions as string);
  for (const f in packing.layout)
    if (packing.layout[f]![3] === 0) features[f]!.hash = indexList(features[f]!.list);
  features.lexeme.hash = indexList(features.lexeme.list);
  const clusters = features.posClusters.list;
  for (let k = 0; k < clusters.length; k += 1)
    clusters[k] = new Set((clusters[k] as string).split('_').map((e) => pos.hash[e] || 0));
  packing.efList = [];
  for (const f in packing.layout) {
    const layout = packing.layout[f]!;
    if (layout[3] === 0) {
      const feature = features[f]!;
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = layout[1] >>> layout[2];
    }
    if (layout[4] === 1) packing.efList.push(f);
  }
  features.lexeme.intrinsicSize = features.lexeme.list.length;
  features.lexeme.index = features.lexeme.list.length;
  return model;
}

/** One of the package's own modules (its loaders, feature function and add-ons). */
function part(file: string): unknown {
  return requireModel(join(MODEL_DIR, file));
}

/**
 * wink-eng-lite-web-model for `winkNLP(…)`: the core from {@link loadCoreModel}, the other
 * models and add-ons from the package, each required when wink first asks for it.
 *
 * @example const nlp = winkNLP(englishLiteModel(), ['sbd', 'pos']);
 */
export function englishLiteModel(): Model {
  const loader = (file: string) => () => (part(file) as () => unknown)();
  const addons = Object.create(null) as Model['addons'];
  for (const [name, file] of [
    ['stem', 'porter-stemmer.js'],
    ['lemmatize', 'lemmatize.js'],
    ['readabilityStats', 'readability-stats.js'],
  ] as const)
    Object.defineProperty(addons, name, { enumerable: true, get: () => part(file) });
  addons.wordVectors = undefined;
  return {
    core: loadCoreModel,
    sbd: loader('load-sbd-model.js'),
    pos: loader('load-pos-model.js'),
    ner: loader('load-ner-model.js'),
    negation: loader('load-negation-model.js'),
    sa: loader('load-sa-model.js'),
    metaCER: loader('load-cer-meta-model.js'),
    featureFn: part('feature.js'),
    addons,
  };
}
