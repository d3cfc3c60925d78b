import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LEDGER_PATH, ledgerLocation, openStore } from '../../src/store/open-store.js';

describe('ledgerLocation', () => {
  const cases: [string | undefined, Record<string, string>, { engine: string; target: string }][] = [
    [undefined, {}, { engine: 'sqlite', target: './.corroborate/ledger.sqlite' }],
    ['', {}, { engine: 'sqlite', target: DEFAULT_LEDGER_PATH }],
    ['/data/ledger.sqlite', {}, { engine: 'sqlite', target: '/data/ledger.sqlite' }],
    ['sqlite:ledgers/north.sqlite', {}, { engine: 'sqlite', target: 'ledgers/north.sqlite' }],
    [':memory:', {}, { engine: 'sqlite', target: ':memory:' }],
    [
      'postgres://desk@db.internal/ledger',
      {},
      { engine: 'postgres', target: 'postgres://desk@db.internal/ledger' },
    ],
    ['postgresql://desk@db/ledger', {}, { engine: 'postgres', target: 'postgresql://desk@db/ledger' }],
    ['POSTGRES://desk@db/ledger', {}, { engine: 'postgres', target: 'POSTGRES://desk@db/ledger' }],
    [
      undefined,
      { CORROBORATE_DB: 'postgres://env@db/ledger' },
      { engine: 'postgres', target: 'postgres://env@db/ledger' },
    ],
    [undefined, { CORROBORATE_DB: '/srv/ledger.sqlite' }, { engine: 'sqlite', target: '/srv/ledger.sqlite' }],
    [
      '/explicit.sqlite',
      { CORROBORATE_DB: 'postgres://env@db/ledger' },
      { engine: 'sqlite', target: '/explicit.sqlite' },
    ],
  ];
  it.each(cases)('%j with %j is %j', (url, env, expected) => {
    expect(ledgerLocation(url, env)).toEqual(expected);
  });
});

describe('openStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-open-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the folder of a new SQLite ledger and uses WAL', async () => {
    const path = join(dir, 'nested', 'deeper', 'ledger.sqlite');
    const store = await openStore(path);
    try {
      expect(existsSync(path)).toBe(true);
      expect(store.capabilities.dialect).toBe('sqlite');
      await store.appendAudit({ actor: 'ana', action: 'note', subject: 'ledger' });
      expect(existsSync(`${path}-wal`)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('opens an in-memory ledger', async () => {
    const store = await openStore(':memory:');
    try {
      expect((await store.stats()).documents).toBe(0);
    } finally {
      await store.close();
    }
  });
});

describe('openStore on an unreachable PostgreSQL', () => {
  it('rejects instead of hanging', async () => {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    await expect(openStore('postgres://nobody@127.0.0.1:9/ledger')).rejects.toThrow();
  });
});
