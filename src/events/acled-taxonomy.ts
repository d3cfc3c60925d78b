import type { AcledEventType } from '../types/event.js';

/** ACLED type and sub-event type of a CASE 2021 code; null type for codes outside ACLED. */
export interface AcledCoding {
  readonly eventType: AcledEventType | null;
  readonly subEventType: string | null;
}

const E = 'Explosions/Remote violence' as const;
const B = 'Battles' as const;
const V = 'Violence against civilians' as const;
const S = 'Strategic developments' as const;

/**
 * CASE 2021 codes (the scorer's labels) mapped onto ACLED's 6 types and 25 sub-event types.
 *
 * @example ACLED_BY_CASE.AIR_STRIKE // { eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike' }
 */
export const ACLED_BY_CASE: Readonly<Record<string, AcledCoding>> = {
  ARMED_CLASH: { eventType: B, subEventType: 'Armed clash' },
  GOV_REGAINS_TERIT: { eventType: B, subEventType: 'Government regains territory' },
  NON_STATE_ACTOR_OVERTAKES_TER: { eventType: B, subEventType: 'Non-state actor overtakes territory' },
  CHEM_WEAP: { eventType: E, subEventType: 'Chemical weapon' },
  AIR_STRIKE: { eventType: E, subEventType: 'Air/drone strike' },
  SUIC_BOMB: { eventType: E, subEventType: 'Suicide bomb' },
  ART_MISS_ATTACK: { eventType: E, subEventType: 'Shelling/artillery/missile attack' },
  REM_EXPLOS: { eventType: E, subEventType: 'Remote explosive/landmine/IED' },
  GRENADE: { eventType: E, subEventType: 'Grenade' },
  SEX_VIOL: { eventType: V, subEventType: 'Sexual violence' },
  ATTACK: { eventType: V, subEventType: 'Attack' },
  ABDUCT_DISSAP: { eventType: V, subEventType: 'Abduction/forced disappearance' },
  PEACE_PROTEST: { eventType: 'Protests', subEventType: 'Peaceful protest' },
  PROTEST_WITH_INTER: { eventType: 'Protests', subEventType: 'Protest with intervention' },
  FORCE_AGAINST_PROTEST: { eventType: 'Protests', subEventType: 'Excessive force against protesters' },
  VIOL_DEMONSTR: { eventType: 'Riots', subEventType: 'Violent demonstration' },
  MOB_VIOL: { eventType: 'Riots', subEventType: 'Mob violence' },
  AGREEMENT: { eventType: S, subEventType: 'Agreement' },
  ARREST: { eventType: S, subEventType: 'Arrests' },
  CHANGE_TO_GROUP_ACT: { eventType: S, subEventType: 'Change to group/activity' },
  DISR_WEAP: { eventType: S, subEventType: 'Disrupted weapons use' },
  HQ_ESTABLISHED: { eventType: S, subEventType: 'Headquarters or base established' },
  NON_VIOL_TERRIT_TRANSFER: { eventType: S, subEventType: 'Non-violent transfer of territory' },
  PROPERTY_DISTRUCT: { eventType: S, subEventType: 'Looting/property destruction' },
  OTHER: { eventType: S, subEventType: 'Other' },
};

/**
 * The ACLED coding of a CASE code; codes outside ACLED (disasters, crime, diplomacy,
 * attribution) have none.
 *
 * @example acledCoding('ART_MISS_ATTACK').subEventType // 'Shelling/artillery/missile attack'
 */
export function acledCoding(code: string): AcledCoding {
  return ACLED_BY_CASE[code] ?? { eventType: null, subEventType: null };
}
