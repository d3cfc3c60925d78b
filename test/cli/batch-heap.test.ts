import { describe, expect, it } from 'vitest';
import { batchHeapKeeper } from '../../src/cli/batch-heap.js';

// A long batch must not keep the records of documents it has finished with.
describe('the batch heap keeper', () => {
  it.each([
    ['on every document', 1, 1],
    ['on the fourth document', 4, 4],
  ])('collects finished records %s once the heap is over its floor', async (_, every, calls) => {
    const finished = (() => new WeakRef({ record: new Array(100_000).fill('claim') }))();
    // WeakRefs made in this turn stay alive until it ends.
    await new Promise((next) => setTimeout(next, 0));
    const keep = batchHeapKeeper(0, every);
    for (let i = 0; i < calls - 1; i++) keep();
    // Booleans only: an assertion on the object would keep it alive, and so does deref() until
    // the turn ends.
    const keptBefore = finished.deref() !== undefined;
    await new Promise((next) => setTimeout(next, 0));
    keep();
    const keptAfter = finished.deref() !== undefined;
    expect([keptBefore, keptAfter]).toEqual([true, false]);
  });
});
