import { describe, expect, it } from 'vitest';
import { findMarkers } from '../../src/nlp/attribution/find-markers.js';
import { findQuotes } from '../../src/nlp/attribution/quotes.js';
import { splitSpeaker } from '../../src/nlp/attribution/resolve-speaker.js';
import { attributionsStage, readAttributions } from '../../src/nlp/attributions.js';
import type { Attribution, SpeakerKind } from '../../src/types/attribution.js';

// Every sentence below was written for these tests.
const OUTLET = ['The Ledger'];

interface Expected {
  source: string | null;
  cue?: string;
  content: string;
  kind?: SpeakerKind;
  stance?: Attribution['stance'];
  form?: Attribution['form'];
  tense?: Attribution['cueTense'];
}

const read = (text: string) => readAttributions(text, OUTLET);
const surface = (text: string, span: { start: number; end: number } | null) =>
  span ? text.slice(span.start, span.end) : null;

function check(text: string, expected: Expected) {
  const found = read(text);
  const hit = found.find((a) => surface(text, a.content) === expected.content);
  expect(
    hit,
    `content ${JSON.stringify(expected.content)} among ${JSON.stringify(found.map((a) => surface(text, a.content)))}`,
  ).toBeDefined();
  expect(surface(text, hit!.source)).toBe(expected.source);
  if (expected.cue) expect(surface(text, hit!.cue)).toBe(expected.cue);
  if (expected.kind) expect(hit!.speaker.kind).toBe(expected.kind);
  if (expected.stance) expect(hit!.stance).toBe(expected.stance);
  if (expected.form) expect(hit!.form).toBe(expected.form);
  if (expected.tense) expect(hit!.cueTense).toBe(expected.tense);
}

describe('direct quotes', () => {
  const table: Array<[string, Expected]> = [
    [
      '“We will not withdraw from the river,” said Colonel Petra Vance, commander of the northern brigade.',
      {
        source: 'Colonel Petra Vance, commander of the northern brigade',
        cue: 'said',
        content: '“We will not withdraw from the river,”',
        form: 'direct-quote',
      },
    ],
    [
      '"The bridge was hit twice before dawn," the mayor said.',
      {
        source: 'the mayor',
        cue: 'said',
        content: '"The bridge was hit twice before dawn,"',
        kind: 'unnamed-official',
      },
    ],
    [
      'The ministry spokesman said: “Our air defences shot down four drones over the port.”',
      {
        source: 'The ministry spokesman',
        cue: 'said',
        content: '“Our air defences shot down four drones over the port.”',
      },
    ],
    [
      '“The shelling started at night,” she said, “and it did not stop until the morning.”',
      {
        source: 'she',
        cue: 'said',
        content: '“The shelling started at night,” she said, “and it did not stop until the morning.”',
      },
    ],
    [
      '“We counted nine craters in the field,” a farmer told reporters. “Nobody came to help us.”',
      {
        source: 'a farmer',
        cue: 'told',
        content: '“We counted nine craters in the field,” a farmer told reporters. “Nobody came to help us.”',
        kind: 'unknown',
      },
    ],
    [
      'The colonel told his officers on Monday, “Nobody leaves the trenches before dawn.”',
      { source: 'The colonel', cue: 'told', content: '“Nobody leaves the trenches before dawn.”' },
    ],
    [
      'He defended the order, saying, “The bridge had to be blown before the tanks arrived.”',
      { source: 'He', cue: 'saying', content: '“The bridge had to be blown before the tanks arrived.”' },
    ],
    [
      '“Our fighters struck the airfield with three drones,” tweeted Omar Halabi, a leader of the Northern Resistance Front.',
      {
        source: 'Omar Halabi, a leader of the Northern Resistance Front',
        cue: 'tweeted',
        content: '“Our fighters struck the airfield with three drones,”',
        kind: 'social-media',
      },
    ],
  ];
  it.each(table)('%s', check);
});

