/**
 * Pairwise precision, recall and F1 of a clustering against an expected one, as used to score
 * event clustering on the ledger corpus.
 *
 * Items are string keys (e.g. `05-erbil-observer-harir#two loud explosions`). Every item of an
 * expected cluster counts, found or not: an item that appears in no predicted cluster (the
 * reader did not find the event) loses all its expected pairs. Predicted clusters are read only
 * over expected items, so report events the expected ledger does not list (background mentions,
 * tallies, outcome words) neither help nor hurt.
 */

/** The score and the pairs behind it. */
export interface PairwiseScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Pairs of expected items in one expected cluster. */
  readonly expectedPairs: number;
  /** Pairs of expected items in one predicted cluster. */
  readonly predictedPairs: number;
  /** Pairs in both. */
  readonly correctPairs: number;
  /** Expected pairs the prediction split apart (`a|b`, keys sorted). */
  readonly missedPairs: string[];
  /** Predicted pairs the expectation keeps apart (`a|b`, keys sorted). */
  readonly wrongPairs: string[];
}

/**
 * Scores `predicted` against `expected` by pairs of items in the same cluster.
 *
 * @example
 * pairwiseScore([['a', 'b', 'c'], ['d']], [['a', 'b'], ['c', 'd']])
 * // { precision: 0.5, recall: 0.333…, f1: 0.4, expectedPairs: 3, predictedPairs: 2, correctPairs: 1, … }
 */
export function pairwiseScore(
  expected: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
): PairwiseScore {
  const known = new Set(expected.flat());
  const truth = pairsOf(expected);
  const guess = pairsOf(predicted.map((cluster) => cluster.filter((item) => known.has(item))));
  const correct = [...guess].filter((pair) => truth.has(pair));
  const precision = guess.size === 0 ? 1 : correct.length / guess.size;
  const recall = truth.size === 0 ? 1 : correct.length / truth.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision,
    recall,
    f1,
    expectedPairs: truth.size,
    predictedPairs: guess.size,
    correctPairs: correct.length,
    missedPairs: [...truth].filter((pair) => !guess.has(pair)).sort(),
    wrongPairs: [...guess].filter((pair) => !truth.has(pair)).sort(),
  };
}

/** All unordered pairs inside each cluster, as `a|b` with a < b; an item listed twice counts once. */
function pairsOf(clusters: readonly (readonly string[])[]): Set<string> {
  const pairs = new Set<string>();
  for (const cluster of clusters) {
    const items = [...new Set(cluster)].sort();
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) pairs.add(`${items[i]}|${items[j]}`);
    }
  }
  return pairs;
}
