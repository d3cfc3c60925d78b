import { describe, expect, it } from 'vitest';
import { findMarkers } from '../../src/nlp/attribution/find-markers.js';
import { readAttributions } from '../../src/nlp/attributions.js';
import { buildClaims } from '../../src/nlp/claims/build-claims.js';
import { tailStart } from '../../src/nlp/claims/piece-tail.js';
import { claimKey, sameClaim } from '../../src/nlp/claims/same-claim.js';
import { claimsStage } from '../../src/nlp/claims.js';
import { segment } from '../../src/nlp/sentences.js';
import type { Claim } from '../../src/types/claim.js';
import type { Sentence } from '../../src/types/sentence.js';

// Every report below was written for these tests.
function claimsOf(
  text: string,
  roles: Sentence['role'][] = [],
  extra: Partial<Parameters<typeof buildClaims>[0]> = {},
) {
  const seg = segment(text);
  const sentences = seg.sentences.map((s, i) => ({ ...s, role: roles[i] ?? s.role }));
  const attributions = readAttributions(text, ['The Ledger'], seg.tokens, sentences);
  return buildClaims({
    text,
    sentences,
    attributions,
    markers: findMarkers(text),
    boilerplate: [],
    outlet: 'The Ledger',
    ...extra,
  });
}

const find = (claims: Claim[], words: string) => claims.find((c) => c.text.includes(words));

describe('who a claim rests on', () => {
  const table: Array<[string, string, { kind: string; attributed: boolean; stance?: string }]> = [
    [
      'The governor said that two schools were damaged in the strike.',
      'two schools were damaged',
      { kind: 'unnamed-official', attributed: true },
    ],
    [
      'Border guards claimed the drone came from the south.',
      'the drone came from the south',
      { kind: 'unknown', attributed: true, stance: 'distancing' },
    ],
    [
      'The army keeps 400 soldiers at the northern base.',
      'The army keeps 400 soldiers',
      { kind: 'outlet', attributed: false, stance: 'neutral' },
    ],
    // A reported position is the outlet's claim about the army, not the army's claim.
    [
      'The army wants to retake the bridge before winter.',
      'The army wants to retake the bridge',
      { kind: 'outlet', attributed: false },
    ],
  ];
  it.each(table)('%s', (text, words, expected) => {
    const claim = find(claimsOf(text).claims, words);
    expect(claim).toBeDefined();
    expect(claim!.speaker.kind).toBe(expected.kind);
    expect(claim!.attributionId !== null).toBe(expected.attributed);
    if (expected.stance) expect(claim!.stance).toBe(expected.stance);
  });

  it('keeps the complementiser out of the claim text', () => {
    const { claims } = claimsOf('The governor said that two schools were damaged.');
    expect(claims[0]!.text).toBe('two schools were damaged');
  });

  it('splits a sentence into the outlet’s event and the officials’ claim', () => {
    const { claims } = claimsOf(
      'On 3 May, the depot was hit by rockets, but officials claimed the strike caused no casualties.',
    );
    expect(claims.map((c) => [c.text, c.speaker.kind])).toEqual([
      ['On 3 May, the depot was hit by rockets', 'outlet'],
      ['the strike caused no casualties', 'unnamed-official'],
    ]);
  });
});

describe('polarity', () => {
  const table: Array<[string, Claim['polarity']]> = [
    ['Officials said the attack did not cause any damage.', 'denied'],
    ['Officials said the attack caused heavy damage.', 'asserted'],
    ['The ministry denied that the hospital was hit.', 'denied'],
    ['The ministry denied that the hospital was not evacuated.', 'asserted'],
    ['The shelling never reached the old town.', 'denied'],
  ];
  it.each(table)('%s', (text, polarity) => {
    const { claims } = claimsOf(text);
    expect(claims).toHaveLength(1);
    expect(claims[0]!.polarity).toBe(polarity);
  });
});

describe('markers attached to claims', () => {
  it('attaches a disclaimer in its own sentence to the claim before it', () => {
    const text =
      'A local source sent The Ledger a video showing a burning tanker near the port.\n\nHowever, The Ledger could not independently verify the video.';
    const { claims, markers } = claimsOf(text);
    const video = find(claims, 'burning tanker')!;
    expect(markers[0]!.kind).toBe('verification-disclaimer');
    expect(markers[0]!.claimIds).toEqual([video.id]);
    expect(video.markerIds).toEqual([markers[0]!.id]);
    // The disclaimer sentence itself asserts nothing about the event, and is no attribution.
    expect(claims.some((c) => c.text.includes('could not') || c.text === 'the video')).toBe(false);
  });
  it('attaches a hedge to the claim it sits in', () => {
    const { claims, markers } = claimsOf(
      'The fighters are thought to receive money from abroad. The river flooded the lower town in March.',
    );
    expect(markers[0]!.claimIds).toEqual([find(claims, 'fighters')!.id]);
    expect(find(claims, 'river flooded')!.markerIds).toEqual([]);
  });
});

