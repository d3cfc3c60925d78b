/**
 * A regex's source read into a small tree, for the readers that work out what a pattern's
 * matches look like from the pattern itself: the characters a match opens with
 * (`match-openings.ts`) and the words every match contains (`regex-prefilter.ts`). The tree
 * says what the source says and no more; each reader decides what a node tells it.
 *
 * Sources for the `v` flag are not read, and whatever the reader does not know throws: an
 * unknown group, a letter escape with no meaning (`\q`), a quantifier with nothing to repeat, an
 * unclosed group or class.
 */

/** A part of a pattern. */
export type RegexNode =
  /** Two or more branches, `a|b`. */
  | { readonly kind: 'alternation'; readonly branches: readonly RegexNode[] }
  /** Parts one after another (none: the empty pattern). */
  | { readonly kind: 'sequence'; readonly items: readonly RegexNode[] }
  | RegexChar
  /** `.`: any character but a line end. */
  | { readonly kind: 'dot' }
  /** A class escape outside brackets: `\d`, `\w`, `\s`, their negations, `\p{…}` (`u` flag). */
  | RegexSet
  | {
      readonly kind: 'class';
      /** `[^…]`: any character but the items. */
      readonly negated: boolean;
      readonly items: readonly ClassItem[];
    }
  /** A zero-width test: `^`, `$`, `\b`, `\B`. */
  | { readonly kind: 'assertion'; readonly assertion: '^' | '$' | 'b' | 'B' }
  /** A back-reference, `\1` or `\k<name>`. */
  | { readonly kind: 'backreference' }
  /** `(…)`, `(?:…)`, `(?<name>…)`. */
  | {
      readonly kind: 'group';
      readonly capturing: boolean;
      readonly name: string | null;
      readonly body: RegexNode;
    }
  /** `(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`: matches no characters of its own. */
  | {
      readonly kind: 'lookaround';
      readonly behind: boolean;
      readonly negative: boolean;
      readonly body: RegexNode;
    }
  /** `x?`, `x*`, `x+`, `x{n}`, `x{n,}`, `x{n,m}` (lazy or not): `max` is Infinity when open. */
  | {
      readonly kind: 'repeat';
      readonly min: number;
      readonly max: number;
      readonly lazy: boolean;
      readonly body: RegexNode;
    };

/** One character, as the pattern names it. */
export interface RegexChar {
  readonly kind: 'char';
  /** The character (two code units for one beyond 16 bits, read as one with the `u` flag). */
  readonly char: string;
  /**
   * How the pattern writes it: the character itself (`a`, `{`), an escaped sign (`\.`), or a code
   * or control escape (`\n`, `\x41`, `\u{1F600}`, `\cJ`, `\0`).
   */
  readonly written: string;
}

/** A class escape: `\d`, `\D`, `\s`, `\S`, `\w`, `\W`, or `\p{…}`/`\P{…}` with the `u` flag. */
export interface RegexSet {
  readonly kind: 'set';
  /** The escape's letter: `d`, `D`, `s`, `S`, `w`, `W`, `p` or `P`. */
  readonly set: string;
}

/** What a bracketed class lists: characters, ranges and class escapes. */
export type ClassItem =
  | RegexChar
  | RegexSet
  /** `a-z`: every character from `from` to `to`, by code. */
  | { readonly kind: 'range'; readonly from: RegexChar; readonly to: RegexChar };

/**
 * Whether a character was written as a code or control escape (`\n`, `\x41`, `\u0041`, `\cJ`,
 * `\0`) rather than as itself or an escaped sign.
 *
 * @example writtenAsCode({ kind: 'char', char: '\n', written: '\\n' }) // true
 */
export function writtenAsCode(c: RegexChar): boolean {
  return c.written.length > 1 && /[a-zA-Z0-9]/.test(c.written[1]!);
}

/**
 * The tree of a regex source read with or without the `u` flag; throws on what it does not know.
 *
 * @example parseRegexSource('ab?') // sequence of char 'a' and repeat {0,1} of char 'b'
 */
