import { objectList } from '../../stage.js';
import { type Candidate, candidate } from './find-terms.js';

/** Long forms the text may not spell out (armed groups in Iraq/Syria reporting). */
const KNOWN_LONG_FORMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    PMU: 'Popular Mobilization Forces',
    PMF: 'Popular Mobilization Forces',
    ISIS: 'Islamic State',
    ISIL: 'Islamic State',
    Daesh: 'Islamic State',
    IS: 'Islamic State',
    IRI: 'Islamic Resistance in Iraq',
    KSS: 'Kataib Sayyid al-Shuhada',
    KH: 'Kataib Hezbollah',
    SDF: 'Syrian Democratic Forces',
    IDF: 'Israel Defense Forces',
    IRGC: 'Islamic Revolutionary Guard Corps',
    KDP: 'Kurdistan Democratic Party',
    DoD: 'US Department of Defense',
  }),
);

const LONGEST_KNOWN = Math.max(...[...KNOWN_LONG_FORMS.keys()].map((a) => a.length));

/**
 * Sets `canonical` on acronyms: from "Long Form (ACR)" in the text, else from a short list of
 * well-known long forms; later mentions of the acronym get the same canonical name.
 *
 * @example linkAcronyms(text, cands) // "PMU" → canonical "Popular Mobilization Forces"
 */
export function linkAcronyms(text: string, candidates: readonly Candidate[]): Candidate[] {
  const longForms = new Map<string, string>();
  // Most texts hold few brackets: a long form needs one within the 12 characters after it.
  // `bracket` is the first "(" from `searchedFrom` on (-1: none), searched again only when a
  // candidate ends before `searchedFrom` or past `bracket`.
  let searchedFrom = Number.POSITIVE_INFINITY;
  let bracket = -1;
  for (const c of candidates) {
    if (c.end < searchedFrom || (bracket >= 0 && bracket < c.end)) {
      searchedFrom = c.end;
      bracket = text.indexOf('(', c.end);
    }
    if (bracket < 0 || bracket >= c.end + 12) continue;
    const m = /^\s*\(([A-Z][A-Za-z]{1,7})\)/.exec(text.slice(c.end, c.end + 12));
    if (m && (c.type === 'Organisation' || c.type === 'Location')) {
      const long = text.slice(c.start, c.end).replace(/^the\s+/i, '');
      // Only a long form whose capitals spell the acronym ("Popular Mobilization Forces" for PMF).
      const initials = (long.match(/\b\p{Lu}/gu) ?? []).join('');
      const acronym = m[1]!.toUpperCase();
      if (initials.startsWith(acronym[0]!) && acronym.split('').every((ch) => initials.includes(ch)))
        longForms.set(m[1]!, long);
    }
  }
  let longest = LONGEST_KNOWN;
  for (const acronym of longForms.keys()) longest = Math.max(longest, acronym.length);
  const out = objectList<Candidate>();
  for (const c of candidates) {
    if (c.canonical || c.end - c.start > longest) {
      out.push(c);
      continue;
    }
    const surface = text.slice(c.start, c.end);
    const long = longForms.get(surface) ?? KNOWN_LONG_FORMS.get(surface);
    out.push(
      long && long !== surface
        ? candidate(c.start, c.end, c.type, c.subtype, c.confidence, c.priority, long)
        : c,
    );
  }
  return out;
}
