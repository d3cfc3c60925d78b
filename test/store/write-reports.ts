/**
 * A writer process for the crash test: puts numbered reports into the ledger named by argv[2],
 * printing each stored id, until it is killed. Run with `node --import tsx`.
 *
 * @example node --import tsx test/store/write-reports.ts /tmp/l/ledger.sqlite 0 100000
 */
import { openStore } from '../../src/store/open-store.js';
import { numberedReport } from './numbered-report.js';

const [path, from, to] = [
  process.argv[2] ?? '',
  Number(process.argv[3] ?? 0),
  Number(process.argv[4] ?? 1e6),
];
const store = await openStore(path);
for (let n = from; n < to; n += 1) {
  const result = await store.putDocument(numberedReport(n));
  process.stdout.write(`${result.status} ${result.documentId}\n`);
}
await store.close();
