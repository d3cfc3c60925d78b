import { beforeAll, describe, expect, it } from 'vitest';
import type { LedgerInputDocument } from '../../src/corroborate/build-ledger.js';
import { groupOrigins, wireCreditsOf } from '../../src/corroborate/origins.js';
import type { LedgerOrigin } from '../../src/types/ledger.js';
import { ledgerInput } from './ledger-reports.js';
import { ORIGIN_REPORTS } from './origin-reports.js';

let docs: LedgerInputDocument[];
let origins: LedgerOrigin[];
const originOf = (id: string) => origins.find((o) => o.documentIds.includes(id));

beforeAll(() => {
  docs = ORIGIN_REPORTS.map((r) => ledgerInput(r, null));
  origins = groupOrigins(docs);
});

describe('groupOrigins: copies are one origin, independent reports are not', () => {
  it.each([
    [
      'a republication with a notice, a new headline and edits',
      'dnipro-line-water',
      'steppe-courier-water',
      'notice',
      'origin-steppe-courier-water',
    ],
    [
      'a wire story rewritten by a client under the wire’s credit',
      'kyiv-evening-silo',
      'meridian-silo',
      'wire',
      'origin-meridian-silo',
    ],
  ])('%s', (_name, copy, original, kind, id) => {
    const origin = originOf(copy);
    expect(origin?.documentIds).toContain(original);
    expect(origin?.id).toBe(id);
    expect(origin?.method).toBe(kind);
    expect(origin?.links[0]?.similarity).toBeGreaterThan(0.2);
    expect(origin?.links[0]?.similarity).toBeLessThan(0.5);
  });

  it('keeps an independent report of the same shelling on its own', () => {
    expect(originOf('eastern-front-water')).toEqual({
      id: 'origin-eastern-front-water',
      documentIds: ['eastern-front-water'],
      method: 'own',
      links: [],
    });
  });

  it('groups the same whatever the input order', () => {
    expect(groupOrigins([...docs].reverse())).toEqual(origins);
  });

  it('links an identical text without comparing it', () => {
    const twin = { ...docs[0], id: 'steppe-courier-water-twin' } as LedgerInputDocument;
    const grouped = groupOrigins([...docs, twin]);
    const link = grouped.flatMap((o) => o.links).find((l) => l.b === 'steppe-courier-water-twin');
    expect(link).toMatchObject({ kind: 'near-duplicate', similarity: 1, reason: 'identical text' });
  });
});

describe('wireCreditsOf: the credits a text carries', () => {
  it.each([
    ['ZAPORIZHZHIA, Ukraine, July 7 (Meridian Wire) — A drone struck a silo.', ['meridian wire']],
    ['KYIV — A drone struck a silo.\n\nReporting by Horn Wire; editing by the desk.', ['horn wire']],
    ['KYIV — A drone struck a silo (officials said).', []],
  ])('%s → %j', (text, credits) => {
    const doc = ledgerInput({ id: 'd', publisher: 'Test Outlet', date: '2025-07-07', text }, null);
    expect(wireCreditsOf(doc)).toEqual(credits);
  });
});
