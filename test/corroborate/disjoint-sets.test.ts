import { describe, expect, it } from 'vitest';
import { DisjointSets } from '../../src/corroborate/disjoint-sets.js';

/** The sets as lists of members, each under its root: `{ 0: [0, 2], 1: [1] }`. */
function setsOf(sets: DisjointSets): Record<number, number[]> {
  const out = new Map<number, number[]>();
  for (let k = 0; k < sets.size; k += 1) {
    const root = sets.find(k);
    const members = out.get(root);
    if (members) members.push(k);
    else out.set(root, [k]);
  }
  return Object.fromEntries(out);
}

describe('DisjointSets (which reports are one event, which documents one origin)', () => {
  it.each([
    // Five reports, none joined: each is its own set.
    [5, [], { 0: [0], 1: [1], 2: [2], 3: [3], 4: [4] }],
    // A reprint (3) joined into the story (1): the story's root stays.
    [4, [[1, 3]], { 0: [0], 1: [1, 3], 2: [2] }],
    // Joined the other way round, the reprint's root stays: the caller decides.
    [4, [[3, 1]], { 0: [0], 2: [2], 3: [1, 3] }],
    // A chain of copies 0 ← 1 ← 2 ← 3: one set under the first.
    [
      4,
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
      { 0: [0, 1, 2, 3] },
    ],
    // Two origins of two copies each, then the second joined into the first through a member.
    [
      6,
      [
        [0, 1],
        [4, 5],
        [1, 5],
      ],
      { 0: [0, 1, 4, 5], 2: [2], 3: [3] },
    ],
    // A set joined into a member of its own: nothing changes.
    [
      3,
      [
        [0, 1],
        [1, 0],
        [0, 0],
      ],
      { 0: [0, 1], 2: [2] },
    ],
  ] as const)('%i numbers, joins %j → %j', (size, joins, expected) => {
    const sets = new DisjointSets(size);
    for (const [a, b] of joins) sets.union(a, b);
    expect(setsOf(sets)).toEqual(expected);
  });

  it.each([
    [[0, 1], false],
    [[1, 0], false],
    [[2, 3], true],
    [[3, 0], true],
  ] as const)('after joining 1 into 0: joining %j says %s (false: one set already)', ([a, b], expected) => {
    const sets = new DisjointSets(4);
    sets.union(0, 1);
    expect(sets.union(a, b)).toBe(expected);
  });

  it('finds the root at the end of the longest chain there can be (no recursion)', () => {
    const n = 100_000;
    const sets = new DisjointSets(n);
    // Each root joined into the next number: the deepest path there can be, n − 1 long.
    for (let k = 0; k + 1 < n; k += 1) sets.union(k + 1, k);
    expect(sets.find(0)).toBe(n - 1);
    expect(setsOf(sets)).toEqual({ [n - 1]: Array.from({ length: n }, (_, k) => k) });
  });
});
