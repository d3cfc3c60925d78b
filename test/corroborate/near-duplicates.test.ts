import { describe, expect, it } from 'vitest';
import {
  estimateSimilarity,
  minhashSignature,
  NearDuplicateIndex,
  shingleHashes,
} from '../../src/corroborate/near-duplicates.js';

const story =
  'Armed drones struck a fuel depot on the southern edge of Mosul on Tuesday, killing at least three workers and wounding seven others, provincial officials said. Governor’s spokesman Karim Haddad told North Wire that two drones hit the depot shortly after midnight. The fire burned for almost six hours before crews could reach it, Haddad said. An armed group calling itself the Brigades of the Two Rivers claimed responsibility for the attack in a statement posted on Telegram.';
const reprintWithEdits = story
  .replace('Armed drones struck', 'Drones struck')
  .replace('shortly after midnight', 'soon after midnight')
  .replace(' posted on Telegram', '');
const trimmedReprint = story.slice(0, story.indexOf(' An armed group'));
const independent =
  'A fuel depot in Mosul was set ablaze by a drone attack early on Tuesday. Hospital staff said seven workers died and residents described two loud explosions after midnight. No group has said it carried out the attack, and the provincial council called for an inquiry into the security of fuel stores in the city.';

describe('minhashSignature: copies look alike, independent reports do not', () => {
  it.each([
    ['the same story', story, story, 1, 1],
    ['a reprint with a changed verb and a cut clause', story, reprintWithEdits, 0.6, 0.95],
    ['the story without its last paragraph', story, trimmedReprint, 0.5, 0.9],
    ['an independent report of the same strike', story, independent, 0, 0.15],
  ])('%s: estimated Jaccard in [%s…]', (_name, a, b, low, high) => {
    const j = estimateSimilarity(minhashSignature(a), minhashSignature(b));
    expect(j).toBeGreaterThanOrEqual(low);
    expect(j).toBeLessThanOrEqual(high);
  });

  it('is deterministic and case- and punctuation-blind', () => {
    expect(minhashSignature(story)).toEqual(minhashSignature(story.toUpperCase().replace(/,/g, ' ')));
  });

  it('reads a text shorter than one shingle as one shingle', () => {
    expect(shingleHashes('drones struck Mosul').length).toBe(1);
    expect(shingleHashes('').length).toBe(0);
  });
});

describe('NearDuplicateIndex: candidates come from shared LSH buckets', () => {
  const index = new NearDuplicateIndex();
  index.add('north-wire', minhashSignature(story));
  index.add('tigris-daily', minhashSignature(independent));

  it.each([
    ['a reprint with small edits finds the original', reprintWithEdits, ['north-wire']],
    ['an independent report of the same strike finds its own text only', independent, ['tigris-daily']],
    [
      'an unrelated text finds nothing',
      'Thousands of students marched through the capital demanding reforms to the exam system on Friday.',
      [],
    ],
  ])('%s', (_name, text, expected) => {
    expect(index.candidates(minhashSignature(text)).sort()).toEqual(expected);
  });

  it('keeps at most maxBucket ids per bucket, so a much-copied story does not slow every query', () => {
    const full = new NearDuplicateIndex({ maxBucket: 2 });
    for (const id of ['copy-1', 'copy-2', 'copy-3']) full.add(id, minhashSignature(story));
    expect(full.candidates(minhashSignature(story))).toEqual(['copy-1', 'copy-2']);
  });
});