describe('indirect speech', () => {
  const table: Array<[string, Expected]> = [
    // Words that name built-in properties of JavaScript objects are words like any other.
    [
      'The constructor said that the bridge was unsafe.',
      { source: 'The constructor', cue: 'said', content: 'that the bridge was unsafe', form: 'indirect' },
    ],
    [
      'The governor said that two schools were damaged in the strike.',
      {
        source: 'The governor',
        cue: 'said',
        content: 'that two schools were damaged in the strike',
        stance: 'neutral',
        tense: 'past',
        form: 'indirect',
      },
    ],
    [
      'Local officials stated the convoy had been stopped at the border.',
      {
        source: 'Local officials',
        cue: 'stated',
        content: 'the convoy had been stopped at the border',
        kind: 'unnamed-official',
      },
    ],
    [
      'The militia claimed it had captured three villages.',
      {
        source: 'The militia',
        cue: 'claimed',
        content: 'it had captured three villages',
        stance: 'distancing',
        kind: 'armed-group-statement',
      },
    ],
    [
      'A defence ministry official highlighted that the base was attacked at least 40 times this year.',
      {
        source: 'A defence ministry official',
        cue: 'highlighted',
        content: 'that the base was attacked at least 40 times this year',
        kind: 'unnamed-official',
      },
    ],
    [
      'The army denied that its soldiers had fired on the crowd.',
      {
        source: 'The army',
        cue: 'denied',
        content: 'that its soldiers had fired on the crowd',
        stance: 'denying',
      },
    ],
    [
      'The health ministry confirmed that 14 people were wounded.',
      {
        source: 'The health ministry',
        cue: 'confirmed',
        content: 'that 14 people were wounded',
        stance: 'endorsing',
      },
    ],
    [
      'Rescue workers told Reuters that the building collapsed after the second blast.',
      {
        source: 'Rescue workers',
        cue: 'told',
        content: 'that the building collapsed after the second blast',
      },
    ],
    [
      'Witnesses said the explosion shattered windows across the street.',
      { source: 'Witnesses', content: 'the explosion shattered windows across the street', kind: 'witness' },
    ],
    [
      'Reuters reported that the pipeline was closed for a week.',
      { source: 'Reuters', content: 'that the pipeline was closed for a week', kind: 'other-outlet' },
    ],
    [
      'The city has been without power for days, officials said.',
      {
        source: 'officials',
        cue: 'said',
        content: 'The city has been without power for days',
        kind: 'unnamed-official',
      },
    ],
    [
      'She continued, “We will rebuild every house that was lost.”',
      { source: 'She', cue: 'continued', content: '“We will rebuild every house that was lost.”' },
    ],
    [
      'The mayor pointed out that the shelter had no heating.',
      { source: 'The mayor', content: 'that the shelter had no heating' },
    ],
    [
      'The governor repeatedly warned that the dam could fail.',
      { source: 'The governor', cue: 'repeatedly warned', content: 'that the dam could fail' },
    ],
    [
      'Port officials on Monday said the cranes were back in service.',
      { source: 'Port officials', cue: 'said', content: 'the cranes were back in service' },
    ],
    [
      'The council called for an immediate halt to the shelling.',
      { source: 'The council', cue: 'called', content: 'an immediate halt to the shelling' },
    ],
    [
      'However, the water supply was cut again, residents said.',
      { source: 'residents', cue: 'said', content: 'the water supply was cut again', kind: 'witness' },
    ],
    [
      'The spokesman has said that the talks will resume next week.',
      {
        source: 'The spokesman',
        cue: 'has said',
        content: 'that the talks will resume next week',
        tense: 'perfect',
      },
    ],
  ];
  it.each(table)('%s', check);
});

