/**
 * Calls to action and promotions that open a paragraph of page furniture, in the languages the
 * extractor meets most. A paragraph opening with one of these and shorter than
 * {@link MAX_PROMO_WORDS} words is dropped wherever it stands.
 */
const PROMO_START = new RegExp(
  '^(?:' +
    [
      'read (?:more|also|next)\\s*(?:[:|»›>…–-]|\\.{3}|$)',
      'also read\\s*:',
      'related(?: articles?| stories| coverage| content| links?)?\\s*[:|]',
      'see also\\b',
      "don[’']t miss\\b",
      'more:',
      'click here\\b',
      'sign up\\b',
      'subscribe\\b',
      'like this (?:story|article)\\b',
      'share (?:this|on)\\b',
      'follow us\\b',
      'advertisement$',
      'advert$',
      'ad$',
      'comments?$',
      'tags?:',
      'citation:',
      '(?:reading time|tempo de leitura|tiempo de lectura|temps de lecture|lesezeit)\\b',
      '\\d+\\s*min(?:ute)?s?\\.? read$',
      'filed under\\b',
      'write to \\S.{0,80}@',
      'this document is subject to copyright',
      'have a (?:news )?tip\\b',
      'get the latest\\b',
      'download (?:the|our) app\\b',
      'leia (?:também|mais)\\b',
      'veja (?:também|mais)\\b',
      'saiba mais\\b',
      'lesen sie (?:auch|mehr)\\b',
      'mehr zum thema\\b',
      'lire aussi\\b',
      'à lire aussi\\b',
      'ver también\\b',
      'lee también\\b',
      'leer más\\b',
      'leggi anche\\b',
      'читайте также\\b',
      'подробнее\\b',
    ].join('|') +
    ')',
  'i',
);

/**
 * Paragraphs that are nothing but a control label or a bare photo credit: the words of buttons and
 * image overlays that survive extraction ("Print this page", "Image 2 of 5", "Getty Images").
 */
const UI_LABEL = new RegExp(
  '^(?:' +
    [
      'sign in',
      'log in',
      'print(?: (?:this )?(?:article|story|page))?',
      'order reprints',
      'text size',
      'e-?mail(?: this)?',
      'tweet',
      'close',
      'caption',
      'menu',
      'search',
      'expand',
      'enlarge(?: this image)?',
      'hide caption',
      'toggle caption',
      'image \\d+(?: of \\d+)?(?: / \\d+)?',
      '\\d+ of \\d+',
      '/\\*+',
      '\\*+/',
      '(?:photo|image|picture|foto|credit)s?:?\\s*(?:getty(?: images)?|ap|reuters|afp|epa|shutterstock|istock)(?:\\s*/.*)?',
      'getty images',
      '(?:(?:share|tweet|submit|email|print|pin|save|comment|comments|reddit|facebook|twitter|whatsapp|linkedin|flipboard)\\b\\s*){2,}',
    ].join('|') +
    ')\\s*[.:]?$',
  'i',
);

/** A photo caption left in the text ends with its credit: "… in Kherson. (AP Photo/Jane Roe)". */
const CAPTION_END =
  /\((?:[^()]*\b(?:photos?|images?|credit|foto|getty|reuters|afp|epa|shutterstock|istock)\b[^()]*)\)\s*$|^(?:main |top |lead )?(?:photo|image|picture|credit|foto)s?(?: credit)?:\s*[^.]{0,60}$/i;

/** Captions run to a few sentences at most. */
const MAX_CAPTION_WORDS = 60;

/** Promotions are short; a long paragraph that happens to open with "Read more" is prose. */
const MAX_PROMO_WORDS = 30;

/**
 * Headings after which the rest of the extract is page furniture: related stories, comment
 * threads, tag lists. Only honoured in the last part of the text, so an article about "Trending
 * topics" keeps its body.
 */
