import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.js';
import { acledCoding } from '../../src/events/acled-taxonomy.js';
import { classifyEventType } from '../../src/events/classify-event-type.js';
import { readEvents } from '../../src/events/events.js';

const read = (text: string) => analyzeText(text, { date: '2024-03-10', html: false });
const surface = (text: string, s: { start: number; end: number } | null | undefined) =>
  s ? text.slice(s.start, s.end) : null;

describe('classifyEventType (CASE 2021 codes)', () => {
  it.each([
    ['Government warplanes bombed the market town overnight, killing four people.', 'AIR_STRIKE'],
    ['Militants fired a barrage of rockets and mortar shells at the airport.', 'ART_MISS_ATTACK'],
    ['A roadside bomb exploded under a police truck on the northern highway.', 'REM_EXPLOS'],
    ['Two suicide bombers blew themselves up at the entrance of the ministry.', 'SUIC_BOMB'],
    ['A hand grenade was thrown into a crowded bar on Friday night.', 'GRENADE'],
    ['Rebels clashed with army units for hours near the river crossing.', 'ARMED_CLASH'],
    ['Thousands of students marched peacefully through the capital demanding reforms.', 'PEACE_PROTEST'],
    [
      'Police fired tear gas and rubber bullets at protesters who had gathered outside parliament.',
      'FORCE_AGAINST_PROTEST',
    ],
    ['Gunmen kidnapped three aid workers on the road to the border.', 'ABDUCT_DISSAP'],
    ['Soldiers seized a cache of rifles, explosives and ammunition in a raid on a farm.', 'DISR_WEAP'],
    ['Torrential rain caused flash floods that swept away dozens of homes.', 'NATURAL_DISASTER'],
    ['The two sides signed a ceasefire agreement in the capital on Monday.', 'AGREEMENT'],
    ['The committee met to discuss the budget for next year.', 'none'],
  ])('%s → %s', (text, code) => {
    expect(classifyEventType(text).code).toBe(code);
  });

  it('ignores cue words inside names ("Operation Desert Storm")', () => {
    expect(classifyEventType('Veterans of Operation Desert Storm gathered at the memorial.').code).not.toBe(
      'NATURAL_DISASTER',
    );
  });
});

describe('acledCoding', () => {
  it.each([
    ['AIR_STRIKE', 'Explosions/Remote violence', 'Air/drone strike'],
    ['ART_MISS_ATTACK', 'Explosions/Remote violence', 'Shelling/artillery/missile attack'],
    ['REM_EXPLOS', 'Explosions/Remote violence', 'Remote explosive/landmine/IED'],
    ['ARMED_CLASH', 'Battles', 'Armed clash'],
    ['DISR_WEAP', 'Strategic developments', 'Disrupted weapons use'],
    ['NATURAL_DISASTER', null, null],
  ])('%s → %s › %s', (code, type, sub) => {
    expect(acledCoding(code)).toEqual({ eventType: type, subEventType: sub });
  });
});