describe('prepositional attribution, statements and passives', () => {
  const table: Array<[string, Expected]> = [
    [
      'According to the provincial council, the dam was damaged by artillery fire.',
      {
        source: 'the provincial council',
        cue: 'According to',
        content: 'the dam was damaged by artillery fire',
        form: 'prepositional',
        kind: 'organisation-statement',
      },
    ],
    [
      'Four fuel depots were destroyed, according to a security source.',
      {
        source: 'a security source',
        cue: 'according to',
        content: 'Four fuel depots were destroyed',
        kind: 'anonymous-source',
      },
    ],
    [
      'As The Ledger has previously reported, the airfield was expanded in 2021.',
      {
        source: 'The Ledger',
        content: 'the airfield was expanded in 2021',
        kind: 'outlet-earlier-reporting',
      },
    ],
    [
      'As the Daily Courier reported, the convoy was carrying fuel.',
      { source: 'the Daily Courier', content: 'the convoy was carrying fuel', kind: 'other-outlet' },
    ],
    [
      'In a statement, the Eastern Brigades said they had shot down a helicopter.',
      {
        source: 'the Eastern Brigades',
        content: 'they had shot down a helicopter',
        kind: 'armed-group-statement',
      },
    ],
    [
      'The militia’s claim that it downed a fighter jet was rejected by the air force.',
      { source: 'The militia', cue: 'claim', content: 'that it downed a fighter jet', stance: 'distancing' },
    ],
    [
      'The brigade posted on Telegram that its fighters had reached the river.',
      {
        source: 'The brigade',
        cue: 'posted',
        content: 'that its fighters had reached the river',
        kind: 'social-media',
      },
    ],
    [
      'The Times of the Coast, citing a police source, reported that the curfew was lifted.',
      {
        source: 'The Times of the Coast',
        cue: 'reported',
        content: 'that the curfew was lifted',
        kind: 'other-outlet',
      },
    ],
    [
      'Two witnesses told the agency they saw a drone before the blast.',
      { source: 'Two witnesses', cue: 'told', content: 'they saw a drone before the blast', kind: 'witness' },
    ],
    [
      'The ceasefire plan was rejected by the rebel command.',
      {
        source: 'the rebel command',
        cue: 'was rejected',
        content: 'The ceasefire plan',
        stance: 'denying',
        form: 'passive',
      },
    ],
    [
      'The Northern Brigades said in a statement they had shelled the airfield.',
      {
        source: 'The Northern Brigades',
        cue: 'said',
        content: 'they had shelled the airfield',
        kind: 'armed-group-statement',
        form: 'statement',
      },
    ],
    [
      'Nine people were killed in the market, according to the regional health ministry.',
      {
        source: 'the regional health ministry',
        content: 'Nine people were killed in the market',
        kind: 'organisation-statement',
      },
    ],
    [
      'Local media reported that sirens sounded across the port city.',
      { source: 'Local media', content: 'that sirens sounded across the port city', kind: 'other-outlet' },
    ],
    [
      'It is unclear whether the bridge can still carry trucks.',
      {
        source: null,
        cue: 'It is unclear',
        content: 'whether the bridge can still carry trucks',
        form: 'passive',
      },
    ],
    [
      'Police shot the driver after he allegedly rammed the barrier.',
      { source: null, cue: 'allegedly', content: 'he allegedly rammed the barrier', stance: 'distancing' },
    ],
    [
      'The commander said:\nThe northern road is closed to all traffic until further notice.',
      {
        source: 'The commander',
        cue: 'said',
        content: 'The northern road is closed to all traffic until further notice',
      },
    ],
    [
      'It was reported that the checkpoint had been abandoned overnight.',
      { source: null, content: 'that the checkpoint had been abandoned overnight', form: 'passive' },
    ],
    [
      'The commander was quoted as saying that the offensive would continue.',
      { source: 'The commander', cue: 'was quoted as saying', content: 'that the offensive would continue' },
    ],
  ];
  it.each(table)('%s', check);
});

describe('speakers linked to earlier mentions', () => {
  it('links "the sources" to the anonymous source introduced before', () => {
    const text =
      'A senior source in the border police gave the newspaper a copy of the order. The sources stated that the crossing would close on Friday.';
    const a = read(text).find((x) => surface(text, x.source) === 'The sources')!;
    expect(a.speaker.kind).toBe('anonymous-source');
    expect(surface(text, a.speaker.antecedent)).toBe('A senior source in the border police');
  });
  it('links "the spokesman" to the named spokesman before', () => {
    const text =
      'A spokesman for the navy, Captain Ilse Brandt, said two ships were damaged. The spokesman added that no sailors were hurt.';
    const found = read(text);
    expect(found[0]!.speaker).toMatchObject({
      name: 'Captain Ilse Brandt',
      role: 'spokesman',
      affiliation: 'the navy',
      kind: 'named-official',
    });
    const later = found.find((x) => surface(text, x.source) === 'The spokesman')!;
    expect(later.speaker.name).toBe('Captain Ilse Brandt');
    expect(later.speaker.antecedent).not.toBeNull();
  });
  it('links a pronoun to the last named speaker', () => {
    const text = 'Mayor Lena Ortiz said the shelters were full. She said that more tents were needed.';
    const found = read(text);
    const she = found.find((x) => surface(text, x.source) === 'She')!;
    expect(she.speaker.name).toBe('Mayor Lena Ortiz');
    expect(surface(text, she.speaker.antecedent)).toBe('Mayor Lena Ortiz');
  });
});

