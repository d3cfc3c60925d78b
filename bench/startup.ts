// Where the start-up of `corroborate analyze` goes, on the built CLI (dist/): wall time from
// spawning the CLI to its first byte of output for one short report (with the gazetteer and
// with --no-geo), and, in fresh processes, the time of each phase: importing the reader,
// loading the wink-nlp model, opening the gazetteer (compiled index, and built from its
// sources for comparison), the first and the second reading of the report. The phases load the
// reader as the CLI does: from the bundle `npm run build` makes (scripts/bundle-cli.mjs) when it
// is current, else from the compiled modules.
//
//   npx tsx bench/startup.ts [--runs 5]
//
// Part of `npm run bench`.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { analyzeBundleIsCurrent } from '../src/cli/analyze-bundle.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHORT_REPORT = 'Drones struck a depot near Mosul on Tuesday, killing three people, officials said.\n';

/** Start-up figures (milliseconds, medians over the runs). */
export interface StartupFigures {
  readonly cliFirstOutputMs: { readonly withGazetteerMs: number; readonly withoutGazetteerMs: number };
  /** The CLI process's CPU time (all threads) until its first output, with the gazetteer. */
  readonly cliFirstOutputCpuMs: number;
  readonly phasesMs: Record<string, number>;
  readonly gazetteerFromSourcesMs: number;
  readonly runs: number;
  /** Where the CLI loads the reader from: its one-file bundle, or dist/'s modules. */
  readonly readerFrom: 'bundle' | 'modules';
}

/** Whether dist/cli/main.js loads `analyze` from its bundle (it was made from dist/'s modules as they are). */
function bundleIsCurrent(): boolean {
  return analyzeBundleIsCurrent(join(ROOT, 'dist/cli'));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return round(s[Math.floor(s.length / 2)]!);
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

// Loaded before the CLI (--import): notes the process's CPU time (all its threads) at its first
// write to standard output and tells it on standard error at exit. Unlike wall time, this
// hardly grows when other processes share the cores.
const CPU_PROBE = `data:text/javascript,${encodeURIComponent(`
const write = process.stdout.write.bind(process.stdout);
let cpuMs = null;
process.stdout.write = (...args) => {
  if (cpuMs === null) { const u = process.cpuUsage(); cpuMs = (u.user + u.system) / 1000; }
  return write(...args);
};
process.on('exit', () => process.stderr.write('\\ncpu-to-first-output-ms ' + cpuMs + '\\n'));
`)}`;

/** Wall time from spawning the CLI to its first byte of output, and its CPU time until then. */
function firstOutput(file: string, extra: readonly string[]): Promise<{ wallMs: number; cpuMs: number }> {
  return new Promise((done, fail) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [
      '--import',
      CPU_PROBE,
      join(ROOT, 'dist/cli/main.js'),
      'analyze',
      file,
      '--format',
      'json',
      ...extra,
    ]);
    let first = 0;
    let stderr = '';
    child.stdout.once('data', () => {
      first = Number(process.hrtime.bigint() - t0) / 1e6;
    });
    child.stdout.resume();
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => {
      stderr += s;
    });
    child.on('error', fail);
    child.on('close', (code) => {
      const cpu = /cpu-to-first-output-ms ([\d.]+)/.exec(stderr);
      if (code !== 0 || !cpu) fail(new Error(`analyze exited with ${code}: ${stderr}`));
      else done({ wallMs: first, cpuMs: Number(cpu[1]) });
    });
  });
}

// Runs in a fresh process: each phase's wall time, printed as one JSON line.
const PHASES = `
const [dist, text, from] = process.argv.slice(1);
const at = () => performance.now();
const out = {};
let t = at();
const [{ analyzeDocument }, { sourceFromString }, { wink }, geo] = from === 'bundle'
  ? await (await import(dist + '/cli/analyze-command.bundle.js')).loadReaderModules()
  : await Promise.all([
      import(dist + '/pipeline.js'), import(dist + '/ingest/source-document.js'),
      import(dist + '/nlp/wink.js'), import(dist + '/geo/gazetteer.js'),
    ]);
out.importReader = at() - t;
t = at(); wink(); out.winkModel = at() - t;
t = at(); const gazetteer = await geo.loadDefaultGazetteer('/nonexistent'); out.gazetteer = at() - t;
t = at(); analyzeDocument(sourceFromString(text, { id: 'a' }), { referenceDate: null, gazetteer }); out.firstReading = at() - t;
t = at(); analyzeDocument(sourceFromString(text, { id: 'b' }), { referenceDate: null, gazetteer }); out.secondReading = at() - t;
process.stdout.write(JSON.stringify(out));
`;

