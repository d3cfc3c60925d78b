/**
 * AP-style abbreviations of US states by GeoNames admin-1 code, as datelines write them
 * ("Charleston, W.Va.").
 *
 * @example US_STATE_ABBREVIATIONS.WV // ['W.Va.', 'W. Va.']
 */
export const US_STATE_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  AL: ['Ala.'],
  AZ: ['Ariz.'],
  AR: ['Ark.'],
  CA: ['Calif.', 'Cal.'],
  CO: ['Colo.'],
  CT: ['Conn.'],
  DE: ['Del.'],
  FL: ['Fla.'],
  GA: ['Ga.'],
  IL: ['Ill.'],
  IN: ['Ind.'],
  KS: ['Kan.', 'Kans.'],
  KY: ['Ky.'],
  LA: ['La.'],
  MD: ['Md.'],
  MA: ['Mass.'],
  MI: ['Mich.'],
  MN: ['Minn.'],
  MO: ['Mo.'],
  MT: ['Mont.'],
  NE: ['Neb.', 'Nebr.'],
  NV: ['Nev.'],
  NH: ['N.H.'],
  NJ: ['N.J.'],
  NM: ['N.M.'],
  NY: ['N.Y.'],
  NC: ['N.C.'],
  ND: ['N.D.'],
  OK: ['Okla.'],
  OR: ['Ore.', 'Oreg.'],
  PA: ['Pa.', 'Penn.'],
  RI: ['R.I.'],
  SC: ['S.C.'],
  SD: ['S.D.'],
  TN: ['Tenn.'],
  TX: ['Tex.'],
  VT: ['Vt.'],
  VA: ['Va.'],
  WA: ['Wash.'],
  WV: ['W.Va.', 'W. Va.'],
  WI: ['Wis.', 'Wisc.'],
  WY: ['Wyo.'],
};

/** Every abbreviation above, for the tokenizer (which otherwise drops a final full stop). */
export const US_ABBREVIATION_SET: ReadonlySet<string> = new Set(Object.values(US_STATE_ABBREVIATIONS).flat());