describe('speaker names, roles and affiliations', () => {
  const table: Array<[string, { name: string; role: string | null; affiliation: string | null }]> = [
    [
      'Omar Halabi, head of the Northern Resistance Front',
      { name: 'Omar Halabi', role: 'head', affiliation: 'the Northern Resistance Front' },
    ],
    [
      'a Defence Ministry official',
      { name: 'a Defence Ministry official', role: 'official', affiliation: 'Defence Ministry' },
    ],
    [
      'A senior source in the Coastal Command',
      { name: 'A senior source in the Coastal Command', role: 'source', affiliation: 'the Coastal Command' },
    ],
    [
      'the statements issued by the Eastern Brigades',
      { name: 'the Eastern Brigades', role: null, affiliation: null },
    ],
  ];
  it.each(table)('%s', (raw, expected) => expect(splitSpeaker(raw)).toEqual(expected));
});

describe('no attribution', () => {
  const table: Array<[string]> = [
    ['His memoir "Nights on the Front" sold well in the capital.'],
    ['The so-called "buffer zone" was never agreed.'],
    ['Will the ceasefire hold through the winter?'],
    ['The army maintains three bases near the coast.'],
    ['The statements issued by the ministry were short.'],
    ['Drones struck the depot on Monday night.'],
    ['Fighting continued in the eastern districts for two days.'],
    ['The navy did not immediately respond to a request for comment.'],
    ['A group called the Dawn Legion set up checkpoints on the highway.'],
    ['Armed groups seeking to control the pass attacked the convoy.'],
    [''],
  ];
  it.each(table)('%s', (text) => expect(read(text)).toEqual([]));
});

describe('hedges and verification markers', () => {
  const table: Array<[string, string, string]> = [
    [
      'However, The Ledger could not independently verify the footage.',
      'could not independently verify',
      'verification-disclaimer',
    ],
    ['The strike reportedly killed two guards.', 'reportedly', 'hedge'],
    ['The group allegedly moved weapons across the border.', 'allegedly', 'allegation'],
    ['Unconfirmed accounts spoke of a second blast.', 'Unconfirmed', 'unverified'],
    ['The fighters are thought to receive money from abroad.', 'are thought to', 'hedge'],
    ['It is unclear whether the bridge can still carry trucks.', 'It is unclear whether', 'uncertainty'],
  ];
  it.each(table)('%s', (text, phrase, kind) => {
    const [m] = findMarkers(text);
    expect(m?.text).toBe(phrase);
    expect(m?.kind).toBe(kind);
  });
  it('finds nothing in a plain sentence', () =>
    expect(findMarkers('The bridge was repaired in May.')).toEqual([]));
});

describe('quotes', () => {
  it('pairs curly and straight quotes and closes a quote left open at a line end', () => {
    const text = '“One two three four.” Then "five six seven eight."\n“Nine ten eleven';
    expect(findQuotes(text).map((q) => text.slice(q.start, q.end))).toEqual([
      '“One two three four.”',
      '"five six seven eight."',
      '“Nine ten eleven',
    ]);
  });
});

describe('the stage', () => {
  const record = (text: string) => ({
    id: 'x',
    text,
    source: { id: 'x', text, format: 'text' as const },
    referenceDate: null,
  });
  it.each([[''], ['\u0000\u0001\u0002 “ ” " "'], ['said said said'], ['“'.repeat(500)], ['x'.repeat(20000)]])(
    'never throws on odd text %#',
    (text) => {
      const out = attributionsStage.run(record(text), { referenceDate: null, gazetteer: null });
      expect(Array.isArray(out.attributions)).toBe(true);
      expect(Array.isArray(out.markers)).toBe(true);
    },
  );
  it('gives ids, stage and confidence', () => {
    const out = attributionsStage.run(record('The governor said that the bridge was closed.'), {
      referenceDate: null,
      gazetteer: null,
    });
    expect(out.attributions).toHaveLength(1);
    expect(out.attributions![0]).toMatchObject({ id: 'a1', stage: 'attributions' });
    expect(out.attributions![0]!.confidence).toBeGreaterThan(0);
  });
});

