import { describe, expect, it } from 'vitest';
import {
  execWithLookbehind,
  needsUnicode,
  splitLookbehind,
  textKind,
  twinFor,
  twinPattern,
} from '../../src/nlp/entities/plain-twin.js';

/** Every match (offset and text) of a global pattern. */
const matches = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);

describe('a pattern and its plain twin', () => {
  const patterns: RegExp[] = [
    /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/giu,
    /\b(?:in|since|by|until|from|during|of|early|late|mid-?)\s+((?:19|20)\d{2})\b/giu,
    /\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)(?=\W|$)/giu,
    /\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)?\d{2}\b/gu,
    /[£€]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|thousand|bn|m)\b)?/gu,
    /\b[\w.+-]+@[\w-]+\.[\w.-]+\b/gu,
    /\b(?:[Hh]e|[Hh]im|[Hh]is|[Ss]he|[Hh]er|I|[Mm]y|[Mm]e)\b/gu,
  ];
  const texts = [
    'On Sunday, 3 p.m. local time, since 2019 and in 1998–99 he paid €5 million; mail ab.c@d-e.org.',
    'SUNDAY and sunday, at 10am, she told her aides; Is it 2001-02?',
    'On ſunday (long s) and the 5 pm bulletin, ſince 2019: the twin must not be used.',
    'Kelvin: \u212Aelvin, mid-2020, \u212Am, 7 A.M.',
    'Emoji 😀 Monday 😀2019 he😀 me, and 𝐒unday in 2020.',
    '',
  ];
  it.each(patterns.map((re) => [re.source.slice(0, 40), re] as const))(
    '%s… finds the same matches as written when the text allows the twin',
    (_, re) => {
      const twin = twinPattern(re);
      expect(twin.plain.flags).toBe(re.flags.replace('u', ''));
      for (const text of texts) {
        const used = needsUnicode(text) ? twin.unicode : twin.plain;
        expect(matches(used, text)).toEqual(matches(re, text));
      }
    },
  );

  const keepsItself: RegExp[] = [/(?<![\p{L}])war(?![\p{L}])/giu, /\u{1F600}/gu, /ß/giu, /plain/gi];
  it.each(keepsItself.map((re) => [re.source, re] as const))('%s has no plain twin', (_, re) =>
    expect(twinPattern(re).plain).toBe(re),
  );

  const noAsciiTwin: RegExp[] = [/\p{Lt}x/gu, /\P{L}x/gu, /\p{L}\u{1F600}/gu, /\p{L}ß/giu, /plain/gi];
  it.each(noAsciiTwin.map((re) => [re.source, re] as const))('%s has no ASCII twin', (_, re) =>
    expect(twinPattern(re).ascii).toBe(re),
  );

  it('the twin differs only on the characters that need Unicode', () => {
    // Case folding maps exactly two characters outside ASCII onto ASCII letters: ſ and K.
    const folding: string[] = [];
    for (let code = 128; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      if (/[a-z\w]/iu.test(ch) !== /[a-z\w]/i.test(ch)) folding.push(ch);
    }
    expect(folding).toEqual(['\u017F', '\u212A']);
    expect(folding.every(needsUnicode)).toBe(true);
    expect(needsUnicode('Monday in Erbil, “quoted” — café')).toBe(false);
  });
});

