// Prints how the ledger built from the ledger corpus (test/corpus/ledger/) compares with the
// expected ledger: origin groups that differ, event clustering P/R/F1 with split and wrongly
// merged pairs, the reader's misses, contradictions and tally checks.
//
//   npx tsx scripts/ledger-corpus-score.ts [--json] [--dir DIR]
//
// --dir scores another corpus laid out the same way (manifest.json, expected.json, reports/).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildLedger } from '../src/corroborate/build-ledger.js';
import {
  compareLedger,
  LEDGER_CORPUS_DIR,
  loadLedgerCorpus,
  readCorpusDocuments,
} from '../test/corpus/ledger/read-corpus.js';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, dir: { type: 'string', default: LEDGER_CORPUS_DIR } },
});
const dir = resolve(values.dir ?? LEDGER_CORPUS_DIR);
const { manifest, expected } = loadLedgerCorpus(dir);
const documents = await readCorpusDocuments(manifest, dir);
const ledger = buildLedger(documents);
const result = compareLedger(expected, documents, ledger);

if (values.json) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const c = result.clustering;
  const key = (group: readonly string[]) => group.join(' + ');
  const expectedGroups = new Set(result.origins.expected.map(key));
  const actualGroups = new Set(result.origins.actual.map(key));
  const lines = [
    `reports ${documents.length}; ledger events ${ledger.events.length} (expected ${expected.events.length}); origins ${ledger.origins.length} (expected ${expected.origins.length})`,
    `origins exact: ${result.origins.exact}`,
    ...result.origins.expected
      .filter((g) => !actualGroups.has(key(g)))
      .map((g) => `  expected origin not built: ${key(g)}`),
    ...result.origins.actual
      .filter((g) => !expectedGroups.has(key(g)))
      .map((g) => `  built origin not expected: ${key(g)}`),
    `event clustering: P ${c.precision.toFixed(3)} R ${c.recall.toFixed(3)} F1 ${c.f1.toFixed(3)} (${c.correctPairs}/${c.expectedPairs} expected pairs, ${c.predictedPairs} predicted)`,
    ...result.readerMisses.map((m) => `  reader miss: ${m.documentId}: "${m.sentence.trim()}"`),
    ...c.missedPairs.map((p) => `  split: ${p}`),
    ...c.wrongPairs.map((p) => `  merged wrongly: ${p}`),
    'contradictions:',
    ...result.contradictions.map((x) => `  ${x.found ? 'found  ' : 'MISSING'} ${x.about}`),
    'tallies:',
    ...result.tallies.map((t) => `  expected ${t.expected}, got [${t.actual.join(', ')}]: ${t.about}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