describe('colon-labelled lines', () => {
  const table: Array<[string, Expected]> = [
    [
      'MORALES: Well, the budget was never going to pass this year.\nREYES: Then why vote for it?',
      { source: 'MORALES', cue: ':', content: 'Well, the budget was never going to pass this year.' },
    ],
    [
      'Intro.\n\nREYES: Then why did you vote for it?',
      { source: 'REYES', cue: ':', content: 'Then why did you vote for it?' },
    ],
    [
      'Survey: Renters in most cities face higher costs\n\nThe survey asked 900 renters.',
      { source: 'Survey', cue: ':', content: 'Renters in most cities face higher costs' },
    ],
    [
      'Governor on the Drought: Every Town Must Cut Water Use\n\nThe governor spoke on Friday.',
      { source: 'Governor', cue: ':', content: 'Every Town Must Cut Water Use' },
    ],
    [
      'Intro.\n\nMayor Dana Holt: “We will rebuild the bridge by spring.”',
      { source: 'Mayor Dana Holt', cue: ':', content: '“We will rebuild the bridge by spring.”' },
    ],
  ];
  it.each(table)('%s', (text, expected) => check(text, expected));

  it('keeps a transcript line whole, verbs inside included', () => {
    const text = 'Intro.\n\nREYES: Well, the mayor said the bridge would be finished by May.';
    const found = read(text).map((a) => surface(text, a.content));
    expect(found).toEqual(['Well, the mayor said the bridge would be finished by May.']);
  });

  it('leaves "X said: “…”" to the verb', () => {
    const text = 'Intro.\n\nThe mayor said: “We will rebuild the bridge.”';
    const hit = read(text).find((a) => surface(text, a.content) === '“We will rebuild the bridge.”');
    expect(surface(text, hit!.source)).toBe('The mayor');
    expect(surface(text, hit!.cue)).toBe('said');
  });

  const none: Array<[string]> = [
    ['Correction: An earlier version of this story gave the wrong date for the vote.'],
    ['Intro.\n\nLittle Relief for Renters: Rents rose again in most cities this spring.'],
    ['Editor’s note: This story was updated on Monday.'],
    ['Intro.\n\nThe plan had one flaw: nobody had checked the ground.'],
  ];
  it.each(none)('%s', (text) => {
    const colon = text.lastIndexOf(':');
    expect(read(text).filter((a) => a.cue && a.cue.start === colon)).toEqual([]);
  });
});

describe('position verbs', () => {
  const table: Array<[string, Expected]> = [
    [
      'The mayor has vowed to rebuild the bridge by spring.',
      { source: 'The mayor', cue: 'has vowed', content: 'to rebuild the bridge by spring' },
    ],
    [
      'The senator refused to discuss the new budget.',
      { source: 'The senator', cue: 'refused', content: 'to discuss the new budget' },
    ],
    [
      'The governor blasted the council for its slow response.',
      { source: 'The governor', cue: 'blasted', content: 'the council for its slow response' },
    ],
    [
      'The union denounced the proposed pay freeze.',
      { source: 'The union', cue: 'denounced', content: 'the proposed pay freeze' },
    ],
  ];
  it.each(table)('%s', (text, expected) => check(text, expected));

  const none: Array<[string]> = [
    ['Rebels attacked the convoy near the border.'],
    ['The bridge was tied to the pier with steel cables.'],
  ];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));
});

describe('split quotes', () => {
  it('stops a quotation before a second report by the same speaker', () => {
    const text = '“We will not cut the budget,” she said, adding that “the schools come first.”';
    const found = read(text).map((a) => surface(text, a.content));
    expect(found).toContain('“We will not cut the budget,”');
  });
  it('joins a quotation broken only by its cue', () => {
    const text = '“We will not cut the budget,” she said, “and the schools come first.”';
    const found = read(text).map((a) => surface(text, a.content));
    expect(found).toEqual([text.slice(0, text.length - 0).replace(/^(.*”).*$/, '$1')]);
  });
});

