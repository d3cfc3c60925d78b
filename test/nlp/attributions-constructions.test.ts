import { describe, expect, it } from 'vitest';
import { readAttributions } from '../../src/nlp/attributions.js';
import type { Attribution, SpeakerKind } from '../../src/types/attribution.js';

// Every sentence below was written for these tests (fictional events, real place names).
const OUTLET = ['The Ledger'];

interface Expected {
  source: string | null;
  cue?: string;
  content: string;
  kind?: SpeakerKind;
  stance?: Attribution['stance'];
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
}

describe('sources that ask for anonymity or name themselves', () => {
  const table: Array<[string, Expected]> = [
    [
      'A security source, who asked not to be named, said the convoy was hit near the bridge.',
      {
        source: 'A security source',
        cue: 'said',
        content: 'the convoy was hit near the bridge',
        kind: 'anonymous-source',
        stance: 'neutral',
      },
    ],
    [
      'The official, who spoke on condition of anonymity because he was not authorized to discuss the talks, said the deal was close.',
      { source: 'The official', cue: 'said', content: 'the deal was close', kind: 'unnamed-official' },
    ],
    [
      'Two officials, who were not authorized to speak publicly, told reporters the base was hit.',
      { source: 'Two officials', cue: 'told', content: 'the base was hit' },
    ],
    [
      'An armed group calling itself the Northern Shield claimed the attack on the depot in Kirkuk.',
      {
        source: 'An armed group calling itself the Northern Shield',
        cue: 'claimed',
        content: 'the attack on the depot in Kirkuk',
        kind: 'armed-group-statement',
        stance: 'distancing',
      },
    ],
    [
      'A militia known as the River Brigade claimed responsibility for the blast.',
      {
        source: 'A militia known as the River Brigade',
        cue: 'claimed',
        content: 'responsibility for the blast',
        kind: 'armed-group-statement',
        stance: 'distancing',
      },
    ],
  ];
  it.each(table)('%s', check);

  const none: Array<[string]> = [
    ['The witness asked not to be named.'],
    ['A group calling itself the Northern Shield appeared in 2021.'],
    ['The fighters, known as the River Brigade, crossed the border.'],
  ];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));
});

describe('a second report ends the content of the first', () => {
  const table: Array<[string, Expected]> = [
    [
      'The governor wrote that the dam was safe and urged residents to stay calm.',
      { source: 'The governor', cue: 'wrote', content: 'that the dam was safe' },
    ],
    [
      'The governor wrote that the dam was safe and urged residents to stay calm.',
      { source: 'The governor', cue: 'urged', content: 'residents to stay calm' },
    ],
    [
      'The mayor said the curfew would end on Friday, and aid groups warned that food was running out.',
      { source: 'aid groups', cue: 'warned', content: 'that food was running out' },
    ],
    [
      'The mayor said the curfew would end on Friday, and aid groups warned that food was running out.',
      { source: 'The mayor', cue: 'said', content: 'the curfew would end on Friday' },
    ],
  ];
  it.each(table)('%s', check);

  const whole: Array<[string, Expected]> = [
    // The relative "what" keeps the inner report inside the content.
    [
      'The minister described the raid as what she called “a necessary step.”',
      {
        source: 'The minister',
        cue: 'described',
        content: 'the raid as what she called “a necessary step.”',
      },
    ],
    // A verb joined inside the reported clause belongs to that clause's subject.
    [
      'Witnesses say the driver sped past the checkpoint and refused to stop.',
      { source: 'Witnesses', cue: 'say', content: 'the driver sped past the checkpoint and refused to stop' },
    ],
    // The main clause after an "if" clause is still what was feared.
    [
      'Farmers worried that if the canal stayed closed, the harvest would fail.',
      {
        source: 'Farmers',
        cue: 'worried',
        content: 'that if the canal stayed closed, the harvest would fail',
      },
    ],
  ];
  it.each(whole)('%s', check);
});

