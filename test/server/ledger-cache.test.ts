import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LedgerCache } from '../../src/server/ledger-cache.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import type { Ledger } from '../../src/types/ledger.js';
import { ledgerRecord } from '../store/ledger-record.js';

let dir: string;
let store: Store;
/** Another process's connection to the same ledger. */
let other: Store;
let now = 0;
let builds = 0;
/** A ledger object per build: enough to tell builds apart. */
const load = async (): Promise<Ledger> => {
  builds += 1;
  return { build: builds } as unknown as Ledger;
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'corroborate-ledger-cache-'));
  store = await openStore(join(dir, 'ledger.sqlite'));
  other = await openStore(join(dir, 'ledger.sqlite'));
  await store.putDocument({
    record: ledgerRecord({ id: 'first', text: 'A drone struck Harir.', url: null }),
  });
  builds = 0;
  now = 0;
});
afterEach(async () => {
  await other.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const cases: {
  what: string;
  change: (cache: LedgerCache) => Promise<unknown> | undefined;
  restamps: boolean;
  rebuilds: boolean;
}[] = [
  { what: 'nothing written', change: () => undefined, restamps: false, rebuilds: false },
  {
    what: 'a login session written (content unchanged)',
    change: async () => {
      await other.accounts.putUser({ name: 'ana', role: 'viewer', passwordHash: 'x' });
      await other.accounts.createSession({ idHash: 'h', userName: 'ana', expiresAt: '2999-01-01T00:00:00Z' });
    },
    restamps: true,
    rebuilds: false,
  },
  {
    what: 'a report ingested by another process',
    change: () =>
      other.putDocument({ record: ledgerRecord({ id: 'second', text: 'Shells hit Mosul.', url: null }) }),
    restamps: true,
    rebuilds: true,
  },
  {
    what: 'a retraction by another process',
    change: () => other.setDocumentStatus('first', 'retracted'),
    restamps: true,
    rebuilds: true,
  },
  {
    what: 'a review decision by another process',
    change: () => other.appendAudit({ actor: 'cli', action: 'review.set-status', subject: 'event:first:e1' }),
    restamps: true,
    rebuilds: true,
  },
];

describe('the ledger cache', () => {
  it.each(cases)(
    'after $what: restamps $restamps, rebuilds $rebuilds',
    async ({ change, restamps, rebuilds }) => {
      const cache = new LedgerCache(store, load, { recheckMs: 1000, now: () => now });
      const first = await cache.current();
      const stamps = vi.spyOn(store, 'contentStamp');
      await change(cache);
      now += 500;
      expect(await cache.current(), 'within the recheck window').toBe(first);
      now += 600;
      const after = await cache.current();
      expect(stamps.mock.calls.length > 0).toBe(restamps);
      expect(after === first).toBe(!rebuilds);
      expect(builds).toBe(rebuilds ? 2 : 1);
    },
  );

  it('rebuilds at once after a write through the desk, and concurrent readers share one build', async () => {
    const cache = new LedgerCache(store, load, { recheckMs: 60_000, now: () => now });
    const first = await cache.current();
    cache.invalidate();
    const [a, b] = await Promise.all([cache.current(), cache.current()]);
    expect(a).not.toBe(first);
    expect(b).toBe(a);
    expect(builds).toBe(2);
  });
});