describe('speaker and content edges', () => {
  const table: Array<[string, Expected]> = [
    [
      'The Harbor Council plans to release its review next week.',
      { source: 'The Harbor Council', cue: 'plans', content: 'to release its review next week' },
    ],
    [
      'OSLO ― The new levy is a mistake, port officials said on Monday.',
      { source: 'port officials', cue: 'said', content: 'The new levy is a mistake' },
    ],
    [
      "The mayor said the plan was ''slow, costly, but in the end worth it.''",
      {
        source: 'The mayor',
        cue: 'said',
        content: "the plan was ''slow, costly, but in the end worth it.''",
      },
    ],
    [
      '“We will win the vote,” said Jo Lee, who served as mayor for a decade.',
      { source: 'Jo Lee, who served as mayor for a decade', cue: 'said', content: '“We will win the vote,”' },
    ],
    [
      "The levy ''is a misguided approach,'' Ms. Varga said.",
      { source: 'Ms. Varga', cue: 'said', content: "The levy ''is a misguided approach,''" },
    ],
  ];
  it.each(table)('%s', (text, expected) => check(text, expected));

  const none: Array<[string]> = [
    ['The council’s plans to widen the road were dropped.'],
    ['The new tax plans to cut rates were shelved.'],
  ];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));
});

describe('objects, subjects and spliced reports', () => {
  const table: Array<[string, Expected]> = [
    [
      'The campaign called the charges unsubstantiated and false.',
      { source: 'The campaign', cue: 'called', content: 'the charges unsubstantiated and false' },
    ],
    [
      'Norway and Chile support the proposed treaty.',
      { source: 'Norway and Chile', cue: 'support', content: 'the proposed treaty' },
    ],
    [
      'Lee acknowledged money was a reason she left, Lee also noted the long hours wore her down.',
      { source: 'Lee', cue: 'acknowledged', content: 'money was a reason she left' },
    ],
    [
      'Lee acknowledged money was a reason she left, Lee also noted the long hours wore her down.',
      { source: 'Lee', cue: 'also noted', content: 'the long hours wore her down' },
    ],
    [
      'The governor blasted the council in a statement on Monday.',
      { source: 'The governor', cue: 'blasted', content: 'the council' },
    ],
  ];
  it.each(table)('%s', (text, expected) => check(text, expected));

  const none: Array<[string]> = [
    ['A militia called the Night Wolves held the bridge.'],
    ['The coastal support teams reached the town.'],
  ];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));
});

describe('seeming and expectation', () => {
  const table: Array<[string, Expected]> = [
    [
      'The harbor plan seems to have stalled in committee.',
      { source: null, cue: 'seems', content: 'The harbor plan seems to have stalled in committee' },
    ],
    [
      'Turnout in the northern districts is expected to fall sharply.',
      {
        source: null,
        cue: 'is expected',
        content: 'Turnout in the northern districts is expected to fall sharply',
      },
    ],
  ];
  it.each(table)('%s', (text, expected) => check(text, expected));

  const none: Array<[string]> = [
    ['It seems to me a fair price.'],
    ['The ferry appears on the horizon at dawn.'],
  ];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));
});

describe('where content ends', () => {
  const table: Array<[string, Expected]> = [
    [
      'The senator offered some blunt advice to the mayor on Friday about the budget.',
      { source: 'The senator', cue: 'offered', content: 'some blunt advice to the mayor' },
    ],
    [
      'The minister said the port would reopen soon, as the storm moved further north.',
      { source: 'The minister', cue: 'said', content: 'the port would reopen soon' },
    ],
    [
      'She refused to name her deputies, aside from saying she wanted a broad team.',
      { source: 'She', cue: 'refused', content: 'to name her deputies' },
    ],
  ];
  it.each(table)('%s', (text, expected) => check(text, expected));

  it('keeps "as" inside a clause that has no verb after it', () => {
    const text = 'The minister said the port would reopen, as planned.';
    expect(read(text).map((a) => surface(text, a.content))).toEqual(['the port would reopen, as planned']);
  });
});

describe('one-word objects of position verbs', () => {
  const table: Array<[string, Expected]> = [
    [
      'The nurses’ union endorsed Alvarez.',
      { source: 'The nurses’ union', cue: 'endorsed', content: 'Alvarez' },
    ],
  ];
  it.each(table)('%s', (text, expected) => check(text, expected));

  const none: Array<[string]> = [['The mayor said yes.'], ['The council welcomed everyone.']];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));
});

