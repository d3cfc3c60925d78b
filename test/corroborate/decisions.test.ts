import { describe, expect, it } from 'vitest';
import { eventKey, replayDecisions } from '../../src/corroborate/decisions.js';
import type { ReviewDecision } from '../../src/types/ledger.js';

const ref = (documentId: string, eventId = 'ev1') => ({ documentId, eventId });
const key = (documentId: string, eventId = 'ev1') => eventKey(ref(documentId, eventId));
const meta = { by: 'amira', at: '2025-06-20T10:00:00Z', note: null };
/** Two ledger events: a (reports 1, 2) and b (report 3). */
const clustering = () =>
  new Map([
    [key('r1'), 'a'],
    [key('r2'), 'a'],
    [key('r3'), 'b'],
  ]);
const together = (assignment: Map<string, string>, x: string, y: string) =>
  assignment.get(key(x)) === assignment.get(key(y));

describe('replayDecisions: review decisions in order, later ones win', () => {
  it.each<[string, ReviewDecision[], [string, string, boolean][]]>([
    [
      'merge joins two events',
      [{ kind: 'merge', members: [ref('r1'), ref('r3')], ...meta }],
      [
        ['r1', 'r3', true],
        ['r2', 'r3', true],
      ],
    ],
    [
      'split takes a report out',
      [{ kind: 'split', members: [ref('r2')], ...meta }],
      [
        ['r1', 'r2', false],
        ['r1', 'r3', false],
      ],
    ],
    [
      'a merge after a split rejoins',
      [
        { kind: 'split', members: [ref('r2')], ...meta },
        { kind: 'merge', members: [ref('r2'), ref('r1')], ...meta },
      ],
      [['r1', 'r2', true]],
    ],
    [
      'a split after a merge separates again',
      [
        { kind: 'merge', members: [ref('r1'), ref('r3')], ...meta },
        { kind: 'split', members: [ref('r3')], ...meta },
      ],
      [
        ['r1', 'r3', false],
        ['r1', 'r2', true],
      ],
    ],
    [
      'a decision about a report no longer held is skipped',
      [{ kind: 'merge', members: [ref('gone'), ref('r3')], ...meta }],
      [['r1', 'r3', false]],
    ],
  ])('%s', (_name, decisions, expectations) => {
    const { assignment } = replayDecisions(clustering(), decisions);
    for (const [x, y, same] of expectations) expect(together(assignment, x, y)).toBe(same);
  });

  it('a merge forces every member of both events together, not only the members it names', () => {
    const { merges } = replayDecisions(clustering(), [
      { kind: 'merge', members: [ref('r1'), ref('r3')], ...meta },
    ]);
    expect(merges.map((m) => [...m.keys].sort())).toEqual([[key('r1'), key('r2'), key('r3')].sort()]);
  });

  it('remembers which pairs a split separated, so automatic links cannot rejoin them', () => {
    const { forbidden } = replayDecisions(clustering(), [{ kind: 'split', members: [ref('r2')], ...meta }]);
    expect([...(forbidden.get(key('r2')) ?? [])]).toEqual([key('r1')]);
  });

  it('keeps status decisions in order and the latest rating per claim', () => {
    const { statuses, ratings } = replayDecisions(clustering(), [
      { kind: 'set-status', member: ref('r1'), status: 'false', ...meta },
      { kind: 'set-status', member: ref('r2'), status: 'confirmed', ...meta },
      { kind: 'rate-claim', claim: { documentId: 'r1', claimId: 'c2' }, rating: 1, label: 'False', ...meta },
      {
        kind: 'rate-claim',
        claim: { documentId: 'r1', claimId: 'c2' },
        rating: 4,
        label: 'Mostly true',
        ...meta,
      },
    ]);
    expect(statuses.map((s) => s.status)).toEqual(['false', 'confirmed']);
    expect(ratings.get('r1:c2')).toMatchObject({ value: 4, label: 'Mostly true', by: 'amira' });
  });
});