describe('a pattern with Unicode classes and its ASCII twin', () => {
  const patterns: RegExp[] = [
    /(?<![\p{L}\p{N}$£€.,-])(?:about\s+)?(?:\d[\d,]*|ten|several)(?:\s+percent|\s?%)?(?![\p{L}\p{N}])/giu,
    /\b(?:jan\.?|january)\s*\d{1,2}(?:,?\s+\d{4})?(?![\p{L}])/giu,
    /\b(?:USS|HMS)\s+\p{Lu}[\p{L}-]+(?:\s+(?:de\s+)?\p{Lu}[\p{L}-]+)*/gu,
    /\b(?:F|MiG)-\d{1,3}[A-Z]?\b(?:\s+\p{Lu}\p{Ll}+){0,2}/gu,
    /(?<![\p{L}])(?:islamic state|hamas)(?![\p{L}])/giu,
  ];
  const texts = [
    'About 10 percent of ten soldiers, 1,200%, tens and 5x; Jan. 3, 2017 and January 12th.',
    'USS Carl Vinson and HMS de Ruyter De Zeven; F-16 Fighting Falcon, MiG-29 jets.',
    'Islamic State, islamic states, HAMAS-led, “Hamas” — 40% at 3 p.m.',
    'Café Islamic State, about tén, USS Édouard, F-16 Über; Ⅻ ⅻ ٣ 3٣ ²2',
    'ſeveral, \u212Aelvin, 😀10, Islamic 𝐒tate',
    '',
  ];
  it.each(patterns.map((re) => [re.source.slice(0, 40), re] as const))(
    '%s… finds the same matches as written in any text',
    (_, re) => {
      const twin = twinPattern(re);
      expect(twin.ascii.flags).toBe(re.flags.replace('u', ''));
      for (const text of texts)
        expect(matches(twinFor(twin, textKind(text)), text)).toEqual(matches(re, text));
    },
  );

  it('tells texts with letters, numbers or marks outside ASCII from the rest', () => {
    expect(textKind('Monday in Erbil, “quoted” — 5 km')).toBe('ascii');
    expect(textKind('Monday in Erbil, café')).toBe('plain');
    expect(textKind('e\u0301')).toBe('plain');
    expect(textKind('Ⅻ')).toBe('plain');
    expect(textKind('café, ſ')).toBe('unicode');
    expect(textKind('😀')).toBe('unicode');
  });

  it('a Unicode class and its ASCII characters hold the same characters of an ASCII-word text', () => {
    // An ASCII-word text holds no letter, number or mark outside ASCII, nor ſ, K or a surrogate:
    // every other character must be outside each class, under `u` and `iu` alike, and ASCII
    // characters must be in the class exactly when in its ASCII twin.
    const classes = [
      ['L', 'a-zA-Z'],
      ['N', '0-9'],
      ['Lu', 'A-Z'],
      ['Ll', 'a-z'],
    ] as const;
    const wordChar = /^[\p{L}\p{N}\p{M}]$/u;
    const differ: string[] = [];
    for (const [name, ascii] of classes) {
      for (const flags of ['u', 'iu']) {
        const unicode = new RegExp(`^\\p{${name}}$`, flags);
        const twin = new RegExp(`^[${ascii}]$`, flags.replace('u', ''));
        for (let code = 0; code <= 0xffff; code++) {
          if (code === 0x17f || code === 0x212a || (code >= 0xd800 && code <= 0xdfff)) continue;
          const ch = String.fromCharCode(code);
          if (code >= 0x80 && wordChar.test(ch)) continue;
          if (unicode.test(ch) !== twin.test(ch)) differ.push(`${name}/${flags} U+${code.toString(16)}`);
        }
      }
    }
    expect(differ).toEqual([]);
  });
});

describe('a pattern opening with a one-character look-behind, scanned without it', () => {
  const patterns: RegExp[] = [
    /(?<![a-zA-Z0-9$£€.,-])(?:about\s+)?(?:\d[\d,]*|ten|several)(?:\s+percent)?(?![a-zA-Z0-9])/gi,
    /(?<=\()[LDFR]\s?\d{1,3}(?=\))/g,
    /(?<!\d)\d{3}-\d{4}(?!\d)/g,
    /(?<![a-z])x*/gi,
    /(?<=a)/g,
  ];
  const texts = [
    'About 10 percent, x10, $5, 1.5, -3, ten, often, aten, TEN (L 12) (D5) F7) (R1234) 555-1234 1555-1234',
    '10 at the start, (L1) (L2)(F3), xxax aXx ba a',
    '',
  ];
  it.each(patterns.map((re) => [re.source.slice(0, 40), re] as const))(
    '%s… finds the same matches as written',
    (_, re) => {
      const split = splitLookbehind(re);
      expect(split).not.toBeNull();
      for (const text of texts)
        expect(execWithLookbehind(split!, text).map((m) => [m.index, m[0]])).toEqual(matches(re, text));
    },
  );

  it.each([
    ['with the u flag', /(?<!a)b/gu],
    ['whose look-behind is longer than a character', /(?<!ab)c/g],
    ['with no look-behind at its start', /c(?<!a)/g],
  ])('a pattern %s is not split', (_, re) => expect(splitLookbehind(re)).toBeNull());
});
