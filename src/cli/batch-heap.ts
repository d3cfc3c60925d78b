import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** V8's full collection, when it can be had (it is hidden unless the engine exposes it). */
function fullCollection(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

/**
 * Keeps a long batch's heap near what it really holds. Between documents a reader holds only
 * its tables (~45 MB), but V8 lets dead records pile up in the old generation until a limit
 * that grows with the heap, so resident memory creeps up over a long batch (and once per
 * worker thread). Every `every` documents this looks at the heap and, when it is over
 * `floorMB` and more than twice what survived the last collection, collects it in full.
 *
 * @example const keep = batchHeapKeeper(); for (const line of lines) { analyze(line); keep(); }
 */
export function batchHeapKeeper(floorMB = 64, every = 16): () => void {
  const gc = fullCollection();
  if (!gc) return () => {};
  let count = 0;
  let live = 0;
  return () => {
    if (++count % every !== 0) return;
    const used = getHeapStatistics().used_heap_size;
    if (used < floorMB * 1024 * 1024 || used < live * 2) return;
    gc();
    live = getHeapStatistics().used_heap_size;
  };
}

/**
 * Frees the buffers a batch's main thread has written out, every `everyMB` megabytes. Worker
 * threads hand their records over as transferred buffers; the main thread allocates almost no
 * JavaScript, so no collection comes to free the dead ones until V8's external-memory limit
 * (64 MB) forces one, and resident memory rises and falls by that much (2 workers, 5,000
 * reports: peaks of 314 MB over a steady 262 MB). A full collection of the main thread's heap
 * of ~10 MB takes a few milliseconds.
 *
 * @example const written = writtenBufferKeeper(); stdout.write(bytes); written(bytes.length);
 */
export function writtenBufferKeeper(everyMB = 16): (bytes: number) => void {
  const gc = fullCollection();
  if (!gc) return () => {};
  const every = everyMB * 1024 * 1024;
  let since = 0;
  return (bytes) => {
    since += bytes;
    if (since < every) return;
    since = 0;
    gc();
  };
}
