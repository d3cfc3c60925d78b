import { readFile, writeFile } from 'node:fs/promises';
import { loadLedger } from '../corroborate/load-ledger.js';
import { CorroborateError, InputError, UsageError } from '../errors.js';
import { type ChangeMap, changeMap } from '../evidence/measure/change-map.js';
import { measureAsEvidence } from '../evidence/measure/measurement-evidence.js';
import { measurePolygon } from '../evidence/measure/polygon-area.js';
import type { Store } from '../store/store.js';
import type { EvidenceItem, EvidenceSubject, MeasurementCheck } from '../types/evidence.js';
import type { Ledger } from '../types/ledger.js';
import {
  DB_HELP,
  DB_OPTION,
  HELP_OPTION,
  outputFormat,
  parseCommandArgs,
  positiveInteger,
  printHelpIf,
  withLedger,
} from './ledger-context.js';

/** Help of `corroborate evidence measure`. */
export const MEASURE_HELP = `Usage: corroborate evidence measure FILE.geojson [options]

Measures the geodesic area of a polygon outline (GeoJSON Polygon, MultiPolygon, Feature or
FeatureCollection, WGS 84 longitude/latitude) and compares it with the areas ("13,700 square
feet", "1.3 hectares") and shares ("50 percent of the base") that claims state. With --claim or
--event the measurement is stored as evidence on them (audited as evidence.add).

Options:
  --claim ID          a ledger claim (DOC:CLAIM) the outline bears on (repeatable)
  --event ID          a ledger event the outline bears on: its claims are compared (repeatable)
  --label TEXT        what the outline is: "damaged structures", "facility outline", …
  --whole FILE|ID     the outline a share is of (GeoJSON file, or a stored measurement's id);
                      default: the latest "facility outline" stored on the same claim or event
  --tolerance F       relative tolerance of the comparisons (default 0.15: within 15 %)
  --note TEXT         a note kept with the evidence
  --by NAME           who measured (default: $USER)
  --format text|json  output (default: text)
${DB_HELP}
  -h, --help          show this help

Exit codes: 0 measured, 2 usage, 3 bad outline or unknown claim/event, 4 ledger I/O.`;

/** Help of `corroborate evidence change`. */
export const CHANGE_HELP = `Usage: corroborate evidence change BEFORE.tif AFTER.tif [options]

Finds what changed between two co-registered GeoTIFFs of one site (same size, geotransform and
CRS): per-pixel differences beyond the noise, cleaned of speckle, grouped into regions, each with
its ground area in m² and its outline. Supported CRS: EPSG:4326, EPSG:3857, WGS 84 / UTM
(EPSG:326xx, 327xx), and user-defined projected CRS in metres (areas only).

Options:
  --geojson OUT       write the regions as a GeoJSON FeatureCollection (lon/lat)
  --event ID          store each region as measurement evidence on this ledger event (repeatable)
  --claim ID          … or on this claim (repeatable)
  --sigmas N          change threshold in noise sigmas (default 4)
  --min-pixels N      smallest region reported (default 9 pixels)
  --max-pixels N      largest image read, width × height (default 25000000)
  --store-regions N   with --event/--claim: store the N largest regions (default 10)
  --tolerance F       relative tolerance of the comparisons (default 0.15)
  --by NAME           who measured (default: $USER)
  --format text|json  output (default: text)
${DB_HELP}
  -h, --help          show this help

Exit codes: 0 done, 2 usage, 3 unreadable or mismatched images, 4 I/O.`;

const SUBJECT_OPTIONS = {
  claim: { type: 'string', multiple: true },
  event: { type: 'string', multiple: true },
  tolerance: { type: 'string' },
  by: { type: 'string' },
  format: { type: 'string' },
  ...HELP_OPTION,
} as const;

/**
 * `corroborate evidence measure FILE.geojson [--claim ID] [--event ID] [--tolerance F]`.
 *
 * @example await runEvidenceMeasureCommand(['outline.geojson', '--event', 'north-wire-1:e1'])
 */