describe('eventsStage', () => {
  it('codes a drone strike with target, weapon, date and a denied-damage outcome', () => {
    const text =
      'On 4 March, the Qasr base was targeted by drones, but officials said the attack did not cause any damage or casualties.';
    const r = read(text);
    const strike = r.events.find((e) => surface(text, e.trigger) === 'targeted');
    expect(strike?.type).toBe('AIR_STRIKE');
    expect(strike?.subEventType).toBe('Air/drone strike');
    expect(surface(text, strike?.weapon)).toBe('drones');
    expect(surface(text, strike?.target)).toContain('base');
    expect(r.dates.find((d) => d.id === strike?.dateId)?.from).toBe('2024-03-04');
    expect(strike?.outcomes.map((o) => o.kind)).toEqual(
      expect.arrayContaining(['no-damage', 'no-casualties']),
    );
    expect(strike?.status).toBe('occurred');
  });

  it('keeps attacker and target apart in active and passive clauses', () => {
    const text =
      'Insurgents attacked a police checkpoint near the market. Later a convoy was ambushed by gunmen.';
    const r = read(text);
    const first = r.events.find((e) => surface(text, e.trigger) === 'attacked');
    expect(surface(text, first?.actor)).toBe('Insurgents');
    expect(surface(text, first?.target)).toBe('checkpoint');
    const second = r.events.find((e) => surface(text, e.trigger) === 'ambushed');
    expect(surface(text, second?.target)).toBe('convoy');
    expect(surface(text, second?.actor)).toBe('gunmen');
  });

  it('codes an intercepted missile as disrupted weapons use, never as a hit', () => {
    const text = 'A ballistic missile fired at the port was intercepted by air defences on Sunday.';
    const ev = read(text).events.find((e) => surface(text, e.trigger) === 'intercepted');
    expect(ev?.status).toBe('intercepted');
    expect(ev?.type).toBe('DISR_WEAP');
  });

  it('reads a counted tally with its bound, period and counter', () => {
    const text =
      'A defence ministry spokesman said the garrison was attacked at least 40 times since 1 January.';
    const r = read(text);
    expect(r.tallies).toHaveLength(1);
    const t = r.tallies[0]!;
    expect([t.count, t.bound]).toEqual([40, 'at-least']);
    expect(r.dates.find((d) => d.id === t.dateId)?.from).toBe('2024-01-01');
  });

  it('reads who counts a tally from the claim that states it, and skips a place phrase to the target', () => {
    const text =
      'According to statements by the Northern Front, the Qasr base in Tikrit has been targeted by drones 9 times since 3 January.';
    const t = read(text).tallies[0];
    expect(t?.count).toBe(9);
    expect(t?.target?.text).toContain('Qasr base');
    expect(t?.counter).toContain('Northern Front');
    expect(t?.counter).not.toMatch(/statements/);
  });

  it("infers the actor of an unclaimed strike from a group's own tally on the same target, marked as inferred", () => {
    const text =
      'According to statements by the Northern Front, the Qasr base has been targeted by drones 9 times since 3 January. ' +
      'On 2 March, the Qasr base was targeted by drones, but officials said there was no damage.';
    const r = read(text);
    const strike = r.events.find((e) => e.trigger.start > text.indexOf('On 2 March'));
    expect(strike?.actorInferred).toBe(true);
    expect(strike?.actor?.text).toContain('Northern Front');
    expect(strike?.confidence).toBeLessThanOrEqual(0.35);
    expect(r.events.every((e) => e.actorInferred === false || e.actor !== null)).toBe(true);
  });

  it('ties the target that precedes "in a rocket attack" and keeps KAIROS/RAMS types beside the CASE code', () => {
    const text = 'Militias also struck the consulate in Basra in a rocket attack on Monday.';
    const ev = read(text).events.find((e) => surface(text, e.trigger) === 'attack');
    expect(ev?.type).toBe('ART_MISS_ATTACK');
    expect(surface(text, ev?.target)).toBe('consulate');
    expect(ev?.kairosType).toBe('Conflict.Attack.Unspecified');
    expect(ev?.ramsType).toBe('conflict.attack.airstrikemissilestrike');
  });

  it('types the device of an explosion verb as the explosive device, not the target', () => {
    const text = 'The militants detonated two bombs outside the station.';
    const ev = read(text).events.find((e) => surface(text, e.trigger) === 'detonated');
    expect(ev?.arguments.find((a) => a.role === 'explosiveDevice')?.text).toBe('bombs');
    expect(ev?.arguments.find((a) => a.role === 'target')).toBeUndefined();
    expect(ev?.kairosType).toBe('Conflict.Attack.DetonateExplode');
  });

  it('makes one event of "suicide bombing" at its head word', () => {
    const text = 'A suicide bombing hit the market.';
    const evs = read(text).events;
    expect(evs.map((e) => surface(text, e.trigger))).not.toContain('suicide');
    expect(evs.find((e) => surface(text, e.trigger) === 'bombing')?.type).toBe('SUIC_BOMB');
    // "hit" in the same sentence is the same incident.
    expect(new Set(evs.map((e) => e.incidentId)).size).toBe(1);
  });

  it.each([[''], ['   '], ['\u0000\u0001 ÿ 𝕏'], ['attack '.repeat(3000)]])(
    'never throws on odd input %#',
    (text) => {
      expect(() =>
        readEvents({ id: 'x', text, source: { id: 'x', text } as never, referenceDate: null }),
      ).not.toThrow();
    },
  );
});

