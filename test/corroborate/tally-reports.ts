import type { TestReport } from './ledger-reports.js';

// Fictional events at real places, written for these tests: two drone attacks on the
// Qayyarah airfield in June 2025, and the statements that count them.

const first = (id: string, publisher: string, wording: string): TestReport => ({
  id,
  publisher,
  date: '2025-06-03',
  text: `Drone attack on Qayyarah airfield

QAYYARAH, Iraq — ${wording} on Monday, security officials said. Nobody was hurt.`,
});

/** Two attacks on one airfield a week apart, each reported twice, and three tallies of them. */
export const TALLY_REPORTS: TestReport[] = [
  first('nineveh-post-first', 'Nineveh Post', 'Two drones struck the Qayyarah airfield south of Mosul'),
  first('tigris-daily-first', 'Tigris Daily', 'A drone attack hit the Qayyarah airfield'),
  {
    id: 'nineveh-post-second',
    publisher: 'Nineveh Post',
    date: '2025-06-10',
    text: `Second drone attack on Qayyarah airfield

QAYYARAH, Iraq — A drone struck a fuel truck at the Qayyarah airfield south of Mosul on Monday, security officials said.

A spokesman for the Joint Operations Command said there had been two attacks on Qayyarah airfield since 1 June.`,
  },
  {
    id: 'tigris-daily-second',
    publisher: 'Tigris Daily',
    date: '2025-06-10',
    text: `Qayyarah airfield hit again

QAYYARAH, Iraq — A drone hit the Qayyarah airfield on Monday, setting a fuel truck on fire, officials said.

An armed group said it had carried out 15 attacks on Qayyarah airfield since 1 June.`,
  },
  {
    id: 'mosul-monitor-count',
    publisher: 'Mosul Monitor',
    date: '2025-06-11',
    text: `Ministry plays down Qayyarah attacks

MOSUL — The interior ministry said on Wednesday that there had been only one attack on Qayyarah airfield since 1 June.`,
  },
];
