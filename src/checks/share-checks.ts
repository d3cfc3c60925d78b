import type { NumericCheck, Quantity, Span } from '../types/index.js';
import { formatNumber, formatQuantity } from './format-quantity.js';

/**
 * The smallest area (m²) a place of this kind plausibly covers. An air base or an airport
 * spans square kilometres; a town at least one. Kinds without an entry get no scale check.
 */
const MIN_AREA_M2: readonly [RegExp, number, string][] = [
  [
    /\b(?:air ?base|airbase|airport|airfield|air field|base)$/i,
    5e5,
    'an air or military base usually covers 0.5 km² or more',
  ],
  [/\b(?:city)$/i, 1e7, 'a city usually covers 10 km² or more'],
  [/\b(?:town)$/i, 1e6, 'a town usually covers 1 km² or more'],
  [/\b(?:village)$/i, 5e4, 'a village usually covers 0.05 km² or more'],
  [/\b(?:port|harbou?r)$/i, 2e5, 'a port usually covers 0.2 km² or more'],
  [/\b(?:camp)$/i, 2e4, 'a camp usually covers 0.02 km² or more'],
  [/\b(?:district|neighbou?rhood|quarter)$/i, 2e5, 'a district usually covers 0.2 km² or more'],
];

/**
 * Wholes whose share an analyst should see checked: places, facilities and stocks of physical
 * things ("50 percent of the base", "a third of the homes"). Shares of people, votes or money
 * ("24 percent of the voters") are ordinary survey and budget language and are left alone.
 */
const PHYSICAL_WHOLE =
  /^(?:base|airbase|airport|airfield|city|town|village|camp|compound|building|hospital|school|area|territory|land|region|province|district|neighbou?rhood|quarter|strip|enclave|coast|border|front|frontline|infrastructure|network|grid|homes?|houses?|housing|buildings|structures?|facilit(?:y|ies)|plant|port|harbou?r|bridges?|roads?|fleet|arsenal|stockpile|capacity|equipment|vehicles?|tanks?|aircraft|army|troops|units?|positions?|sites?|fields?|farmland|crops?|forest|country|island|zone|sector)$/;

function flaggableWhole(whole: string): boolean {
  // "the Harir Air Base" → "base"; a bare name ("Azerbaijan", "Essar Oil") says nothing of its kind
  return (
    PHYSICAL_WHOLE.test(headWord(whole)) ||
    PHYSICAL_WHOLE.test((whole.trim().split(/\s+/).pop() ?? '').toLowerCase())
  );
}

/** Lower-cased last word of a phrase, without a plural "s" ("the Harir Air Base" → "base"). */
function headWord(phrase: string): string {
  const last = (phrase.trim().split(/\s+/).pop() ?? '').toLowerCase().replace(/['’]s?$/, '');
  return last.length > 3 && last.endsWith('s') && !last.endsWith('ss') ? last.slice(0, -1) : last;
}

function sentenceOf(sentences: readonly Span[], offset: number): Span | null {
  return sentences.find((s) => s.start <= offset && offset < s.end) ?? null;
}

/**
 * Shares of a whole: a percentage of something whose size the report never states is
 * flagged (`percent-without-reference`); where the report gives an absolute area in the same
 * whole that the share cannot plausibly describe, the scale problem is flagged (`scale`).
 *
 * @example shareChecks(text, quantities, sentences)
 * // [{ kind: 'percent-without-reference', status: 'flag', message: '"50 percent" of the Harir Air Base: …' }]
 */
export function shareChecks(
  text: string,
  quantities: readonly Quantity[],
  sentences: readonly Span[],
  stage = 'checks',
): NumericCheck[] {
  const out: NumericCheck[] = [];
  for (const q of quantities) {
    if (q.unit !== '%' || !q.of || q.value <= 0 || q.value > 100) continue;
    const ofSpan = q.of;
    const whole = ofSpan.text;
    const head = headWord(whole);
    if (head.length < 3) continue;
    // a stated size of the whole: a count or measure of the same thing ("the town's 4,000 homes")
    const reference = quantities.find(
      (r) =>
        r !== q &&
        r.unit !== '%' &&
        !r.year &&
        ((r.of !== null && headWord(r.of.text) === head) ||
          (r.normalized !== null &&
            r.start > q.end &&
            r.start - ofSpan.end < 30 &&
            /^\W*(?:of|covering|spanning)?\W*$/i.test(text.slice(ofSpan.end, r.start)))),
    );
    if (!reference && flaggableWhole(whole)) {
      out.push({
        id: '',
        kind: 'percent-without-reference',
        status: 'flag',
        quantityIds: [q.id],
        message: `${formatQuantity(q)} of the ${whole}: the report states no size of the ${whole}, so the share cannot be checked or turned into an amount.`,
        details: { percent: q.value, whole },
        confidence: 0.7,
        stage,
      });
    }
    const kind = MIN_AREA_M2.find(([re]) => re.test(whole));
    if (!kind) continue;
    const [, minArea, why] = kind;
    // areas stated about the same whole: in a sentence that names it ("two structures in the base …")
    const headRe = new RegExp(`\\b${head.replace(/[^a-z0-9]/gi, '')}s?\\b`, 'i');
    const areas = quantities.filter((r) => {
      if (r.normalized?.unit !== 'm2') return false;
      const s = sentenceOf(sentences, r.start);
      return s !== null && headRe.test(text.slice(s.start, s.end));
    });
    if (areas.length === 0) continue;
    const area = areas.reduce((m, r) => ((r.normalized?.value ?? 0) > (m.normalized?.value ?? 0) ? r : m));
    const areaM2 = area.normalized?.value ?? 0;
    const implied = areaM2 / (q.value / 100);
    if (implied >= minArea) continue;
    out.push({
      id: '',
      kind: 'scale',
      status: 'flag',
      quantityIds: [q.id, ...areas.map((r) => r.id)],
      message:
        `${formatQuantity(q)} of the ${whole} against ${formatQuantity(area)} (${formatNumber(areaM2, 0)} m²) stated for it: ` +
        `if that area were the ${formatNumber(q.value)} %, the whole ${whole} would be about ${formatNumber(implied, 0)} m² ` +
        `(${formatNumber(implied / 1e6, 4)} km²), but ${why}; the share and the area are far apart.`,
      details: {
        percent: q.value,
        areaM2: Math.round(areaM2 * 100) / 100,
        impliedWholeM2: Math.round(implied),
        minimumWholeM2: minArea,
        whole,
      },
      confidence: 0.6,
      stage,
    });
  }
  return out;
}
