import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/corroborate/load-ledger.js';
import { createApp } from '../../src/server/app.js';
import { hashPassword } from '../../src/server/passwords.js';
import type { Store } from '../../src/store/store.js';
import { TEST_POSTGRES, testSchema } from '../store/test-postgres.js';
import { deskStore } from './desk-reports.js';

/** The team desk on PostgreSQL (when CORROBORATE_TEST_POSTGRES names a database; see docs/storage.md). */
const schema = TEST_POSTGRES ? testSchema(`desk_${process.pid}`) : null;

describe.skipIf(!schema)('the desk on PostgreSQL', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const clock = () => new Date('2024-03-07T09:00:00.000Z');

  beforeAll(async () => {
    const url = await (schema as NonNullable<typeof schema>).create();
    ({ store, dispose } = await deskStore(clock, url));
    await store.accounts.putUser({
      name: 'anwar',
      role: 'analyst',
      passwordHash: await hashPassword('analyst-pass-2', { N: 1024, r: 8, p: 1 }),
    });
    app = createApp({ store, auth: { mode: 'accounts' }, loadLedger, clock });
  });
  afterAll(async () => {
    await dispose();
    await schema?.drop();
  });

  it('logs in, reads the ledger, records a review and verifies the chain', async () => {
    const login = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'anwar', password: 'analyst-pass-2' }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };

    const documents = (await (await app.request('/api/documents', { headers })).json()) as { total: number };
    expect(documents.total).toBe(3);
    const events = (await (await app.request('/api/events?q=market', { headers })).json()) as {
      items: { id: string }[];
    };
    const market = events.items[0]?.id as string;
    const review = await app.request('/api/review', {
      method: 'POST',
      headers,
      body: JSON.stringify({
        kind: 'set-status',
        event: market,
        status: 'confirmed',
        note: 'governor and police',
      }),
    });
    expect(review.status).toBe(201);
    const after = (await (
      await app.request(`/api/events/${encodeURIComponent(market)}`, { headers })
    ).json()) as {
      event: { status: string };
    };
    expect(after.event.status).toBe('confirmed');
    const verify = (await (await app.request('/api/audit/verify', { headers })).json()) as { ok: boolean };
    expect(verify.ok).toBe(true);
  });
});
