import { objectList, type ReaderStage, type RecordSoFar } from '../stage.js';
import type { Attribution, Speaker } from '../types/attribution.js';
import type { Sentence, Token } from '../types/sentence.js';
import type { Span } from '../types/span.js';
import { findAttributions } from './attribution/find-attributions.js';
import { findMarkers } from './attribution/find-markers.js';
import { resolveSpeaker } from './attribution/resolve-speaker.js';
import { segment } from './sentences.js';

/**
 * The names the publishing outlet goes by, for telling self-citation from other outlets.
 *
 * @example outletNames(record) // ['The Cradle', 'The 21st Century']
 */
export function outletNames(record: Pick<RecordSoFar, 'document'>): string[] {
  const d = record.document;
  const out = objectList<string>();
  if (!d) return out;
  // Pushed onto an object list, never mapped or spread (see `objectList`).
  const add = (n: string | undefined) => {
    if (n && n.trim().length > 1) out.push(n.trim());
  };
  add(d.publisher?.value);
  add(d.originallyPublishedBy?.value);
  for (const r of d.republishedBy) add(r.value);
  return out;
}

/**
 * Reads who says what in a text: attributions with source, cue and content spans, each
 * speaker resolved to a name, role, affiliation and kind (linked to an earlier mention for
 * pronouns and "the sources").
 *
 * @example readAttributions('“We hit the base,” the group said.', []).attributions[0].speaker.kind // 'armed-group-statement'
 */
export function readAttributions(
  text: string,
  names: readonly string[],
  tokens?: readonly Token[],
  sentences?: readonly Sentence[],
): Attribution[] {
  if (text.length === 0) return [];
  const seg = tokens && sentences ? { tokens, sentences } : segment(text);
  const found = findAttributions(text, seg.tokens, seg.sentences);
  const earlier: { span: Span; speaker: Speaker }[] = [];
  const bySource = [...found].sort(
    (a, b) => (a.source?.start ?? a.content.start) - (b.source?.start ?? b.content.start),
  );
  const speakers = new Map<(typeof found)[number], Speaker>();
  for (const f of bySource) {
    const cueText = f.cue ? text.slice(Math.max(0, f.cue.start - 20), f.cue.end) : '';
    const speaker = resolveSpeaker(f.source, f.cueLemma, { text, outletNames: names, earlier }, cueText);
    speakers.set(f, speaker);
    if (f.source) earlier.push({ span: f.source, speaker });
  }
  return found.map((f, i) => ({
    id: `a${i + 1}`,
    source: f.source,
    cue: f.cue,
    content: f.content,
    speaker: speakers.get(f)!,
    stance: f.stance,
    cueTense: f.cueTense,
    form: f.form,
    cueKind: f.cueKind,
    confidence: f.confidence,
    stage: 'attributions',
  }));
}

/**
 * Reader stage: attributions and hedge/verification markers (claim ids filled by `claims`).
 * Uses the sentence stage's tokens when present and segments the text itself otherwise.
 *
 * @example attributionsStage.run(record, context).attributions // [{id: 'a1', source, cue, content, speaker, …}]
 */
export const attributionsStage: ReaderStage = {
  id: 'attributions',
  run: (record) => {
    const text = record.text ?? '';
    const haveTokens = record.tokens && record.sentences && record.tokens.length > 0;
    const attributions = readAttributions(
      text,
      outletNames(record),
      haveTokens ? record.tokens : undefined,
      haveTokens ? record.sentences : undefined,
    );
    return { attributions, markers: findMarkers(text) };
  },
};