const TAIL_HEADING = new RegExp(
  '^(?:' +
    [
      'related',
      'related (?:articles|stories|posts|news|content|coverage|reading|links)\\b.{0,60}',
      'more \\w+(?: \\w+)? (?:news|stories)',
      'more (?:stories|news|from|on this|in|great)\\b.*',
      'you (?:may|might) also (?:like|enjoy)\\b.*',
      'recommended(?: for you| stories)?',
      'trending(?: now| stories)?',
      'most (?:read|popular|viewed)\\b.*',
      'popular (?:stories|posts|now)',
      'further reading',
      'latest (?:news|stories)',
      'about the author',
      'to read the full (?:story|article)',
      'comments?',
      'leave a (?:comment|reply)',
      'share this(?: article| story)?',
      'tags?',
      'notícias relacionadas',
      'leia também',
      'veja também',
      'mais lidas',
      'comentários',
      'das könnte sie auch interessieren',
      'weitere artikel',
      'artículos relacionados',
      'noticias relacionadas',
      'articles similaires',
      'à lire aussi',
      'похожие (?:статьи|новости|записи)',
      'отзывы',
      'комментарии',
    ].join('|') +
    ')\\s*[:.…]*$',
  'i',
);

/**
 * A tail heading cuts the extract only after this share of its characters, so that an opening
 * "Related" label or an article about "Trending topics" keeps its body.
 */
const MIN_SHARE_BEFORE_TAIL = 0.4;

/** Dates and clock times as they appear in page datelines, in several languages. */
const DATE_OR_TIME =
  /\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./](?:19|20)?\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\.?\s+(?:de\s+)?(?:jan|feb|fev|mar|apr|abr|may|mai|jun|jul|aug|ago|sep|set|oct|out|okt|nov|dec|dez|dic)[a-zç]*\b/i;

/** Words that open or fill a dateline or byline line. */
const META_WORD =
  /^(?:by|posted|updated|published|last updated|publicado|atualizado|publié|mis à jour|veröffentlicht|aktualisiert|actualizado|опубликовано)\b|\b(?:posted|updated|published|publicado|atualizado|am|pm|est|edt|gmt|utc)\b/i;

/** How many paragraphs at each end are checked for datelines and bylines. */
const EDGE = 4;

/**
 * Drops paragraphs that are page furniture rather than prose: promotions and calls to action
 * anywhere ("READ MORE: …", "Sign up for …"), dateline and byline lines at either end
 * ("Posted: Tue 7:10 AM, Mar 5, 2024"), and everything after a closing "Related stories"
 * or "Comments" heading.
 *
 * @example dropBoilerplateParagraphs(['Updated 10:05 AM', 'Shelling hit the port.', 'READ MORE: Port reopens'])
 * // ['Shelling hit the port.']
 */
export function dropBoilerplateParagraphs(paragraphs: readonly string[]): string[] {
  let kept = paragraphs.slice();
  const total = kept.reduce((n, p) => n + p.length, 0);
  let before = 0;
  for (let i = 0; i < kept.length; i++) {
    const firstLine = kept[i]!.split('\n', 1)[0]!.trim();
    if (i >= 2 && before >= total * MIN_SHARE_BEFORE_TAIL && TAIL_HEADING.test(firstLine)) {
      kept = kept.slice(0, i);
      break;
    }
    before += kept[i]!.length;
  }
  kept = kept.filter((p) => !isPromotion(p));
  let start = 0;
  while (start < Math.min(EDGE, kept.length - 1) && isMetaLine(kept[start]!)) start++;
  let end = kept.length;
  while (end > start + 1 && end > kept.length - EDGE && isMetaLine(kept[end - 1]!)) end--;
  return kept.slice(start, end);
}

function isPromotion(paragraph: string): boolean {
  const text = paragraph.trim();
  if (UI_LABEL.test(text)) return true;
  const words = wordCount(text);
  return (
    (words <= MAX_PROMO_WORDS && PROMO_START.test(text)) ||
    (words <= MAX_CAPTION_WORDS && CAPTION_END.test(text))
  );
}

/** A short line that carries a date or time and reads like a dateline or byline, not a sentence. */
function isMetaLine(paragraph: string): boolean {
  const text = paragraph.trim();
  // "— Name (@handle) March 4, 2024" closes an embedded post: a quoted source, kept.
  if (wordCount(text) > 16 || /\(@\w+\)/.test(text)) return false;
  if (/^[Bb][Yy]\s+\p{Lu}/u.test(text) && wordCount(text) <= 8) return true;
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(text)) return true;
  return DATE_OR_TIME.test(text) && (META_WORD.test(text) || !/[.!?]["'”’)]?$/.test(text));
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
