import { describe, expect, it } from 'vitest';
import { needsUnicode, twinPattern } from '../../src/nlp/entities/plain-twin.js';

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