describe('more position verbs', () => {
  const table: Array<[string, Expected]> = [
    [
      'The panel voted to hold the aide in contempt.',
      { source: 'The panel', cue: 'voted', content: 'to hold the aide in contempt' },
    ],
    [
      'The bishop decried the cuts to the shelter budget.',
      { source: 'The bishop', cue: 'decried', content: 'the cuts to the shelter budget' },
    ],
    [
      'The editorial board rebuked the mayor for the delays.',
      { source: 'The editorial board', cue: 'rebuked', content: 'the mayor for the delays' },
    ],
  ];
  it.each(table)('%s', (text, expected) => check(text, expected));

  const none: Array<[string]> = [
    ['Residents voted in large numbers on Sunday.'],
    ['Rebels hammered the town with rockets.'],
    ['The blast ripped through the market.'],
  ];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));
});

describe('"as X said" inside the sentence', () => {
  const table: Array<[string, Expected]> = [
    [
      'The coast, as one adviser pointed out, rarely gets two storms in a row.',
      {
        source: 'one adviser',
        content: 'The coast, as one adviser pointed out, rarely gets two storms in a row',
      },
    ],
    [
      'The port will reopen, as the minister said.',
      { source: 'the minister', cue: 'said', content: 'The port will reopen' },
    ],
  ];
  it.each(table)('%s', (text, expected) => check(text, expected));
});

describe('a time or channel before a wh-clause', () => {
  const table: Array<[string, Expected]> = [
    [
      'He told reporters on Thursday how surprised he was by the vote.',
      { source: 'He', cue: 'told', content: 'how surprised he was by the vote' },
    ],
  ];
  it.each(table)('%s', (text, expected) => check(text, expected));
});

describe('a second speaker joined by "and"', () => {
  const text = 'Officials said the audit was flawed and critics accused the board of hiding losses.';
  it.each([
    [text, { source: 'Officials', cue: 'said', content: 'the audit was flawed' }],
    [text, { source: 'critics', cue: 'accused', content: 'the board of hiding losses' }],
  ] as Array<[string, Expected]>)('%s', (t, expected) => check(t, expected));

  it('keeps a reported clause whole when no new speaker follows "and"', () => {
    const t2 = 'Officials said the bridge collapsed and the road was closed.';
    expect(read(t2).map((a) => surface(t2, a.content))).toEqual([
      'the bridge collapsed and the road was closed',
    ]);
  });
});

describe('irregular cue verbs', () => {
  const table: Array<[string, Expected]> = [
    [
      'The ministers understood that the vote would be close.',
      { source: 'The ministers', cue: 'understood', content: 'that the vote would be close' },
    ],
    ['She felt the plan was wrong.', { source: 'She', cue: 'felt', content: 'the plan was wrong' }],
    [
      'The council planned to widen the road.',
      { source: 'The council', cue: 'planned', content: 'to widen the road' },
    ],
    [
      'The union regretted the delay to the talks.',
      { source: 'The union', cue: 'regretted', content: 'the delay to the talks' },
    ],
    [
      'The mayor has vowed to rebuild the pier.',
      { source: 'The mayor', cue: 'has vowed', content: 'to rebuild the pier' },
    ],
  ];
  it.each(table)('%s', (text, expected) => check(text, expected));

  const none: Array<[string]> = [
    ['He felt ill after the march.'],
    ['The town, known for its port, lies on the coast.'],
    ['Little was known about the convoy.'],
  ];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));
});

describe('"according to" between coordinated clauses', () => {
  const table: Array<[string, Expected]> = [
    [
      'Rents rose 8 percent in 2023, according to the housing agency, and wages rose 3 percent.',
      {
        source: 'the housing agency',
        cue: 'according to',
        content: 'Rents rose 8 percent in 2023, according to the housing agency, and wages rose 3 percent',
      },
    ],
    [
      'Rents rose 8 percent in 2023, according to the housing agency.',
      { source: 'the housing agency', cue: 'according to', content: 'Rents rose 8 percent in 2023' },
    ],
  ];
  it.each(table)('%s', (text, expected) => check(text, expected));
});

describe('"…, X said in a report, and …"', () => {
  const text =
    'The middle fifth paid 9 percent, the agency said in a June report, and the bottom fifth paid 1 percent.';
  it('attributes the whole sentence around a longer aside', () =>
    check(text, {
      source: 'the agency',
      cue: 'said',
      content:
        'The middle fifth paid 9 percent, the agency said in a June report, and the bottom fifth paid 1 percent',
    }));
});
