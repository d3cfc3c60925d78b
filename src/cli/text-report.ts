import type { AnalysisRecord, DateMention, Place, Quantity, Span } from '../types/index.js';

/** Styling hooks so the same report prints plain (pipes) or emphasised (TTY). */
export interface ReportStyle {
  heading(text: string): string;
  dim(text: string): string;
}

export const PLAIN_STYLE: ReportStyle = { heading: (t) => t, dim: (t) => t };
export const TTY_STYLE: ReportStyle = {
  heading: (t) => `\x1b[1m${t}\x1b[22m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
};

/**
 * Renders an analysis as a readable terminal report, in sections: document, claims, numbers
 * and checks, dates, places, events.
 *
 * @example process.stdout.write(textReport(analyzeText(report, { date: '2023-12-06' })))
 */
export function textReport(record: AnalysisRecord, style: ReportStyle = PLAIN_STYLE): string {
  const out: string[] = [];
  const quote = (s: Span) => record.text.slice(s.start, s.end).replace(/\s+/g, ' ');
  const at = (s: Span) => style.dim(`[${s.start}–${s.end}]`);
  const short = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

  const d = record.document;
  out.push(style.heading(`# ${d.title?.value ?? record.id}`));
  out.push('');
  out.push(style.heading('## Document'));
  if (d.standfirst) out.push(`- standfirst: ${short(d.standfirst.value)}`);
  out.push(`- byline: ${d.byline?.value ?? '—'}`);
  out.push(`- publisher: ${d.publisher?.value ?? '—'}`);
  if (d.originallyPublishedBy) out.push(`- originally published by: ${d.originallyPublishedBy.value}`);
  if (d.republishedBy.length > 0) {
    out.push(
      `- republished by: ${d.republishedBy.map((r) => r.value).join(', ')} (copies are not independent corroboration)`,
    );
  }
  if (d.wireCredits.length > 0) out.push(`- wire credit: ${d.wireCredits.map((w) => w.value).join(', ')}`);
  out.push(
    `- published: ${d.publishedDate ?? 'unknown'}${d.publishedDateSource ? ` (${d.publishedDateSource})` : ''}`,
  );
  out.push(`- language: ${d.language}; format: ${d.format}; sha256: ${d.sha256}`);
  if (d.url) out.push(`- url: ${d.url}`);
  if (d.boilerplate.length > 0) {
    out.push(`- boilerplate (not claims): ${d.boilerplate.map((b) => `${b.kind} ${at(b)}`).join(', ')}`);
  }
  out.push(`- ${record.sentences.length} sentences`);

  out.push('');
  out.push(style.heading('## Claims'));
  if (record.claims.length === 0) out.push(style.dim('(none found)'));
  const markerById = new Map(record.markers.map((m) => [m.id, m]));
  const attributionById = new Map(record.attributions.map((a) => [a.id, a]));
  record.claims.forEach((c, i) => {
    const a = c.attributionId ? attributionById.get(c.attributionId) : undefined;
    const cue = a?.cue ? `"${quote(a.cue)}"` : '—';
    const who = `${c.speaker.name} · ${c.speaker.kind} · ${cue}${c.stance !== 'neutral' ? ` (${c.stance})` : ''}`;
    const primary = c.mentions[0];
    out.push(`${i + 1}. ${who} → ${short(c.text, 220)}${primary ? ` ${at(primary)}` : ''}`);
    if (c.polarity === 'denied') out.push(`   polarity: denied`);
    if (c.mentions.length > 1)
      out.push(`   stated ${c.mentions.length} times: ${c.mentions.map(at).join(' ')}`);
    for (const id of c.markerIds) {
      const m = markerById.get(id);
      if (m) out.push(`   marker: ${m.kind} "${m.text}"`);
    }
  });
  if (record.attributions.length > 0 && record.claims.length === 0) {
    for (const a of record.attributions) {
      out.push(
        `- ${a.speaker.name} · ${a.speaker.kind} · ${a.cue ? `"${quote(a.cue)}"` : '—'} → ${short(quote(a.content))}`,
      );
    }
  }

  out.push('');
  out.push(style.heading('## Numbers and checks'));
  // Bare years are kept as low-confidence counts in the record; a reader sees them under Dates.
  const numbers = record.quantities.filter((q) => !q.year);
  if (numbers.length === 0) out.push(style.dim('(none found)'));
  for (const q of numbers) out.push(`- ${formatQuantity(q)} ${at(q)}`);
  for (const c of record.checks) out.push(`- check ${c.kind}: ${c.status.toUpperCase()} — ${c.message}`);

  out.push('');
  out.push(style.heading('## Dates'));
  if (record.referenceDate === null)
    out.push(style.dim('(no reference date: year-less dates stay year-unknown)'));
  if (record.dates.length === 0) out.push(style.dim('(none found)'));
  for (const dt of record.dates) out.push(`- "${dt.surface}" → ${formatDate(dt)} ${at(dt)}`);

  out.push('');
  out.push(style.heading('## Places'));
  if (record.places.length === 0) out.push(style.dim('(none found)'));
  for (const p of dedupePlaces(record.places)) out.push(`- ${formatPlace(p)} ${at(p)}`);
  if (record.eventLocation)
    out.push(`- event location: ${record.eventLocation.name} ${at(record.eventLocation)}`);

  out.push('');
  out.push(style.heading('## Events'));
  out.push(`- main event type: ${record.mainEventType}`);
  const placeById = new Map(record.places.map((p) => [p.id, p]));
  const dateById = new Map(record.dates.map((x) => [x.id, x]));
  for (const e of record.events) {
    const kind = e.subEventType ? `${e.eventType} › ${e.subEventType}` : e.type;
    const parts = [`"${quote(e.trigger)}"`];
    if (e.actor) parts.push(`actor: ${e.actor.text}`);
    if (e.target) parts.push(`target: ${e.target.text}`);
    if (e.weapon) parts.push(`weapon: ${e.weapon.text}`);
    const place = e.placeId ? placeById.get(e.placeId) : undefined;
    if (place) parts.push(`place: ${place.name}`);
    const date = e.dateId ? dateById.get(e.dateId) : undefined;
    if (date) parts.push(`time: ${formatDate(date)}`);
    if (e.status !== 'occurred') parts.push(`status: ${e.status}`);
    for (const o of e.outcomes) parts.push(`outcome: ${o.kind}`);
    out.push(`- ${kind}: ${parts.join('; ')}`);
  }
  for (const t of record.tallies) {
    out.push(
      `- tally: ${t.bound === 'exact' ? '' : `${t.bound} `}${t.count} ${t.what}${t.counter ? ` (counted by ${t.counter})` : ''} ${at(t)}`,
    );
  }
  out.push('');
  return out.join('\n');
}

