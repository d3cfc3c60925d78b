// The reader alone, quickly, from the TypeScript sources (no build): articles per second for the
// full reading, the bare wink-nlp passes and a regex tokenizer, and CPU time per stage. For
// working on reader speed; `npm run bench` gives the figures of record in docs/performance.md.
//
//   npx tsx bench/reader.ts [--docs 500] [--rounds 3] [--no-geo]
//
// CPU time (user + system) is reported beside wall time: on a shared machine it moves less
// with the load. Each figure is the best of the rounds.
import { parseArgs } from 'node:util';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { type Gazetteer, loadDefaultGazetteer } from '../src/geo/gazetteer.js';
import { sourceFromString } from '../src/ingest/source-document.js';
import { analyzeDocument, READER_STAGES } from '../src/pipeline.js';
import type { ReaderStage } from '../src/stage.js';
import { generateCorpus } from './generate-corpus.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '500' },
    rounds: { type: 'string', default: '3' },
    'no-geo': { type: 'boolean', default: false },
  },
});
const DOCS = Number(values.docs);
const ROUNDS = Math.max(1, Number(values.rounds));

/** Wall and CPU milliseconds of one call. */
function measure(fn: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/** The best of `ROUNDS` runs (after one warm-up run). */
function best(fn: () => void): { wall: number; cpu: number } {
  fn();
  let out = { wall: Number.POSITIVE_INFINITY, cpu: Number.POSITIVE_INFINITY };
  for (let r = 0; r < ROUNDS; r++) {
    const m = measure(fn);
    out = { wall: Math.min(out.wall, m.wall), cpu: Math.min(out.cpu, m.cpu) };
  }
  return out;
}

async function main() {
  const gazetteer: Gazetteer | null = values['no-geo'] ? null : await loadDefaultGazetteer();
  const corpus = generateCorpus(DOCS, 42);
  const bytes = corpus.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  const read = (stages: readonly ReaderStage[]) => () => {
    for (const d of corpus)
      analyzeDocument(sourceFromString(d.text, { id: d.id }), { referenceDate: d.date, gazetteer }, stages);
  };

  const full = best(read(READER_STAGES));
  const winkFull = winkNLP(model);
  const winkLite = winkNLP(model, ['sbd', 'pos']);
  const bareFull = best(() => {
    for (const d of corpus) winkFull.readDoc(d.text);
  });
  const bareLite = best(() => {
    for (const d of corpus) winkLite.readDoc(d.text);
  });
  const regex = best(() => {
    for (const d of corpus) d.text.match(/\p{L}+|\p{N}+|[^\s\p{L}\p{N}]/gu);
  });

  // Per stage: CPU time around each stage, summed over the corpus, best round.
  const stageCpu = new Map<string, number>();
  for (let r = 0; r <= ROUNDS; r++) {
    const round = new Map<string, number>();
    const timed = READER_STAGES.map(
      (s): ReaderStage => ({
        id: s.id,
        run: (record, context) => {
          const c0 = process.cpuUsage();
          const out = s.run(record, context);
          const c = process.cpuUsage(c0);
          round.set(s.id, (round.get(s.id) ?? 0) + (c.user + c.system) / 1000);
          return out;
        },
      }),
    );
    read(timed)();
    if (r === 0) continue; // warm-up
    for (const [id, ms] of round)
      stageCpu.set(id, Math.min(stageCpu.get(id) ?? Number.POSITIVE_INFINITY, ms));
  }

  const rate = (m: { wall: number; cpu: number }) =>
    `| ${((DOCS / m.wall) * 1000).toFixed(1)} | ${((DOCS / m.cpu) * 1000).toFixed(1)} | ${(bytes / 1e6 / (m.cpu / 1000)).toFixed(2)} | ${(m.cpu / DOCS).toFixed(3)} |`;
  const lines = [
    `Reader on ${DOCS} generated reports (${(bytes / 1e6).toFixed(2)} MB), best of ${ROUNDS}, ${gazetteer ? 'with' : 'without'} the gazetteer, Node ${process.version}.`,
    '',
    '| what | articles/s (wall) | articles/s (CPU) | MB/s (CPU) | CPU ms/article |',
    '|---|---:|---:|---:|---:|',
    `| \`analyze\`, full reading ${rate(full)}`,
    `| bare wink-nlp \`readDoc\` (full pipe) ${rate(bareFull)}`,
    `| wink-nlp \`readDoc\`, sentences and tags (the reader's pipe) ${rate(bareLite)}`,
    `| plain regex tokenizer ${rate(regex)}`,
    '',
    `Ratio of the full reading to the bare wink pass (CPU): ${(bareFull.cpu / full.cpu).toFixed(3)}.`,
    '',
    '| stage | CPU ms/article |',
    '|---|---:|',
    ...READER_STAGES.map((s) => `| ${s.id} | ${((stageCpu.get(s.id) ?? 0) / DOCS).toFixed(3)} |`),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

main().catch((error) => {
  process.stderr.write(`bench/reader: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
