import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/corroborate/load-ledger.js';
import { createApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/store.js';
import { HARIR_REPORT, measurementLedger, square } from '../evidence/measure/measurement-ledger.js';
import { TEST_POSTGRES, testSchema } from '../store/test-postgres.js';

/** Measurements through the desk on PostgreSQL (when CORROBORATE_TEST_POSTGRES names a database). */
const schema = TEST_POSTGRES ? testSchema(`evidence_${process.pid}`) : null;

describe.skipIf(!schema)('evidence measurements on PostgreSQL', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  let csrf: string;
  let eventId: string;
  const clock = () => new Date('2024-03-07T09:00:00.000Z');

  // the first read of the embedded gazetteer may compile its index
  beforeAll(async () => {
    const url = await (schema as NonNullable<typeof schema>).create();
    ({ store, dispose } = await measurementLedger(clock, url));
    app = createApp({ store, auth: { mode: 'local' }, loadLedger, clock });
    csrf = ((await (await app.request('/api/session')).json()) as { csrfToken: string }).csrfToken;
    eventId = (await loadLedger(store)).events.find((e) =>
      e.members.some((m) => m.documentId === HARIR_REPORT.id),
    )?.id as string;
  }, 60_000);
  afterAll(async () => {
    await dispose?.();
    await schema?.drop();
  });

  it('stores the base and the hangars, and compares the damaged share with the base', async () => {
    const post = (body: unknown) =>
      app.request('/api/evidence/measurements', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify(body),
      });
    expect(
      (
        await post({
          geojson: square(44.355, 36.535, Math.sqrt(2700)),
          event: eventId,
          label: 'facility outline',
        })
      ).status,
    ).toBe(201);
    const res = await post({
      geojson: square(44.3601, 36.5402, Math.sqrt(1300)),
      event: eventId,
      label: 'damaged structures',
    });
    expect(res.status).toBe(201);
    const { item } = (await res.json()) as {
      item: { finding: { checks: { claimed: { text: string }; verdict: string }[] } };
    };
    expect(item.finding.checks.map((c) => [c.claimed.text, c.verdict])).toEqual(
      expect.arrayContaining([
        ['13,700 square feet', 'agrees'],
        ['50 percent', 'agrees'],
      ]),
    );
    const list = (await (
      await app.request(`/api/events/${encodeURIComponent(eventId)}/evidence`)
    ).json()) as { total: number };
    expect(list.total).toBe(2);
  });
});