describe('speakers and cues around asides', () => {
  const table: Array<[string, Expected]> = [
    [
      'He’s claiming that the vote in Mosul was rigged.',
      {
        source: 'He',
        cue: '’s claiming',
        content: 'that the vote in Mosul was rigged',
        stance: 'distancing',
      },
    ],
    [
      'The farmers’ union, which represents 40 cooperatives, wants to stay out of the talks.',
      {
        source: 'The farmers’ union, which represents 40 cooperatives,',
        cue: 'wants',
        content: 'to stay out of the talks',
      },
    ],
    [
      'The dam could burst within a week, the engineer said in her interview.',
      { source: 'the engineer', cue: 'said', content: 'The dam could burst within a week' },
    ],
    [
      'The levee is weak, she said, referencing the engineers’ report.',
      { source: 'she', cue: 'said', content: 'The levee is weak' },
    ],
    [
      'The levee is weak, she said, referencing the engineers’ report.',
      { source: 'she', cue: 'referencing', content: 'the engineers’ report' },
    ],
    [
      'The town is safe, officials said Friday, as they lifted the curfew.',
      { source: 'officials', cue: 'said', content: 'The town is safe' },
    ],
    [
      'The monitoring group has also detailed payments to two militia leaders.',
      {
        source: 'The monitoring group',
        cue: 'has also detailed',
        content: 'payments to two militia leaders',
      },
    ],
    // The clause after the speaker is the main clause when the sentence opens with "Though".
    [
      'Although the first convoy got through, he said, sending a second would be harder.',
      {
        source: 'he',
        cue: 'said',
        content: 'Although the first convoy got through, he said, sending a second would be harder',
      },
    ],
    [
      'Lena Ortiz, a spokeswoman for the Relief Alliance, which runs the camps, said water was short.',
      {
        source: 'Lena Ortiz, a spokeswoman for the Relief Alliance, which runs the camps,',
        cue: 'said',
        content: 'water was short',
      },
    ],
  ];
  it.each(table)('%s', check);

  const none: Array<[string]> = [
    ["Let's say the bridge reopens in May."],
    ['He thought of the harbour at dawn.'],
  ];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));
});

describe('more position and speech verbs', () => {
  const table: Array<[string, Expected]> = [
    [
      'The minister attacked the opposition for its silence on the blockade.',
      { source: 'The minister', cue: 'attacked', content: 'the opposition for its silence on the blockade' },
    ],
    [
      'The envoy painted the talks as a last chance for the valley.',
      { source: 'The envoy', cue: 'painted', content: 'the talks as a last chance for the valley' },
    ],
    [
      'Aid workers derided the plan as unworkable.',
      { source: 'Aid workers', cue: 'derided', content: 'the plan as unworkable' },
    ],
    [
      'The commander downplayed the losses near Kharkiv.',
      { source: 'The commander', cue: 'downplayed', content: 'the losses near Kharkiv' },
    ],
    [
      '"Get back from the wall, it is going to fall," she yelled.',
      { source: 'she', cue: 'yelled', content: '"Get back from the wall, it is going to fall,"' },
    ],
    [
      'The council did not consider the offer a serious one.',
      { source: 'The council', cue: 'did not consider', content: 'the offer a serious one' },
    ],
    [
      '“The camp has run out of water this summer," the doctor said.',
      { source: 'the doctor', cue: 'said', content: '“The camp has run out of water this summer,"' },
    ],
  ];
  it.each(table)('%s', check);

  const none: Array<[string]> = [
    ['Militants attacked the checkpoint for two hours.'],
    ['Rebels attacked the base as the convoy passed.'],
    ['Fighters resisted the advance on the bridge.'],
    ['Workers painted the school walls white.'],
    ['Will the council accept the offer?'],
  ];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));
});