describe('the same claim stated twice', () => {
  const same: Array<[string, string, boolean]> = [
    [
      'The group has hit the airfield twelve times since 7 October',
      'The airfield has been targeted by drones 12 times since 7 October',
      true,
    ],
    [
      'The group has hit the airfield twelve times since 7 October',
      'The airfield has been targeted by drones 14 times since 7 October',
      false,
    ],
    ['Floods destroyed the harbour wall', 'The council approved a new budget for schools', false],
  ];
  it.each(same)('%s / %s', (a, b, expected) => expect(sameClaim(claimKey(a), claimKey(b))).toBe(expected));

  const numbers: Array<[string, number[]]> = [
    ['The base was targeted twelve times', [12]],
    ['The constructor hit it twice', [2]],
    ['The valueOf toString of hasOwnProperty', []],
  ];
  it.each(numbers)('the numbers of "%s"', (text, expected) =>
    expect([...claimKey(text).numbers]).toEqual(expected),
  );

  // Pieces are read in place when every character beyond ASCII separates them; letters and
  // numbers beyond ASCII (and Σ, whose lower case depends on its neighbours) go the general way.
  const keys: Array<[string, string[], number[]]> = [
    ['Militants “HIT” the Base—twice, 1,200 troops.', ['bas', 'hit', 'militant', 'troop'], [2, 1200]],
    ['Forces shelled Çatak and İdlib on 3.5 km', ['dlib', 'forc', 'km', 'shell', 'çatak'], [3.5]],
    ['ΟΔΥΣΣΕΥΣ said ‘nothing’ about 12 drones', ['dron', 'noth', 'said', 'οδυσσευς'], [12]],
    ['Drones \u00a0 hit  -the- ..port.. , twelve', ['dron', 'hit', 'port'], [12]],
    ["Shelling hit ΑΣ'Β and Σ.", ['hit', 'shell', 'ασ'], []],
  ];
  it.each(keys)('the key of "%s"', (text, words, numbers) => {
    const key = claimKey(text);
    expect([...key.words].sort()).toEqual([...words].sort());
    expect([...key.numbers]).toEqual(numbers);
  });

  it('merges a standfirst and a body sentence into one claim with two mentions', () => {
    const text =
      'Drone strikes on the northern airfield\n\nThe group has hit the northern airfield twelve times since 7 October\n\nAccording to statements issued by the group, the northern airfield has been targeted by drones 12 times since 7 October.';
    const { claims } = claimsOf(text, ['title', 'standfirst', 'body']);
    const merged = claims.find((c) => c.mentions.length === 2);
    expect(merged).toBeDefined();
    expect(merged!.attributionId).not.toBeNull();
    expect(merged!.text).toContain('12 times');
    expect(text.slice(merged!.mentions[1]!.start, merged!.mentions[1]!.end)).toContain('twelve times');
  });
});

describe('the tail a piece loses', () => {
  // The pattern the tail was read with: the first offset from which it matches to the end.
  const TAIL = /[\s,;:—–-]*(?:\b(?:but|and|while|although|whereas|as|that))?[\s,;:—–(-]*$/i;
  const byPattern = (body: string) => body.length - TAIL.exec(body)![0].length;
  const cases: Array<[string, number]> = [
    ['the bridge held, but', 15],
    ['the bridge held — and (', 15],
    ['Officials said the convoy was hit as', 33],
    ['the town was shelled whereas', 20],
    ['the town was shelled, whereas', 20],
    ['He has', 6],
    ['Troops withdrew; BUT', 15],
    ['', 0],
    [' , ;', 0],
  ];
  it.each(cases)('"%s" keeps %i characters', (body, kept) => {
    expect(tailStart(body)).toBe(kept);
    expect(byPattern(body)).toBe(kept);
  });

  it('keeps what the pattern keeps on many made-up endings', () => {
    const parts = [
      'but',
      'And',
      'as',
      'has',
      'that',
      'whereas',
      'x',
      '_',
      '1',
      ' ',
      ',',
      ';',
      ':',
      '(',
      '—',
      '–',
      '-',
      '.',
      '\u00a0',
      '\n',
      'é',
      'K',
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let n = 0; n < 5000; n++) {
      let body = '';
      const length = next() % 9;
      for (let i = 0; i < length; i++) body += parts[next() % parts.length];
      expect(tailStart(body), JSON.stringify(body)).toBe(byPattern(body));
    }
  });
});

describe('what is not a claim', () => {
  it('skips boilerplate and questions', () => {
    const text =
      'The bridge was closed for repairs in June.\n\nWill it reopen before winter?\n\nThe views expressed here are the author’s own.';
    const start = text.indexOf('The views');
    const { claims } = claimsOf(text, [], { boilerplate: [{ start, end: text.length, kind: 'disclaimer' }] });
    expect(claims.map((c) => c.text)).toEqual(['The bridge was closed for repairs in June']);
  });
});

describe('links to quantities, dates and places', () => {
  it('lists the ids of the items inside a claim', () => {
    const text = 'Officials said 12 rockets hit Lakeside on 3 May.';
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const { claims } = claimsOf(text, [], {
      quantities: [{ id: 'q1', ...at('12 rockets') }],
      dates: [{ id: 'd1', ...at('3 May') }],
      places: [
        { id: 'p1', ...at('Lakeside') },
        { id: 'p2', start: 0, end: 9 },
      ],
    });
    expect(claims[0]).toMatchObject({ quantityIds: ['q1'], dateIds: ['d1'], placeIds: ['p1'] });
  });
});

describe('the stage', () => {
  it('returns no claims without sentences and never throws', () => {
    const record = {
      id: 'x',
      text: 'abc',
      source: { id: 'x', text: 'abc', format: 'text' as const },
      referenceDate: null,
    };
    expect(claimsStage.run(record, { referenceDate: null, gazetteer: null })).toEqual({ claims: [] });
  });
});