describe('KAIROS triggers and argument heads', () => {
  const triggerTable: [string, string, string][] = [
    ['Two car bombs went off near the harbour gates.', 'went', 'Conflict.Attack.DetonateExplode'],
    ['By noon a dozen devices had gone off in Portsmouth.', 'gone', 'Conflict.Attack.DetonateExplode'],
    [
      'Six bombs exploded across the market town. Days after the attacks, shops stayed shut.',
      'attacks',
      'Conflict.Attack.DetonateExplode',
    ],
    [
      'Gunmen shot two guards at the depot. The attack lasted minutes.',
      'attack',
      'Conflict.Attack.Unspecified',
    ],
  ];
  it.each(triggerTable)('%s → trigger "%s" as %s', (text, trigger, kairos) => {
    const ev = read(text).events.find((e) => surface(text, e.trigger) === trigger);
    expect(ev?.kairosType).toBe(kairos);
  });

  it.each([
    ['The car went off the road near Leeds.', 'went'],
    ['The guard goes off duty at six.', 'goes'],
  ])('%s has no explosion at "%s"', (text, trigger) => {
    expect(read(text).events.find((e) => surface(text, e.trigger) === trigger)).toBeUndefined();
  });

  it.each([
    ['A bomb exploded in the crowded village.', 'exploded', 'village'],
    ['Rebels attacked a checkpoint in the northern district on Monday.', 'attacked', 'district'],
  ])('%s → place head of "%s" is "%s"', (text, trigger, place) => {
    const ev = read(text).events.find((e) => surface(text, e.trigger) === trigger);
    expect(ev?.arguments.find((a) => a.role === 'place')?.text).toBe(place);
  });
});

describe('argument finding for nominal triggers', () => {
  const table: [string, string, string, string][] = [
    ["The militia's shelling of the depot went on for hours.", 'shelling', 'attacker', 'militia'],
    [
      'The Red Hand Brigade claimed responsibility for the bombing on Tuesday.',
      'bombing',
      'attacker',
      'Red Hand Brigade',
    ],
    [
      'Two men died in a battle between soldiers and smugglers near the border.',
      'battle',
      'attacker',
      'soldiers',
    ],
    [
      'Two men died in a battle between soldiers and smugglers near the border.',
      'battle',
      'target',
      'smugglers',
    ],
    ['The old courthouse was destroyed by an explosion before dawn.', 'explosion', 'target', 'courthouse'],
    ['Villagers reported repeated attacks on security forces.', 'attacks', 'target', 'forces'],
  ];
  it.each(table)('%s → "%s" has %s "%s"', (text, trigger, role, value) => {
    const ev = read(text).events.find((e) => surface(text, e.trigger) === trigger);
    expect(ev?.arguments.find((a) => a.role === role)?.text).toBe(value);
  });
});