describe('positions held in a noun with its possessor', () => {
  const table: Array<[string, Expected]> = [
    [
      'The council’s decision to close the crossing angered traders.',
      { source: 'The council', cue: 'decision', content: 'to close the crossing' },
    ],
    [
      'A day after the fire, his pledge to rebuild the market in Aleppo lifted spirits.',
      { source: 'his', cue: 'pledge', content: 'to rebuild the market in Aleppo' },
    ],
    [
      'The envoy’s criticism of the blockade drew a sharp reply.',
      { source: 'The envoy', cue: 'criticism of', content: 'the blockade' },
    ],
  ];
  it.each(table)('%s', check);

  const none: Array<[string]> = [
    ['The decision to close the crossing angered traders.'],
    ['A plan to rebuild the market was drawn up in 2019.'],
  ];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));
});

describe('where a reported object ends', () => {
  const table: Array<[string, Expected]> = [
    [
      'The senator has acknowledged the scale of the flooding, which puts her at odds with the cabinet.',
      { source: 'The senator', cue: 'has acknowledged', content: 'the scale of the flooding' },
    ],
    [
      'The mayor questioned the cost of the new bridge because the budget was already stretched.',
      { source: 'The mayor', cue: 'questioned', content: 'the cost of the new bridge' },
    ],
    [
      'He blames the militia but also the army for the looting.',
      { source: 'He', cue: 'blames', content: 'the militia but also the army for the looting' },
    ],
    [
      'The agency said that in the three largest districts, which include Basra, the count was late.',
      {
        source: 'The agency',
        cue: 'said',
        content: 'that in the three largest districts, which include Basra, the count was late',
      },
    ],
  ];
  it.each(table)('%s', check);
});

describe('participles that open the sentence, and verbs before "to"', () => {
  const table: Array<[string, Expected]> = [
    [
      'Claiming the vote was rigged, the opposition leader told reporters he would not concede.',
      {
        source: 'the opposition leader',
        cue: 'Claiming',
        content: 'the vote was rigged',
        stance: 'distancing',
      },
    ],
    [
      'Claiming the vote was rigged, the opposition leader told reporters he would not concede.',
      { source: 'the opposition leader', cue: 'told', content: 'he would not concede' },
    ],
    [
      'Bemoaning the system, the governor accused the envoy of bias.',
      { source: 'the governor', cue: 'accused', content: 'the envoy of bias' },
    ],
    [
      'Asked about the strike, the minister said the army had acted alone.',
      { source: null, cue: 'Asked about', content: 'the strike' },
    ],
    [
      'The governor continues to insist that the dam is safe.',
      { source: 'The governor', cue: 'continues to insist', content: 'that the dam is safe' },
    ],
    [
      'The colonel went on to explain how the convoy was ambushed.',
      { source: 'The colonel', cue: 'went on to explain', content: 'how the convoy was ambushed' },
    ],
  ];
  it.each(table)('%s', check);

  it('reads no content from a participle that names a channel', () => {
    const text = 'Speaking in Mosul, the general said the road was open.';
    expect(read(text).map((a) => surface(text, a.content))).toEqual(['the road was open']);
  });
});

describe('agentless passives of judgement and report', () => {
  const table: Array<[string, Expected]> = [
    [
      'The militia has been accused of abuses in the camps.',
      {
        source: null,
        cue: 'has been accused',
        content: 'The militia has been accused of abuses in the camps',
        stance: 'distancing',
      },
    ],
    [
      'A curfew was announced for the whole district, but police did not enforce it.',
      { source: null, cue: 'was announced', content: 'A curfew was announced for the whole district' },
    ],
    [
      'The armed group is not thought to hold any heavy weapons.',
      {
        source: null,
        cue: 'is not thought',
        content: 'The armed group is not thought to hold any heavy weapons',
      },
    ],
    [
      'The strike was confirmed by the ministry.',
      { source: 'the ministry', cue: 'was confirmed', content: 'The strike' },
    ],
  ];
  it.each(table)('%s', check);

  const none: Array<[string]> = [
    ['Two men were charged with looting after the raid.'],
    ['The bridge was rebuilt in 2019.'],
  ];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));
});

