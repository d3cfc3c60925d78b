import type { Token } from '../../types/sentence.js';
import { cueEntry } from './cue-lexicon.js';
import type { FoundAttribution } from './find-attributions.js';
import { trimContent } from './phrases.js';

/** Small words a title-case headline leaves in lower case. */
const HEADLINE_SMALL =
  /^(a|an|the|and|but|or|of|on|in|to|for|at|by|with|as|over|after|from|into|about|against|up|out|is|are|be|if|'s|’s)$/i;

/**
 * A report in a title-case headline on the text's first line: "Kurdish Leaders Rip Governor As A
 * ‘Gambler’" (the lawmakers' position), "Senator Vows To Block Arms Sale". The tagger reads capitals
 * as names, so the cue is found by the word itself after a capitalised subject.
 *
 * @example headlineReport('Aid Groups Slam Plan To Close Crossing.\n\n…', tokens) // {source: "Aid Groups", cue: "Slam", …}
 */
export function headlineReport(text: string, toks: Token[]): FoundAttribution | null {
  const lineEnd = text.indexOf('\n');
  const end = lineEnd < 0 ? text.length : lineEnd;
  const words = toks.filter((t) => t.end <= end && /\p{L}/u.test(t.text));
  if (
    words.length < 4 ||
    words.length > 20 ||
    toks.some((t) => t.start < end && /^[:“"]$/.test(t.text) && t.start < 3)
  )
    return null;
  const capitalised = words.filter((t) => /^[\p{Lu}\d]/u.test(t.text)).length;
  if (capitalised < words.length - words.filter((t) => HEADLINE_SMALL.test(t.text)).length) return null;
  const line = toks.filter((t) => t.end <= end);
  for (let k = 1; k < line.length - 1; k++) {
    const lower = line[k]!.text.toLowerCase();
    // "Clinton Breaks With Obama On …", "Senator Goes After Rival": a finite verb with its particle
    // takes a position even when the verb alone reports nothing.
    const phrasal =
      /^\p{Lu}\p{Ll}+s$/u.test(line[k]!.text) &&
      !/ss$/.test(lower) &&
      /^(After|With|Against|Back|Out|Off|Down)$/.test(line[k + 1]?.text ?? '') &&
      k + 2 < line.length;
    const entry = HEADLINE_CUE.test(lower)
      ? cueEntry(lower === 'rip' ? 'slam' : lower)
      : (cueEntry(lower) ??
        (phrasal
          ? { lemma: lower.replace(/e?s$/, ''), stance: 'neutral' as const, strength: 'stance' as const }
          : null));
    if (!entry || entry.strength === 'weak' || entry.strength === 'quote') continue;
    // "Power Plant Rules Face Test", "Sales Reports Due": plural nouns, not verbs.
    if (
      /^(rule|report|plan|view|offer|request|rate|support|document|detail|link|question|comment|answer)$/.test(
        entry.lemma,
      )
    )
      continue;
    // A finite form after the subject: "Rips", "Slams", "Urges", "Vows", "Says"; not "Claiming".
    if (!/s$|ed$/.test(lower) && !HEADLINE_CUE.test(lower)) continue;
    const subject = line.slice(0, k);
    if (
      !subject.some((t) => /^\p{Lu}/u.test(t.text) && !HEADLINE_SMALL.test(t.text)) ||
      subject.some((t) => /^[,;]$/.test(t.text))
    )
      return null;
    let cueEnd = k;
    if (
      /^(after|against|up|out|over|with|back|off|down)$/i.test(line[k + 1]?.text ?? '') &&
      k + 2 < line.length
    )
      cueEnd = k + 1;
    let contentEnd = end;
    // "Mayor Speaks ‘Directly To Residents’ After …": a quotation right after the cue is the content.
    const open = text[line[cueEnd + 1]!.start];
    if (open && /[‘“'"]/.test(open)) {
      const from = line[cueEnd + 1]!.start;
      const close = text.slice(from + 1, end).search(/[’”'"](?=\s|$)/);
      const after = close >= 0 ? text.slice(from + close + 2, end) : '';
      if (
        close >= 0 &&
        /^\s*(?:$|\.|(?:after|amid|as|before|in|on|over|at|during|while|following|despite)\b)/i.test(after)
      )
        contentEnd = from + close + 2;
    }
    const content = trimContent(text, line[cueEnd + 1]!.start, contentEnd);
    if (!content) return null;
    return {
      source: { start: subject[0]!.start, end: subject.at(-1)!.end },
      cue: { start: line[k]!.start, end: line[cueEnd]!.end },
      content,
      form: 'indirect',
      stance: entry.stance,
      cueTense: 'present',
      cueLemma: entry.lemma,
      cueKind: entry.strength === 'stance' ? 'stance' : 'speech',
      confidence: 0.5,
    };
  }
  return null;
}

/** Headline verbs in their base form ("Lawmakers Rip …"), read as reports. */
const HEADLINE_CUE = /^(rip|slam|blast|urge|vow|warn|say|deny|reject|back|decry|praise|demand|call|accuse)$/;
