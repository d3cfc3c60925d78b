// Fingerprints of the reader's records, field by field, to prove a speed change leaves the output
// as it was: run it once on the tree before the change (`--out`), then after (`--against`).
//
//   npx tsx bench/reader-fingerprint.ts --out /tmp/before.json [--docs 400] [--dev 300]
//   npx tsx bench/reader-fingerprint.ts --against /tmp/before.json
//
// The texts: `--docs` generated reports (bench/generate-corpus.ts, seed 42) read with the bundled
// gazetteer, and, when ../shared/eval is present, up to `--dev` plain-text documents from each of
// its corpora (read at run time, never copied). Each record field is hashed (SHA-256 of its JSON);
// `--against` lists every document and field whose hash differs and exits 1 when any does.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeText } from '../src/analyze.js';
import { loadDefaultGazetteer } from '../src/geo/gazetteer.js';
import type { AnalysisRecord } from '../src/types/analysis-record.js';
import { generateCorpus } from './generate-corpus.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '400' },
    dev: { type: 'string', default: '300' },
    out: { type: 'string' },
    against: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help || (values.out === undefined && values.against === undefined)) {
  console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\nimport ')[0]);
  process.exit(values.help ? 0 : 2);
}

const EVAL_DIR = new URL('../../shared/eval/', import.meta.url).pathname;
/** Plain-text corpora (the AEB articles are whole HTML pages; the CASE set has no text). */
const DEV_SETS = [
  'attributions-polnear',
  'dates-recognizers',
  'entities-re3d',
  'event-location-halterman',
  'events-rams',
  'events-wikievents',
  'quantities-quantulum',
  'quantities-recognizers',
  'toponyms-geowebnews',
  'toponyms-lgl',
];

interface Text {
  readonly id: string;
  readonly text: string;
  readonly date: string | null;
}

function texts(): Text[] {
  const out: Text[] = generateCorpus(Number(values.docs)).map((r) => ({
    id: r.id,
    text: r.text,
    date: r.date,
  }));
  const perSet = Number(values.dev);
  if (perSet > 0 && existsSync(EVAL_DIR)) {
    for (const set of DEV_SETS) {
      const file = join(EVAL_DIR, `${set}.jsonl`);
      if (!existsSync(file)) continue;
      const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(0, perSet);
      for (const line of lines) {
        const row = JSON.parse(line) as { id: string; text?: string; date?: string | null };
        if (typeof row.text === 'string' && row.text.length > 0)
          out.push({ id: `${set}/${row.id}`, text: row.text, date: row.date ?? null });
      }
    }
  }
  return out;
}

const hash = (value: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(value) ?? 'undefined')
    .digest('hex')
    .slice(0, 16);

const gazetteer = await loadDefaultGazetteer();
const prints: Record<string, Record<string, string>> = {};
const all = texts();
for (const t of all) {
  let record: AnalysisRecord | { error: string };
  try {
    record = analyzeText(t.text, { id: t.id, date: t.date, gazetteer });
  } catch (error) {
    record = { error: error instanceof Error ? error.message : String(error) };
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) fields[key] = hash(value);
  prints[t.id] = fields;
}

if (values.out !== undefined) {
  writeFileSync(values.out, `${JSON.stringify(prints)}\n`);
  console.log(`${all.length} records fingerprinted into ${values.out}`);
}
if (values.against !== undefined) {
  const before = JSON.parse(readFileSync(values.against, 'utf8')) as Record<string, Record<string, string>>;
  const differing = new Map<string, string[]>();
  for (const [id, fields] of Object.entries(prints)) {
    const old = before[id];
    if (old === undefined) continue;
    for (const key of new Set([...Object.keys(old), ...Object.keys(fields)]))
      if (old[key] !== fields[key]) {
        const list = differing.get(key) ?? [];
        list.push(id);
        differing.set(key, list);
      }
  }
  const compared = Object.keys(prints).filter((id) => before[id] !== undefined).length;
  if (differing.size === 0) console.log(`${compared} records compared: all fields identical`);
  else {
    for (const [key, ids] of differing)
      console.log(`${key}: ${ids.length} records differ, e.g. ${ids.slice(0, 5).join(', ')}`);
    process.exitCode = 1;
  }
}