describe('speech in a title-case headline', () => {
  const table: Array<[string, Expected]> = [
    [
      'Aid Groups Slam Plan To Close Border Crossing.\n\nThe plan was announced on Monday.',
      { source: 'Aid Groups', cue: 'Slam', content: 'Plan To Close Border Crossing' },
    ],
    [
      'Kurdish Leaders Rip Governor As A ‘Reckless Gambler.’\n\nThe row deepened on Tuesday.',
      { source: 'Kurdish Leaders', cue: 'Rip', content: 'Governor As A ‘Reckless Gambler.’' },
    ],
    [
      'Mayor Speaks ‘Directly To Residents’ After Second Flood.\n\nThe river rose again.',
      { source: 'Mayor', cue: 'Speaks', content: '‘Directly To Residents’' },
    ],
  ];
  it.each(table)('%s', check);

  const none: Array<[string]> = [
    ['Power Plant Rules Face Key Test In Court.\n\nThe hearing opens today.'],
    ['Floods Cut Roads Across The North.\n\nThe rain stopped at noon.'],
  ];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));
});

describe('relative pronouns as speakers, and cue verbs the tagger misreads', () => {
  it('resolves "which" to the phrase before it', () => {
    const text = 'The report -- which notes that 40 clinics have closed -- was published on Monday.';
    const hit = read(text).find((a) => surface(text, a.content) === 'that 40 clinics have closed');
    expect(hit?.speaker.name).toBe('The report');
    expect(hit?.speaker.kind).toBe('document');
  });

  const table: Array<[string, Expected]> = [
    [
      'The commander Abu Salah, who said the bridge was mined, left the city.',
      { source: 'who', cue: 'said', content: 'the bridge was mined' },
    ],
    [
      'The aid campaign plans to reopen the clinic in Idlib.',
      { source: 'The aid campaign', cue: 'plans', content: 'to reopen the clinic in Idlib' },
    ],
    [
      'Officials disagreed, though an inquiry panel in 2019 found the army was at fault.',
      { source: 'an inquiry panel in 2019', cue: 'found', content: 'the army was at fault' },
    ],
  ];
  it.each(table)('%s', check);
});

describe('subjects with appositives and relative clauses', () => {
  const table: Array<[string, Expected]> = [
    [
      'Haddad, a party veteran, said he had seen worse and called the vote a coin toss.',
      { source: 'Haddad, a party veteran,', cue: 'called', content: 'the vote a coin toss' },
    ],
    [
      'One of the engineers who inspected the dam called the repairs a sham.',
      {
        source: 'One of the engineers who inspected the dam',
        cue: 'called',
        content: 'the repairs a sham',
      },
    ],
  ];
  it.each(table)('%s', check);

  it('names the head of a subject with a relative clause', () => {
    const text = 'One of the engineers who inspected the dam called the repairs a sham.';
    expect(read(text)[0]?.speaker.name).toBe('One of the engineers');
  });
});

describe('positions held as attitudes', () => {
  const table: Array<[string, Expected]> = [
    [
      'Many residents are afraid that the dam will fail.',
      { source: 'Many residents', cue: 'are afraid', content: 'that the dam will fail' },
    ],
    [
      'The army was determined to hold the bridge.',
      { source: 'The army', cue: 'was determined', content: 'to hold the bridge' },
    ],
    [
      'The senator has been critical of the deal since the spring.',
      { source: 'The senator', cue: 'has been critical of', content: 'the deal' },
    ],
    [
      'They weren’t sure if the convoy had left.',
      { source: 'They', cue: 'weren’t sure', content: 'if the convoy had left' },
    ],
  ];
  it.each(table)('%s', check);

  const none: Array<[string]> = [
    ['The road is open to traffic.'],
    ['It is certain to rain in Erbil tonight.'],
    ['The envoy can be convinced that the plan works.'],
  ];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));

  it('keeps "including" inside a reported clause', () => {
    const text = 'The agency said several towns were cut off, including two near the border.';
    expect(read(text).map((a) => surface(text, a.content))).toEqual([
      'several towns were cut off, including two near the border',
    ]);
  });
});

