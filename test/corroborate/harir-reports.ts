import type { TestReport } from './ledger-reports.js';

// Fictional events at real places, written for these tests.

const wireStory = `Drones hit Harir Air Base north of Erbil

ERBIL, Iraq (Meridian Wire) — Two drones struck Harir Air Base north of Erbil on Tuesday, damaging a hangar, Kurdish security officials said.

The officials said the drones were launched from the south and that nobody was hurt. The Islamic Resistance in Iraq claimed responsibility for the attack in a statement, saying it had carried out 12 attacks on Harir Air Base since 1 May.

The base hosts US troops and has been targeted repeatedly in recent weeks.`;

/** The same week in northern Iraq: a wire story, two copies, independent reports and distractors. */
export const HARIR_REPORTS: TestReport[] = [
  { id: 'meridian-harir', publisher: 'Meridian Wire', date: '2025-06-11', text: wireStory },
  {
    id: 'erbil-daily-harir',
    publisher: 'Erbil Daily',
    date: '2025-06-11',
    text: wireStory
      .replace('Drones hit Harir Air Base north of Erbil', 'Drone attack on Harir base')
      .replace('\n\nThe base hosts US troops and has been targeted repeatedly in recent weeks.', ''),
  },
  {
    id: 'valley-courier-harir',
    publisher: 'The Valley Courier',
    date: '2025-06-12',
    text: `${wireStory.replace('Two drones struck', 'A pair of drones struck')}

This article first appeared on Meridian Wire and is republished with permission.`,
  },
  {
    id: 'kurdistan-observer-harir',
    publisher: 'Kurdistan Observer',
    date: '2025-06-11',
    text: `US-led coalition denies damage at Harir

A drone attack targeted Harir Air Base on Tuesday, the second this month, according to local residents who heard two blasts.

A coalition spokesman said the attack caused no damage or casualties and that the drones fell outside the perimeter.`,
  },
  {
    id: 'kurdistan-observer-harir-later',
    publisher: 'Kurdistan Observer',
    date: '2025-06-18',
    text: `Another drone attack on Harir

Drones attacked Harir Air Base again on 17 June, a week after the last attack, security officials said. One drone was shot down and a second crashed into an empty storage building, the officials said.`,
  },
  {
    id: 'basra-herald-ied',
    publisher: 'Basra Herald',
    date: '2025-06-11',
    text: `Roadside bomb kills two soldiers near Basra

BASRA — A roadside bomb exploded next to an army convoy near Basra on Tuesday, killing two soldiers, a police officer said.`,
  },
  {
    id: 'mosul-times-depot',
    publisher: 'Mosul Times',
    date: '2025-06-11',
    text: `Drone strike on Mosul fuel depot kills three

MOSUL — A drone struck a fuel depot in Mosul on Tuesday, killing three workers, a provincial health official said.`,
  },
  {
    id: 'nineveh-news-depot',
    publisher: 'Nineveh News',
    date: '2025-06-11',
    text: `Seven dead as drone hits Mosul depot

MOSUL — Seven workers were killed when a drone hit a fuel depot in Mosul on Tuesday, hospital staff said.`,
  },
];
