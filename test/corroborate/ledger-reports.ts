import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../src/analyze.js';
import type { LedgerInputDocument } from '../../src/corroborate/build-ledger.js';
import type { Gazetteer } from '../../src/geo/gazetteer.js';

/** A short report we wrote, with the catalogue fields ingest would store. */
export interface TestReport {
  readonly id: string;
  readonly publisher: string;
  readonly date: string;
  readonly text: string;
}

/** Reads a report with the real reader and wraps it as the ledger builder's input. */
export function ledgerInput(report: TestReport, gazetteer: Gazetteer | null): LedgerInputDocument {
  const record = analyzeText(report.text, { id: report.id, date: report.date, gazetteer, html: false });
  return {
    id: report.id,
    sha256: record.document.sha256,
    title: record.document.title?.value ?? null,
    publisher: report.publisher,
    url: `https://example.org/${report.id}`,
    publishedDate: report.date,
    record,
  };
}

/** The bundled text examples the ledger tests read (`examples/`, written by us). */
export const EXAMPLE_FILES = [
  'north-wire-drone-strike.txt',
  'valley-courier-reprint.txt',
  'tigris-daily-depot-fire.txt',
] as const;

/**
 * Reads a bundled example with the real reader and wraps it as the ledger builder's input, with
 * only what the text itself says (no catalogue title, address or date).
 */
export function exampleInput(file: string, gazetteer: Gazetteer | null): LedgerInputDocument {
  const record = analyzeText(readFileSync(join('examples', file), 'utf8'), { id: file, gazetteer });
  return {
    id: file,
    sha256: record.document.sha256,
    title: null,
    publisher: record.document.publisher?.value ?? null,
    url: null,
    publishedDate: record.document.publishedDate,
    record,
  };
}