export function parseRegexSource(source: string, unicode = false): RegexNode {
  const reader = new SourceReader(source, unicode);
  const tree = reader.alternation();
  if (reader.pos !== source.length) throw new Error('unbalanced parenthesis');
  return tree;
}

const CONTROLS: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' };
const SETS = 'dDsSwW';
const QUANTIFIER = /^\{(\d+)(,(\d*))?\}/;

/** A recursive-descent reader of a regex source. */
class SourceReader {
  pos = 0;
  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
  ) {}

  alternation(): RegexNode {
    const branches = [this.sequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : { kind: 'alternation', branches };
  }

  sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')')
      items.push(this.quantified(this.atom()));
    return { kind: 'sequence', items };
  }

  atom(): RegexNode {
    const c = this.src[this.pos]!;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if (c === '.') {
      this.pos++;
      return { kind: 'dot' };
    }
    if (c === '^' || c === '$') {
      this.pos++;
      return { kind: 'assertion', assertion: c };
    }
    if ('*+?'.includes(c) || (c === '{' && QUANTIFIER.test(this.src.slice(this.pos))))
      throw new Error('quantifier without an atom');
    // Without the `u` flag a brace that is no quantifier is the character itself.
    if (this.unicode && (c === '{' || c === '}')) throw new Error('lone brace');
    return this.plainChar();
  }

  /** A character written as itself: with the `u` flag, one beyond 16 bits is one character. */
  plainChar(): RegexChar {
    const code = this.unicode ? this.src.codePointAt(this.pos)! : this.src.charCodeAt(this.pos);
    const char = String.fromCodePoint(code);
    this.pos += char.length;
    return { kind: 'char', char, written: char };
  }

  group(): RegexNode {
    const rest = this.src.slice(this.pos, this.pos + 4);
    let node: (body: RegexNode) => RegexNode;
    if (rest.startsWith('(?:')) {
      this.pos += 3;
      node = (body) => ({ kind: 'group', capturing: false, name: null, body });
    } else if (rest.startsWith('(?=') || rest.startsWith('(?!')) {
      this.pos += 3;
      node = (body) => ({ kind: 'lookaround', behind: false, negative: rest[2] === '!', body });
    } else if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
      this.pos += 4;
      node = (body) => ({ kind: 'lookaround', behind: true, negative: rest[3] === '!', body });
    } else if (rest.startsWith('(?<')) {
      const close = this.src.indexOf('>', this.pos);
      if (close < 0) throw new Error('bad group name');
      const name = this.src.slice(this.pos + 3, close);
      this.pos = close + 1;
      node = (body) => ({ kind: 'group', capturing: true, name, body });
    } else if (rest.startsWith('(?')) throw new Error('unknown group');
    else {
      this.pos += 1;
      node = (body) => ({ kind: 'group', capturing: true, name: null, body });
    }
    const body = this.alternation();
    if (this.src[this.pos] !== ')') throw new Error('unclosed group');
    this.pos++;
    return node(body);
  }

  charClass(): RegexNode {
    this.pos++;
    const negated = this.src[this.pos] === '^';
    if (negated) this.pos++;
    const items: ClassItem[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== ']') {
      const from = this.classAtom();
      if (
        this.src[this.pos] === '-' &&
        this.pos + 1 < this.src.length &&
        this.src[this.pos + 1] !== ']' &&
        from.kind === 'char'
      ) {
        const dash = this.pos;
        this.pos++;
        const to = this.classAtom();
        if (to.kind === 'char') {
          if (to.char.codePointAt(0)! < from.char.codePointAt(0)!) throw new Error('bad range');
          items.push({ kind: 'range', from, to });
          continue;
        }
        // `[a-\d]`: without the `u` flag the dash is the character itself.
        if (this.unicode) throw new Error('class escape ending a range');
        items.push(from, { kind: 'char', char: '-', written: this.src[dash]! }, to);
        continue;
      }
      items.push(from);
    }
    if (this.src[this.pos] !== ']') throw new Error('unclosed class');
    this.pos++;
    return { kind: 'class', negated, items };
  }

  /** A character or class escape in brackets, where `\b` is the backspace and `-` a character. */
  classAtom(): RegexChar | RegexSet {
    if (this.src[this.pos] !== '\\') return this.plainChar();
    const e = this.src[this.pos + 1];
    if (e === 'b') {
      this.pos += 2;
      return { kind: 'char', char: '\b', written: '\\b' };
    }
    const escaped = this.escape();
    if (escaped.kind !== 'char' && escaped.kind !== 'set') throw new Error('escape not allowed in a class');
    return escaped;
  }

  escape(): RegexChar | RegexSet | RegexNode {
    const start = this.pos;
    const e = this.src[this.pos + 1];
    if (e === undefined) throw new Error('dangling escape');
    this.pos += 2;
    const char = (c: string): RegexChar => ({
      kind: 'char',
      char: c,
      written: this.src.slice(start, this.pos),
    });
    if (e === 'b' || e === 'B') return { kind: 'assertion', assertion: e };
    if (SETS.includes(e)) return { kind: 'set', set: e };
    if (this.unicode && (e === 'p' || e === 'P')) {
      const close = this.src.indexOf('}', this.pos);
      if (this.src[this.pos] !== '{' || close < 0) throw new Error('bad property escape');
      this.pos = close + 1;
      return { kind: 'set', set: e };
    }
    if (e === 'k' && this.src[this.pos] === '<') {
      const close = this.src.indexOf('>', this.pos);
      if (close < 0) throw new Error('bad group name');
      this.pos = close + 1;
      return { kind: 'backreference' };
    }
    if (/[1-9]/.test(e)) {
      while (/[0-9]/.test(this.src[this.pos] ?? '')) this.pos++;
      return { kind: 'backreference' };
    }
    if (CONTROLS[e] !== undefined) return char(CONTROLS[e]);
    if (e === '0') {
      if (/[0-9]/.test(this.src[this.pos] ?? '')) throw new Error('octal escape');
      return char('\0');
    }
    if (e === 'c') {
      const letter = this.src[this.pos];
      if (letter === undefined || !/[a-zA-Z]/.test(letter)) throw new Error('bad control escape');
      this.pos++;
      return char(String.fromCharCode(letter.charCodeAt(0) % 32));
    }
    if (this.unicode && e === 'u' && this.src[this.pos] === '{') {
      const close = this.src.indexOf('}', this.pos);
      const hex = close < 0 ? '' : this.src.slice(this.pos + 1, close);
      if (!/^[0-9a-fA-F]+$/.test(hex) || Number.parseInt(hex, 16) > 0x10ffff)
        throw new Error('bad code point');
      this.pos = close + 1;
      return char(String.fromCodePoint(Number.parseInt(hex, 16)));
    }
    if (e === 'x' || e === 'u') {
      const width = e === 'x' ? 2 : 4;
      const hex = this.src.slice(this.pos, this.pos + width);
      if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) throw new Error('bad code escape');
      this.pos += width;
      return char(String.fromCharCode(Number.parseInt(hex, 16)));
    }
    if (/[a-zA-Z0-9]/.test(e)) throw new Error('unknown escape');
    // An escaped sign; with the `u` flag a character beyond 16 bits stays whole.
    this.pos = start + 1;
    const sign = this.plainChar();
    return { kind: 'char', char: sign.char, written: `\\${sign.char}` };
  }

  quantified(body: RegexNode): RegexNode {
    const c = this.src[this.pos];
    let min: number;
    let max: number;
    if (c === '?') [min, max] = [0, 1];
    else if (c === '*') [min, max] = [0, Number.POSITIVE_INFINITY];
    else if (c === '+') [min, max] = [1, Number.POSITIVE_INFINITY];
    else if (c === '{') {
      const m = QUANTIFIER.exec(this.src.slice(this.pos));
      // Without the `u` flag a brace that is no quantifier is the character itself (read next).
      if (!m) {
        if (this.unicode) throw new Error('brace that is no quantifier');
        return body;
      }
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
      if (max < min) throw new Error('numbers out of order in a quantifier');
      this.pos += m[0].length - 1;
    } else return body;
    this.pos++;
    const lazy = this.src[this.pos] === '?';
    if (lazy) this.pos++;
    return { kind: 'repeat', min, max, lazy, body };
  }
}
