#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CorroborateError, ExitCode } from '../errors.js';
import { ANALYZE_BUNDLE, analyzeBundleIsCurrent } from './analyze-bundle.js';

const HELP = `Usage: corroborate <command> [options]

Turns news reports about armed-conflict events into a verifiable, sourced reading.

Commands:
  analyze [FILE|-]...     read reports and print their analysis (text or JSON)
  analyze --jsonl IN      batch mode: JSON lines in, one analysis record per line out
  gazetteer import FILE   load a GeoNames dump or a GeoJSON of your own places
  ingest PATH|URL|FEED... read reports into the ledger (files, folders, JSONL, URLs, feeds)
  report                  the ledger's events with status, origins, contradictions, checks
  show EVENT|CLAIM|DOC    one ledger item with its evidence spans
  review ACTION ...       confirm, dispute, merge, split, rate (kept in the audit trail)
  export --format F       json | acled-csv | geojson | claimreview
  audit verify|log        check the review history's hash chain, or list it
  evidence add|list|show  images as evidence: re-use across the archive, metadata, C2PA
  evidence measure|change measure an outline against claimed areas; before/after GeoTIFF change map
  serve                   the desk: HTTP API and web UI (--port, --host)
  user add NAME --role R  desk accounts: add, passwd, role, remove, list, token

Options:
  -h, --help              help (also: corroborate <command> --help)
  -v, --version           print the version

Run "corroborate analyze --help" for the reader's options.`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

type AnalyzeCommand = typeof import('./analyze-command.js');

/**
 * `corroborate analyze`: from its bundle (one file, built by scripts/bundle-cli.mjs in
 * `npm run build`) when the compiled modules it was made from are still the ones beside it
 * (its manifest's sizes and hashes), else from the compiled modules (a TypeScript run, or a
 * `tsc` build that changed them since the bundle was made).
 */
async function analyzeCommand(): Promise<AnalyzeCommand> {
  const here = new URL('./', import.meta.url);
  if (here.protocol === 'file:' && analyzeBundleIsCurrent(fileURLToPath(here)))
    return (await import(new URL(ANALYZE_BUNDLE, here).href)) as AnalyzeCommand;
  return import('./analyze-command.js');
}

/** The CLI entry: dispatches a command and turns errors into one line and an exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      // Commands load lazily so that start-up pays only for the one that runs.
      case 'analyze':
        return await (await analyzeCommand()).runAnalyzeCommand(rest);
      case 'gazetteer':
        return await (await import('./gazetteer-command.js')).runGazetteerCommand(rest);
      case 'ingest':
        return await (await import('./ingest-command.js')).runIngestCommand(rest);
      case 'report':
        return await (await import('./report-command.js')).runReportCommand(rest);
      case 'show':
        return await (await import('./report-command.js')).runShowCommand(rest);
      case 'review':
        return await (await import('./review-command.js')).runReviewCommand(rest);
      case 'audit':
        return await (await import('./audit-command.js')).runAuditCommand(rest);
      case 'export':
        return await (await import('./export-command.js')).runExportCommand(rest);
      case 'evidence':
        return await (await import('./evidence-command.js')).runEvidenceCommand(rest);
      case 'serve':
        return await (await import('./serve-command.js')).runServeCommand(rest);
      case 'user':
        return await (await import('./user-command.js')).runUserCommand(rest);
      case '-v':
      case '--version':
        process.stdout.write(`${version()}\n`);
        return 0;
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(`${HELP}\n`);
        return command === undefined ? ExitCode.usage : 0;
      default:
        process.stderr.write(`corroborate: unknown command "${command}"\n\n${HELP}\n`);
        return ExitCode.usage;
    }
  } catch (error) {
    if (error instanceof CorroborateError) {
      process.stderr.write(`corroborate: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`corroborate: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return ExitCode.failure;
  }
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // `corroborate analyze … | head` closes the pipe early: that is not a failure.
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
