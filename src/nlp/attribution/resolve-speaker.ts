import type { Speaker, SpeakerKind } from '../../types/attribution.js';
import type { Span } from '../../types/span.js';

/** What the speaker resolver knows about the document and the speakers met so far. */
export interface SpeakerContext {
  readonly text: string;
  /** Names the publishing outlet goes by ("The Cradle"), to tell self-citation from other outlets. */
  readonly outletNames: readonly string[];
  /** Speakers already resolved, in text order, for pronouns and "the sources". */
  readonly earlier: readonly { span: Span; speaker: Speaker }[];
}

const PRONOUN = /^(he|she|they|it|him|her|them|who|we|i)$/i;
const ANONYMOUS = /\b(sources?|insiders?|people familiar|person familiar|informed source)\b/i;
const OFFICIAL =
  /\b(officials?|spokes(?:man|woman|person|people)|minister|ministry|secretary|president|prime minister|governor|mayor|commander|general|colonel|ambassador|envoy|senator|sen\.|rep\.|chairman|chairwoman|chief|director|head|leader|lawmakers?|congressman|congresswoman|diplomats?|authorities|administration|department|pentagon|white house|kremlin|police|army|military|government|presidency|attorney general)\b/i;
const ARMED_GROUP =
  /\b(resistance|militias?|brigades?|battalions?|factions?|fighters|insurgents?|rebels?|hezbollah|hamas|houthis?|ansarallah|kataib|kata'?ib|islamic state|isis|isil|daesh|al-qaeda|taliban|jihad|popular mobilization|pmu|pmf|armed group|militants?)\b/i;
const ORGANISATION =
  /\b(group|organi[sz]ation|agency|ministry|committee|council|union|party|campaign|coalition|association|institute|center|centre|foundation|observatory|office|commission|company|corporation|un|united nations|red cross|amnesty|human rights watch|ngo)\b/i;
/** Institutions that speak as a body ("the health ministry said"), not through a named person. */
const INSTITUTION =
  /\b(ministry|department|pentagon|white house|kremlin|police|army|air force|navy|military|forces|government|presidency|authorities|administration|command|guard|council|office|agency|observatory|idf)\b/i;
/** Words that make the speaker a person holding an office. */
const PERSON_ROLE =
  /\b(officials?|spokes(?:man|woman|person|people)|minister|secretary|president|prime minister|governor|mayor|commander|general|colonel|ambassador|envoy|senator|sen\.|rep\.|chairman|chairwoman|chief|director|head|leader|lawmakers?|congressman|congresswoman|diplomats?|attorney general|officers?)\b/i;
const WITNESS = /\b(witness(?:es)?|eyewitness(?:es)?|residents?|locals|survivors?|bystanders?|passers-by)\b/i;
const OUTLET =
  /\b(reuters|associated press|ap|afp|agence france-presse|bbc|cnn|al jazeera|al-jazeera|al arabiya|al mayadeen|new york times|washington post|wall street journal|guardian|financial times|bloomberg|axios|politico|haaretz|times of israel|tass|ria novosti|irna|tasnim|fars|sana|anadolu|xinhua|newspapers?|news agency|outlets?|channel|broadcasters?|tv|television|radio|daily|times|post|journal|magazine|news|media|press)\b/i;
const DOCUMENT =
  /\b(report|study|survey|poll|polls|document|documents|letter|memo|photos?|images?|video|footage|data|analysis|ad|statement|statements|complaint|filing|indictment|ruling)\b/i;
const ROLE_WORD =
  /\b(head|leader|chief|commander|spokes(?:man|woman|person)|official|minister|secretary|president|director|chairman|chairwoman|founder|member|adviser|advisor|ambassador|governor|mayor|senator|general|colonel|lawyer|analyst|expert|professor|researcher|correspondent|editor|reporter)\b/i;

/**
 * Resolves a source phrase to a speaker: name, role, affiliation and kind, and links
 * pronouns and definite descriptions ("the sources", "the spokesman") to an earlier mention.
 *
 * @example resolveSpeaker({start: 0, end: 17}, 'said', ctx) // "US officials" → {kind: 'unnamed-official', …}
 */
export function resolveSpeaker(
  source: Span | null,
  cueLemma: string,
  context: SpeakerContext,
  contentText = '',
): Speaker {
  if (!source) {
    return { name: '', kind: 'unknown', role: null, affiliation: null, antecedent: null };
  }
  const raw = context.text.slice(source.start, source.end).replace(/[\s,]+$/, '');
  const social = cueLemma === 'tweet' || cueLemma === 'post';
  // "the study -- which notes …", "Lee, who said …": a relative pronoun stands for the phrase before it.
  if (/^(who|which)$/i.test(raw)) {
    const relative = relativeAntecedent(context.text, source.start);
    if (relative) {
      const { name, role, affiliation } = splitSpeaker(relative.text);
      const kind = social ? 'social-media' : kindOf(relative.text, name, context, contentText);
      return { name, kind, role, affiliation, antecedent: relative.span };
    }
  }
  if (
    PRONOUN.test(raw) ||
    /^(the|this|that|these|those)\s+(sources?|spokes\w+|officials?|official|group|ministry|army|agency|statement|witness\w*|commander|minister)$/i.test(
      raw,
    )
  ) {
    const found = antecedentFor(raw, source, context);
    if (found) {
      return { ...found.speaker, kind: social ? 'social-media' : found.speaker.kind, antecedent: found.span };
    }
    if (PRONOUN.test(raw))
      return {
        name: raw,
        kind: social ? 'social-media' : 'unknown',
        role: null,
        affiliation: null,
        antecedent: null,
      };
  }
  const phrase = speakerPhrase(raw);
  const { name, role, affiliation } = phrase;
  const kind = social ? 'social-media' : (ownKind(phrase.head, context, contentText) ?? phrase.otherKind);
  return { name, kind, role, affiliation, antecedent: null };
}

/** A speaker phrase read apart from the document: its head, its parts, and its kind when it is not the outlet. */
interface SpeakerPhrase {
  readonly head: string;
  readonly name: string;
  readonly role: string | null;
  readonly affiliation: string | null;
  readonly otherKind: SpeakerKind;
}

// Reports name the same speakers again and again ("the ministry", "officials"): each phrase is
// read once and remembered (a bounded table, emptied when full).
const PHRASES = new Map<string, SpeakerPhrase>();
const MAX_PHRASES = 20_000;

function speakerPhrase(raw: string): SpeakerPhrase {
  let phrase = PHRASES.get(raw);
  if (phrase) return phrase;
  // "One of the engineers who inspected the dam": the relative clause describes, the head speaks.
  // "The crowd outside the ministry": the place is where the speaker stands, not who speaks.
  const head =
    raw
      .replace(/\s*,?\s+(?:who|which)\s.*$/su, '')
      .replace(/\s+(?:outside|near|inside|across|around)\s.*$/su, '') || raw;
  const { name, role, affiliation } = splitSpeaker(head);
  phrase = { head, name, role, affiliation, otherKind: otherKind(head, name) };
  if (PHRASES.size >= MAX_PHRASES) PHRASES.clear();
  PHRASES.set(raw, phrase);
  return phrase;
}

function antecedentFor(
  raw: string,
  source: Span,
  context: SpeakerContext,
): { span: Span; speaker: Speaker } | null {
  const head = raw.toLowerCase().split(/\s+/).at(-1)!.replace(/s$/, '');
  const earlier = context.earlier.filter((e) => e.span.end <= source.start);
  if (PRONOUN.test(raw)) {
    const personal = /^(he|she|him|her|i)$/i.test(raw);
    for (let i = earlier.length - 1; i >= 0; i--) {
      const e = earlier[i]!;
      if (e.speaker.antecedent && e.speaker.kind === 'unknown') continue;
      if (
        personal &&
        /^(organisation-statement|armed-group-statement|other-outlet|document)$/.test(e.speaker.kind)
      )
        continue;
      if (PRONOUN.test(e.speaker.name)) continue;
      return { span: e.speaker.antecedent ?? e.span, speaker: e.speaker };
    }
    return null;
  }
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i]!;
    if (context.text.slice(e.span.start, e.span.end).toLowerCase().includes(head))
      return { span: e.speaker.antecedent ?? e.span, speaker: e.speaker };
  }
  // "The sources stated …" after "A high-level source in X has provided …": an indefinite mention.
  const before = context.text.slice(Math.max(0, source.start - 3000), source.start);
  const re = new RegExp(
    `\\b(?:a|an|one|two|three|several|some)\\s+(?:[\\w-]+\\s+){0,3}${escapeRegExp(head)}s?\\b(?:\\s+(?:in|from|at|of|with|close to)\\s+(?:the\\s+)?(?:[A-Z][\\w-]*\\s*)+)?`,
    'gi',
  );
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(before); m; m = re.exec(before)) last = m;
  if (!last) return null;
  const offset = Math.max(0, source.start - 3000) + last.index;
  const mention = last[0].trim();
  const span = { start: offset, end: offset + mention.length };
  const split = splitSpeaker(mention);
  return { span, speaker: { ...split, kind: kindOf(mention, split.name, context, ''), antecedent: null } };
}

