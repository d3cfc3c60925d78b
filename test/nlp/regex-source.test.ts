import { describe, expect, it } from 'vitest';
import { parseRegexSource, type RegexNode, writtenAsCode } from '../../src/nlp/regex-source.js';

/** A tree in short: what the cue and needle readers see of a pattern. */
function brief(node: RegexNode): string {
  switch (node.kind) {
    case 'alternation':
      return `(${node.branches.map(brief).join(' | ')})`;
    case 'sequence':
      return node.items.length === 1 ? brief(node.items[0]!) : `[${node.items.map(brief).join(' ')}]`;
    case 'char':
      return JSON.stringify(node.char);
    case 'dot':
      return 'dot';
    case 'set':
      return `set ${node.set}`;
    case 'class':
      return `class${node.negated ? ' not' : ''} {${node.items
        .map((i) =>
          i.kind === 'range'
            ? `${JSON.stringify(i.from.char)}-${JSON.stringify(i.to.char)}`
            : i.kind === 'set'
              ? `set ${i.set}`
              : JSON.stringify(i.char),
        )
        .join(' ')}}`;
    case 'assertion':
      return `at ${node.assertion}`;
    case 'backreference':
      return 'backref';
    case 'group':
      return `group${node.name === null ? '' : ` ${node.name}`}${node.capturing ? '' : ' plain'} ${brief(node.body)}`;
    case 'lookaround':
      return `look${node.behind ? ' behind' : ''}${node.negative ? ' not' : ''} ${brief(node.body)}`;
    case 'repeat':
      return `${brief(node.body)}{${node.min},${node.max === Number.POSITIVE_INFINITY ? '' : node.max}}${node.lazy ? ' lazy' : ''}`;
  }
}

describe('parseRegexSource (a pattern read into its parts)', () => {
  it.each([
    // Cue patterns as the event tables write them.
    [
      '\\b(?:air ?strikes?|drones?)\\b',
      '',
      '[at b group plain (["a" "i" "r" " "{0,1} "s" "t" "r" "i" "k" "e" "s"{0,1}] | ["d" "r" "o" "n" "e" "s"{0,1}]) at b]',
    ],
    ['\\bgr[ae]nade', '', '[at b "g" "r" class {"a" "e"} "n" "a" "d" "e"]'],
    ['\\bbomb(?![a-z])', '', '[at b "b" "o" "m" "b" look not class {"a"-"z"}]'],
    [
      '(?<=\\b(?:on|at)\\s+)weekend',
      '',
      '[look behind [at b group plain (["o" "n"] | ["a" "t"]) set s{1,}] "w" "e" "e" "k" "e" "n" "d"]',
    ],
    ['(?<day>\\d{1,2})\\.?\\k<day>', '', '[group day set d{1,2} "."{0,1} backref]'],
    ['[^\\w-]x*?', '', '[class not {set w "-"} "x"{0,} lazy]'],
    ['^a|b$|', '', '([at ^ "a"] | ["b" at $] | [])'],
    ['(a)\\1.', '', '[group "a" backref dot]'],
    // Escaped signs, codes and controls are characters.
    ['\\.\\x41\\u00e9\\n\\cJ\\0', '', '["." "A" "é" "\\n" "\\n" "\\u0000"]'],
    ['[\\b\\--/\\]]', '', 'class {"\\b" "-"-"/" "]"}'],
    // Without the u flag a brace that is no quantifier is the character itself; "a-\d" lists the dash.
    ['x{,2}', '', '["x" "{" "," "2" "}"]'],
    ['[a-\\d]', '', 'class {"a" "-" set d}'],
    // With it, a character beyond 16 bits is one character, and \p{…} a class escape.
    ['😀\\u{1F601}\\p{L}', 'u', '["😀" "😁" set p]'],
    ['😀', '', '["\\ud83d" "\\ude00"]'],
  ])('/%s/%s → %s', (source, flags, expected) => {
    expect(brief(parseRegexSource(source, flags.includes('u')))).toBe(expected);
  });

  it.each([
    ['(?i:x)', 'an unknown group'],
    ['(ab', 'an unclosed group'],
    ['ab)', 'a parenthesis that closes nothing'],
    ['[ab', 'an unclosed class'],
    ['*a', 'a quantifier with nothing to repeat'],
    ['{2}', 'a brace quantifier with nothing to repeat'],
    ['a{3,1}', 'numbers out of order'],
    ['\\q', 'a letter escape with no meaning'],
    ['\\x4', 'a short code'],
    ['[z-a]', 'a range out of order'],
    ['ab\\', 'a dangling escape'],
  ])('refuses %s (%s)', (source) => {
    expect(() => parseRegexSource(source)).toThrow();
  });

  it.each([
    ['x{', 'u', 'a lone brace'],
    ['[a-\\d]', 'u', 'a class escape ending a range'],
    ['\\u{110000}', 'u', 'a code point beyond Unicode'],
  ])('refuses /%s/%s (%s)', (source, flags) => {
    expect(() => parseRegexSource(source, flags.includes('u'))).toThrow();
  });
});

describe('writtenAsCode (a character the pattern names by code or control escape)', () => {
  it.each([
    ['a', false],
    ['\\.', false],
    ['{', false],
    ['\\n', true],
    ['\\x41', true],
    ['\\cJ', true],
  ])('%s → %s', (source, expected) => {
    const node = parseRegexSource(source);
    const char = node.kind === 'sequence' ? node.items[0] : node;
    expect(char?.kind === 'char' && writtenAsCode(char)).toBe(expected);
  });
});