describe('phrasal verbs of position', () => {
  const table: Array<[string, Expected]> = [
    [
      'The minister lashed out at the envoy over the border closure.',
      { source: 'The minister', cue: 'lashed out', content: 'the envoy over the border closure' },
    ],
    [
      'The governor laid out a plan to rebuild the market.',
      { source: 'The governor', cue: 'laid out', content: 'a plan to rebuild the market' },
    ],
  ];
  it.each(table)('%s', check);

  const none: Array<[string]> = [
    ['Rebels hit the base with rockets.'],
    ['Workers laid the last rail near Mosul.'],
  ];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));
});

describe('a quotation that goes on in the next paragraph', () => {
  it('joins an unsigned quotation paragraph to the quotation just before it', () => {
    const text =
      '"We will rebuild the bridge by the end of next year," the mayor said.\n\n' +
      '"No family in this city will be left without a home."\n\nThe council met later.';
    check(text, {
      source: 'the mayor',
      cue: 'said',
      content:
        '"We will rebuild the bridge by the end of next year," the mayor said.\n\n' +
        '"No family in this city will be left without a home."',
    });
  });

  it('leaves a quotation after the writer’s own words unattributed', () => {
    const text =
      '"We will rebuild the bridge," the mayor said. The river rose again on Tuesday.\n\n' +
      '"No family in this city will be left without a home."';
    expect(read(text).map((a) => surface(text, a.content))).toEqual(['"We will rebuild the bridge,"']);
  });
});

describe('a position participle after the main clause', () => {
  const table: Array<[string, Expected]> = [
    [
      'The governor is again disputing the count, encouraging his supporters to gather at the stadium.',
      {
        source: 'The governor',
        cue: 'encouraging',
        content: 'his supporters to gather at the stadium',
      },
    ],
  ];
  it.each(table)('%s', check);

  const none: Array<[string]> = [['Armed groups seeking to control the pass attacked the convoy.']];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));
});

describe('"as X put it"', () => {
  const table: Array<[string, Expected]> = [
    [
      'As one aid worker put it, the camp is a prison with tents.',
      { source: 'one aid worker', cue: 'put it', content: 'the camp is a prison with tents' },
    ],
  ];
  it.each(table)('%s', check);

  const none: Array<[string]> = [['He put it on the table in Basra.']];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));
});

describe('impersonal judgements', () => {
  const table: Array<[string, Expected]> = [
    [
      'Nor is it clear that the new checkpoints will stop the smuggling.',
      { source: null, cue: 'Nor is it clear', content: 'that the new checkpoints will stop the smuggling' },
    ],
    [
      'It was clear the talks in Geneva had failed.',
      { source: null, cue: 'It was clear', content: 'the talks in Geneva had failed' },
    ],
    [
      'It’s unclear whether the crossing will reopen.',
      { source: null, cue: 'It’s unclear', content: 'whether the crossing will reopen' },
    ],
  ];
  it.each(table)('%s', check);

  const none: Array<[string]> = [['It was clear and cold in Mosul.']];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));
});

describe('"…, even suggesting …"', () => {
  const text =
    'The governor complained about the slow repairs after the storm, even suggesting the contractor had been bribed.';
  it('ends the first content and reads the participle as a second report', () => {
    check(text, { source: 'The governor', cue: 'complained', content: 'the slow repairs after the storm' });
    check(text, {
      source: 'The governor',
      cue: 'even suggesting',
      content: 'the contractor had been bribed',
    });
  });
});

