import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.js';
import { loadLedger, loadReviewDecisions, REVIEW_ACTIONS } from '../../src/corroborate/load-ledger.js';
import { loadLedgerInputs, refreshOrigins } from '../../src/ingest/stored-documents.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import type { ReviewDecision } from '../../src/types/ledger.js';

// Reports written for these tests: fictional outlets and events, real places.
const WIRE = `Drones strike fuel depot near Mosul

MOSUL, Iraq (North Wire) — Armed drones struck a fuel depot on the southern edge of Mosul on Tuesday, killing three workers and wounding seven others, provincial officials said.

Governor's spokesman Karim Haddad told North Wire that two drones hit the depot shortly after midnight.
`;
const REPRINT = `${WIRE}
This article first appeared on North Wire and is republished with permission.
`;
const MARKET = `Shelling hits market in Kherson

Artillery shells hit a covered market in Kherson on Sunday, wounding five people, the regional governor said.
`;

let store: Store;

beforeEach(async () => {
  store = await openStore(':memory:');
  for (const [id, text] of [
    ['north-wire', WIRE],
    ['valley-courier', REPRINT],
    ['kherson', MARKET],
  ] as const) {
    await store.putDocument({ record: analyzeText(text, { id, date: '2024-03-14' }) });
  }
});
afterEach(async () => {
  await store.close();
});

describe('reading the stored documents back', () => {
  it('gives every active document with its record, and leaves retracted ones out', async () => {
    await store.setDocumentStatus('kherson', 'retracted');
    const inputs = await loadLedgerInputs(store);
    expect(inputs.map((d) => d.id)).toEqual(['north-wire', 'valley-courier']);
    expect(inputs[0]!.record.text).toBe(WIRE);
    expect(inputs[0]!.sha256).toBe(inputs[0]!.record.document.sha256);
  });
});

describe('regrouping origins after an ingest', () => {
  it('puts a reprint into its original’s origin, and a second pass changes nothing', async () => {
    const first = await refreshOrigins(store);
    expect(first.changed).toBeGreaterThan(0);
    const grouped = (await store.listOrigins()).map((o) => [...o.documentIds].sort());
    expect(grouped).toContainEqual(['north-wire', 'valley-courier']);
    expect(grouped).toContainEqual(['kherson']);
    expect(await store.listOrigins()).toHaveLength(2);

    const second = await refreshOrigins(store);
    expect(second.changed).toBe(0);
    expect(second.origins.map((o) => o.id)).toEqual(first.origins.map((o) => o.id));
  });
});

describe('review decisions in the audit log', () => {
  const decision: ReviewDecision = {
    kind: 'set-status',
    member: { documentId: 'kherson', eventId: 'ev1' },
    status: 'confirmed',
    by: 'amira',
    at: '2024-03-15T10:00:00.000Z',
    note: null,
  };

  it('replays decisions of review actions only, skipping other entries and broken ones', async () => {
    await store.appendAudit({
      actor: 'amira',
      action: 'document.retract',
      subject: 'doc:x',
      after: { x: 1 },
    });
    await store.appendAudit({
      actor: 'amira',
      action: REVIEW_ACTIONS['set-status'],
      subject: 'event:k',
      after: decision,
    });
    // A merge action whose payload is a status decision is not a merge.
    await store.appendAudit({
      actor: 'amira',
      action: REVIEW_ACTIONS.merge,
      subject: 'event:k',
      after: decision,
    });
    await store.appendAudit({ actor: 'amira', action: REVIEW_ACTIONS.split, subject: 'event:k' });
    expect(await loadReviewDecisions(store)).toEqual([decision]);
  });

  it('shows a replayed status in the built ledger', async () => {
    const before = await loadLedger(store);
    const event = before.events.find((e) => e.members.some((m) => m.documentId === 'kherson'))!;
    await store.appendAudit({
      actor: 'amira',
      action: REVIEW_ACTIONS['set-status'],
      subject: `event:${event.id}`,
      after: { ...decision, member: event.members[0]! },
    });
    const after = (await loadLedger(store)).events.find((e) => e.id === event.id)!;
    expect(after).toMatchObject({ status: 'confirmed', statusByAnalyst: true });
  });
});
