#!/usr/bin/env node
// Scores the reader on the development gold files in ../shared/eval/ (when present) with the
// corpus's own scorer, and writes the table to docs/accuracy.md.
//
//   npm run eval                     every dev file found; writes docs/accuracy.md
//   npm run eval -- FILE...          chosen gold files (paths or names such as dates-recognizers)
//   node scripts/eval.mjs --dev …    run the CLI from source (tsx), print only, write nothing
//   --no-write                       print only
//   --help                           this text
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EVAL_DIR = resolve(process.env.CORROBORATE_EVAL_DIR ?? join(ROOT, '..', 'shared', 'eval'));
const args = process.argv.slice(2);
const KNOWN_OPTIONS = ['--dev', '--no-write', '--help', '-h'];
if (args.includes('--help') || args.includes('-h')) {
  // The comment at the top of this file is the usage.
  const source = readFileSync(fileURLToPath(import.meta.url), 'utf8');
  const usage = source.split('\nimport ')[0].split('\n').slice(1);
  console.log(usage.map((line) => line.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}
const unknown = args.filter((a) => a.startsWith('-') && !KNOWN_OPTIONS.includes(a));
if (unknown.length > 0) {
  console.error(`eval: unknown option ${unknown.join(', ')} (options: --dev, --no-write, --help)`);
  process.exit(2);
}
const dev = args.includes('--dev');
const write = !dev && !args.includes('--no-write');
const wanted = args.filter((a) => !a.startsWith('--'));

/** The headline metrics of each task: [P, R, F1] keys, then extra [label, key] pairs. */
const TASKS = {
  quantities: { p: 'quantities.precision', r: 'quantities.recall', f: 'quantities.f1', extra: [] },
  dates: {
    p: 'resolved.precision',
    r: 'resolved.recall',
    f: 'resolved.f1',
    extra: [
      ['span F1', 'span.f1'],
      ['resolved exact F1', 'resolved.exact.f1'],
      ['resolved recall, other forms', 'resolved.recall.otherForms'],
      ['resolved recall, (A,B,PnU) forms', 'resolved.recall.timexRangeForm'],
    ],
  },
  articles: { p: 'body.precision', r: 'body.recall', f: 'body.f1', extra: [['micro F1', 'body.micro.f1']] },
  toponyms: {
    p: 'recognition.precision',
    r: 'recognition.recall',
    f: 'recognition.f1',
    extra: [
      ['exact F1', 'recognition.exact.f1'],
      ['acc@161km', 'resolution.accuracy@161km'],
      ['median error km', 'resolution.medianErrorKm'],
      ['end-to-end acc@161', 'resolution.endToEndAccuracy@161km'],
    ],
  },
  'event-location': {
    p: 'eventLocation.precision',
    r: 'eventLocation.recall',
    f: 'eventLocation.f1',
    extra: [
      ['accuracy', 'eventLocation.accuracy'],
      ['exact accuracy', 'eventLocation.exact.accuracy'],
    ],
  },
  attributions: {
    p: 'content.precision',
    r: 'content.recall',
    f: 'content.f1',
    extra: [
      ['content exact F1', 'content.exact.f1'],
      ['source accuracy', 'source.accuracy'],
      ['source exact accuracy', 'source.exact.accuracy'],
      ['cue accuracy', 'cue.accuracy'],
    ],
  },
  'event-types': { p: null, r: null, f: 'macroF1', extra: [['accuracy', 'accuracy']] },
  events: {
    p: 'argument.classification.precision',
    r: 'argument.classification.recall',
    f: 'argument.classification.f1',
    extra: [
      ['trigger id F1', 'trigger.identification.f1'],
      ['trigger class F1', 'trigger.classification.f1'],
      ['arg id F1', 'argument.identification.f1'],
      ['arg F1 on matched events', 'argumentOfMatchedEvents.classification.f1'],
      ['attack-role argument F1', 'attackRoles.argument.classification.f1'],
      ['attack-role arg P', 'attackRoles.argument.classification.precision'],
      ['attack-role arg R', 'attackRoles.argument.classification.recall'],
    ],
  },
  entities: {
    p: 'typed.precision',
    r: 'typed.recall',
    f: 'typed.f1',
    extra: [
      ['untyped F1', 'untyped.f1'],
      ['typed exact F1', 'typed.exact.f1'],
      ['recall Person', 'typed.recallByType.Person'],
      ['recall Organisation', 'typed.recallByType.Organisation'],
      ['recall Location', 'typed.recallByType.Location'],
    ],
  },
};

function goldFiles() {
  if (!existsSync(EVAL_DIR)) return null;
  if (wanted.length > 0) {
    return wanted.map((w) => {
      const candidates = [resolve(w), join(EVAL_DIR, w), join(EVAL_DIR, `${w}.jsonl`)];
      const found = candidates.find((c) => existsSync(c));
      if (!found) {
        console.error(`eval: no gold file "${w}" (looked in ${EVAL_DIR})`);
        process.exit(2);
      }
      return found;
    });
  }
  return readdirSync(EVAL_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(EVAL_DIR, f));
}

function taskOf(file) {
  const base = basename(file);
  return Object.keys(TASKS)
    .sort((a, b) => b.length - a.length)
    .find((t) => base.startsWith(`${t}-`));
}

function runReader(gold, predFile) {
  const cli = dev ? ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')] : [join(ROOT, 'dist/cli/main.js')];
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    // From source (--dev), worker threads cannot load the .ts worker module: read on one thread.
    const threads = dev ? ['--workers', '1'] : [];
    const child = spawn(process.execPath, [...cli, 'analyze', '--jsonl', gold, '--quiet', ...threads], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const out = createWriteStream(predFile);
    child.stdout.pipe(out);
    child.on('error', fail);
    const exited = new Promise((ok) => child.on('close', ok));
    const written = new Promise((ok) => out.on('finish', ok));
    Promise.all([exited, written]).then(([code]) => {
      if (code !== 0) fail(new Error(`reader exited with ${code} on ${gold}`));
      else done(Number(process.hrtime.bigint() - started) / 1e9);
    });
  });
}

// Event records carry the CASE/ACLED code in `type` and each corpus ontology's name beside it
// (`kairosType` for WikiEvents, `ramsType` for RAMS): score with the corpus's own names.
const EVENT_TYPE_FIELD = { wikievents: 'kairosType', rams: 'ramsType' };

function recodeEventTypes(gold, predFile) {
  const corpus = Object.keys(EVENT_TYPE_FIELD).find((c) => basename(gold).includes(c));
  if (!corpus) return;
  const field = EVENT_TYPE_FIELD[corpus];
  const lines = readFileSync(predFile, 'utf8').split('\n');
  const out = lines.map((line) => {
    if (!line.trim()) return line;
    const record = JSON.parse(line);
    if (!Array.isArray(record.events)) return line;
    record.events = record.events.map((e) => ({ ...e, type: e[field] ?? e.type }));
    return JSON.stringify(record);
  });
  writeFileSync(predFile, out.join('\n'));
}

function score(gold, predFile) {
  const r = spawnSync(process.execPath, [join(EVAL_DIR, 'score.mjs'), gold, predFile], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scorer failed on ${gold}: ${r.stderr}`);
  const last = r.stdout.trim().split('\n').pop();
  return JSON.parse(last);
}

// ---- Attack-role subset (issue #5's bar: argument F1 for attacker/target/instrument/place) ----
// Gold and predicted events are kept as they are (arguments still count only inside events
// matched by trigger span and type); only their arguments are restricted to these roles
// (case-insensitive), and the corpus scorer scores the filtered files by its own rules.
const ATTACK_ROLES = new Set(['attacker', 'target', 'instrument', 'place']);

function keepAttackRoles(line, eventsOf) {
  if (!line.trim()) return line;
  const record = JSON.parse(line);
  const holder = eventsOf(record);
  if (holder && Array.isArray(holder.events)) {
    holder.events = holder.events.map((e) => ({
      ...e,
      arguments: (Array.isArray(e.arguments) ? e.arguments : []).filter(
        (a) => a && typeof a.role === 'string' && ATTACK_ROLES.has(a.role.toLowerCase()),
      ),
    }));
  }
  return JSON.stringify(record);
}

/** Argument scores of the attack roles alone: filtered temp gold/pred files through score.mjs. */
function scoreAttackRoles(gold, predFile) {
  const filter = (from, to, eventsOf) =>
    writeFileSync(
      to,
      readFileSync(from, 'utf8')
        .split('\n')
        .map((l) => keepAttackRoles(l, eventsOf))
        .join('\n'),
    );
  const goldOut = predFile.replace(/\.pred\.jsonl$/, '.attack-roles.gold.jsonl');
  const predOut = predFile.replace(/\.pred\.jsonl$/, '.attack-roles.pred.jsonl');
  filter(gold, goldOut, (r) => r.gold);
  filter(predFile, predOut, (r) => r);
  return score(goldOut, predOut).metrics;
}

const fmt = (v) =>
  v === null || v === undefined
    ? '—'
    : typeof v === 'number'
      ? Number.isInteger(v)
        ? String(v)
        : v.toFixed(3)
      : String(v);

async function main() {
  const files = goldFiles();
  if (!files) {
    console.log(`eval: ${EVAL_DIR} not found; nothing to evaluate (the dev corpora live in ../shared/eval).`);
    return;
  }
  if (!dev && !existsSync(join(ROOT, 'dist/cli/main.js'))) {
    console.error('eval: dist/ is missing; run "npm run build" (npm run eval does this) or use --dev');
    process.exit(2);
  }
  const tmp = join(ROOT, '.corroborate', 'eval');
  mkdirSync(tmp, { recursive: true });
  const rows = [];
  for (const gold of files) {
    const task = taskOf(gold);
    if (!task) {
      console.error(`eval: skipping ${basename(gold)} (unknown task)`);
      continue;
    }
    const pred = join(tmp, basename(gold).replace(/\.jsonl$/, '.pred.jsonl'));
    const seconds = await runReader(gold, pred);
    if (task === 'events') recodeEventTypes(gold, pred);
    const result = score(gold, pred);
    const spec = TASKS[task];
    const m = result.metrics;
    if (task === 'events') {
      const a = scoreAttackRoles(gold, pred);
      m['attackRoles.argument.classification.precision'] = a['argument.classification.precision'];
      m['attackRoles.argument.classification.recall'] = a['argument.classification.recall'];
      m['attackRoles.argument.classification.f1'] = a['argument.classification.f1'];
      m['attackRoles.argumentOfMatchedEvents.classification.f1'] =
        a['argumentOfMatchedEvents.classification.f1'];
    }
    const errors = readFileSync(pred, 'utf8')
      .split('\n')
      .filter((l) => /^\{"id":"(?!#)[^"]*","error"/.test(l)).length;
    const row = {
      task,
      corpus: basename(gold),
      documents: result.documents,
      p: spec.p ? m[spec.p] : null,
      r: spec.r ? m[spec.r] : null,
      f1: m[spec.f],
      extra: spec.extra.map(([label, key]) => `${label} ${fmt(m[key])}`).join('; '),
      seconds,
      errors,
      metrics: m,
      warnings: result.warnings ?? [],
    };
    rows.push(row);
    console.log(
      `${row.corpus.padEnd(34)} P ${fmt(row.p)}  R ${fmt(row.r)}  F1 ${fmt(row.f1)}  ${row.extra}  (${seconds.toFixed(1)} s${errors ? `, ${errors} line errors` : ''})`,
    );
  }
  if (write && rows.length > 0) writeReport(rows);
}

function writeReport(newRows) {
  // Scoring chosen files updates their rows and keeps the others (docs/accuracy.json holds them).
  const store = join(ROOT, 'docs', 'accuracy.json');
  const previous = existsSync(store) ? JSON.parse(readFileSync(store, 'utf8')) : [];
  const byCorpus = new Map(previous.map((r) => [r.corpus, r]));
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).stdout.trim();
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).stdout.trim();
  const date = new Date().toISOString().slice(0, 10);
  for (const r of newRows) byCorpus.set(r.corpus, { ...r, date, commit });
  const rows = [...byCorpus.values()].sort(
    (a, b) => a.task.localeCompare(b.task) || a.corpus.localeCompare(b.corpus),
  );
  const lines = [
    '# Accuracy',
    '',
    `Measured by \`npm run eval\` (last run ${date} at commit \`${commit}\`${dirty ? ' with uncommitted changes in src/' : ''}, Node ${process.version}; each row gives its own date and commit).`,
    'Development gold files from `../shared/eval/`, scored with its `score.mjs` (rules in its README:',
    'span matches overlap by at least half of the longer span; `exact` figures beside them).',
    'Held-out documents of the same kinds decide acceptance; these dev figures guide tuning.',
    '',
    '| task | corpus | documents | P | R | F1 | more | time | measured |',
    '|---|---|---:|---:|---:|---:|---|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.task} | ${r.corpus} | ${r.documents} | ${fmt(r.p)} | ${fmt(r.r)} | ${fmt(r.f1)} | ${r.extra}${r.errors ? `; ${r.errors} line errors` : ''} | ${r.seconds.toFixed(1)} s | ${r.date} \`${r.commit}\` |`,
    ),
    '',
    'F1 for event types is macro-F1 over the CASE 2021 labels; for events it is argument classification F1;',
    'for dates it requires the span and the resolved from/to to match; for articles it is token F1',
    'averaged over documents.',
    '`attack-role argument F1` (events): gold and predicted events are kept, their arguments restricted to the',
    'roles Attacker, Target, Instrument and Place (case-insensitive), and the filtered files are scored by',
    '`score.mjs` as they are (argument classification F1; arguments count only inside events matched by',
    'trigger span and type).',
    '',
    '## All metrics',
    '',
    ...rows.flatMap((r) => [
      `### ${r.corpus}`,
      '',
      '```json',
      JSON.stringify(r.metrics, null, 0).replace(/,"/g, ', "'),
      '```',
      ...(r.warnings.length ? ['', `Warnings: ${r.warnings.join('; ')}`] : []),
      '',
    ]),
  ];
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  writeFileSync(join(ROOT, 'docs', 'accuracy.md'), `${lines.join('\n')}\n`);
  writeFileSync(store, `${JSON.stringify(rows, null, 1)}\n`);
  console.log('wrote docs/accuracy.md');
}

main().catch((error) => {
  console.error(`eval: ${error.message}`);
  process.exit(1);
});