export async function runEvidenceMeasureCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      ...DB_OPTION,
      ...SUBJECT_OPTIONS,
      label: { type: 'string' },
      whole: { type: 'string' },
      note: { type: 'string' },
    },
    'evidence measure',
  );
  if (printHelpIf(values.help, MEASURE_HELP)) return 0;
  if (positionals.length !== 1) throw new UsageError('evidence measure takes one GeoJSON file (see --help)');
  const format = outputFormat(values.format);
  const tolerance = toleranceOf(values.tolerance);
  const subjects = subjectsOf(values.claim, values.event);
  const file = positionals[0] as string;
  const geojson = await readJson(file);
  const whole = values.whole === undefined ? undefined : await wholeOf(values.whole);

  if (subjects.length === 0) {
    const measured = measurePolygon(geojson);
    if (!measured.ok) throw new InputError(`${file}: ${measured.problem.message}`);
    const result = { areaM2: measured.areaM2, polygons: measured.polygons, vertices: measured.vertices };
    process.stdout.write(
      format === 'json'
        ? `${JSON.stringify(result, null, 2)}\n`
        : `${file}: ${areaLine(measured.areaM2)}, ${plural(measured.polygons, 'polygon')}, ${plural(measured.vertices, 'vertex', 'vertices')}\n(name a --claim or --event to compare it with what they state and keep it as evidence)\n`,
    );
    return 0;
  }

  const item = await withLedger(
    values.db,
    async (store) => {
      const ledger = await ledgerIfNeeded(store, subjects);
      const result = await measureAsEvidence(store, ledger, {
        geojson,
        subjects,
        addedBy: addedBy(values.by),
        label: values.label ?? null,
        note: values.note ?? null,
        ...(tolerance === undefined ? {} : { tolerance }),
        ...(whole === undefined ? {} : { whole }),
      });
      if (!result.ok)
        throw new InputError(result.reason === 'bad-outline' ? `${file}: ${result.message}` : result.message);
      return { item: result.item, status: result.status };
    },
    { create: false },
  );
  process.stdout.write(
    format === 'json' ? `${JSON.stringify(item, null, 2)}\n` : `${measurementText(item.item, item.status)}\n`,
  );
  return 0;
}

/**
 * `corroborate evidence change BEFORE.tif AFTER.tif [--geojson OUT] [--event ID]`.
 *
 * @example await runEvidenceChangeCommand(['before.tif', 'after.tif', '--geojson', 'changes.geojson'])
 */
