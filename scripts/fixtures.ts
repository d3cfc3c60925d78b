// Golden fixtures: add a case, or regenerate expected outputs after an intended change.
//
//   npm run fixture:add -- STAGE CASE FILE [--date YYYY-MM-DD]
//   npm run fixture:update [-- STAGE[/CASE]]
//
// Regeneration is local only: it refuses to run in CI, where a mismatch must fail instead.
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDefaultGazetteer } from '../src/geo/gazetteer.js';
import { parseReferenceDate } from '../src/reference-date.js';
import { actualOutput, FIXTURES, listCases, STAGE_FIELDS } from '../test/golden/golden-cases.js';

const USAGE = `Usage: npm run fixture:add -- STAGE CASE FILE [--date YYYY-MM-DD]
       npm run fixture:update [-- STAGE[/CASE]]
Stages: ${Object.keys(STAGE_FIELDS).join(', ')}`;

async function main(): Promise<number> {
  if (process.env.CI) {
    console.error('fixtures: refusing to write golden fixtures in CI (CI is set)');
    return 2;
  }
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { date: { type: 'string' } },
  });
  const [command, ...rest] = positionals;
  const gazetteer = await loadDefaultGazetteer();
  if (command === 'add') {
    const [stage, name, file] = rest;
    if (!stage || !name || !file || !STAGE_FIELDS[stage]) {
      console.error(USAGE);
      return 2;
    }
    if (!existsSync(file)) {
      console.error(`fixtures: no such file ${file}`);
      return 2;
    }
    const dir = join(FIXTURES, stage, name);
    if (existsSync(dir)) {
      console.error(`fixtures: ${stage}/${name} exists; use fixture:update`);
      return 2;
    }
    mkdirSync(dir, { recursive: true });
    copyFileSync(file, join(dir, `input${extname(file) === '.html' ? '.html' : '.txt'}`));
    if (values.date)
      writeFileSync(join(dir, 'case.json'), `${JSON.stringify({ date: parseReferenceDate(values.date) })}\n`);
  } else if (command !== 'update') {
    console.error(USAGE);
    return 2;
  }
  const only = command === 'update' ? rest[0] : `${rest[0]}/${rest[1]}`;
  let written = 0;
  for (const c of listCases()) {
    if (only && c.stage !== only && `${c.stage}/${c.name}` !== only) continue;
    writeFileSync(join(c.dir, 'expected.json'), `${JSON.stringify(actualOutput(c, gazetteer), null, 2)}\n`);
    rmSync(join(c.dir, 'expected.changed.json'), { force: true });
    written++;
  }
  console.log(`fixtures: wrote ${written} expected output(s)`);
  return 0;
}

main().then((code) => {
  process.exitCode = code;
});
