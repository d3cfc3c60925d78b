// The desk's loader keeps its ledger builder between loads: after a review it reads the decisions
// only (no record read again) and gives what a fresh `loadLedger` gives; after an ingest or a
// retraction it reads the inputs again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.js';
import { incrementalLedgerLoader, loadLedger, REVIEW_ACTIONS } from '../../src/corroborate/load-ledger.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import type { ReviewDecision } from '../../src/types/ledger.js';

const REPORTS = [
  {
    id: 'north-wire',
    date: '2026-03-04',
    text: 'Drones hit fuel depot near Erbil\n\nERBIL, Iraq (North Wire) — Two drones struck a fuel depot near Erbil on Tuesday, killing three guards, provincial officials said.\n',
  },
  {
    id: 'valley-courier',
    date: '2026-03-04',
    text: 'Depot near Erbil struck\n\nA drone attack hit a fuel depot outside Erbil on Tuesday and killed three guards, a security source told the Valley Courier.\n',
  },
  {
    id: 'steppe-courier',
    date: '2026-03-06',
    text: 'Shelling in Kharkiv\n\nArtillery shells hit a market in Kharkiv on Thursday, wounding five people, the regional governor said.\n',
  },
];

/** The store, with the records it reads counted (`getRecord` calls and `recordsPage` rows: what a full reload costs). */
let store: Store;
let recordReads = 0;

beforeEach(async () => {
  const opened = await openStore(':memory:');
  for (const r of REPORTS)
    await opened.putDocument({ record: analyzeText(r.text, { id: r.id, date: r.date }) });
  recordReads = 0;
  store = new Proxy(opened, {
    get(target, name, receiver) {
      if (name === 'getRecord') {
        return (id: string) => {
          recordReads += 1;
          return target.getRecord(id);
        };
      }
      if (name === 'recordsPage') {
        return async (options?: { afterId?: string | null; limit?: number }) => {
          const page = await target.recordsPage(options);
          recordReads += page.length;
          return page;
        };
      }
      const value = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
});
afterEach(async () => {
  await store.close();
});

async function review(decision: ReviewDecision): Promise<void> {
  await store.appendAudit({
    actor: 'amira',
    action: REVIEW_ACTIONS[decision.kind],
    subject: 'event',
    after: decision,
  });
}

const meta = { by: 'amira', at: '2026-03-07T09:00:00Z', note: null };

describe('incrementalLedgerLoader', () => {
  it.each<[string, (events: { members: { documentId: string; eventId: string }[] }[]) => ReviewDecision]>([
    [
      'a status change',
      (events) => ({
        kind: 'set-status',
        member: events[0]?.members[0] ?? { documentId: '', eventId: '' },
        status: 'confirmed',
        ...meta,
      }),
    ],
    [
      'a merge',
      (events) => ({
        kind: 'merge',
        members: events.slice(0, 2).map((e) => e.members[0] ?? { documentId: '', eventId: '' }),
        ...meta,
      }),
    ],
  ])('applies %s without reading any record again', async (_name, decide) => {
    const load = incrementalLedgerLoader();
    const first = await load(store);
    expect(first).toEqual(await loadLedger(store));
    await review(decide(first.events));
    recordReads = 0;
    const second = await load(store);
    expect(recordReads).toBe(0);
    expect(second).not.toEqual(first);
    expect(second).toEqual(await loadLedger(store));
  });

  it('reads the records again when a document is retracted, and leaves its record out', async () => {
    const load = incrementalLedgerLoader();
    await load(store);
    await store.setDocumentStatus('steppe-courier', 'retracted');
    recordReads = 0;
    const after = await load(store);
    expect(recordReads).toBe(REPORTS.length);
    expect(after.documents.map((d) => d.id)).not.toContain('steppe-courier');
    expect(after).toEqual(await loadLedger(store));
  });
});
