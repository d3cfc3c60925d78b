import { isAlnum, isLetter } from './char-classes.js';
import { CURRENCY_AFTER, CURRENCY_BEFORE, ISO_CODES, UNIT_WORDS } from './unit-table.js';

/** One unit or currency surface form, ready for longest-first matching. */
export interface UnitForm {
  readonly key: string;
  readonly unit: string;
  readonly currency: boolean;
  /** Match the case as written (single letters, ISO codes). */
  readonly exactCase: boolean;
}

/** Units and currencies written after a number, longest first. */
export const AFTER_FORMS: readonly UnitForm[] = buildAfterForms();
/** Currencies written before a number, longest first. */
export const BEFORE_FORMS: readonly UnitForm[] = buildBeforeForms();

function buildAfterForms(): UnitForm[] {
  const forms: UnitForm[] = [];
  for (const [key, unit] of Object.entries(UNIT_WORDS))
    forms.push({ key, unit, currency: false, exactCase: key.length === 1 && /[a-z]/.test(key) });
  for (const [key, unit] of Object.entries(CURRENCY_AFTER))
    forms.push({ key, unit, currency: true, exactCase: false });
  for (const code of ISO_CODES) {
    forms.push({ key: code, unit: code, currency: true, exactCase: true });
    // "120 MEUR", "48.5 MGBP": millions of a currency, as in financial tables
    forms.push({ key: `M${code}`, unit: code, currency: true, exactCase: true });
  }
  return forms.sort((a, b) => b.key.length - a.key.length);
}

/** The leading word of every currency form written before a number, to skip other words fast. */
export const BEFORE_FIRST_WORDS: ReadonlySet<string> = new Set(
  BEFORE_FORMS.map((f) => /^[a-z]*/i.exec(f.key)?.[0].toLowerCase() ?? '').filter((w) => w !== ''),
);

function buildBeforeForms(): UnitForm[] {
  const forms: UnitForm[] = [];
  for (const [key, unit] of Object.entries(CURRENCY_BEFORE))
    forms.push({ key, unit, currency: true, exactCase: false });
  for (const code of ISO_CODES) forms.push({ key: code, unit: code, currency: true, exactCase: true });
  for (const code of ['usd', 'eur', 'gbp'])
    forms.push({ key: code, unit: code.toUpperCase(), currency: true, exactCase: true });
  return forms.sort((a, b) => b.key.length - a.key.length);
}

/**
 * Matches one of `forms` at `pos`; words must end at a word boundary.
 *
 * @example matchForm('5 km away', 2, AFTER_FORMS)?.unit // 'km'
 */
export function matchForm(
  text: string,
  pos: number,
  forms: readonly UnitForm[],
  digitsMayFollow = false,
): UnitForm | null {
  for (const f of formsStartingWith(forms, text[pos])) {
    if (f.exactCase ? !text.startsWith(f.key, pos) : !equalsLowerCased(text, pos, f.key)) continue;
    const last = f.key[f.key.length - 1];
    const next = text[pos + f.key.length];
    if (isAlnum(last) && (digitsMayFollow ? isLetter(next) : isAlnum(next))) continue;
    return f;
  }
  return null;
}

/**
 * Whether `text.slice(pos, pos + key.length).toLowerCase() === key`, without building either
 * string while the text is ASCII (lower-casing is then one letter for one); other text is
 * lower-cased as a whole, as before, since a letter may lower-case to two.
 */
function equalsLowerCased(text: string, pos: number, key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    let c = text.charCodeAt(pos + i);
    if (!(c < 128)) return text.slice(pos, pos + key.length).toLowerCase() === key;
    if (c >= 65 && c <= 90) c += 32;
    if (c !== key.charCodeAt(i)) {
      // A character further on may still be beyond ASCII and change the lower-cased length.
      for (let j = i + 1; j < key.length; j++)
        if (!(text.charCodeAt(pos + j) < 128)) return text.slice(pos, pos + key.length).toLowerCase() === key;
      return false;
    }
  }
  return true;
}

const bucketsOf = new WeakMap<readonly UnitForm[], Map<string, readonly UnitForm[]>>();

/**
 * The forms of `forms` that can match text starting with the character `c`, in their order:
 * a form written as is must start with `c`, any other with `c` in lower case. Built once per
 * character, so each lookup tries a handful of forms instead of the whole table.
 */
function formsStartingWith(forms: readonly UnitForm[], c: string | undefined): readonly UnitForm[] {
  // Past the end, or half of a surrogate pair (whose case folds with its other half): try all.
  if (c === undefined || (c >= '\uD800' && c <= '\uDFFF')) return forms;
  let byChar = bucketsOf.get(forms);
  if (!byChar) {
    byChar = new Map();
    bucketsOf.set(forms, byChar);
  }
  let bucket = byChar.get(c);
  if (!bucket) {
    const lower = c.toLowerCase();
    bucket = forms.filter((f) =>
      f.key.length === 0 ? true : f.exactCase ? f.key[0] === c : f.key.startsWith(lower),
    );
    byChar.set(c, bucket);
  }
  return bucket;
}
