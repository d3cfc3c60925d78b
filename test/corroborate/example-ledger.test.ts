import { beforeAll, describe, expect, it } from 'vitest';
import { buildLedger, type LedgerInputDocument } from '../../src/corroborate/build-ledger.js';
import { type Gazetteer, loadDefaultGazetteer } from '../../src/geo/gazetteer.js';
import type { Ledger } from '../../src/types/ledger.js';
import { EXAMPLE_FILES, exampleInput, ledgerInput } from './ledger-reports.js';

// The bundled example reports (ours): North Wire's story, The Valley Courier's reprint of it,
// and Tigris Daily's own report of the same depot fire.
const EXAMPLES = EXAMPLE_FILES;

let gazetteer: Gazetteer;
let docs: LedgerInputDocument[];
let ledger: Ledger;

beforeAll(async () => {
  gazetteer = await loadDefaultGazetteer('/nonexistent/store.jsonl.gz');
  docs = EXAMPLES.map((file) => exampleInput(file, gazetteer));
  ledger = buildLedger(docs);
});

describe('the example reports as a ledger', () => {
  it('counts the reprint with its original: two origins', () => {
    expect(ledger.origins.map((o) => o.documentIds)).toEqual([
      ['north-wire-drone-strike.txt', 'valley-courier-reprint.txt'],
      ['tigris-daily-depot-fire.txt'],
    ]);
  });

  it('holds one depot strike, backed by two independent origins and disputed by the ministry', () => {
    const [strike, ...others] = ledger.events;
    expect(others).toEqual([]);
    expect(strike?.type).toBe('AIR_STRIKE');
    expect(strike?.place?.name).toBe('Mosul');
    expect(strike?.date).toEqual({ from: '2024-03-12', to: '2024-03-12' });
    expect(strike?.support.independentOrigins).toBe(2);
    expect(strike?.status).toBe('disputed');
    expect(strike?.support.confirmedByTargetSide).toBe(true);
    expect(strike?.support.perpetratorClaimOnly).toBe(false);
    expect(new Set(strike?.contradictions.map((c) => c.kind))).toEqual(
      new Set(['denial', 'interception-vs-hit']),
    );
  });

  it('finds "at least three" and "four" killed compatible', () => {
    const killed = ledger.checks.find((c) => c.kind === 'numbers' && c.id.endsWith(':killed'));
    expect(killed?.status).toBe('ok');
  });

  it('keeps a report’s events as the reader grouped them when restatements are not merged', () => {
    const strict = buildLedger(docs, { matching: { mergeRestatements: false } });
    expect(strict.events.length).toBeGreaterThan(ledger.events.length);
    for (const event of strict.events) {
      const incidents = new Set(
        event.members.map(
          (m) =>
            `${m.documentId}:${docs.find((d) => d.id === m.documentId)?.record.events.find((e) => e.id === m.eventId)?.incidentId}`,
        ),
      );
      const documents = new Set(event.members.map((m) => m.documentId));
      expect(incidents.size).toBe(documents.size);
    }
  });
});

describe('who supports an event', () => {
  it.each([
    [
      'only the attackers claim it',
      'An armed group calling itself the Sons of the Valley said in a statement on Telegram that its fighters struck the Qayyarah airfield with drones on Monday.',
      { perpetratorClaimOnly: true, confirmedByTargetSide: false },
    ],
    [
      'the defenders’ officials confirm it',
      'Two drones struck the Qayyarah airfield on Monday, damaging a hangar, Iraqi security officials said.',
      { perpetratorClaimOnly: false, confirmedByTargetSide: true },
    ],
  ])('%s', (_name, sentence, expected) => {
    const doc = ledgerInput(
      {
        id: 'q',
        publisher: 'Nineveh Post',
        date: '2025-06-03',
        text: `Qayyarah\n\nQAYYARAH, Iraq — ${sentence}`,
      },
      gazetteer,
    );
    const [event] = buildLedger([doc]).events;
    expect(event?.support).toMatchObject(expected);
    expect(event?.status).toBe('unverified');
  });
});
