import type { Marker } from '../../types/attribution.js';
import { mayMatch } from '../regex-prefilter.js';

type MarkerKind = Marker['kind'];

/** Hedge and verification phrases, most specific first; a later pattern never overlaps an earlier hit. */
const PATTERNS: readonly [MarkerKind, RegExp, number][] = [
  [
    'verification-disclaimer',
    /\b(?:could not|cannot|can ?not|could n[o']t|was unable to|were unable to|is unable to|are unable to|has not been able to|have not been able to|did not) (?:immediately |independently |yet |separately )*(?:verify|confirm|authenticate)\b|\bcould not be (?:independently )?(?:verified|confirmed)\b|\b(?:has|have) not been (?:independently )?(?:verified|confirmed)\b|\bnot (?:been )?independently (?:verified|confirmed)\b/gi,
    0.9,
  ],
  [
    'uncertainty',
    /\bit (?:is|was|remains|remained) (?:still )?(?:unclear|not clear|uncertain|not known|unknown) (?:whether|if|how|who|what|why|when|where)\b/gi,
    0.85,
  ],
  ['unverified', /\b(?:unconfirmed|unverified|unsubstantiated)\b/gi, 0.85],
  ['allegation', /\b(?:allegedly|purportedly|alleged)\b/gi, 0.8],
  [
    'hedge',
    /\b(?:reportedly|apparently|supposedly|presumably)\b|\b(?:is|are|was|were) (?:widely )?(?:thought|believed|said|understood|reported|rumou?red|suspected|alleged) to\b|\b(?:may|might) have\b/gi,
    0.75,
  ],
];

/**
 * Finds hedges and verification markers ("could not independently verify", "reportedly",
 * "is thought to", "it is unclear whether"). Claim ids are filled in by the claims stage.
 *
 * @example findMarkers('The Cradle could not independently verify the image.')[0].kind // 'verification-disclaimer'
 */
export function findMarkers(text: string, stage = 'attributions'): Marker[] {
  const found: Marker[] = [];
  for (const [kind, re, confidence] of PATTERNS) {
    // The words each pattern needs are looked up in the text's index first (most reports lack them).
    if (!mayMatch(text, re)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ id: '', kind, text: m[0], start, end, claimIds: [], confidence, stage });
    }
  }
  return found.sort((a, b) => a.start - b.start).map((m, i) => ({ ...m, id: `m${i + 1}` }));
}
