// Re-optimisation churn of the reader: reads generated reports in a child Node run with V8's
// --trace-opt --trace-deopt-verbose, then counts optimised compilations and deoptimisations, and
// lists the deoptimisations by function, reason and place, with the report they came at (a
// deoptimisation throws the function's optimised code away; it is compiled again on a background
// thread, ~100 ms for the largest reader functions). Standalone, for working on reader speed:
//
//   npx tsx bench/reader-deopts.ts [--docs 1200] [--every 100] [--dist]
//
// --dist reads the compiled reader (dist/, after `npx tsc -p tsconfig.build.json`): the places
// then name real lines; from the sources (tsx) each file is one line and only the column tells,
// and tsx's `__name` helper (it names nested functions) adds compilations of its own.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1200' },
    every: { type: 'string', default: '100' },
    dist: { type: 'boolean', default: false },
    child: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

/** The child: reads the reports, marking every `--every`th with a line the parent splits on. */
async function readReports(): Promise<void> {
  const from = values.dist ? '../dist' : '../src';
  const ext = values.dist ? '.js' : '.ts';
  const { analyzeText } = await import(`${from}/analyze${ext}`);
  const { loadDefaultGazetteer } = await import(`${from}/geo/gazetteer${ext}`);
  const { generateCorpus } = await import('./generate-corpus.js');
  const gazetteer = await loadDefaultGazetteer();
  const every = Math.max(1, Number(values.every));
  const corpus = generateCorpus(Number(values.docs), 42);
  corpus.forEach((d, i) => {
    if (i % every === 0) process.stdout.write(`@@report ${i}\n`);
    analyzeText(d.text, { date: d.date, gazetteer, id: d.id });
  });
  process.stdout.write('@@end\n');
}

interface Deopt {
  readonly fn: string;
  readonly reason: string;
  readonly at: string;
  readonly report: number;
}

/** Compilations and deoptimisations from the trace, after the first report began. */
function readTrace(trace: string): { compiled: Map<string, number>; deopts: Deopt[] } {
  const lines = trace.split('\n');
  const compiled = new Map<string, number>();
  const deopts: Deopt[] = [];
  let report = -1;
  const short = (place: string) => place.replace(/^file:\/\/.*?\/(src|dist|node_modules)\//, '$1/');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const mark = /^@@report (\d+)/.exec(line);
    if (mark) report = Number(mark[1]);
    if (report < 0) continue;
    const done = /^\[completed compiling \S+ <JSFunction (?:(\S+) )?\(sfi/.exec(line);
    if (done) compiled.set(done[1] ?? '(anonymous)', (compiled.get(done[1] ?? '(anonymous)') ?? 0) + 1);
    const bail =
      /^\[bailout \(kind: [^,]*, reason: ([^)]*)\): begin\. deoptimizing \S+ <JSFunction (?:(\S+) )?\(sfi/.exec(
        line,
      );
    if (!bail) continue;
    const where = /;;; deoptimize at <([^>]*)>(?: inlined at <([^>]*)>)?/.exec(lines[i + 1] ?? '');
    const at = where ? short(where[1]!) + (where[2] ? ` (inlined in ${short(where[2])})` : '') : '?';
    deopts.push({ fn: bail[2] ?? '(anonymous)', reason: bail[1]!, at, report });
  }
  return { compiled, deopts };
}

function main(): void {
  if (values.help) {
    process.stdout.write(`${'Usage: npx tsx bench/reader-deopts.ts [--docs 1200] [--every 100] [--dist]'}\n`);
    return;
  }
  const self = fileURLToPath(import.meta.url);
  const args = ['--trace-opt', '--trace-deopt-verbose', '--import', 'tsx', self, '--child'];
  args.push('--docs', String(values.docs), '--every', String(values.every));
  if (values.dist) args.push('--dist');
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`the reading failed: ${run.stderr.slice(-2000)}`);
  const { compiled, deopts } = readTrace(run.stdout);
  const compilations = [...compiled.values()].reduce((a, b) => a + b, 0);
  const out = [
    `${values.docs} generated reports: ${compilations} optimised compilations, ${deopts.length} deoptimisations.`,
    '',
    'Compiled more than once:',
    ...[...compiled]
      .filter(([, n]) => n > 1)
      .sort((a, b) => b[1] - a[1])
      .map(([fn, n]) => `  ${String(n).padStart(3)}  ${fn}`),
    '',
    'Deoptimisations (report, function, reason, place):',
    ...deopts.map((d) => `  ${String(d.report).padStart(5)}  ${d.fn}  ${d.reason}  ${d.at}`),
    '',
  ];
  process.stdout.write(out.join('\n'));
}

if (values.child) await readReports();
else main();
