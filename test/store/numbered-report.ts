import type { PutDocumentInput } from '../../src/store/store.js';
import { ledgerRecord } from './ledger-record.js';

/**
 * The n-th report of a generated batch: its own words, a page around them, 20 claims.
 *
 * @example numberedReport(3).record.id // 'report-3'
 */
export function numberedReport(n: number): PutDocumentInput {
  const sentences = Array.from(
    { length: 20 },
    (_, i) => `Report ${n} says shell ${i} fell near checkpoint ${n * 31 + i} before dawn.`,
  );
  const text = `Shelling report ${n}\n\n${sentences.join(' ')}`;
  return {
    record: ledgerRecord({
      id: `report-${n}`,
      text,
      title: `Shelling report ${n}`,
      url: `https://reports.example/${n}`,
      claims: sentences.map((words) => ({ words })),
      events: [{ trigger: 'fell', type: 'ARTILLERY_SHELLING', date: '2024-02-01' }],
    }),
    raw: `<html><title>Shelling report ${n}</title><body>${sentences.map((s) => `<p>${s}</p>`).join('')}</body></html>`,
    mediaType: 'text/html',
  };
}
