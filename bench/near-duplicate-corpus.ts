// A seeded generator of reports with news-like diversity for the near-duplicate bench, written
// by us: words drawn by a Zipf law over a generated lexicon of 60,000 words (English function
// words at the head), 2–4 KB per report, with the boilerplate real feeds share — datelines with
// an outlet's credit, stock phrases, each outlet's sign-off, wire "Reporting by" lines — and
// two planted kinds of pairs: syndicated copies (new headline, trimmed paragraphs, a few words
// changed, the copier's own sign-off, a republication notice), and bulletins written from one
// template with different facts, which share much text but are not copies. Streamed in
// batches: a million reports never sit in memory together.
import { seededRandom as rng } from './seeded-random.js';

/** One generated report and its ground truth. */
export interface NearDuplicateReport {
  readonly id: string;
  readonly text: string;
  /** Reports of one family are copies of one story; every other pair is not a copy. */
  readonly family: number;
  readonly kind: 'original' | 'copy' | 'bulletin';
  /** The bulletin template a report was written from (−1 for others). */
  readonly template: number;
}

/** Shares of planted reports. */
export interface NearDuplicateCorpusOptions {
  readonly seed?: number;
  /** Reports per batch (default 10,000). */
  readonly batchSize?: number;
  /** Share of reports that copy an earlier one (default 0.1). */
  readonly copyShare?: number;
  /** Share of reports written from a bulletin template (default 0.1). */
  readonly bulletinShare?: number;
}

const FUNCTION_WORDS =
  'the of and to in a said on that for was with by at from is as it were had have has an be after his their but not who they been which its more than this he are or about other two three people during when there over into also would some officials government forces city area against one while where between new since before last week told killed near attack military local security region statement according'.split(
    ' ',
  );