const FROM_SOURCES = `
const geo = await import(process.argv[1] + '/geo/gazetteer.js');
const t = performance.now(); geo.buildGazetteerFromSources();
process.stdout.write(JSON.stringify({ ms: performance.now() - t }));
`;

function runScript(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, ...args], { env });
    let text = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (s: string) => {
      text += s;
    });
    child.stderr.resume();
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done(text) : fail(new Error(`phase script exited with ${code}`)),
    );
  });
}

/**
 * Measures start-up `runs` times and reports medians.
 *
 * @example const figures = await benchStartup(5); figures.cliFirstOutputMs.withGazetteerMs
 */
export async function benchStartup(runs = 5): Promise<StartupFigures> {
  const file = join(mkdtempSync(join(tmpdir(), 'corroborate-startup-')), 'short.txt');
  writeFileSync(file, SHORT_REPORT);
  await firstOutput(file, []); // compiles the gazetteer index if it is missing
  const withGeo: number[] = [];
  const withGeoCpu: number[] = [];
  const noGeo: number[] = [];
  const phases = new Map<string, number[]>();
  const fromSources: number[] = [];
  const dist = pathToFileURL(join(ROOT, 'dist')).href;
  const readerFrom = bundleIsCurrent() ? 'bundle' : 'modules';
  for (let i = 0; i < runs; i++) {
    const geo = await firstOutput(file, []);
    withGeo.push(geo.wallMs);
    withGeoCpu.push(geo.cpuMs);
    noGeo.push((await firstOutput(file, ['--no-geo'])).wallMs);
    const p = JSON.parse(await runScript(PHASES, [dist, SHORT_REPORT, readerFrom])) as Record<string, number>;
    for (const [k, v] of Object.entries(p)) phases.set(k, [...(phases.get(k) ?? []), v]);
    if (i < 3) fromSources.push((JSON.parse(await runScript(FROM_SOURCES, [dist])) as { ms: number }).ms);
  }
  return {
    cliFirstOutputMs: { withGazetteerMs: median(withGeo), withoutGazetteerMs: median(noGeo) },
    cliFirstOutputCpuMs: median(withGeoCpu),
    phasesMs: Object.fromEntries([...phases].map(([k, v]) => [k, median(v)])),
    gazetteerFromSourcesMs: median(fromSources),
    runs,
    readerFrom,
  };
}

/**
 * The figures as Markdown lines for docs/performance.md.
 *
 * @example startupReport(await benchStartup()).join('\n')
 */
export function startupReport(f: StartupFigures): string[] {
  const p = f.phasesMs;
  return [
    `- CLI start to first output for one short report: ${f.cliFirstOutputMs.withGazetteerMs} ms with the gazetteer, ${f.cliFirstOutputMs.withoutGazetteerMs} ms with \`--no-geo\` (median of ${f.runs}; goal < 300 ms); CPU time until then ${f.cliFirstOutputCpuMs} ms (all threads; the figure to compare on a busy machine).`,
    `- In a fresh process, loading the reader as the CLI does (${f.readerFrom === 'bundle' ? 'from its one-file bundle' : "from dist/'s modules: no current bundle"}): importing it ${p.importReader} ms, the wink-nlp model ${p.winkModel} ms, the gazetteer (compiled index) ${p.gazetteer} ms, the first reading of the short report ${p.firstReading} ms, the second ${p.secondReading} ms.`,
    `- The gazetteer built from its sources instead of the compiled index: ${f.gazetteerFromSourcesMs} ms.`,
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const figures = await benchStartup(Number(values.runs));
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n${startupReport(figures).join('\n')}\n`);
}