describe('deaths and injuries (KAIROS Life events)', () => {
  const table: [string, string, string, string, string][] = [
    [
      'Four border guards were killed near the crossing.',
      'killed',
      'Life.Die.Unspecified',
      'victim',
      'guards',
    ],
    ['A shepherd died after the mine exploded.', 'died', 'Life.Die.Unspecified', 'victim', 'shepherd'],
    [
      'The rocket struck the depot, wounding nine workers.',
      'wounding',
      'Life.Injure.Unspecified',
      'victim',
      'workers',
    ],
    [
      'Two nurses were injured by shrapnel in Mosul.',
      'injured',
      'Life.Injure.Unspecified',
      'victim',
      'nurses',
    ],
    ['Gunmen killed three farmers on Sunday.', 'killed', 'Life.Die.Unspecified', 'killer', 'Gunmen'],
    ['Police announced the death of a local judge.', 'death', 'Life.Die.Unspecified', 'victim', 'judge'],
    [
      'The raid killed four guards and wounded another 12.',
      'wounded',
      'Life.Injure.Unspecified',
      'victim',
      '12',
    ],
    ['By winter, 300 had been killed.', 'killed', 'Life.Die.Unspecified', 'victim', '300'],
    ['Nine Hamas fighters were killed overnight.', 'killed', 'Life.Die.Unspecified', 'victim', 'fighters'],
    ['A senior general was injured in the blast.', 'injured', 'Life.Injure.Unspecified', 'victim', 'general'],
    ['A courier was shot dead by police.', 'dead', 'Life.Die.Unspecified', 'victim', 'courier'],
    ['A courier was shot dead by police.', 'dead', 'Life.Die.Unspecified', 'killer', 'police'],
    ['We thank the parents of the cadets killed.', 'killed', 'Life.Die.Unspecified', 'victim', 'cadets'],
    [
      'The mine went off under the truck, wounding two.',
      'wounding',
      'Life.Injure.Unspecified',
      'instrument',
      'mine',
    ],
    ['Officials mourned the three pilots killed.', 'killed', 'Life.Die.Unspecified', 'victim', 'pilots'],
    [
      'Rebels launched a raid on the port, killing nine sailors.',
      'killing',
      'Life.Die.Unspecified',
      'killer',
      'Rebels',
    ],
  ];
  it.each(table)('%s → "%s" is %s with %s "%s"', (text, trigger, kairos, role, value) => {
    const ev = read(text).events.find((e) => surface(text, e.trigger) === trigger);
    expect(ev?.kairosType).toBe(kairos);
    expect(ev?.arguments.find((a) => a.role === role)?.text).toBe(value);
    expect(ev?.eventType).toBeNull();
  });

  it('joins a death to the attack of its sentence', () => {
    const text = 'A car bomb exploded outside the ministry, killing six people.';
    const evs = read(text).events;
    const attack = evs.find((e) => surface(text, e.trigger) === 'exploded');
    const death = evs.find((e) => surface(text, e.trigger) === 'killing');
    expect(death?.incidentId).toBe(attack?.incidentId);
    expect(death?.ramsType).toBe('life.die.deathcausedbyviolentevents');
  });

  it('reads no death in "the dead" or in odd text', () => {
    const text = 'The dead were buried on Monday.';
    expect(read(text).events.some((e) => surface(text, e.trigger) === 'dead')).toBe(false);
    expect(() => read('killed killed , died of of by')).not.toThrow();
  });
});

describe('place arguments', () => {
  it('takes no place from a name inside the target phrase', () => {
    const text = 'He planned the bombing of the Leeds City central library.';
    const ev = read(text).events.find((e) => surface(text, e.trigger) === 'bombing');
    expect(ev?.arguments.find((a) => a.role === 'place')).toBeUndefined();
  });
});

describe('attackers named before a nominal trigger', () => {
  it.each([
    ['Nine guards were killed in ISIS attacks near the dam.', 'attacks', 'ISIS'],
    ['The Taliban attacked the base at dawn.', 'attacked', 'Taliban'],
  ])('%s → "%s" by %s', (text, trigger, attacker) => {
    const ev = read(text).events.find((e) => surface(text, e.trigger) === trigger);
    expect(ev?.arguments.find((a) => a.role === 'attacker')?.text).toBe(attacker);
  });
});

