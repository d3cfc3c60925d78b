/**
 * One cue: a pattern whose match is an event trigger, the CASE 2021 code it points to, and how
 * strongly. Patterns are case-insensitive; the whole match is the trigger span.
 */
export interface EventCue {
  readonly code: string;
  readonly re: RegExp;
  readonly weight: number;
}

const cue = (code: string, weight: number, source: string): EventCue => ({
  code,
  weight,
  re: new RegExp(source, 'gi'),
});

// Actors that hold territory for a government, and those that do not (territory codes).
const GOV = `(?:army|troops|government|regime|military|security forces|soldiers|forces loyal|pro-government|state forces|national army|armed forces|SAA|peshmerga|iraqi forces|syrian forces|afghan forces|government forces|federal forces|coalition)`;
const NONSTATE = `(?:militants?|rebels?|insurgents?|jihadists?|terrorists?|islamic state|isis|isil|daesh|taliban|al-shabaa?b|houthis?|boko haram|fighters|militia|militias|gunmen|extremists?|hts|al-qaeda|separatists?|opposition)`;
const TAKE = String.raw`(?:captured|seized|pushed (?:\w+ )?(?:back|out)|drove (?:\w+ )?(?:back|out)|established control|wrested control|recovered control|occupied|took(?: full)? control|taken control|overran|overrun|recaptured|retook|retaken|regained|liberated|freed|won back|seize|capture|take control|stormed and took|gained control|advanced into|entered)`;

/**
 * The cue table, tuned on what reports of each kind say (read at run time; no report text is
 * stored here). Weights: 3 = the phrase names the kind, 2 = strong hint, 1 = weak hint.
 *
 * @example EVENT_CUES.find((c) => c.code === 'AIR_STRIKE')
 */
