import type { RecordSoFar } from '../stage.js';
import type { ConflictEvent, Tally } from '../types/event.js';
import type { Sentence } from '../types/sentence.js';

const COUNTED =
  /^(?:times?|attacks?|strikes?|occasions?|drone attacks?|rocket attacks?|assaults?|raids?|incidents?)$/i;
const ATTACK_VERB =
  /\b(?:target(?:ed|ing)?|attack(?:ed|s)?|struck|hit|strikes?|shell(?:ed|ing)|bomb(?:ed|ing)|raids?|assaults?)\b/i;

/**
 * Aggregate statements ("targeted 12 times since 7 October", "attacked at least 76 times in Iraq
 * and Syria"): a count of attacks with its bound, scope (target, actor, places), period and
 * counter (the speaker of the claim that states it).
 *
 * @example findTallies(record, sentences, events)[0] // {count: 12, bound: 'exact', counter: 'Islamic Resistance in Iraq', …}
 */
export function findTallies(
  record: RecordSoFar,
  sentences: readonly Sentence[],
  events: readonly ConflictEvent[],
): Tally[] {
  const text = record.text;
  const tallies: Tally[] = [];
  for (const q of record.quantities ?? []) {
    if (q.unit !== 'count' || !q.of || !COUNTED.test(q.of.text.trim())) continue;
    const s = sentences.find((x) => x.start <= q.start && q.end <= x.end);
    const scope = s
      ? { start: s.start, end: s.end }
      : { start: Math.max(0, q.start - 200), end: Math.min(text.length, q.end + 200) };
    const sentenceText = text.slice(scope.start, scope.end);
    if (!ATTACK_VERB.test(sentenceText) && !/attack|strike|raid|assault/i.test(q.of.text)) continue;
    const event = events.find((e) => e.trigger.start >= scope.start && e.trigger.end <= scope.end);
    const places = (record.places ?? []).filter(
      (p) => p.start >= scope.start && p.end <= scope.end && p.kind !== 'demonym',
    );
    const targetPlace = event?.target
      ? places.find((p) => p.start <= event.target!.start && event.target!.end <= p.end)
      : undefined;
    const dates = (record.dates ?? []).filter((d) => d.start >= scope.start && d.end <= scope.end);
    // The counting period: an open range ("since 7 October") or a date after the count; a date
    // before it usually dates the statement ("Last week, an official said …").
    const period = dates.find((d) => d.kind === 'open-range') ?? dates.find((d) => d.start > q.end);
    const claim = (record.claims ?? []).find(
      (c) => c.quantityIds.includes(q.id) || c.mentions.some((m) => m.start <= q.start && q.end <= m.end),
    );
    const attribution = (record.attributions ?? []).find(
      (a) => a.content.start <= q.start && q.end <= a.content.end,
    );
    const speaker = claim?.speaker ?? attribution?.speaker;
    tallies.push({
      id: `t${tallies.length + 1}`,
      start: q.start,
      end: q.end,
      quantityId: q.id,
      count: q.value,
      bound: q.bound,
      what: /attack|strike|raid|assault/i.test(q.of.text) ? q.of.text : 'attacks',
      target: event?.target ? coordinated(text, event.target, scope.start) : null,
      actor: event?.actor ?? null,
      placeIds: wherePlaces(text, places, [event?.target?.end ?? -1, q.end], targetPlace).map((p) => p.id),
      dateId: period?.id ?? null,
      counter:
        speaker && speaker.kind !== 'outlet' && speaker.kind !== 'unknown' ? counterName(speaker.name) : null,
      claimId: claim?.id ?? null,
      confidence: event ? 0.7 : 0.5,
      stage: 'events',
    });
  }
  return tallies;
}

/**
 * The places that say where the counted attacks happened: those introduced by "in / across"
 * right after the target ("the base in Erbil") or after the count ("76 times in Iraq and Syria"),
 * chained by "and" or commas.
 */
function wherePlaces<P extends { start: number; end: number }>(
  text: string,
  places: readonly P[],
  anchors: number[],
  exclude: P | undefined,
): P[] {
  const out: P[] = [];
  const sorted = [...places].sort((a, b) => a.start - b.start);
  for (const anchor of anchors) {
    if (anchor < 0) continue;
    let end = anchor;
    for (const p of sorted) {
      if (p.start < end || p === exclude || out.includes(p)) continue;
      const between = text.slice(end, p.start);
      const opens =
        end === anchor
          ? /^\s*(?:\w+\s+){0,3}?(?:in|across|near|throughout)\s+(?:the\s+)?$/i
          : /^\s*(?:,|and|,\s*and)\s+(?:the\s+)?$/i;
      if (!opens.test(between)) {
        if (p.start > end) break;
        continue;
      }
      out.push(p);
      end = p.end;
    }
  }
  return out;
}

/** "US forces and the international coalition were attacked": the whole coordination is the target. */
function coordinated(
  text: string,
  target: { start: number; end: number; text: string },
  floor: number,
): { start: number; end: number; text: string } {
  const before = text.slice(Math.max(floor, target.start - 60), target.start);
  const m = /((?:\p{Lu}[\p{L}.-]*\s+)?[\p{L}-]+\s+and\s+(?:the\s+)?(?:[\p{L}-]+\s+)?)$/u.exec(before);
  if (!m) return target;
  const start = target.start - m[1]!.length;
  return { start, end: target.end, text: text.slice(start, target.end) };
}

/** "the official statements issued by the Islamic Resistance in Iraq" → "the Islamic Resistance in Iraq". */
function counterName(name: string): string {
  return name.replace(
    /^(?:the\s+)?(?:official\s+)?(?:statements?|claims?|reports?|figures?)\s+(?:issued\s+|published\s+|released\s+)?(?:by|from|of)\s+/i,
    '',
  );
}