describe('asides, verbless leads and participles after a quotation', () => {
  const table: Array<[string, Expected]> = [
    [
      'Some villagers, however, doubt the truce will hold.',
      { source: 'Some villagers', cue: 'doubt', content: 'the truce will hold' },
    ],
    ['People like the mayor, he said.', { source: 'he', cue: 'said', content: 'People like the mayor' }],
    [
      'Critics questioned the choice of Aziz, who has never run a ministry.',
      { source: 'Critics', cue: 'questioned', content: 'the choice of Aziz' },
    ],
    [
      'The district "has turned a corner at last," the governor said in June, citing the new clinics.',
      {
        source: 'the governor',
        cue: 'said',
        content: 'The district "has turned a corner at last,"',
      },
    ],
    [
      '"We will not leave," the commander said, adding that the road would stay open.',
      { source: 'the commander', cue: 'adding', content: 'that the road would stay open' },
    ],
  ];
  it.each(table)('%s', check);

  const none: Array<[string]> = [['In 2000, they attacked the port.']];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));
});

describe('bylines, numbers and relative gaps are no reports', () => {
  const none: Array<[string]> = [
    ['Additional reporting by Lena Ortiz in Erbil.'],
    ['Jo Lee reported from Erbil, and Sam Kay from Mosul.'],
    ['Turnout has declined sharply from 70 percent.'],
    ['Output would fall by six percentage points a year.'],
  ];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));

  const table: Array<[string, Expected]> = [
    [
      'Our correspondent reported from Kyiv that the power station was hit.',
      { source: 'Our correspondent', cue: 'reported', content: 'that the power station was hit' },
    ],
    [
      'The ministry declined to comment on the strike.',
      { source: 'The ministry', cue: 'declined', content: 'to comment on the strike' },
    ],
  ];
  it.each(table)('%s', check);
});

describe('speakers named after the cue', () => {
  const table: Array<[string, Expected]> = [
    [
      '"The blockade is a disgrace," said Rep. Jane Doe (D-Ohio), head of the caucus.',
      {
        source: 'Rep. Jane Doe (D-Ohio), head of the caucus',
        cue: 'said',
        content: '"The blockade is a disgrace,"',
      },
    ],
    [
      '"The rules are clear," said Lena Ortiz, a lawyer who runs the legal clinic in Erbil.',
      {
        source: 'Lena Ortiz, a lawyer who runs the legal clinic in Erbil',
        cue: 'said',
        content: '"The rules are clear,"',
      },
    ],
    [
      'The new levy is unfair to farmers, said Mr. Aziz (a view shared by several traders).',
      { source: 'Mr. Aziz', cue: 'said', content: 'The new levy is unfair to farmers' },
    ],
  ];
  it.each(table)('%s', check);
});

describe('"Said X: “…”"', () => {
  const table: Array<[string, Expected]> = [
    [
      'Said the governor: “We will not leave the valley.”',
      { source: 'the governor', cue: 'Said', content: '“We will not leave the valley.”' },
    ],
    [
      'Mayor Lee: “We will stay in Mosul.”',
      { source: 'Mayor Lee', cue: ':', content: '“We will stay in Mosul.”' },
    ],
  ];
  it.each(table)('%s', check);
});

describe('short chants and songs', () => {
  const table: Array<[string, Expected]> = [
    [
      'Protesters in Basra chanted "No more blackouts!" and marched on.',
      { source: 'Protesters in Basra', cue: 'chanted', content: '"No more blackouts!"' },
    ],
    [
      'The crowd outside the ministry was chanting “Bread! Water!”',
      { source: 'The crowd outside the ministry', cue: 'was chanting', content: '“Bread! Water!”' },
    ],
  ];
  it.each(table)('%s', check);

  it('does not take the place where a crowd stands for its speaker', () => {
    const text = 'The crowd outside the ministry was chanting “Bread! Water!”';
    expect(read(text)[0]?.speaker.name).toBe('The crowd');
  });
});

