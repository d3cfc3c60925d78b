import { describe, expect, it } from 'vitest';
import { evidenceOfEvent } from '../../src/server/evidence-routes.js';
import type { EvidenceFilter } from '../../src/store/store.js';
import type { EvidenceItem, EvidenceSubject } from '../../src/types/evidence.js';

/** An evidence item as far as `evidenceOfEvent` reads it: its id, when it was added, what it is on. */
function item(id: string, addedAt: string, ...subjects: EvidenceSubject[]): EvidenceItem {
  return { id, addedAt, subjects } as unknown as EvidenceItem;
}

/** A store holding `items`, answering `listEvidence` by subject as the real ones do. */
function storeOf(items: readonly EvidenceItem[]) {
  const asked: EvidenceFilter[] = [];
  return {
    asked,
    listEvidence: async (filter: EvidenceFilter = {}) => {
      asked.push(filter);
      return items.filter((i) =>
        i.subjects.some(
          (s) =>
            (filter.subjectKind === undefined || s.kind === filter.subjectKind) &&
            (filter.subjectId === undefined || s.id === filter.subjectId),
        ),
      );
    },
  };
}

const event = {
  id: 'post-1:ev1',
  support: { supporting: ['post-1:c1', 'wire-2:c1'], contradicting: ['post-3:c2'] },
};
const ITEMS = [
  item('ev:3', '2024-03-03T00:00:00Z', { kind: 'event', id: 'post-1:ev1' }),
  item('ev:1', '2024-03-01T00:00:00Z', { kind: 'claim', id: 'wire-2:c1' }),
  // On two of the event's claims: listed once.
  item(
    'ev:2',
    '2024-03-02T00:00:00Z',
    { kind: 'claim', id: 'post-1:c1' },
    { kind: 'claim', id: 'post-3:c2' },
  ),
  // On another event's claim and another event: not this event's.
  item('ev:4', '2024-03-01T00:00:00Z', { kind: 'claim', id: 'post-9:c1' }),
  item('ev:5', '2024-03-01T00:00:00Z', { kind: 'event', id: 'post-9:ev1' }),
];

describe('the evidence of an event', () => {
  it.each([
    { how: 'its claims asked for one by one', oneByOneUpTo: 64, queries: 4 },
    { how: 'the evidence on every claim read at once', oneByOneUpTo: 2, queries: 2 },
  ])('is its own and its claims’, once each, oldest first, with $how', async ({ oneByOneUpTo, queries }) => {
    const store = storeOf(ITEMS);
    const found = await evidenceOfEvent(store, event, oneByOneUpTo);
    expect(found.map((i) => i.id)).toEqual(['ev:1', 'ev:2', 'ev:3']);
    expect(store.asked).toHaveLength(queries);
  });
});
