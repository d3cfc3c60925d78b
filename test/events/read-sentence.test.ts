import { describe, expect, it } from 'vitest';
import { findOutcomes, readSentence } from '../../src/events/find-outcomes.js';

const whole = (text: string) => ({ start: 0, end: text.length });

describe('readSentence (outcomes and status of a sentence in one pass)', () => {
  it.each([
    ['The drone was shot down before it reached the base.', 'intercepted', []],
    ['The attack failed and caused no damage.', 'failed', ['no-damage']],
    ['The group denied carrying out the strike, which killed four.', 'denied', ['killed']],
    ['Islamic State claimed responsibility for the bombing that wounded 12.', 'claimed', ['wounded']],
    ['Shelling destroyed two houses; no one was hurt.', 'occurred', ['destroyed', 'no-casualties']],
    // The long s folds to "s" only under the u flag: the outcome patterns keep it.
    ['Two ſoldiers were killed; the raid failed.', 'failed', ['killed']],
  ])('%s → %s, %j', (text, status, kinds) => {
    const read = readSentence(text, whole(text), [], []);
    expect(read.status).toBe(status);
    expect(read.outcomes.map((o) => o.kind)).toEqual(kinds);
    expect(read.outcomes).toEqual(findOutcomes(text, whole(text), [], []));
  });

  it('reads only the sentence it is given', () => {
    const text = 'Rockets were intercepted. Two people were killed in the market.';
    const second = { start: text.indexOf('Two'), end: text.length };
    const read = readSentence(text, second, [], []);
    expect(read.status).toBe('occurred');
    expect(read.outcomes.map((o) => text.slice(o.span.start, o.span.end))).toEqual(['killed']);
  });
});
