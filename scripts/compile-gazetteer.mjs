// `npm run gazetteer:compile` (part of `npm run build`): compiles the default gazetteer's index
// (data/gazetteer/index-<fingerprint>.bin, not committed) from the built dist/ files, so that
// the first `corroborate analyze` does not pay for it. Does nothing when the index is current.
// Indexes of older fingerprints (sources since changed) are removed.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const built = new URL('../dist/geo/gazetteer.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('gazetteer:compile: build first (npx tsc -p tsconfig.build.json)\n');
  process.exit(1);
}
const { ensureGazetteerIndex } = await import(built.href);
const { path, fresh } = ensureGazetteerIndex();
process.stderr.write(`gazetteer index ${fresh ? 'compiled' : 'up to date'}: ${path ?? '(in memory)'}\n`);
if (path) {
  const dir = dirname(path);
  for (const name of readdirSync(dir)) {
    if (/^index-[0-9a-f]+\.bin$/.test(name) && name !== basename(path)) {
      rmSync(join(dir, name), { force: true });
      process.stderr.write(`gazetteer index removed (stale): ${name}\n`);
    }
  }
}
