import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { ledgerToJson, parseLedgerJson } from '../../src/export/ledger-json.js';
import { sampleLedger } from './sample-ledger.js';

function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  return value;
}

function edited(edit: (ledger: Record<string, unknown>) => void): string {
  const ledger = JSON.parse(ledgerToJson(sampleLedger()));
  edit(ledger);
  return JSON.stringify(ledger);
}

describe('the ledger JSON interchange format', () => {
  it('reads back exactly the ledger it wrote', () => {
    const ledger = sampleLedger();
    expect(parseLedgerJson(ledgerToJson(ledger))).toEqual(ledger);
  });

  it('writes the same text whatever order the keys were built in', () => {
    const ledger = sampleLedger();
    const shuffled = reversedKeys(ledger) as typeof ledger;
    expect(Object.keys(shuffled)[0]).toBe('checks');
    expect(ledgerToJson(shuffled)).toBe(ledgerToJson(ledger));
  });

  it('starts with the schema and lists sections in the documented order', () => {
    const text = ledgerToJson(sampleLedger());
    expect(Object.keys(JSON.parse(text))).toEqual([
      'schema',
      'documents',
      'origins',
      'events',
      'claims',
      'checks',
    ]);
    expect(text.startsWith('{\n  "schema": "corroborate.ledger/1",')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('sorts speaker-kind tallies by kind', () => {
    const text = ledgerToJson(sampleLedger());
    const event = JSON.parse(text).events.find((e: { id: string }) => e.id === 'wire-1:e1');
    expect(Object.keys(event.support.speakerKinds)).toEqual(['armed-group-statement', 'unnamed-official']);
  });

  it.each([
    ['not JSON', '{"schema": ', /not JSON/],
    ['a JSON array', '[]', /expected a JSON object/],
    ['no schema', edited((l) => delete l.schema), /no "schema"/],
    ['a newer schema', edited((l) => (l.schema = 'corroborate.ledger/2')), /newer than .* upgrade/],
    [
      'another format',
      edited((l) => (l.schema = 'acme.events/1')),
      /unsupported ledger schema "acme.events\/1"/,
    ],
    [
      'a missing field',
      edited((l) => delete (l.documents as Record<string, unknown>[])[1]!.originId),
      /documents\[1\]: missing field "originId"/,
    ],
    [
      'a wrong type',
      edited((l) => ((l.events as Record<string, unknown>[])[0]!.fatalities = '3')),
      /events\[0\]\.fatalities: expected an integer/,
    ],
    [
      'an unknown status',
      edited((l) => ((l.events as Record<string, unknown>[])[2]!.status = 'likely')),
      /events\[2\]\.status: expected one of/,
    ],
    [
      'an unknown field',
      edited((l) => ((l.claims as Record<string, unknown>[])[0]!.extra = 1)),
      /claims\[0\]: unexpected field "extra"/,
    ],
    [
      'an out-of-range rating',
      edited((l) => ((l.claims as { rating: { value: number } }[])[0]!.rating.value = 7)),
      /claims\[0\]\.rating\.value/,
    ],
  ])('refuses %s with a clear input error', (_case, text, message) => {
    expect(() => parseLedgerJson(text)).toThrow(InputError);
    expect(() => parseLedgerJson(text)).toThrow(message);
  });
});