describe('a dateline before the reported words is not part of them', () => {
  const table: Array<[string, Expected]> = [
    [
      'BASRA, Iraq (Gulf Wire) — Rockets hit the oil terminal, port officials said.',
      { source: 'port officials', cue: 'said', content: 'Rockets hit the oil terminal' },
    ],
    [
      'ERBIL, Iraq, March 4 (Meridian Wire) — A drone struck a depot near the airport, the governor said.',
      { source: 'the governor', cue: 'said', content: 'A drone struck a depot near the airport' },
    ],
  ];
  it.each(table)('%s', (text, expected) => check(text, expected));
});

describe('positions held through nouns, participles and infinitives', () => {
  const table: Array<[string, Expected]> = [
    [
      'The minister raised questions about the convoy route.',
      { source: 'The minister', cue: 'raised questions about', content: 'the convoy route' },
    ],
    [
      // The subject receives the questions: nobody is named as asking them.
      'The ministry has faced questions about the convoy route.',
      { source: null, cue: 'faced questions about', content: 'the convoy route' },
    ],
    [
      'The mayor praised the engineers as “true heroes,” comparing them to the firefighters of 1998.',
      { source: 'The mayor', cue: 'praised', content: 'the engineers as “true heroes,”' },
    ],
    [
      'The mayor praised the engineers as “true heroes,” comparing them to the firefighters of 1998.',
      { source: 'The mayor', cue: 'comparing', content: 'them to the firefighters of 1998' },
    ],
    [
      'The council proposes closing the northern crossing, and plans to reopen the old bridge by March.',
      { source: 'The council', cue: 'proposes', content: 'closing the northern crossing' },
    ],
    [
      'The council proposes closing the northern crossing, and plans to reopen the old bridge by March.',
      { source: 'The council', cue: 'plans', content: 'to reopen the old bridge by March' },
    ],
    [
      'The shelling led the mayor of Kharkiv to demand new air defences.',
      { source: 'the mayor of Kharkiv', cue: 'demand', content: 'new air defences' },
    ],
    [
      'The minister made the remarks while criticizing the new curfew.',
      { source: 'The minister', cue: 'criticizing', content: 'the new curfew' },
    ],
    [
      'The talks stalled, with Russia backing the government in Damascus.',
      { source: 'Russia', cue: 'backing', content: 'the government in Damascus' },
    ],
    [
      'The council vetoed the budget for the port.',
      { source: 'The council', cue: 'vetoed', content: 'the budget for the port' },
    ],
    [
      'The plan is supported by far fewer lawmakers.',
      { source: 'fewer lawmakers', cue: 'is supported', content: 'The plan' },
    ],
    [
      'The governor sees the bridge as a lifeline for the city.',
      { source: 'The governor', cue: 'sees', content: 'the bridge as a lifeline for the city' },
    ],
    [
      'The mayor remembers the floods of 1998.',
      { source: 'The mayor', cue: 'remembers', content: 'the floods of 1998' },
    ],
    [
      // The cue has an object of its own: the main clause is not what the envoy talked about.
      'As the envoy talked about reopening the crossing, the militia shelled the road.',
      { source: 'the envoy', cue: 'talked', content: 'reopening the crossing' },
    ],
    [
      'As Reuters reported on Monday, the dam was breached.',
      { source: 'Reuters', cue: 'reported', content: 'the dam was breached' },
    ],
  ];
  it.each(table)('%s', check);

  it('keeps an act of official position out of the claims: it is a stance, not a report', () => {
    expect(read('The council vetoed the budget for the port.')[0]?.cueKind).toBe('stance');
  });

  const none: Array<[string]> = [
    ['We will see.'],
    // A clause of time after the cue says when, not what.
    ['That was what the envoy said when she resigned.'],
    // Naming and phoning in are not reports.
    ['His relief fund, called the River Trust, bought the land.'],
    ['She recently called in to a radio show about the curfew.'],
    ['The fighters left the city as the sun rose.'],
    ['The family sued the newspaper over the photographs.'],
  ];
  it.each(none)('%s', (text) => expect(read(text)).toEqual([]));
});