describe('KAIROS roles of weapons (explosive device, instrument)', () => {
  const table: [string, string, string, string][] = [
    ['A roadside bomb exploded under the patrol.', 'exploded', 'explosiveDevice', 'bomb'],
    ['Militants detonated an IED near the bridge.', 'detonated', 'explosiveDevice', 'IED'],
    ['After a while the device detonated accidentally.', 'detonated', 'explosiveDevice', 'device'],
    ['Gunmen attacked the convoy with rifles.', 'attacked', 'instrument', 'rifles'],
  ];
  it.each(table)('%s → "%s" has %s "%s"', (text, trigger, role, value) => {
    const ev = read(text).events.find((e) => surface(text, e.trigger) === trigger);
    expect(ev?.arguments.find((a) => a.role === role)?.text).toBe(value);
  });

  it.each([
    ['The mine went off under the truck, killing two.', 'killing'],
    ['Three guards were killed by a roadside bomb.', 'killed'],
  ])('%s → the death "%s" has no instrument (KAIROS Life.Die has none)', (text, trigger) => {
    const ev = read(text).events.find((e) => surface(text, e.trigger) === trigger);
    expect(ev?.kairosType).toBe('Life.Die.Unspecified');
    expect(ev?.arguments.some((a) => a.role === 'instrument')).toBe(false);
  });

  it.each([
    ['The suicide bomber was a student from the capital.', 'suicide'],
    ['Police said the suicide attackers had trained abroad.', 'suicide'],
  ])('%s → no event at "%s" (a bomber is a person)', (text, trigger) => {
    expect(read(text).events.some((e) => surface(text, e.trigger) === trigger)).toBe(false);
  });

  it('never takes a suicide bomber for the weapon', () => {
    const text = 'Neighbours said the suicide bomber had planned the bombing for weeks.';
    const ev = read(text).events.find((e) => surface(text, e.trigger) === 'bombing');
    expect(ev?.arguments.some((a) => /bomber/.test(a.text) && a.role !== 'attacker')).toBe(false);
  });
});

describe('"fired" as an attack', () => {
  it.each([
    ['Militants fired rockets at the airport.', true],
    ['Soldiers fired on the crowd outside the depot.', true],
    ['Shots were fired near the checkpoint.', true],
    ['The guards fired back at the gunmen.', true],
    ['Troops fired indiscriminately at the crowd.', true],
    ['Workers fear they will be fired if they do not vote.', false],
    ['The manager was fired last week.', false],
  ])('%s → attack: %s', (text, attack) => {
    expect(read(text).events.some((e) => surface(text, e.trigger) === 'fired')).toBe(attack);
  });
});

describe('places of attacks and deaths', () => {
  const table: [string, string, string[]][] = [
    [
      'Nine fighters were killed in IS attacks in Badia Hamra and Badia Saghira.',
      'attacks',
      ['Badia Hamra', 'Badia Saghira'],
    ],
    ['Two soldiers were killed in Kirkuk on Monday.', 'killed', ['Kirkuk']],
    ['A lieutenant was killed in the same province.', 'killed', ['province']],
    ['Police in Lyon said several people were injured.', 'injured', []],
    ['A captain was killed in a 2004 car bombing in Basra.', 'killed', ['Basra']],
    ['The brigade had detonated at least 20 bombs across the city.', 'detonated', ['city']],
    ['Just after midnight a wave of shooting broke out in the eastern districts.', 'shooting', ['districts']],
    ['The worst explosion was at the busy bus station.', 'explosion', ['station']],
    ['Nine people suffered injuries but two were still in hospital.', 'injuries', []],
    ['In Kandahar, two guards died.', 'died', ['Kandahar']],
    ['In March, three men were killed.', 'killed', []],
    ['Militants attacked Mosul, killing five guards.', 'killing', []],
  ];
  it.each(table)('%s → "%s" has places %j', (text, trigger, places) => {
    const ev = read(text).events.find((e) => surface(text, e.trigger) === trigger);
    expect(ev?.arguments.filter((a) => a.role === 'place').map((a) => a.text)).toEqual(places);
  });

  it.each([
    ['Investigators studied the Kandahar Airfield bombing for months.', 'bombing'],
    ['The Leeds Marathon bombing shocked the country.', 'bombing'],
  ])('%s → a place named before "%s" is not its attacker', (text, trigger) => {
    const ev = read(text).events.find((e) => surface(text, e.trigger) === trigger);
    expect(ev?.arguments.find((a) => a.role === 'attacker')).toBeUndefined();
  });
});