export const EVENT_CUES: readonly EventCue[] = [
  // Explosions / remote violence
  cue(
    'AIR_STRIKE',
    3,
    String.raw`\b(?:air ?strikes?|air ?raids?|airstrikes?|air-strikes?|aerial (?:bombardment|attacks?|strikes?)|drone strikes?|drone attacks?|air attacks?|bombing raids?|sorties)\b`,
  ),
  cue(
    'AIR_STRIKE',
    3,
    String.raw`\b(?:warplanes?|war planes|fighter jets?|jets|aircraft|helicopters?|gunships?|bombers|drones?|planes|air force|uavs?)\b(?:\s+\w+){0,4}?\s+(?:bombed|pounded|struck|hit|targeted|strafed|raided|attacked|destroyed|fired|launched|dropped|carried out|conducted|killed)\b`,
  ),
  cue(
    'AIR_STRIKE',
    2,
    String.raw`\b(?:bombed|pounded|struck|targeted|hit) by (?:\w+ )?(?:warplanes?|jets|aircraft|drones?|helicopters?|planes)\b`,
  ),
  cue('AIR_STRIKE', 2, String.raw`\b(?:air missiles|barrel bombs?|airstrip bombed)\b`),
  cue(
    'ART_MISS_ATTACK',
    3,
    String.raw`\b(?:shell(?:ed|ing|s)|artillery|mortars?|mortar (?:shells?|rounds?|fire)|rockets?|katyushas?|projectiles?|howitzers?|grad|bombard(?:ed|ment))\b`,
  ),
  cue('ART_MISS_ATTACK', 2, String.raw`\b(?:missiles?|ballistic missiles?|cruise missiles?)\b`),
  cue(
    'SUIC_BOMB',
    5,
    String.raw`\b(?:suicide (?:bomb(?:er|ers|ing|ings|s)?|attacks?|attackers?|car bomb(?:s|ing)?|vests?|belts?|blasts?|explosions?|truck)|blew (?:himself|herself|themselves) up|self-detonat\w*|suicide)\b`,
  ),
  cue(
    'REM_EXPLOS',
    3,
    String.raw`\b(?:ieds?|rcieds?|vbieds?|improvised explosive devices?|roadside bombs?|landmines?|land mines?|car bombs?|bomb blasts?|explosive devices?|sticky bombs?|magnetic bombs?|remote-controlled (?:bombs?|devices?)|booby[- ]traps?)\b`,
  ),
  cue(
    'REM_EXPLOS',
    2,
    String.raw`\b(?:blasts?|explosions?|explod(?:ed|es)|detonat(?:ed|ion)|bomb(?:s|ing|ings)?|went off|mine)\b`,
  ),
  cue('GRENADE', 5, String.raw`\b(?:(?:hand )?grenades?(?! launcher)|grenade attacks?)\b`),
  cue(
    'CHEM_WEAP',
    5,
    String.raw`\b(?:chemical (?:weapons?|attacks?|agents?|munitions?)|chlorine|sarin|mustard gas|toxic gas|poison(?:ous)? gas|nerve (?:agent|gas)|opcw|gas attack)\b`,
  ),
  // Battles
  cue(
    'ARMED_CLASH',
    3,
    String.raw`\b(?:clash(?:es|ed)?|gun ?battles?|gunfights?|firefights?|exchanged? (?:of )?fire|fierce fighting|heavy fighting|fighting (?:between|with|broke out)|fought|battles?|ambush(?:ed)?|skirmish(?:es)?|engaged|repelled|repulsed|counter-?attack|offensive)\b`,
  ),
  cue(
    'ARMED_CLASH',
    4,
    String.raw`\b(?:attack(?:ed|s|ing)?|charged|stormed|raided|ambushed) (?:\w+ ){0,4}?(?:(?:military|army|police|security|defen[cs]e|government) )?(?:positions?|posts?|bases?|camps?|checkpoints?|convoys?|troops|patrols?|soldiers|security forces|forces|barracks|outposts?)\b`,
  ),
  cue(
    'ARMED_CLASH',
    3,
    String.raw`\b(?:killed|killing|wounded|eliminated|neutrali[sz]ed) (?:\w+ ){0,4}?(?:terrorists|militants|insurgents|rebels|fighters|jihadists|soldiers|security (?:force )?members|troops|policemen)\b`,
  ),
  cue('GOV_REGAINS_TERIT', 5, String.raw`\b${GOV}\b(?:[^.;]{0,60}?)\b${TAKE}\b`),
  cue(
    'GOV_REGAINS_TERIT',
    3,
    String.raw`\b(?:regained|recaptured|retook|liberated|freed|reclaimed) (?:control|the|several|parts|areas|villages|towns|territory|district)\b`,
  ),
  cue('NON_STATE_ACTOR_OVERTAKES_TER', 4, String.raw`\b${NONSTATE}\b(?:[^.;]{0,60}?)\b${TAKE}\b`),
  cue(
    'NON_STATE_ACTOR_OVERTAKES_TER',
    2,
    String.raw`\b(?:fell to|fall to|under (?:the )?control of (?:the )?${NONSTATE})\b`,
  ),
  // Violence against civilians
  cue(
    'ATTACK',
    2,
    String.raw`\b(?:gunmen|opened fire|shooting|shot dead|shot and killed|gunned down|stabb(?:ed|ing)|hacked|massacred?|killed (?:\w+ ){0,2}(?:civilians|villagers|people|worshippers|students|farmers)|drive-by|stormed|attacked (?:\w+ ){0,2}(?:villages?|civilians|homes|church|mosque|school|market)|beheaded|executed|lynched)\b`,
  ),
  cue('ATTACK', 0.7, String.raw`\b(?:attack(?:ed|s)?|killed|assault(?:ed)?)\b`),
  cue(
    'ABDUCT_DISSAP',
    5,
    String.raw`\b(?:kidnap(?:ped|ping|pers|s)?|abduct(?:ed|ion|ions|ing|s)?|hostages?|taken hostage|forcibly disappeared|enforced disappearance|disappearance)\b`,
  ),
  cue(
    'SEX_VIOL',
    6,
    String.raw`\b(?:rap(?:e|ed|es|ing|ists?)|gang-?rap\w*|sexual(?:ly)? (?:violence|assault\w*|abuse\w*|exploit\w*|harass\w*)|sexually)\b`,
  ),
  cue('SEX_VIOL', 2, String.raw`\babused (?:women|girls|children)\b`),
  // Protests and riots
  cue(
    'PEACE_PROTEST',
    3,
    String.raw`\b(?:protest(?:s|ers|ors|ed|ing)?|demonstrat(?:ion|ions|ors|ed|ing)|rall(?:y|ies|ied)|marche[sd]|sit-ins?|vigils?|picket\w*|took to the streets|strike action|went on strike|on strike|boycott)\b`,
  ),
  cue(
    'VIOL_DEMONSTR',
    4,
    String.raw`\b(?:violent (?:protests?|demonstrations?|protesters)|aggressive demonstrations?|violence (?:boil\w*|erupt\w*|broke)|clash(?:es|ed)? (?:\w+ ){0,4}(?:protesters|demonstrators|rioters)|(?:protesters|demonstrators) (?:\w+ ){0,3}clash\w*|throwing (?:bottles|stones|rocks)|threw (?:rocks|bottles)|set ablaze|pull(?:ed)? down|escalating violence|debris)\b`,
  ),
  cue(
    'VIOL_DEMONSTR',
    4,
    String.raw`\b(?:riot(?:s|ers|ing)?|stone-throwing|threw (?:stones|rocks|petrol bombs|molotov)|hurl(?:ed|ing) (?:stones|rocks)|petrol bombs|molotov cocktails?|turned violent|torched|set (?:fire|ablaze)|vandali[sz]ed|clashed with (?:the )?(?:police|security forces))\b`,
  ),
  cue(
    'FORCE_AGAINST_PROTEST',
    5,
    String.raw`\b(?:excessive force|violently (?:suppress\w*|dispers\w*|broke up)|(?:killed|injured|wounded|shot|beat(?:en)?|attacks? against) (?:\w+ ){0,5}?(?:peaceful )?(?:protesters|protestors|demonstrators|marchers)|(?:protesters|demonstrators) (?:\w+ ){0,3}(?:were|was) (?:killed|injured|wounded|shot|beaten))\b`,
  ),
  cue(
    'FORCE_AGAINST_PROTEST',
    4,
    String.raw`\b(?:tear ?gas|rubber bullets|water cannons?|batons?|live (?:ammunition|rounds|fire)|fired (?:on|at) (?:the )?(?:protesters|demonstrators|crowds?)|opened fire on (?:the )?(?:protesters|demonstrators)|violently (?:suppressed|dispersed|broke up)|beat(?:en|ing)? (?:protesters|demonstrators)|crackdown)\b`,
  ),
  cue(
    'PROTEST_WITH_INTER',
    3,
    String.raw`\b(?:suppress(?:ed|ing|ion)?|dispers(?:ed|e|ing|al)|break up|broke[- ]?up|halt(?:ed)?|drag(?:ged)? (?:them|protesters)|blocked (?:the )?(?:march|rally|protesters))\b`,
  ),
  cue(
    'PROTEST_WITH_INTER',
    4,
    String.raw`\b(?:(?:detained|arrested|rounded up) (?:\w+ ){0,3}(?:protesters|demonstrators|activists)|(?:protesters|demonstrators|activists) (?:\w+ ){0,2}(?:were|have been) (?:detained|arrested)|dispers(?:ed|e) (?:the )?(?:crowds?|protest\w*|demonstrat\w*|rall\w*)|suppressed (?:a |the )?(?:\w+ )?(?:protest|demonstration)|broke up)\b`,
  ),
  cue(
    'MOB_VIOL',
    5,
    String.raw`\b(?:mobs?|lynch(?:ed|ing)?|vigilantes?|angry crowds?|mob justice|communal (?:violence|clashes))\b`,
  ),
  // Strategic developments
  cue(
    'AGREEMENT',
    4,
    String.raw`\b(?:surrender(?:ed|s)?|in exchange for|laid down (?:their|his) arms|handed over (?:their )?weapons)\b`,
  ),
  cue(
    'AGREEMENT',
    4,
    String.raw`\b(?:agreed|agreements?|ceasefire|cease-fire|truce|peace (?:deal|accord|agreement|talks)|signed|accords?|deal|prisoner (?:swap|exchange)|exchanged prisoners|reconciliation|armistice)\b`,
  ),
  cue(
    'ARREST',
    4,
    String.raw`\b(?:arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|detention|apprehended|taken into custody|in custody|rounded up|nabbed)\b`,
  ),
  cue(
    'CHANGE_TO_GROUP_ACT',
    3,
    String.raw`\b(?:defect(?:ed|ion|ions|ors)?|were formed|was formed|formation of|merged|merger|disband(?:ed)?|pull(?:ed)? back|relocat(?:ed|ion)|redeploy(?:ed|ment)?|reinforcements?|deployed|sent (?:\w+ )?troops|new (?:group|faction|brigade|unit)|joined (?:forces|the)|split from|mobili[sz](?:ed|ation)|waiting for (?:a )?(?:final )?order|withdraws? (?:its|their) (?:troops|forces)|recruit(?:ed|ment|s))\b`,
  ),
  cue(
    'DISR_WEAP',
    6,
    String.raw`\b(?:seiz(?:ed|ure)|captured|confiscat(?:ed|ion)|found|identified|discovered|uncovered|recovered|unearthed|defused|dismantled|intercept(?:ed|ion|s)?|shot down|downed|thwarted|foiled|cache|caches|arms depot|hideouts?|bomb disposal|neutrali[sz]ed)\b(?:[^.;]{0,80}?)\b(?:weapons?|arms|ammunitions?|explosives?|explosive devices?|ieds?|bombs?|mines?|landmines?|rockets?|missiles?|drones?|uavs?|firearms?|rifles?|grenades?|munitions?|guns?|pistols?|revolvers?|bullets|cartridges|kalashnikovs?|tnt|projectiles)\b`,
  ),
  cue(
    'DISR_WEAP',
    6,
    String.raw`\b(?:weapons?|arms|ammunitions?|explosives?|explosive devices?|ieds?|bombs?|mines?|rockets?|missiles?|drones?|uavs?|firearms?|guns|pistols|bullets|cartridges|grenades)\b(?:[^.;]{0,60}?)\b(?:were|was|have been|has been|had been) (?:seized|captured|confiscated|found|discovered|defused|dismantled|intercepted|shot down|recovered|destroyed before)\b`,
  ),
  cue(
    'HQ_ESTABLISHED',
    6,
    String.raw`\b(?:establish(?:ed|es|ing)?|set(?:s|ting)? up|built|building|opened|install(?:ed|ing)?)\b(?:[^.;]{0,40}?)\b(?:(?:military |observation |new )*(?:posts?|points?|bases?|headquarters|hq|outposts?|positions?|garrison))\b`,
  ),
  cue(
    'NON_VIOL_TERRIT_TRANSFER',
    4,
    String.raw`\b(?:withdr(?:ew|awn|awal|aws|aw)|pull(?:ed|s|ing)? out|vacat(?:ed|e)|handed over|hand over|handover|evacuated (?:the|their) (?:positions?|bases?)|without (?:a )?(?:fight|resistance)|retreat(?:ed)?|left the (?:city|town|area))\b`,
  ),
  cue(
    'PROPERTY_DISTRUCT',
    4,
    String.raw`\b(?:loot(?:ed|ing|ers)?|torch(?:ed|ing)|burn(?:ed|t|ing) (?:down )?(?:\w+ )?(?:houses|homes|shops|buildings|villages?|cars|vehicles|property|properties)|vandal\w*|arson|destruction of (?:\w+ )?propert\w+|demolish(?:ed|ing)|razed|plunder\w*|ransack\w*)\b`,
  ),
  cue(
    'ATTRIB',
    6,
    String.raw`\b(?:claim(?:ed|s|ing)? responsibility|responsibility for|blam(?:ed|es|ing)|denied (?:\w+ ){0,3}(?:responsib\w+|involvement|role)|accus(?:ed|es|ing) (?:\w+ ){0,3}of (?:carrying out|being behind|orchestrating)|behind the (?:attack|bombing)|attributed)\b`,
  ),
  cue(
    'DIPLO',
    4,
    String.raw`\b(?:diplomats?|diplomatic|sanctions?|ambassadors?|embass(?:y|ies)|envoys?|summoned|expel(?:s|led)|foreign minist(?:er|ry)|bilateral|talks with|urged|condemn(?:ed|s)|visit(?:ed)?|summit|retaliatory measures)\b`,
  ),
  // Crime and disasters (outside ACLED; CASE codes them)
  cue(
    'ORG_CRIME',
    4,
    String.raw`\b(?:smuggl(?:e|ed|ing|ers?)|traffick(?:ing|ers?|ed)|drugs?|narcotics?|cocaine|heroin|cartels?|gangs?|robber(?:y|ies|s)|thefts?|stolen|fraud|extortion|money laundering|pornography|cybercrime|counterfeit|illegal (?:migrants|immigrants|border))\b`,
  ),
  cue(
    'NATURAL_DISASTER',
    6,
    String.raw`\b(?:floods?|flooding|flooded|flash floods?|earthquakes?|quakes?|tremors?|cyclones?|hurricanes?|typhoons?|storms?|landslides?|mudslides?|volcano(?:es)?|eruptions?|erupted|droughts?|torrential|heavy rains?|monsoon|tsunamis?|avalanches?|heatwave|tornado(?:es)?|wildfires?|bushfires?|forest fires?)\b`,
  ),
  cue(
    'MAN_MADE_DISASTER',
    7,
    String.raw`\b(?:(?:plant|factory|boiler|warehouse|cylinder|tanker|pipeline|refinery|mine|depot)s? (?:\w+ ){0,3}?(?:exploded|explodes|explosion|blast|caught fire|catches fire|burned|burnt)|(?:gas|chemical|chlorine|ammonia) (?:leak\w*)|leak(?:ed|age) from|ammonium nitrate|adulterated|food poisoning|struck by a (?:bulk carrier|vessel|ship|tanker)|collision|collided)\b`,
  ),
  cue(
    'MAN_MADE_DISASTER',
    4,
    String.raw`\b(?:fire broke out|blaze|caught fire|gas (?:leak|explosion|cylinder)|spill(?:ed|s|t)?|leak(?:ed|s)?|collaps(?:e|ed|es)|crash(?:ed|es)?|derail(?:ed|ment)|accident|poisoning|toxins?|burns?|fire at|fire in|stampede|capsized|sank|boat (?:sank|capsized)|explosion at (?:a|the) (?:factory|plant|warehouse|mine|refinery))\b`,
  ),
];
