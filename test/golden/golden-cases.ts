import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Gazetteer } from '../../src/geo/gazetteer.js';
import { sourceFromBytes } from '../../src/ingest/source-document.js';
import { analyzeDocument } from '../../src/pipeline.js';
import type { AnalysisRecord } from '../../src/types/index.js';

/** Where golden cases live: `test/fixtures/<stage>/<case>/`. */
export const FIXTURES = resolve(import.meta.dirname, '../fixtures');

/** The record fields each stage is responsible for: a case compares only these. */
export const STAGE_FIELDS: Record<string, (keyof AnalysisRecord)[]> = {
  ingest: ['text', 'body'],
  document: ['document'],
  sentences: ['sentences'],
  quantities: ['quantities'],
  dates: ['dates'],
  places: ['places', 'eventLocation'],
  entities: ['entities'],
  attributions: ['attributions', 'markers'],
  claims: ['claims'],
  events: ['events', 'tallies', 'mainEventType'],
  checks: ['checks'],
};

/** One golden case: an input report we wrote, its reference date, and the expected output. */
export interface GoldenCase {
  readonly stage: string;
  readonly name: string;
  readonly dir: string;
  readonly inputFile: string;
  readonly date: string | null;
}

/** Lists every case under `test/fixtures/`. */
export function listCases(): GoldenCase[] {
  if (!existsSync(FIXTURES)) return [];
  const cases: GoldenCase[] = [];
  for (const stage of readdirSync(FIXTURES).sort()) {
    const stageDir = join(FIXTURES, stage);
    for (const name of readdirSync(stageDir).sort()) {
      const dir = join(stageDir, name);
      const input = readdirSync(dir).find((f) => /^input\.(txt|html)$/.test(f));
      if (!input) continue;
      const settings = existsSync(join(dir, 'case.json'))
        ? (JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { date?: string })
        : {};
      cases.push({ stage, name, dir, inputFile: join(dir, input), date: settings.date ?? null });
    }
  }
  return cases;
}

/** Runs the reader on a case and keeps the fields of its stage (JSON round-tripped). */
export function actualOutput(c: GoldenCase, gazetteer: Gazetteer | null): Record<string, unknown> {
  const fields = STAGE_FIELDS[c.stage];
  if (!fields)
    throw new Error(`unknown stage "${c.stage}" in ${c.dir}; known: ${Object.keys(STAGE_FIELDS).join(', ')}`);
  const source = sourceFromBytes(readFileSync(c.inputFile), { id: `${c.stage}/${c.name}` });
  const record = analyzeDocument(source, { referenceDate: c.date, gazetteer });
  const picked: Record<string, unknown> = {};
  for (const f of fields) picked[f] = record[f];
  return JSON.parse(JSON.stringify(picked)) as Record<string, unknown>;
}