export async function runEvidenceChangeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      ...DB_OPTION,
      ...SUBJECT_OPTIONS,
      geojson: { type: 'string' },
      sigmas: { type: 'string' },
      'min-pixels': { type: 'string' },
      'max-pixels': { type: 'string' },
      'store-regions': { type: 'string' },
    },
    'evidence change',
  );
  if (printHelpIf(values.help, CHANGE_HELP)) return 0;
  if (positionals.length !== 2)
    throw new UsageError('evidence change takes two GeoTIFFs: BEFORE AFTER (see --help)');
  const format = outputFormat(values.format);
  const tolerance = toleranceOf(values.tolerance);
  const subjects = subjectsOf(values.claim, values.event);
  const sigmas = values.sigmas === undefined ? 4 : Number(values.sigmas);
  if (!(sigmas > 0)) throw new UsageError(`--sigmas must be a positive number, got "${values.sigmas}"`);
  const minRegionPixels = positiveInteger(values['min-pixels'], '--min-pixels', 9);
  const maxPixels = positiveInteger(values['max-pixels'], '--max-pixels', 25_000_000);
  const storeRegions = positiveInteger(values['store-regions'], '--store-regions', 10);
  const [beforePath, afterPath] = positionals as [string, string];
  const [before, after] = await Promise.all([readBytes(beforePath), readBytes(afterPath)]);
  const map = await changeMap(before, after, { sigmas, minRegionPixels, maxPixels });
  if (!map.ok) {
    const name = { before: beforePath, after: afterPath, pair: `${beforePath} and ${afterPath}` };
    throw new InputError(map.problems.map((p) => `${name[p.file]}: ${p.message}`).join('; '));
  }
  if (values.geojson !== undefined)
    await writeOutput(values.geojson, `${JSON.stringify(changeGeoJson(map), null, 2)}\n`);

  const stored: { item: EvidenceItem; status: string }[] = [];
  if (subjects.length > 0) {
    const outlined = map.regions.filter((r) => r.geometry !== null).slice(0, storeRegions);
    if (outlined.length < Math.min(storeRegions, map.regions.length)) {
      throw new InputError(
        `${map.crs.name} has no lon/lat outline here, so its regions cannot be stored as evidence`,
      );
    }
    await withLedger(
      values.db,
      async (store) => {
        const ledger = await ledgerIfNeeded(store, subjects);
        for (const region of outlined) {
          const result = await measureAsEvidence(store, ledger, {
            geojson: region.geometry,
            subjects,
            addedBy: addedBy(values.by),
            label: `changed region ${region.id}`,
            note: `change map ${basename(beforePath)} → ${basename(afterPath)}: ${region.pixels} pixels, mean difference ${region.meanDifference}`,
            ...(tolerance === undefined ? {} : { tolerance }),
          });
          if (!result.ok) throw new InputError(result.message);
          stored.push({ item: result.item, status: result.status });
        }
      },
      { create: false },
    );
  }
  if (format === 'json') {
    const { options: _options, ...rest } = map;
    process.stdout.write(
      `${JSON.stringify({ ...rest, stored: stored.map((s) => ({ id: s.item.id, status: s.status })) }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(`${changeText(map, stored, values.geojson)}\n`);
  }
  return 0;
}

/**
 * `corroborate evidence measure|change …`: the measurement subcommands. The images helper's
 * `evidence` dispatcher hands these two to this function; until it exists, `main.ts` calls it
 * for every `evidence` subcommand.
 *
 * @example await runEvidenceMeasureSubcommand(['change', 'before.tif', 'after.tif'])
 */
export async function runEvidenceMeasureSubcommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'measure') return runEvidenceMeasureCommand(rest);
  if (sub === 'change') return runEvidenceChangeCommand(rest);
  throw new UsageError(
    `evidence ${sub === undefined ? 'needs a subcommand' : `has no subcommand "${sub}"`}: measure FILE.geojson, change BEFORE.tif AFTER.tif (see --help of each)`,
  );
}

function subjectsOf(claims: string[] | undefined, events: string[] | undefined): EvidenceSubject[] {
  const subjects: EvidenceSubject[] = [];
  for (const id of claims ?? []) {
    if (!/^.+:[^:]+$/.test(id))
      throw new UsageError(`--claim takes a ledger claim id DOCUMENT:CLAIM, got "${id}"`);
    subjects.push({ kind: 'claim', id });
  }
  for (const id of events ?? []) subjects.push({ kind: 'event', id });
  return subjects;
}

function toleranceOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = Number(value);
  if (!(t >= 0 && t < 1))
    throw new UsageError(`--tolerance must be a fraction in [0, 1) (0.15 = 15 %), got "${value}"`);
  return t;
}

function addedBy(by: string | undefined): string {
  return by ?? process.env.USER ?? process.env.USERNAME ?? 'cli';
}

async function ledgerIfNeeded(store: Store, subjects: readonly EvidenceSubject[]): Promise<Ledger | null> {
  return subjects.some((s) => s.kind === 'event') ? await loadLedger(store) : null;
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') throw new InputError(`${path}: no such file`);
    throw new CorroborateError('io', `cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
}

async function readJson(path: string): Promise<unknown> {
  const text = new TextDecoder().decode(await readBytes(path));
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not JSON (${(error as Error).message})`);
  }
}

async function wholeOf(value: string): Promise<unknown> {
  return /^ev:[0-9a-f]+$/.test(value) ? value : await readJson(value);
}

async function writeOutput(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new CorroborateError('io', `cannot write ${path}: ${(error as Error).message}`, { cause: error });
  }
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function areaLine(m2: number): string {
  const ha = (m2 / 1e4).toLocaleString('en-US', { maximumFractionDigits: m2 < 1e4 ? 3 : 2 });
  const sqft = (m2 / 0.09290304).toLocaleString('en-US', { maximumFractionDigits: 0 });
  return `${m2.toLocaleString('en-US', { maximumFractionDigits: 1 })} m² (${ha} ha, ${sqft} sq ft)`;
}

/**
 * The regions of a change map as a GeoJSON FeatureCollection: one feature per outlined region,
 * with its id, area, pixels and mean difference as properties.
 *
 * @example changeGeoJson(map).features[0].properties // { id: 'r1', areaM2: 3600, pixels: 900, meanDifference: -60.1 }
 */
export function changeGeoJson(map: ChangeMap): {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: Record<string, unknown>; geometry: unknown }[];
} {
  return {
    type: 'FeatureCollection',
    features: map.regions
      .filter((r) => r.geometry !== null)
      .map((r) => ({
        type: 'Feature',
        properties: { id: r.id, areaM2: r.areaM2, pixels: r.pixels, meanDifference: r.meanDifference },
        geometry: r.geometry,
      })),
  };
}

function verdictLine(check: MeasurementCheck): string {
  return `  ${check.verdict.padEnd(14)} ${check.claimId ?? '(typed in)'}  ${check.explanation}`;
}

function measurementText(item: EvidenceItem, status: string): string {
  const finding = item.finding;
  if (finding.kind !== 'measurement') return item.id;
  const lines = [
    `${item.id} (${status === 'new' ? 'stored' : 'already stored'})${finding.label ? `: ${finding.label}` : ''}`,
    `area: ${areaLine(finding.areaM2)}`,
    `on: ${item.subjects.map((s) => `${s.kind} ${s.id}`).join(', ')}`,
  ];
  if (finding.checks.length === 0) lines.push('checks: no claim states an area or a share');
  else {
    lines.push(`checks (tolerance ${Math.round((finding.checks[0]?.tolerance ?? 0) * 100)} %):`);
    for (const check of finding.checks) lines.push(verdictLine(check));
  }
  return lines.join('\n');
}

function changeText(
  map: ChangeMap,
  stored: { item: EvidenceItem; status: string }[],
  geojsonPath: string | undefined,
): string {
  const lines = [
    `${map.width} × ${map.height} pixels of ${map.resolution.map((v) => Math.abs(v)).join(' × ')} (${map.crs.name}); ${map.noise.gain === 1 ? '' : `after image contrast × ${map.noise.gain.toFixed(3)}; `}noise sigma ${map.noise.sigma.toFixed(2)}, change beyond ${map.noise.threshold.toFixed(2)} from the median difference ${map.noise.offset.toFixed(2)}`,
    `${plural(map.regions.length, 'region')} changed${map.regionsLeftOut > 0 ? ` (${map.regionsLeftOut} smaller or beyond the list left out)` : ''}:`,
  ];
  for (const r of map.regions) {
    lines.push(
      `  ${r.id.padEnd(5)} ${areaLine(r.areaM2).padEnd(40)} ${plural(r.pixels, 'pixel')} at column ${r.box.col}, row ${r.box.row}; ${r.meanDifference < 0 ? 'darker' : 'brighter'} by ${Math.abs(r.meanDifference).toFixed(1)}`,
    );
  }
  if (geojsonPath !== undefined) lines.push(`outlines written to ${geojsonPath}`);
  for (const { item, status } of stored) {
    const finding = item.finding;
    if (finding.kind !== 'measurement') continue;
    lines.push(`${item.id} (${status === 'new' ? 'stored' : 'already stored'}): ${finding.label}`);
    for (const check of finding.checks) lines.push(verdictLine(check));
  }
  return lines.join('\n');
}