function formatQuantity(q: Quantity): string {
  const bound = q.bound === 'exact' ? '' : `${q.bound} `;
  const range = q.bound === 'range' && q.low !== null && q.high !== null ? ` (${q.low}–${q.high})` : '';
  const unit = q.unit === 'count' ? '' : ` ${q.unit}`;
  const of = q.of ? ` of "${q.of.text}"` : '';
  const norm =
    q.normalized && q.normalized.unit !== q.unit
      ? ` = ${round(q.normalized.value)} ${q.normalized.unit}`
      : '';
  return `"${q.surface}" → ${bound}${q.value}${unit}${range}${norm}${of}`;
}

function formatDate(d: DateMention): string {
  if (d.yearUnknown) return `year unknown (${d.monthDay ?? '?'})`;
  if (!d.from) return 'unresolved';
  const span = d.from === d.to ? d.from : `${d.from} … ${d.to ?? '?'}`;
  return `${span} (${d.precision}${d.kind !== 'point' ? `, ${d.kind}` : ''})`;
}

function formatPlace(p: Place): string {
  const where = p.lat !== null && p.lon !== null ? ` @ ${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}` : '';
  const resolved = p.resolvedName && p.resolvedName !== p.name ? ` = ${p.resolvedName}` : '';
  const anchor = p.anchor ? ` (near ${p.anchor})` : '';
  return `${p.name} · ${p.kind}${resolved}${anchor}${where} · precision ${p.precision}`;
}

function dedupePlaces(places: Place[]): Place[] {
  const seen = new Set<string>();
  return places.filter((p) => {
    const key = `${p.name}|${p.resolvedName}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function round(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(1) : String(Number(v.toPrecision(4)));
}
