import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EntityType } from '../../types/entity.js';

/** Per word: the type gold NER data most often gives it, and that type's share of its uses. */
export type NameLexicon = ReadonlyMap<string, readonly [EntityType, number]>;

let cached: NameLexicon | null = null;

/**
 * The name lexicon built by `scripts/train-ner-lexicon.mjs` from openly licensed NER data;
 * empty (never throws) when the model file is missing.
 *
 * @example nameLexicon().get('Julie') // ['Person', 1]
 */
export function nameLexicon(): NameLexicon {
  if (cached) return cached;
  const map = new Map<string, readonly [EntityType, number]>();
  try {
    const url = new URL('../../../data/models/ner-lexicon.json', import.meta.url);
    const model = JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as {
      types: EntityType[];
      words: Record<string, [number, number]>;
    };
    for (const [word, [t, share]] of Object.entries(model.words)) {
      const type = model.types[t];
      if (type) map.set(word, [type, share]);
    }
  } catch {
    // A missing model only lowers recall: the rules still type most names.
  }
  cached = map;
  return map;
}
