import { objectList } from '../../stage.js';
import type { Attribution, Marker, Speaker } from '../../types/attribution.js';
import type { Claim } from '../../types/claim.js';
import type { BoilerplateSpan } from '../../types/document.js';
import type { Sentence } from '../../types/sentence.js';
import type { Span } from '../../types/span.js';
import { mayMatch } from '../regex-prefilter.js';
import { tailStart } from './piece-tail.js';
import { claimKey, sameClaim } from './same-claim.js';

/** What the claim builder reads from the record. */
export interface ClaimInputs {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly attributions: readonly Attribution[];
  readonly markers: readonly Marker[];
  readonly boilerplate: readonly BoilerplateSpan[];
  /** The outlet's name, for claims in its own voice. */
  readonly outlet: string | null;
  readonly quantities?: readonly (Span & { id: string })[];
  readonly dates?: readonly (Span & { id: string })[];
  readonly places?: readonly (Span & { id: string })[];
}

/** Phrases that make a whole sentence a verification disclaimer rather than an assertion. */
const DISCLAIMER_ONLY =
  /^(?:however|but|meanwhile|still)?[,\s]*(?:the\s+)?[\w\s.'’-]{0,40}?\b(?:could not|cannot|was unable to|were unable to|has not been able to|have not been able to|did not)\s+(?:immediately\s+|independently\s+|yet\s+|separately\s+)*(?:verify|confirm|authenticate)\b[^.;]{0,80}[.!]?$/i;
const NEGATION =
  /\b(?:did|does|do|was|were|is|are|has|have|had|will|would|could|can|should)\s*(?:not|n['’]t)\b|\b(?:didn|doesn|don|wasn|weren|isn|aren|hasn|haven|hadn|won|wouldn|couldn|can)['’]t\b|\bnever\b|\bno (?:damage|casualties|injuries|deaths|one|victims|losses)\b|\bnobody\b|\bnone of\b/i;

/** What every match of {@link NEGATION} holds ("no", "not", "never", "n't"), with its case rule: a quicker scan first. */
const NEGATION_MARK = /no|['’]t|never/i;

/**
 * Turns a report's body into claims: each attribution's content is a claim resting on its
 * speaker; what a sentence asserts outside any attribution is the outlet's own claim. Claims
 * stated twice (headline and body) are merged into one with two mentions, and each marker is
 * attached to the claims it qualifies.
 *
 * @example buildClaims(inputs).claims[0] // {text: 'the attack did not cause any damage', polarity: 'denied', …}
 */
export function buildClaims(input: ClaimInputs): { claims: Claim[]; markers: Marker[] } {
  const { text } = input;
  const outletSpeaker: Speaker = {
    name: input.outlet ?? 'the outlet',
    kind: 'outlet',
    role: null,
    affiliation: null,
    antecedent: null,
  };
  const inBoilerplate = (s: Span) => input.boilerplate.some((b) => s.start < b.end && s.end > b.start);
  const claimable = input.sentences.filter((s) => s.role !== 'boilerplate' && !inBoilerplate(s));

  interface Draft {
    span: Span;
    attribution: Attribution | null;
    role: Sentence['role'];
  }
  const drafts: Draft[] = [];
  const roleAt = (at: number) => sentenceAt(input.sentences, at)?.role ?? 'body';
  // A reported position ("the army wants…") is the outlet's claim about the speaker, not the speaker's claim.
  const reports = input.attributions.filter((a) => a.cueKind !== 'stance');
  const covers = coveredSpans(reports);
  for (const a of reports) {
    if (inBoilerplate(a.content)) continue;
    drafts.push({ span: a.content, attribution: a, role: roleAt(a.content.start) });
  }
  // A text without the disclaimer's words has no disclaimer sentence (its index answers at once).
  const disclaimers = mayMatch(text, DISCLAIMER_ONLY);
  for (const s of claimable) {
    if (disclaimers && isDisclaimerOnly(text.slice(s.start, s.end))) continue;
    for (const piece of uncovered(s, covers)) {
      const trimmed = trimPiece(text, piece);
      if (!trimmed || !isAssertion(text.slice(trimmed.start, trimmed.end))) continue;
      drafts.push({ span: trimmed, attribution: null, role: s.role });
    }
  }
  drafts.sort((a, b) => a.span.start - b.span.start);

  // Merge restatements: a headline or standfirst repeating a body claim adds a mention. Only
  // pairs across roles are compared, so a long body stays linear.
  // Keys are read when a pair is compared: a report without a headline claim compares none.
  const keys = new Map<Draft, ReturnType<typeof claimKey>>();
  const keyOf = (d: Draft) => {
    let key = keys.get(d);
    if (!key) {
      key = claimKey(text.slice(d.span.start, d.span.end));
      keys.set(d, key);
    }
    return key;
  };
  const groups: Draft[][] = [];
  const headed: Draft[][] = [];
  for (const d of drafts) {
    const pool = d.role === 'body' ? headed : groups;
    const match = pool.find((g) =>
      g.some(
        (o) => o.role !== d.role && (o.role !== 'body' || d.role !== 'body') && sameClaim(keyOf(o), keyOf(d)),
      ),
    );
    if (match) match.push(d);
    else {
      groups.push([d]);
      if (d.role !== 'body') headed.push(groups.at(-1)!);
    }
  }

  const quantities = new ContainedIds(input.quantities ?? []);
  const dates = new ContainedIds(input.dates ?? []);
  const places = new ContainedIds(input.places ?? []);
  const claims = objectList<Claim>();
  groups.forEach((group, i) => {
    // The body mention with an attribution is the primary one: it says who the claim rests on.
    const ordered = [...group].sort((a, b) => rank(a) - rank(b) || a.span.start - b.span.start);
    const primary = ordered[0]!;
    const attribution = ordered.find((d) => d.attribution)?.attribution ?? null;
    // "that 50 percent of the base was hit": the complementiser is grammar, not part of the claim.
    const claimText = text.slice(primary.span.start, primary.span.end).replace(/^that\s+/i, '');
    const negated = NEGATION_MARK.test(claimText) && NEGATION.test(claimText);
    const denying = attribution?.stance === 'denying';
    // Every list a claim holds is pushed onto an object list, never mapped (see `objectList`).
    const mentions = objectList<Span>();
    for (const d of ordered) mentions.push({ start: d.span.start, end: d.span.end });
    claims.push({
      id: `c${i + 1}`,
      mentions,
      text: claimText,
      attributionId: attribution?.id ?? null,
      speaker: attribution?.speaker ?? outletSpeaker,
      stance: attribution?.stance ?? 'neutral',
      polarity: negated !== denying ? 'denied' : 'asserted',
      markerIds: objectList<string>(),
      quantityIds: quantities.within(mentions),
      dateIds: dates.within(mentions),
      placeIds: places.within(mentions),
      confidence: attribution ? Math.min(0.9, attribution.confidence) : 0.7,
      stage: 'claims',
    } satisfies Claim);
  });

  const markers = objectList<Marker>();
  for (const m of input.markers) markers.push({ ...m, claimIds: qualified(m, claims, input, disclaimers) });
  const withMarkers = objectList<Claim>();
  for (const c of claims) {
    const markerIds = objectList<string>();
    for (const m of markers) if (m.claimIds.includes(c.id)) markerIds.push(m.id);
    withMarkers.push({ ...c, markerIds });
  }
  return { claims: withMarkers, markers };
}

function rank(d: { attribution: Attribution | null; role: Sentence['role'] }): number {
  return (d.role === 'body' ? 0 : 2) + (d.attribution ? 0 : 1);
}

/**
 * The claims a marker qualifies: those whose mention contains it, or, for a disclaimer in a
 * sentence of its own ("However, the outlet could not verify the image."), those of the
 * sentence before.
 */
function qualified(
  marker: Marker,
  claims: readonly Claim[],
  input: ClaimInputs,
  disclaimers: boolean,
): string[] {
  const inside = claims.filter((c) => c.mentions.some((m) => marker.start >= m.start && marker.end <= m.end));
  if (inside.length > 0) return idsOf(inside);
  const sentence = input.sentences.find((s) => marker.start >= s.start && marker.start < s.end);
  if (!sentence) return objectList<string>();
  // The same sentence, outside any claim span ("X, which could not be verified, …").
  const same = claims.filter((c) => c.mentions.some((m) => m.start < sentence.end && m.end > sentence.start));
  if (same.length > 0 && !(disclaimers && isDisclaimerOnly(input.text.slice(sentence.start, sentence.end))))
    return idsOf(same);
  const previous = [...input.sentences]
    .filter((s) => s.end <= sentence.start && s.role !== 'boilerplate')
    .reverse()
    .find((s) => claims.some((c) => c.mentions.some((m) => m.start < s.end && m.end > s.start)));
  if (!previous) return objectList<string>();
  return idsOf(
    claims.filter((c) => c.mentions.some((m) => m.start < previous.end && m.end > previous.start)),
  );
}

/** The ids of some claims, as an object list (see `objectList`). */
function idsOf(claims: readonly Claim[]): string[] {
  const ids = objectList<string>();
  for (const c of claims) ids.push(c.id);
  return ids;
}

function isDisclaimerOnly(sentence: string): boolean {
  // The verb the pattern ends on is tested first: a plain scan, where the pattern tries forty offsets.
  return DISCLAIMER_VERB.test(sentence) && DISCLAIMER_ONLY.test(sentence.trim());
}

/** The verbs {@link DISCLAIMER_ONLY} needs, with its case rule. */
const DISCLAIMER_VERB = /verify|confirm|authenticate/i;

/** What each attribution covers, from the first to the last of its source, cue and content, by start. */
function coveredSpans(attributions: readonly Attribution[]): Span[] {
  return attributions
    .map((a) => {
      let start = a.content.start;
      let end = a.content.end;
      for (const s of [a.source, a.cue]) {
        if (s === null) continue;
        if (s.start < start) start = s.start;
        if (s.end > end) end = s.end;
      }
      return { start, end };
    })
    .sort((a, b) => a.start - b.start);
}

/** Pieces of a sentence outside every covered span (`covers` in order of start). */
function uncovered(sentence: Span, covers: readonly Span[]): Span[] {
  const pieces: Span[] = [];
  let at = sentence.start;
  for (const c of covers) {
    if (c.start >= sentence.end) break;
    if (c.end <= sentence.start) continue;
    if (c.start > at) pieces.push({ start: at, end: c.start });
    at = Math.max(at, c.end);
  }
  if (at < sentence.end) pieces.push({ start: at, end: sentence.end });
  return pieces;
}

/** Trims connecting words and punctuation left at a piece's edges ("…, but"). */
function trimPiece(text: string, piece: Span): Span | null {
  let s = piece.start;
  let e = piece.end;
  const head = /^[\s,.;:—–-]*(?:(?:but|and|while|although|whereas|as|however)\b[\s,]*)?/i;
  const body = text.slice(s, e);
  const h = head.exec(body)?.[0].length ?? 0;
  s += h;
  e = s + tailStart(text.slice(s, e));
  while (e > s && /[.!]/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

/** A claim needs a few words and a verb-like word; questions and fragments assert nothing. */
function isAssertion(piece: string): boolean {
  if (!hasWords(piece, 4)) return false;
  if (/\?\s*$/.test(piece)) return false;
  // "…, which is part of the group": a description of the speaker, not a claim of its own.
  if (/^(?:which|who|whose|whom)\b/i.test(piece)) return false;
  return true;
}

/** Whether a piece has at least `n` words (runs of characters between white space). */
function hasWords(piece: string, n: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < piece.length; i++) {
    const code = piece.charCodeAt(i);
    const space = code < 128 ? code === 32 || (code >= 9 && code <= 13) : WHITE_SPACE.test(piece[i]!);
    if (!space && !inWord && ++words >= n) return true;
    inWord = !space;
  }
  return false;
}

const WHITE_SPACE = /\s/;

/**
 * The ids of the items (quantities, dates, places) that lie inside one of a claim's mentions,
 * in the items' own order; the items are sorted by start once, so a claim looks only at those
 * that start inside its mentions.
 */
class ContainedIds {
  private readonly byStart: number[];

  constructor(private readonly items: readonly (Span & { id: string })[]) {
    // Pushed, not mapped: an optimised `map` would make a holey array (see `objectList`).
    this.byStart = [];
    for (let k = 0; k < items.length; k++) this.byStart.push(k);
    // Items come in text order as a rule: sorted already, they need no sort.
    let sorted = true;
    for (let k = 1; k < items.length && sorted; k++) sorted = items[k - 1]!.start <= items[k]!.start;
    if (!sorted) this.byStart.sort((a, b) => items[a]!.start - items[b]!.start);
  }

  within(mentions: readonly Span[]): string[] {
    if (this.items.length === 0) return objectList<string>();
    if (mentions.length === 1) return this.withinOne(mentions[0]!);
    const hits = new Set<number>();
    for (const m of mentions) {
      for (let j = this.firstFrom(m.start); j < this.byStart.length; j++) {
        const k = this.byStart[j]!;
        const item = this.items[k]!;
        if (item.start > m.end) break;
        if (item.end <= m.end) hits.add(k);
      }
    }
    return this.idsAt([...hits].sort((a, b) => a - b));
  }

  /** {@link within} for a single mention: the hits in order of `byStart`, sorted only when that order is not the items' own. */
  private withinOne(m: Span): string[] {
    const hits: number[] = [];
    let ordered = true;
    for (let j = this.firstFrom(m.start); j < this.byStart.length; j++) {
      const k = this.byStart[j]!;
      const item = this.items[k]!;
      if (item.start > m.end) break;
      if (item.end <= m.end) {
        if (hits.length > 0 && hits[hits.length - 1]! > k) ordered = false;
        hits.push(k);
      }
    }
    if (!ordered) hits.sort((a, b) => a - b);
    return this.idsAt(hits);
  }

  /** The ids of the items at `ks`, as an object list (see `objectList`). */
  private idsAt(ks: readonly number[]): string[] {
    const ids = objectList<string>();
    for (const k of ks) ids.push(this.items[k]!.id);
    return ids;
  }

  /** The first position in `byStart` whose item starts at or after `at`. */
  private firstFrom(at: number): number {
    let lo = 0;
    let hi = this.byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[this.byStart[mid]!]!.start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** The sentence containing an offset (binary search over sentences in text order). */
function sentenceAt(sentences: readonly Sentence[], at: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