/** The noun phrase just before a relative pronoun: "the study -- which", "Jo Lee, who". */
function relativeAntecedent(text: string, at: number): { text: string; span: Span } | null {
  const before = text.slice(Math.max(0, at - 120), at);
  const m =
    /((?:(?:the|a|an|The|A|An)\s+)?(?:[\p{L}\d.’'-]+\s+){0,5}?[\p{L}\d.’'-]+)\s*(?:,|--|—|–)\s*$/u.exec(
      before,
    );
  if (!m) return null;
  let phrase = m[1]!;
  // Keep the last clause-free stretch: "Talks stalled, though an inquiry panel, which".
  const cut = phrase.search(/\b(?:and|but|or|that|said|says|of the)\s+(?=\S+$)/);
  if (cut > 0) phrase = phrase.slice(cut).replace(/^\S+\s+/, '');
  const start = at - before.length + m.index + (m[1]!.length - phrase.length);
  if (!/[\p{L}]/u.test(phrase)) return null;
  return { text: phrase, span: { start, end: start + phrase.length } };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Splits a speaker phrase into a name, a role and an affiliation: appositives ("Name, head of
 * X"), titles before a name ("White House spokesman Name") and "a source in X".
 *
 * @example splitSpeaker('Omar Halabi, head of the Northern Front') // {name: 'Omar Halabi', role: 'head', affiliation: 'the Northern Front'}
 */
export function splitSpeaker(raw: string): { name: string; role: string | null; affiliation: string | null } {
  const text = raw.replace(/[\s,]+$/, '');
  // "the official statements issued by the Islamic Resistance in Iraq": the issuer speaks.
  const issued = /\bstatements?\s+(?:issued|released|published|posted|put out)\s+by\s+(.+)$/i.exec(text);
  if (issued) return { name: issued[1]!.trim(), role: null, affiliation: null };
  const appositive = /^([^,]+),\s*(?:the\s+|a\s+|an\s+)?([^,]+?)(?:,.*)?$/.exec(text);
  // "A spokesman for the navy, Captain Ilse Brandt": the description comes first, the name second.
  const described =
    appositive &&
    /^(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?([\w-]+)\s+(?:for|of|at|with|in)\s+(.+)$/i.exec(
      appositive[1]!.trim(),
    );
  if (
    appositive &&
    described &&
    ROLE_WORD.test(described[1]!) &&
    /^[A-Z][\w.-]*(?:\s+[A-Z][\w.'’-]*)+$/.test(appositive[2]!.trim())
  ) {
    return {
      name: appositive[2]!.trim(),
      role: described[1]!.toLowerCase(),
      affiliation: described[2]!.trim(),
    };
  }
  if (appositive && /[A-Z]/.test(appositive[1]![0] ?? '')) {
    const name = appositive[1]!.trim();
    const app = appositive[2]!.trim();
    const ofMatch = /^(.*?)\b(?:of|for|at|with|in)\s+(.+)$/.exec(app);
    if (ofMatch && ROLE_WORD.test(ofMatch[1]!))
      return { name, role: ofMatch[1]!.trim(), affiliation: ofMatch[2]!.trim() };
    if (ROLE_WORD.test(app)) return { name, role: app, affiliation: null };
    return { name, role: null, affiliation: null };
  }
  // "a source in the Axis of Resistance", "officials at the Pentagon".
  const prep =
    /^(.*?\b(?:sources?|officials?|spokes\w+|commanders?|members?))\s+(?:in|from|at|of|with|close to)\s+(.+)$/i.exec(
      text,
    );
  if (prep) return { name: text, role: lastWord(prep[1]!), affiliation: prep[2]!.trim() };
  // "White House spokesman Josh Earnest", "a US Department of Defense official".
  const pre =
    /^(?:(?:a|an|the)\s+)?(.*?)\s*\b(spokes(?:man|woman|person)|officials?|minister|secretary|commander|director|chief|leader|head)\b\s*(.*)$/i.exec(
      text,
    );
  if (pre) {
    const affiliation = pre[1]!.trim() || null;
    const name = pre[3]!.trim() || text;
    return {
      name,
      role: pre[2]!.toLowerCase(),
      affiliation: affiliation && /[A-Z]/.test(affiliation) ? affiliation : null,
    };
  }
  return { name: text, role: null, affiliation: null };
}

function lastWord(s: string): string {
  return s.trim().split(/\s+/).at(-1)!.toLowerCase();
}

function isNamed(name: string): boolean {
  // Two capitalised words that are not all an institution: "Josh Earnest", "Abu Alaa al-Walaei".
  const words = name.replace(/^(the|a|an)\s+/i, '').split(/\s+/);
  const caps = words.filter((w) => /^[A-Z][a-z]/.test(w) || /^al-[A-Z]/.test(w));
  return (
    caps.length >= 1 &&
    caps.length === words.filter((w) => /^[A-Za-z]/.test(w)).length &&
    !OFFICIAL.test(name) &&
    !ORGANISATION.test(name) &&
    !OUTLET.test(name)
  );
}

function kindOf(raw: string, name: string, context: SpeakerContext, contentText: string): SpeakerKind {
  return ownKind(raw, context, contentText) ?? otherKind(raw, name);
}

/** The outlet's own voice ("The Cradle has learned"), or null when the phrase names someone else. */
function ownKind(raw: string, context: SpeakerContext, contentText: string): SpeakerKind | null {
  if (context.outletNames.length === 0) return null;
  const lower = raw.toLowerCase();
  const isOwn = context.outletNames.some((o) => o && lower.includes(o.toLowerCase()));
  if (!isOwn) return null;
  return /\b(previously|earlier|already|has reported|have reported)\b/i.test(contentText)
    ? 'outlet-earlier-reporting'
    : 'outlet';
}

/** The kind of a speaker who is not the outlet, from the phrase alone. */
function otherKind(raw: string, name: string): SpeakerKind {
  if (ANONYMOUS.test(raw) && !/^[A-Z][a-z]+ [A-Z]/.test(name)) return 'anonymous-source';
  if (WITNESS.test(raw)) return 'witness';
  if (/\bstatements?\b/i.test(raw))
    return ARMED_GROUP.test(raw) ? 'armed-group-statement' : 'organisation-statement';
  if (ARMED_GROUP.test(raw) && !ROLE_WORD.test(raw)) return 'armed-group-statement';
  // "the Gaza health ministry", "Ukraine's air force": the institution speaks as a body.
  if (INSTITUTION.test(raw) && !PERSON_ROLE.test(raw)) return 'organisation-statement';
  if (OFFICIAL.test(raw) || ROLE_WORD.test(raw)) {
    if (isNamed(name)) return 'named-official';
    if (
      /^(?:the\s+|a\s+|an\s+)?(?:[A-Z][\w.-]*\s+)*(?:officials?|spokes\w+|diplomats?|lawmakers?)\b/i.test(
        raw,
      ) ||
      /\b(an?|one|two|several|some|senior|unnamed)\b/i.test(raw) ||
      /\bofficials\b/i.test(raw)
    )
      return 'unnamed-official';
    if (
      /^(?:the\s+)?(?:authorities|police|army|military|government|ministry|department|pentagon|white house|kremlin|administration)/i.test(
        raw,
      )
    )
      return 'organisation-statement';
    return /[A-Z][a-z]+\s+[A-Z][a-z]+/.test(name) ? 'named-official' : 'unnamed-official';
  }
  if (OUTLET.test(raw) && /^[A-Z]|^the [A-Z]/.test(raw)) return 'other-outlet';
  if (DOCUMENT.test(raw)) return 'document';
  if (ARMED_GROUP.test(raw)) return 'armed-group-statement';
  if (ORGANISATION.test(raw)) return 'organisation-statement';
  if (isNamed(name)) return 'named-person';
  return 'unknown';
}
