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