describe('where the content ends', () => {
  const table: Array<[string, Expected]> = [
    [
      'While some officials have suggested the dam is safe, the governor ordered an inspection.',
      { source: 'some officials', cue: 'have suggested', content: 'the dam is safe' },
    ],
    [
      "The agency called the report ''deeply flawed.'' The ministry said it would respond on Monday.",
      { source: 'The ministry', cue: 'said', content: 'it would respond on Monday' },
    ],
    [
      '“The bridge will hold,” Vance said. “We tested it twice.”',
      { source: 'Vance', cue: 'said', content: '“The bridge will hold,” Vance said. “We tested it twice.”' },
    ],
    [
      // The second quotation has a cue of its own: it is not the first one going on.
      '“The bridge will hold,” Vance said. “We tested it twice” before the storm, she added.',
      { source: 'Vance', cue: 'said', content: '“The bridge will hold,”' },
    ],
    [
      'Lena Park -- a former envoy to Seoul -- said the talks would resume.',
      { source: 'Lena Park -- a former envoy to Seoul', cue: 'said', content: 'the talks would resume' },
    ],
    [
      'Data from the survey show that most families stayed.',
      { source: 'Data from the survey', cue: 'show', content: 'that most families stayed' },
    ],
    [
      'The governor called the strike on Monday “an act of war.”',
      { source: 'The governor', cue: 'called', content: 'the strike on Monday “an act of war.”' },
    ],
    [
      'The envoy is calling for a pause in the shelling, not that the talks be ended.',
      { source: 'The envoy', cue: 'is calling', content: 'a pause in the shelling' },
    ],
    [
      'The governor condemned the shelling in a televised address.',
      { source: 'The governor', cue: 'condemned', content: 'the shelling' },
    ],
    [
      'The envoy praised Vance, the new commander of the brigade.',
      { source: 'The envoy', cue: 'praised', content: 'Vance' },
    ],
    [
      'The latest blast, the ministry said, was the largest yet, although it may take days to confirm.',
      {
        source: 'the ministry',
        cue: 'said',
        content: 'The latest blast, the ministry said, was the largest yet',
      },
    ],
    [
      'Although he lives in Berlin now, Yazan says the siege, and its cause, remain with him.',
      { source: 'Yazan', cue: 'says', content: 'the siege, and its cause, remain with him' },
    ],
    [
      'The convoy stopped near the stadium, which, the driver said, is usually empty at night.',
      { source: 'the driver', cue: 'said', content: 'which, the driver said, is usually empty at night' },
    ],
    [
      'She said the shelter would close on Friday, and when asked why, the mayor left the room.',
      { source: 'She', cue: 'said', content: 'the shelter would close on Friday' },
    ],
    [
      '“We will not leave,” the mayor said Friday as she entered the talks.',
      { source: 'the mayor', cue: 'said', content: '“We will not leave,”' },
    ],
    [
      // An indirect question is what was asked, even when it opens with "when".
      'She asked when the convoy would arrive.',
      { source: 'She', cue: 'asked', content: 'when the convoy would arrive' },
    ],
    [
      'Keron Blair, head of the parents’ group, called for more school investment in a statement on Thursday.',
      {
        source: 'Keron Blair, head of the parents’ group,',
        cue: 'called',
        content: 'more school investment',
      },
    ],
    [
      'The rebels withdrew from the town, the agency reports.',
      { source: 'the agency', cue: 'reports', content: 'The rebels withdrew from the town' },
    ],
    [
      // The trailing frame holds the whole clause, the verb inside it included.
      'Most families would see their rents rise under the plan, according to an analysis by the housing board.',
      {
        source: 'an analysis by the housing board',
        cue: 'according to',
        content: 'Most families would see their rents rise under the plan',
      },
    ],
  ];
  it.each(table)('%s', check);
});
