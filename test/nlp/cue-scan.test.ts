import { describe, expect, it } from 'vitest';
import { EVENT_CUES } from '../../src/events/event-cues.js';
import { CueScanner } from '../../src/nlp/cue-scan.js';
import { matchOpenings, opensAtWordBoundary } from '../../src/nlp/match-openings.js';

describe('matchOpenings (the first three characters a match can start with)', () => {
  it.each([
    ['\\b(?:air ?strikes?|drones?)\\b', ['air', 'dro']],
    ['\\b(?:on strike|ied)\\b', ['on ', 'ied']],
    ['\\bgr[ae]nade', ['gra', 'gre']],
    ['\\b(?:hand )?grenades?', ['han', 'gre']],
    // A match may be shorter than three characters, or go on with what is not spelled out.
    ['\\b(?:hq|ho\\w+)\\b', ['hq', 'ho']],
    ['\\bSAA\\b', ['saa']],
    ['\\bbomb(?![a-z])', ['bom']],
    ['\\b(?:booby[- ]traps?)', ['boo']],
  ])('%s opens with %j', (source, openings) => {
    expect([...(matchOpenings(source) ?? [])].sort()).toEqual([...openings].sort());
  });

  it.each([
    ['\\w+ing', 'a word class first'],
    ['(?:\\s+\\w+){0,4}attack', 'an optional opening'],
    ['[a-z]+ed', 'a range'],
    ['(?<name>shell)', 'a named group (not read)'],
    ['é', 'a character beyond ASCII'],
  ])('knows no openings for %s (%s)', (source) => {
    expect(matchOpenings(source)).toBeNull();
  });
});

describe('opensAtWordBoundary (every match starts where a word does)', () => {
  it.each([
    ['\\b(?:air|drone)\\b', true],
    ['\\bshell(?:ed|ing)?|\\bmortars?', false],
    ['\\b[|(]shell', true],
    ['shell\\b', false],
    ['\\b\\(a|b\\)', false],
  ])('%s → %s', (source, expected) => {
    expect(opensAtWordBoundary(source)).toBe(expected);
  });
});

/** Every match of each pattern as its own global scan finds it, pattern by pattern. */
function plainScan(patterns: readonly RegExp[], text: string): [number, number, number][] {
  const out: [number, number, number][] = [];
  patterns.forEach((re, p) => {
    for (const m of text.matchAll(new RegExp(re.source, 'gi')))
      if (m[0].length > 0) out.push([p, m.index, m.index + m[0].length]);
  });
  return out;
}

function scannerScan(scanner: CueScanner, text: string): [number, number, number][] {
  const out: [number, number, number][] = [];
  scanner.scan(text, (p, start, end) => out.push([p, start, end]));
  return out;
}

describe('CueScanner (each pattern tried only where a match can open)', () => {
  const patterns = [
    /\b(?:air ?strikes?|drones?)\b/gi,
    /\bshell(?:ed|ing)?\b/gi,
    /\b(?:hq|ho\w+)\b/gi,
    /\w+ing\b/gi,
    /x?/gi,
    /\bair|raid/gi,
    /\b(?:-strike|_ops)/gi,
  ];
  const scanner = new CueScanner(patterns);
  it.each([
    'Drones hit the drone base; an AIRSTRIKE followed.',
    'Shelling, shelled and SHELL fire: the shell.',
    'The HQ was hit by drones at hospital row; ho',
    'dro',
    'airraid air-raid air-strike x_ops',
    'Écoles shelledé air strikes',
    '',
  ])('finds what a global scan finds in %j', (text) => {
    expect(scannerScan(scanner, text)).toEqual(plainScan(patterns, text));
  });

  it('finds what a global scan finds for the whole cue table', () => {
    const text =
      'Government warplanes bombed the market town overnight. Rebels clashed with army units; troops ' +
      'recaptured the district. Police fired tear gas at protesters. A roadside bomb exploded. ' +
      'Thieves stole cars and the thefts went on; floods followed. Operation Desert Storm veterans marched.';
    const cues = EVENT_CUES.map((c) => c.re);
    expect(scannerScan(new CueScanner(cues), text)).toEqual(plainScan(cues, text));
  });

  it.each([
    ['The drone was shot down over the border.', 'intercepted'],
    ['The group denied carrying out the strike.', 'denied'],
    ['Officials said the attack failed; the drone was downed.', 'intercepted'],
    ['Nobody claimed responsibility for the attack.', 'claimed'],
    ['A quiet day in the capital.', 'none'],
  ])('tells the first cue a sentence holds, as re.test does: %s → %s', (text, expected) => {
    const cues: [RegExp, string][] = [
      [/\b(?:intercept(?:ed|ion|s)?|shot down|downed)\b/i, 'intercepted'],
      [/\b(?:failed|missed|foiled)\b/i, 'failed'],
      [/\bdenied (?:\w+ ){0,3}(?:attack|responsib|carrying out|strike)/i, 'denied'],
      [/\bclaim(?:ed|s)? responsibility/i, 'claimed'],
    ];
    const first = new CueScanner(cues.map(([re]) => re)).firstMatching(text);
    const byTest = cues.findIndex(([re]) => re.test(text));
    expect(first).toBe(byTest);
    expect(first < 0 ? 'none' : cues[first]![1]).toBe(expected);
  });

  it('refuses a pattern read with the u flag (other characters fold onto ASCII under it)', () => {
    expect(() => new CueScanner([/\bstrike\b/giu])).toThrow(/without u/);
  });
});
