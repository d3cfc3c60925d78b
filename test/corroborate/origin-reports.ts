import type { TestReport } from './ledger-reports.js';

// Fictional reports written for these tests: one story republished with a notice and edits,
// one wire story rewritten by two outlets, and an independent report of the same event.

const story = `Shelling damages water station in Kupiansk

KUPIANSK — Artillery shells hit the main water pumping station in Kupiansk on Sunday, cutting supplies to about 20,000 residents, the city's military administration said.

Engineers were working to restore power to the pumps, but repairs could take several days because of continued shelling in the area, the administration said in a statement on Telegram.

Residents queued at wells and at trucks delivering drinking water in the city centre. Aid groups said they were sending bottled water and portable filters from Kharkiv.`;

const wire = `Drone hits grain silo in Zaporizhzhia region

ZAPORIZHZHIA, Ukraine, July 7 (Meridian Wire) — A drone struck a grain silo near the town of Orikhiv in Zaporizhzhia region overnight, starting a fire that burned through about 300 tonnes of wheat, the regional governor said on Monday.

No one was injured. Firefighters brought the blaze under control by morning, the governor said, adding that the silo belonged to a farming cooperative that had already lost a warehouse to shelling in the spring.`;

export const ORIGIN_REPORTS: TestReport[] = [
  { id: 'steppe-courier-water', publisher: 'Steppe Courier', date: '2025-07-06', text: story },
  {
    id: 'dnipro-line-water',
    publisher: 'Dnipro Line News',
    date: '2025-07-07',
    text: `Kupiansk without water after shelling

${story
  .split('\n\n')
  .slice(1, 3)
  .join('\n\n')
  .replace('Artillery shells hit', 'Russian artillery shells hit')
  .replace('about 20,000 residents', 'some 20,000 people')
  .replace('Engineers were working', 'Engineers worked through the night')}

The water station was last damaged in March.

This article first appeared on the Steppe Courier and is republished with permission.`,
  },
  { id: 'meridian-silo', publisher: 'Meridian Wire', date: '2025-07-07', text: wire },
  {
    id: 'kyiv-evening-silo',
    publisher: 'Kyiv Evening Post',
    date: '2025-07-07',
    text: wire
      .replace(
        'Drone hits grain silo in Zaporizhzhia region',
        'Fire at Orikhiv grain silo after drone strike',
      )
      .replace(
        'starting a fire that burned through about 300 tonnes of wheat',
        'and the fire destroyed roughly 300 tonnes of wheat',
      )
      .replace('No one was injured.', 'There were no casualties, officials said.')
      .replace(
        ', adding that the silo belonged to a farming cooperative that had already lost a warehouse to shelling in the spring',
        '',
      ),
  },
  {
    id: 'eastern-front-water',
    publisher: 'Eastern Front Review',
    date: '2025-07-06',
    text: `Kupiansk residents queue for water

KUPIANSK — Thousands of people in Kupiansk were left without running water on Sunday after Russian shelling knocked out the pumping station that serves most of the town, local officials said.

"We bring water from a well two streets away," said Olena, a pensioner who gave only her first name. Officials said repairs were under way.`,
  },
];
