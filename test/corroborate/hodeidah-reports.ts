import type { TestReport } from './ledger-reports.js';

// Fictional events at real places, written for these tests: air strikes on Hodeidah port and
// a separate drone attack near Marib, the same week of August 2025.

const wire = `Air strikes hit Hodeidah port, fuel tanks ablaze

HODEIDAH, Yemen, Aug 12 (Horn Wire) — Warplanes struck fuel storage tanks at Hodeidah port on Tuesday, setting several ablaze and killing four dock workers, the port authority said.

The authority said the strikes also damaged a crane used to unload grain. Black smoke could be seen across the city for most of the day.

No country immediately said it carried out the raid.`;

/** One strike reported three ways (the wire, a client's copy, an independent report) and a distractor. */
export const HODEIDAH_REPORTS: TestReport[] = [
  { id: 'horn-wire-hodeidah', publisher: 'Horn Wire', date: '2025-08-12', text: wire },
  {
    id: 'aden-times-hodeidah',
    publisher: 'Aden Times',
    date: '2025-08-12',
    text: wire
      .replace('Air strikes hit Hodeidah port, fuel tanks ablaze', 'Port of Hodeidah bombed')
      .replace('\n\nNo country immediately said it carried out the raid.', ''),
  },
  {
    id: 'red-sea-monitor-hodeidah',
    publisher: 'Red Sea Monitor',
    date: '2025-08-13',
    text: `Dock workers killed in Hodeidah raid

HODEIDAH — Six workers died when jets bombed the fuel depot of Hodeidah port on Tuesday afternoon, according to a medic at the city's main hospital.

A port official said the air raid had hit two tanks. Firefighters were still trying to contain the blaze on Wednesday morning.`,
  },
  {
    id: 'red-sea-monitor-marib',
    publisher: 'Red Sea Monitor',
    date: '2025-08-13',
    text: `Drone attack near Marib

MARIB — A drone attack hit a military checkpoint west of Marib on Tuesday, wounding three soldiers, a local official said.`,
  },
];
