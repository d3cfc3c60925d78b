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
    const s = text.slice(pos, pos + f.key.length);
    if (f.exactCase ? s !== f.key : s.toLowerCase() !== f.key) continue;
    const last = f.key[f.key.length - 1];
    const next = text[pos + f.key.length];
    if (isAlnum(last) && (digitsMayFollow ? isLetter(next) : isAlnum(next))) continue;
    return f;
  }
  return null;
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
