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
      target: event?.target ?? null,
      actor: event?.actor ?? null,
      placeIds: places.filter((p) => p !== targetPlace).map((p) => p.id),
      dateId: period?.id ?? null,
      counter: speaker && speaker.kind !== 'outlet' && speaker.kind !== 'unknown' ? speaker.name : null,
      claimId: claim?.id ?? null,
      confidence: event ? 0.7 : 0.5,
      stage: 'events',
    });
  }
  return tallies;
}