describe('arguments across the clause', () => {
  const table: [string, string, string, string][] = [
    ['The courier, Omar Haddad – shot dead by police – had fled the city.', 'shot', 'attacker', 'police'],
    ['The courier, Omar Haddad – shot dead by police – had fled the city.', 'shot', 'target', 'Omar Haddad'],
    ['Three people died in an attack on the Christmas market in Leeds.', 'attack', 'target', 'market'],
    [
      'The attack is widely believed to have been carried out by the Taliban.',
      'attack',
      'attacker',
      'Taliban',
    ],
  ];
  it.each(table)('%s → "%s" has %s "%s"', (text, trigger, role, value) => {
    const ev = read(text).events.find((e) => surface(text, e.trigger) === trigger);
    expect(ev?.arguments.find((a) => a.role === role)?.text).toBe(value);
  });

  it.each([
    ['Police in Leeds were searching for the man behind the blast.', 'blast'],
    ['There is deep frustration in Westminster about the attack.', 'attack'],
    ['The parents of the man behind the attack are from Pakistan.', 'attack'],
    ['Refugees fled American-led attacks.', 'attacks'],
  ])('%s → "%s" takes no place from another verb or noun', (text, trigger) => {
    const ev = read(text).events.find((e) => surface(text, e.trigger) === trigger);
    expect(ev).toBeDefined();
    expect(ev?.arguments.find((a) => a.role === 'place')).toBeUndefined();
  });

  it.each([
    ['On 3 May in Kandahar, a suicide bomber blew himself up.', 'blew', 'Kandahar'],
    ['A car bomb in Kabul exploded at noon.', 'exploded', 'Kabul'],
  ])('%s → "%s" keeps the place before it (%s)', (text, trigger, place) => {
    const ev = read(text).events.find((e) => surface(text, e.trigger) === trigger);
    expect(ev?.arguments.find((a) => a.role === 'place')?.text).toBe(place);
  });
});

describe('generic attacks that refer back to an explosion', () => {
  it.each([
    [
      'Ten bombs exploded in the port. The government condemned these murderous attacks.',
      'attacks',
      'Conflict.Attack.DetonateExplode',
    ],
    [
      'Ten bombs exploded in the port on Black Monday. Later the Black Monday attacks were remembered.',
      'attacks',
      'Conflict.Attack.DetonateExplode',
    ],
    ['The Cafe Luna bombing was an attack on the city police.', 'attack', 'Conflict.Attack.DetonateExplode'],
    [
      'A bomb exploded in the port. Weeks later, five people were killed in an attack on a market.',
      'attack',
      'Conflict.Attack.Unspecified',
    ],
  ])('%s → "%s" is %s', (text, trigger, kairos) => {
    const ev = read(text).events.find((e) => surface(text, e.trigger) === trigger);
    expect(ev?.kairosType).toBe(kairos);
  });
});

