import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLedger, REVIEW_ACTIONS } from '../../src/corroborate/load-ledger.js';
import { workerLedgerLoader } from '../../src/server/worker-ledger-loader.js';
import { openStore } from '../../src/store/open-store.js';
import { deskStore } from './desk-reports.js';

const dir = mkdtempSync(join(tmpdir(), 'corroborate-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('building the ledger in a worker thread', () => {
  it('gives the same ledger as building it in the desk’s own thread', async () => {
    const location = join(dir, 'ledger.sqlite');
    const { store, dispose } = await deskStore(undefined, location);
    try {
      const here = await loadLedger(store);
      const there = await workerLedgerLoader(location)(store);
      expect(there.events.length).toBeGreaterThan(0);
      expect(there).toEqual(here);
    } finally {
      await dispose();
    }
  });

  it('keeps its builder between loads: a review after the first gives the rebuilt ledger', async () => {
    const location = join(dir, 'reviewed.sqlite');
    const { store, dispose } = await deskStore(undefined, location);
    try {
      const load = workerLedgerLoader(location);
      const first = await load(store);
      const member = first.events[0]?.members[0];
      expect(member).toBeDefined();
      await store.appendAudit({
        actor: 'amira',
        action: REVIEW_ACTIONS['set-status'],
        subject: `event:${first.events[0]?.id}`,
        after: {
          kind: 'set-status',
          member,
          status: 'false',
          by: 'amira',
          at: '2024-03-07T10:00:00Z',
          note: null,
        },
      });
      const second = await load(store);
      expect(second.events[0]).toMatchObject({ status: 'false', statusByAnalyst: true });
      expect(second).toEqual(await loadLedger(store));
    } finally {
      await dispose();
    }
  });

  it('reports a ledger it cannot open as a failed build', async () => {
    const store = await openStore(':memory:');
    try {
      await expect(workerLedgerLoader('postgres://nobody@127.0.0.1:1/none')(store)).rejects.toThrow(/ledger/);
    } finally {
      await store.close();
    }
  });
});
