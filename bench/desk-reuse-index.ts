// The desk's kept re-use index, measured: what an image request paid when the index was rebuilt
// from the store every time (`store.imageHashes()` and `ImageReuseIndex.fromStored`), against
// the kept index when the store's change mark has not moved (one `changeMark()` read).
//
//   npx tsx bench/desk-reuse-index.ts [--images 20000] [--runs 5]
//
// Stored images are made up (random hashes, no pixels) in a SQLite ledger in a temporary folder.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { C2PA_CAVEAT } from '../src/evidence/images/c2pa-status.js';
import { KeptReuseIndex } from '../src/evidence/images/current-reuse.js';
import { EMPTY_METADATA } from '../src/evidence/images/image-metadata.js';
import { ImageReuseIndex } from '../src/evidence/images/reuse-index.js';
import { openStore } from '../src/store/open-store.js';
import type { EvidenceItem } from '../src/types/evidence.js';

const { values } = parseArgs({ options: { images: { type: 'string' }, runs: { type: 'string' } } });
const images = Number(values.images ?? 20_000);
const runs = Number(values.runs ?? 5);
if (!(Number.isInteger(images) && images > 0 && Number.isInteger(runs) && runs > 0))
  throw new Error('--images and --runs take positive integers');

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
/** A stored image as the index sees it: hashes, no pixels. */
const madeUpImage = (i: number): EvidenceItem => ({
  id: `ev:${hex(6)}`,
  subjects: [],
  addedBy: 'bench',
  addedAt: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
  finding: {
    kind: 'image',
    sha256: hex(32),
    mediaType: 'image/jpeg',
    width: 640,
    height: 480,
    perceptualHash: hex(8),
    cropHashes: [hex(8), hex(8), hex(8), hex(8), hex(8)],
    metadata: EMPTY_METADATA,
    c2pa: {
      status: 'absent',
      signer: null,
      issuer: null,
      trusted: false,
      claimGenerator: null,
      actions: [],
      validationErrors: [],
      caveat: C2PA_CAVEAT,
    },
    reuse: [],
    sourceUrl: null,
  },
  note: null,
});

/** Median milliseconds of `runs` calls. */
async function median(times: number, f: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let r = 0; r < times; r++) {
    const start = performance.now();
    await f();
    ms.push(performance.now() - start);
  }
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)] ?? Number.NaN;
}

const dir = mkdtempSync(join(tmpdir(), 'corroborate-desk-reuse-'));
try {
  const store = await openStore(join(dir, 'ledger.sqlite'));
  for (let i = 0; i < images; i++) await store.putEvidence(madeUpImage(i));
  const rebuilt = await median(runs, async () => ImageReuseIndex.fromStored(await store.imageHashes()));
  const kept = new KeptReuseIndex(store);
  await kept.current();
  const unchanged = await median(runs * 10, () => kept.current());
  console.log(`stored images: ${images}`);
  console.log(`rebuilt per request: ${rebuilt.toFixed(1)} ms (median of ${runs})`);
  console.log(`kept, change mark unchanged: ${unchanged.toFixed(3)} ms (median of ${runs * 10})`);
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