describe('attackers, places and figurative attacks', () => {
  const table: [string, string, string, string[]][] = [
    [
      'At dawn, rebel gunmen and suicide bombers attacked the Camp Redoubt base.',
      'attacked',
      'attacker',
      ['bombers', 'gunmen'],
    ],
    ["From the outset, the militia's bombing of the city caused chaos.", 'bombing', 'place', ['city']],
    ["From the outset, the militia's bombing of the city caused chaos.", 'bombing', 'target', []],
    ['He said no group had yet claimed responsibility for the explosion.', 'explosion', 'attacker', []],
    ['The neighbours of the leader of Saturday’s attack were questioned.', 'attack', 'attacker', []],
    ['Friend of Leeds Bombing Suspect Convicted', 'Bombing', 'attacker', []],
    ['The army claimed to have hit three gunmen.', 'hit', 'attacker', ['army']],
    ['Militants vowed to attack the convoy.', 'attack', 'attacker', ['Militants']],
    ['Air defences intercepted two rockets fired at the airport.', 'fired', 'attacker', []],
    [
      'A suicide bomber driving a van packed with explosives blew himself up at the gate.',
      'blew',
      'attacker',
      ['bomber'],
    ],
  ];
  it.each(table)('%s → "%s" has %s %j', (text, trigger, role, values) => {
    const ev = read(text).events.find((e) => surface(text, e.trigger) === trigger);
    expect(ev).toBeDefined();
    expect(ev?.arguments.filter((a) => a.role === role).map((a) => a.text)).toEqual(values);
  });

  it.each([
    ['The ministry needs resources to attack the virus.', 'attack', false],
    ['There may not be any disease to battle.', 'battle', false],
    ['Militants attacked the border post.', 'attacked', true],
  ])('%s → an attack at "%s": %s (figurative uses are none)', (text, trigger, attack) => {
    expect(read(text).events.some((e) => surface(text, e.trigger) === trigger)).toBe(attack);
  });
});

describe('deliberate crashes as attacks', () => {
  it.each([
    ['A suicide bomber on a motorbike crashed into the army patrol.', 'crashed', true],
    ['A truck rammed into the crowd at the market.', 'rammed', true],
    ['The small plane crashed into a hillside in fog.', 'crashed', false],
    ['Two cars crashed on the motorway.', 'crashed', false],
  ])('%s → an attack at "%s": %s', (text, trigger, attack) => {
    expect(read(text).events.some((e) => surface(text, e.trigger) === trigger)).toBe(attack);
  });

  it('takes the patrol a suicide bomber crashed into as the target', () => {
    const text = 'A suicide bomber on a motorbike crashed into the army patrol.';
    const ev = read(text).events.find((e) => surface(text, e.trigger) === 'crashed');
    expect(ev?.arguments.find((a) => a.role === 'target')?.text).toBe('patrol');
  });
});

describe('a capitalised first word misread as a place', () => {
  it('keeps the attacker of "Fans skirmish …"', () => {
    const text = 'The match ended in a draw. Fans skirmish ahead of the match in the port city.';
    const ev = read(text).events.find((e) => surface(text, e.trigger) === 'skirmish');
    expect(ev?.arguments.find((a) => a.role === 'attacker')?.text).toBe('Fans');
  });
});

describe('a projectile’s own verb of flight or impact', () => {
  it.each([
    ['Rockets slammed into the covered market on Sunday, officials said.', 'slammed', 'ART_MISS_ATTACK'],
    ['Mortar shells landed inside the camp overnight.', 'landed', 'ART_MISS_ATTACK'],
    ['Missiles rained down on the port city for an hour.', 'rained', 'ART_MISS_ATTACK'],
  ])('%s → an attack triggered by "%s" (%s)', (text, trigger, code) => {
    const events = read(text).events.filter((e) => surface(text, e.trigger) === trigger);
    expect(events).toHaveLength(1);
    expect(events[0]!.type).toBe(code);
  });

  it.each([
    ['The plane landed in Erbil after a short delay.'],
    ['The ministry launched an inquiry into the contract.'],
    ['He slammed the door and left the meeting.'],
    ['Prices rained down on shoppers, the columnist joked.'],
  ])('%s → no attack', (text) => {
    expect(read(text).events.filter((e) => e.eventType === 'Explosions/Remote violence')).toEqual([]);
  });
});