const ONSETS = ['', 'b', 'k', 'd', 'f', 'g', 'h', 'j', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z'];
const ONSETS2 = ['br', 'ch', 'dr', 'gr', 'kh', 'sh', 'st', 'tr', 'th', 'pl', 'sk'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io', 'y'];
const CODAS = ['', '', 'n', 'r', 's', 'l', 'm', 't', 'k', 'nd', 'st', 'rk'];
const LEXICON_SIZE = 60_000;
const ZIPF_TABLE_BITS = 21;
const PHRASES = 1 << 17;

const STOCK_PHRASES = [
  'officials said in a statement',
  'the claim could not be independently verified',
  'according to a local official who spoke on condition of anonymity',
  'the ministry said on its Telegram channel',
  'witnesses told reporters',
  'a spokesman said by telephone',
  'no group has claimed responsibility',
  'the United Nations said in a statement',
  'residents said on social media',
  'a security source told the agency',
  'the army said in a statement on Sunday',
  'medical sources said',
  'humanitarian groups have warned for months',
  'the governor said in a televised address',
  'the death toll could rise',
];
const NOTICES = [
  'This article was first published by {o} and is republished with permission.',
  'Republished by {c} with permission from {o}.',
  'This story first appeared on {o}.',
  'Originally published by {o}. Republished under a content-sharing agreement.',
];
const MONTHS = ['Jan', 'Feb', 'March', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

interface Outlet {
  readonly name: string;
  readonly signOff: string;
  readonly wire: boolean;
}

/** The seeded vocabulary, names, outlets and bulletin templates every batch draws from. */
class Vocabulary {
  readonly words: string[];
  readonly zipf: Uint32Array;
  readonly phrases: string[];
  readonly phraseLengths: Uint8Array;
  readonly places: string[];
  readonly names: string[];
  readonly outlets: Outlet[];
  readonly templates: string[][];

  constructor(readonly random: () => number) {
    const seen = new Set<string>(FUNCTION_WORDS);
    this.words = [...FUNCTION_WORDS];
    while (this.words.length < LEXICON_SIZE) {
      const word = this.coin();
      if (!seen.has(word)) {
        seen.add(word);
        this.words.push(word);
      }
    }
    // Zipf–Mandelbrot weights 1 / (rank + 2.7); the table maps a uniform draw to a rank.
    const weights = this.words.map((_, rank) => 1 / (rank + 2.7));
    const total = weights.reduce((a, b) => a + b, 0);
    this.zipf = new Uint32Array(1 << ZIPF_TABLE_BITS);
    let rank = 0;
    let cumulative = (weights[0] ?? 0) / total;
    for (let i = 0; i < this.zipf.length; i += 1) {
      while ((i + 0.5) / this.zipf.length > cumulative && rank < this.words.length - 1) {
        rank += 1;
        cumulative += (weights[rank] ?? 0) / total;
      }
      this.zipf[i] = rank;
    }
    this.phraseLengths = new Uint8Array(PHRASES);
    this.phrases = Array.from({ length: PHRASES }, (_, k) => {
      const n = 1 + Math.floor(this.random() * 3);
      this.phraseLengths[k] = n;
      return Array.from({ length: n }, () => this.word()).join(' ');
    });
    const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
    this.places = Array.from({ length: 5000 }, () => capital(this.coin()));
    this.names = Array.from({ length: 5000 }, () => `${capital(this.coin())} ${capital(this.coin())}`);
    const kinds = ['Courier', 'Times', 'Herald', 'Post', 'Ledger', 'Wire', 'Tribune', 'Daily', 'Observer'];
    this.outlets = Array.from({ length: 300 }, (_, i) => {
      const name = `The ${capital(this.coin())} ${kinds[i % kinds.length]}`;
      const wire = i < 12;
      const signOff =
        this.random() < 0.7
          ? `© 2026 ${name}. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission. ${this.sentence(12, [])} Follow ${name} for live coverage and sign up for the morning briefing.`
          : '';
      return { name, signOff, wire };
    });
    // A bulletin template: paragraphs of fixed wording with slots for the facts.
    this.templates = Array.from({ length: 60 }, () =>
      Array.from({ length: 3 + Math.floor(this.random() * 4) }, () => {
        const parts: string[] = [];
        for (let s = 0; s < 3; s += 1)
          parts.push(`${this.sentence(7, [])} {n} ${this.sentence(7, [])} in {place}`);
        return `${parts.join('. ')}.`;
      }),
    );
  }

  /** A new word of one to three syllables. */
  private coin(): string {
    const syllables = 1 + Math.floor(this.random() * 3);
    let word = '';
    for (let s = 0; s < syllables; s += 1) {
      const onsets = this.random() < 0.2 ? ONSETS2 : ONSETS;
      word += this.pick(onsets) + this.pick(VOWELS) + this.pick(CODAS);
    }
    return word;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.random() * xs.length)] as T;
  }

  word(): string {
    return this.words[this.zipf[Math.floor(this.random() * this.zipf.length)] ?? 0] ?? 'the';
  }

  /**
   * A sentence of about `length` words; about a tenth of them are the report's topic words. Words
   * come in phrases of one to three Zipf draws from a pool of 131,072, so a sentence costs half
   * as many draws while any five words in a row remain as rare as five independent draws.
   */
  sentence(length: number, topic: readonly string[]): string {
    const n = Math.max(4, length + Math.floor(this.random() * 9) - 4);
    const phrases = this.phrases;
    const share = topic.length > 0 ? 0.05 : 0;
    let out = '';
    for (let words = 0; words < n; ) {
      const r = this.random();
      let phrase: string;
      if (r < share) {
        phrase = topic[Math.floor((r / share) * topic.length)] as string;
        words += 1;
      } else {
        const k = Math.floor(((r - share) / (1 - share)) * phrases.length);
        phrase = phrases[k] as string;
        words += this.phraseLengths[k] as number;
      }
      out += out === '' ? phrase.charAt(0).toUpperCase() + phrase.slice(1) : ` ${phrase}`;
    }
    return this.random() < 0.25 ? `${out}, ${this.pick(STOCK_PHRASES)}` : out;
  }
}

/** A report kept for later copies: its parts, so a copy can change the headline or trim. */
interface Story {
  readonly id: string;
  readonly family: number;
  readonly headline: string;
  readonly dateline: string;
  readonly body: string[];
  readonly outlet: Outlet;
}

const RECENT = 5000;

/**
 * Streams `count` generated reports in batches. The same seed gives the same reports; a copy
 * always comes after the report it copies (within the last 5,000), as a feed delivers them.
 *
 * @example for (const batch of nearDuplicateBatches(100_000)) for (const r of batch) index(r)
 */
export function* nearDuplicateBatches(
  count: number,
  options: NearDuplicateCorpusOptions = {},
): Generator<NearDuplicateReport[]> {
  const random = rng(options.seed ?? 11);
  const vocabulary = new Vocabulary(random);
  const v = vocabulary;
  const batchSize = options.batchSize ?? 10_000;
  const copyShare = options.copyShare ?? 0.1;
  const bulletinShare = options.bulletinShare ?? 0.1;
  const recent: Story[] = [];
  // A few stories are copied very often (a wire's lead story), filling their buckets.
  const viral: Story[] = [];
  let families = 0;
  let made = 0;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

  const compose = (story: Story, notice: string): string => {
    const parts = [story.headline, `${story.dateline}${story.body[0] ?? ''}`, ...story.body.slice(1)];
    if (story.outlet.wire) parts.push(`Reporting by ${v.pick(v.names)}; Editing by ${v.pick(v.names)}`);
    if (notice) parts.push(notice);
    if (story.outlet.signOff) parts.push(story.outlet.signOff);
    return `${parts.join('\n\n')}\n`;
  };

  const original = (id: string, template: number): Story => {
    const outlet = v.pick(v.outlets);
    const topic = Array.from({ length: 8 }, () => v.words[int(500, LEXICON_SIZE - 1)] ?? 'the');
    const place = v.pick(v.places);
    const dateline = `${place.toUpperCase()}, ${v.pick(MONTHS)} ${int(1, 28)} (${outlet.name}) — `;
    const target = int(2000, 4000) - Math.min(1000, outlet.signOff.length + 120);
    const body: string[] = [];
    let bytes = 0;
    const templateParagraphs = template >= 0 ? (v.templates[template] ?? []) : [];
    let t = 0;
    while (bytes < target) {
      let paragraph: string;
      // A bulletin alternates template paragraphs with its own, so at most half its text is shared.
      if (t < templateParagraphs.length && body.length % 2 === 1) {
        paragraph = (templateParagraphs[t++] ?? '')
          .replaceAll('{place}', place)
          .replaceAll('{n}', () => String(int(2, 900)));
      } else {
        const sentences: string[] = [];
        for (let s = int(2, 4); s > 0; s -= 1) sentences.push(v.sentence(18, topic));
        sentences.push(`${v.pick(v.names)} said ${int(2, 400)} people were affected in ${place}`);
        paragraph = `${sentences.join('. ')}.`;
      }
      body.push(paragraph);
      bytes += paragraph.length + 2;
    }
    return { id, family: families++, headline: v.sentence(9, topic), dateline, body, outlet };
  };

  const copy = (id: string, source: Story): { story: Story; notice: string } => {
    const outlet = v.pick(v.outlets);
    let body = [...source.body];
    // Trimmed: the last paragraph dropped (a long report only).
    if (random() < 0.4 && body.length > 5) body = body.slice(0, -1);
    // A few words changed.
    for (let edits = int(0, 5); edits > 0; edits -= 1) {
      const p = int(0, body.length - 1);
      const words = (body[p] ?? '').split(' ');
      words[int(0, words.length - 1)] = v.word();
      body[p] = words.join(' ');
    }
    if (random() < 0.1) body.unshift(`Editor's note: ${v.sentence(14, [])}.`);
    const headline = random() < 0.7 ? `${v.sentence(8, [])}` : source.headline;
    const notice =
      random() < 0.5
        ? v.pick(NOTICES).replaceAll('{o}', source.outlet.name).replaceAll('{c}', outlet.name)
        : '';
    return {
      // Half the copies carry the source's sign-off with its credit, half their own.
      story: {
        id,
        family: source.family,
        headline,
        dateline: source.dateline,
        body,
        outlet: random() < 0.5 ? source.outlet : outlet,
      },
      notice,
    };
  };

  while (made < count) {
    const batch: NearDuplicateReport[] = [];
    const end = Math.min(count, made + batchSize);
    for (; made < end; made += 1) {
      const id = `d${made}`;
      const draw = random();
      if (draw < copyShare && recent.length > 0) {
        const pool = viral.length > 0 && random() < 0.05 ? viral : recent;
        const { story, notice } = copy(id, v.pick(pool));
        batch.push({ id, text: compose(story, notice), family: story.family, kind: 'copy', template: -1 });
        if (recent.length < RECENT) recent.push(story);
        else recent[made % RECENT] = story;
        continue;
      }
      const template = draw < copyShare + bulletinShare ? int(0, v.templates.length - 1) : -1;
      const story = original(id, template);
      batch.push({
        id,
        text: compose(story, ''),
        family: story.family,
        kind: template >= 0 ? 'bulletin' : 'original',
        template,
      });
      if (viral.length < 20 && random() < 0.001) viral.push(story);
      if (recent.length < RECENT) recent.push(story);
      else recent[made % RECENT] = story;
    }
    yield batch;
  }
}
