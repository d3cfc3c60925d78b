/**
 * Name folding for gazetteer lookup: diacritics, apostrophes, hyphens and case are erased so
 * that transliteration variants meet ("Rafaḩ" → "rafah", "Karbalāʼ" → "karbala").
 *
 * @example foldName('Rafaḩ') // 'rafah'
 */
export function foldName(name: string): string {
  // Most names are plain ASCII words: skip the Unicode work (the gazetteer folds ~500k names at load).
  if (SIMPLE.test(name)) return name.toLowerCase();
  let s = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  s = s.toLowerCase();
  s = s.replace(/[ʼʻʿʾ'’‘`´]/g, '');
  s = s
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/đ|ð/g, 'd')
    .replace(/ı/g, 'i')
    .replace(/þ/g, 'th');
  s = s.replace(/\bst\.\s*/g, 'saint ').replace(/\bmt\.\s*/g, 'mount ');
  s = s.replace(/[.]/g, '');
  s = s.replace(/[^a-z0-9]+/g, ' ').trim();
  return s;
}

const SIMPLE = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

// Arabic definite-article spellings that transliterations drop or keep at will.
const ARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|an|ath|adh|ad|aal)\s+(?=\S{3,})/;

/**
 * The folded name without a leading Arabic article ("al anbar" → "anbar"), or null when the
 * name has none.
 *
 * @example stripArticle('al anbar') // 'anbar'
 */
export function stripArticle(folded: string): string | null {
  const m = ARTICLE.exec(folded);
  return m ? folded.slice(m[0].length) : null;
}

/**
 * A vowel-less skeleton for the last-resort match of transliteration variants
 * ("erbil", "arbil", "irbil" → "rbl"); only used when exact keys fail.
 *
 * @example nameSkeleton('irbil') // 'rbl'
 */
export function nameSkeleton(folded: string): string {
  return folded
    .replace(/kh/g, 'k')
    .replace(/q/g, 'k')
    .replace(/ou/g, 'u')
    .replace(/[aeiouyw\s]/g, '')
    .replace(/(.)\1+/g, '$1');
}

// Spellings that Slavic and Arabic transliterations swap at will: "Kupiansk"/"Kupjansk"/
// "Kupyansk", "Dniprorudnyi"/"Dniprorudnyy", "Kharkiv"/"Harkiv". Each group's members stand in
// for one another; only inside words (a word-initial "ja"/"ya" is a different name).
const INNER_GROUPS: readonly (readonly string[])[] = [
  ['iya', 'ia', 'ya', 'ja'],
  ['iu', 'yu', 'ju'],
];
const INNER_PATTERNS = INNER_GROUPS.map((group) => new RegExp(group.join('|'), 'g'));
const FINAL_GROUP: readonly string[] = ['iy', 'yy', 'yi', 'ii'];
const MAX_VARIANTS = 24;

/**
 * Other transliterations of a folded name (without the name itself): ia/ya/ja/iya and iu/yu/ju
 * inside words, iy/yy/yi/ii at word ends, and kh/h at word starts. Only worth asking when the
 * name itself is unknown; at most a couple of dozen variants.
 *
 * @example transliterationVariants('kupiansk') // ['kupiyansk', 'kupyansk', 'kupjansk', …]
 */
export function transliterationVariants(folded: string): string[] {
  let forms = [folded];
  const expand = (re: RegExp, group: readonly string[], keep: (s: string, at: number) => boolean) => {
    const next = new Set(forms);
    for (const f of forms) {
      for (const m of f.matchAll(re)) {
        if (!keep(f, m.index)) continue;
        for (const alt of group) {
          if (alt === m[0]) continue;
          next.add(f.slice(0, m.index) + alt + f.slice(m.index + m[0].length));
          if (next.size >= MAX_VARIANTS) break;
        }
      }
    }
    forms = [...next];
  };
  const inner = (s: string, at: number) => at > 0 && s[at - 1] !== ' ';
  for (let g = 0; g < INNER_GROUPS.length; g++) expand(INNER_PATTERNS[g]!, INNER_GROUPS[g]!, inner);
  expand(/(?:iy|yy|yi|ii)(?= |$)/g, FINAL_GROUP, inner);
  expand(/(?<![a-z])kh|(?<![a-z])h/g, ['kh', 'h'], () => true);
  return forms.filter((f) => f !== folded);
}
