import { readFile } from 'node:fs/promises';
import { loadLedger } from '../corroborate/load-ledger.js';
import { CorroborateError, InputError, UsageError } from '../errors.js';
import { type AddImageEvidenceResult, addImageEvidence } from '../evidence/images/add-image-evidence.js';
import { itemsWithCurrentReuse } from '../evidence/images/current-reuse.js';
import { ImageReuseIndex } from '../evidence/images/reuse-index.js';
import type { Store } from '../store/store.js';
import type { EvidenceItem, EvidenceSubject, ImageFinding } from '../types/evidence.js';
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

/** Help of `corroborate evidence`. */
export const EVIDENCE_HELP = `Usage: corroborate evidence SUBCOMMAND [options]

Evidence on claims, events and documents: images (perceptual hash, re-use across the archive,
metadata, C2PA) and measured areas.

Subcommands:
  add FILE…                    examine images and store them as evidence (see add --help)
  list                         evidence in the ledger, oldest first
  show ID                      one piece of evidence in full
  measure FILE.geojson         measure an outline against claimed areas (see measure --help)
  change BEFORE.tif AFTER.tif  change map between two GeoTIFFs (see change --help)

Run "corroborate evidence SUBCOMMAND --help" for the options of each.`;

/** Help of `corroborate evidence add`. */
export const ADD_HELP = `Usage: corroborate evidence add FILE… [options]

Examines each image and stores it, byte-exact, as evidence: its type (from the bytes, not the
name), size, 64-bit perceptual hash, EXIF/XMP/IPTC metadata (capture time, GPS, camera,
software, edit history) and C2PA manifest (validated). Each image is looked up in the archive:
earlier appearances of the same picture — re-compressed, resized, cropped a little or framed —
are listed earliest first, so an "exclusive" that ran elsewhere before is caught.

Metadata can be stripped or forged, and C2PA absence proves nothing; a valid signature is only
as trusted as the configured trust list (--trust-list).

Options:
  --claim ID           a ledger claim (DOC:CLAIM) the image bears on (repeatable)
  --event ID           a ledger event, or a report event DOC:EVENT (repeatable)
  --document ID        a document the image came with (repeatable)
  --note TEXT          a note kept with the evidence
  --by NAME            who added it (default: $USER)
  --trust-list FILE    PEM file of C2PA trust anchors (repeatable; default:
                       $CORROBORATE_C2PA_TRUST_LIST when set; none: no signer is trusted)
  --threshold N        Hamming distance for a re-use match, 0–24 (default 10)
  --max-pixels N       refuse images larger than N pixels (default 100000000)
  --format text|json   output (default: text)
${DB_HELP}
  -h, --help           show this help

One bad file (not an image, corrupt, too large) is reported and the others are still added.
Exit codes: 0 all added, 2 usage, 3 a file could not be added or an unknown claim/event, 4 I/O.`;

/** Help of `corroborate evidence list`. */
export const LIST_HELP = `Usage: corroborate evidence list [--event ID|--claim ID|--document ID] [options]

Lists evidence, oldest first: all of it, or what bears on one claim, event or document.

Options:
  --event ID           evidence on this event
  --claim ID           evidence on this claim (DOC:CLAIM)
  --document ID        evidence on this document
  --kind image|measurement
  --json               JSON output (same as --format json)
  --format text|json   output (default: text)
${DB_HELP}
  -h, --help           show this help`;

/** Help of `corroborate evidence show`. */
export const SHOW_HELP = `Usage: corroborate evidence show ID [--json] [--db PATH|URL]

Shows one piece of evidence in full: for an image, its metadata, C2PA status and earlier
appearances; for a measurement, its area and the comparisons with claims.

Options:
  --json               JSON output (same as --format json)
  --format text|json   output (default: text)
${DB_HELP}
  -h, --help           show this help

Exit codes: 0 shown, 2 usage, 3 no such evidence, 4 I/O.`;

/**
 * `corroborate evidence add|list|show|measure|change …`: the images subcommands here, the
 * measurements ones loaded lazily from `evidence-measure-command.ts`.
 *
 * @example await runEvidenceCommand(['add', 'photo.jpg', '--claim', 'north-desk-1:c2'])
 */
export async function runEvidenceCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'add':
      return runEvidenceAdd(rest);
    case 'list':
      return runEvidenceList(rest);
    case 'show':
      return runEvidenceShow(rest);
    case 'measure':
    case 'change':
      return (await import('./evidence-measure-command.js')).runEvidenceMeasureSubcommand(argv);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(`${EVIDENCE_HELP}\n`);
      return sub === undefined ? 2 : 0;
    default:
      throw new UsageError(
        `evidence has no subcommand "${sub}": add, list, show, measure, change (see "corroborate evidence --help")`,
      );
  }
}

async function runEvidenceAdd(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      ...DB_OPTION,
      claim: { type: 'string', multiple: true },
      event: { type: 'string', multiple: true },
      document: { type: 'string', multiple: true },
      note: { type: 'string' },
      by: { type: 'string' },
      'trust-list': { type: 'string', multiple: true },
      threshold: { type: 'string' },
      'max-pixels': { type: 'string' },
      format: { type: 'string' },
      ...HELP_OPTION,
    },
    'evidence add',
  );
  if (printHelpIf(values.help, ADD_HELP)) return 0;
  if (positionals.length === 0)
    throw new UsageError('evidence add takes one or more image files (see --help)');
  const format = outputFormat(values.format);
  const threshold = values.threshold === undefined ? 10 : Number(values.threshold);
  if (!Number.isInteger(threshold) || threshold < 0 || threshold > 24)
    throw new UsageError(`--threshold must be an integer from 0 to 24, got "${values.threshold}"`);
  const limitInputPixels = positiveInteger(values['max-pixels'], '--max-pixels', 100_000_000);
  const subjects = subjectsOf(values.claim, values.event, values.document);
  const trustList = await readTrustList(values['trust-list']);
  const addedBy = values.by ?? process.env.USER ?? process.env.USERNAME ?? 'cli';

  const outcomes = await withLedger(values.db, async (store) => {
    await checkSubjects(store, subjects);
    const index = ImageReuseIndex.fromStored(await store.imageHashes());
    const results: { file: string; result: AddImageEvidenceResult }[] = [];
    for (const file of positionals) {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (error) {
        const message =
          (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
        results.push({ file, result: { status: 'failed', problem: 'not-an-image', sha256: '', message } });
        continue;
      }
      const result = await addImageEvidence(store, bytes, {
        subjects,
        addedBy,
        sourceUrl: file,
        note: values.note ?? null,
        trustList,
        reuseThreshold: threshold,
        limitInputPixels,
        index,
      });
      results.push({ file, result });
      if (format === 'text') process.stdout.write(`${addedText(file, result)}\n`);
    }
    return results;
  });
  if (format === 'json') process.stdout.write(`${JSON.stringify(outcomes, null, 2)}\n`);
  const failed = outcomes.filter((o) => o.result.status === 'failed');
  for (const { file, result } of failed)
    if (result.status === 'failed') process.stderr.write(`corroborate: ${file}: ${result.message}\n`);
  return failed.length === 0 ? 0 : 3;
}

async function runEvidenceList(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      ...DB_OPTION,
      claim: { type: 'string' },
      event: { type: 'string' },
      document: { type: 'string' },
      kind: { type: 'string' },
      json: { type: 'boolean' },
      format: { type: 'string' },
      ...HELP_OPTION,
    },
    'evidence list',
  );
  if (printHelpIf(values.help, LIST_HELP)) return 0;
  if (positionals.length > 0)
    throw new UsageError(`evidence list takes no arguments, got "${positionals[0]}"`);
  const named = (['claim', 'event', 'document'] as const).filter((k) => values[k] !== undefined);
  if (named.length > 1) throw new UsageError('evidence list takes one of --claim, --event, --document');
  if (values.kind !== undefined && values.kind !== 'image' && values.kind !== 'measurement')
    throw new UsageError(`--kind must be image or measurement, got "${values.kind}"`);
  const format = values.json ? 'json' : outputFormat(values.format);
  const subjectKind = named[0];
  const items = await withLedger(
    values.db,
    async (store) =>
      itemsWithCurrentReuse(
        store,
        await store.listEvidence({
          ...(subjectKind === undefined ? {} : { subjectKind, subjectId: values[subjectKind] as string }),
          ...(values.kind === undefined ? {} : { kind: values.kind as 'image' | 'measurement' }),
        }),
      ),
    { create: false },
  );
  if (format === 'json') process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
  else if (items.length === 0) process.stdout.write('no evidence\n');
  else for (const item of items) process.stdout.write(`${listLine(item)}\n`);
  return 0;
}

async function runEvidenceShow(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      ...DB_OPTION,
      json: { type: 'boolean' },
      format: { type: 'string' },
      ...HELP_OPTION,
    },
    'evidence show',
  );
  if (printHelpIf(values.help, SHOW_HELP)) return 0;
  if (positionals.length !== 1) throw new UsageError('evidence show takes one evidence id (see --help)');
  const id = positionals[0] as string;
  const format = values.json ? 'json' : outputFormat(values.format);
  const item = await withLedger(
    values.db,
    async (store) => {
      const stored = await store.getEvidence(id);
      return stored === null ? null : ((await itemsWithCurrentReuse(store, [stored]))[0] ?? null);
    },
    { create: false },
  );
  if (item === null)
    throw new InputError(`no evidence "${id}" in the ledger (see "corroborate evidence list")`);
  process.stdout.write(format === 'json' ? `${JSON.stringify(item, null, 2)}\n` : `${itemText(item)}\n`);
  return 0;
}

function subjectsOf(
  claims: string[] | undefined,
  events: string[] | undefined,
  documents: string[] | undefined,
): EvidenceSubject[] {
  const subjects: EvidenceSubject[] = [];
  for (const id of claims ?? []) {
    if (!/^.+:[^:]+$/.test(id))
      throw new UsageError(`--claim takes a ledger claim id DOCUMENT:CLAIM, got "${id}"`);
    subjects.push({ kind: 'claim', id });
  }
  for (const id of events ?? []) subjects.push({ kind: 'event', id });
  for (const id of documents ?? []) subjects.push({ kind: 'document', id });
  return subjects;
}

/** Unknown claims, events and documents are an input error before anything is stored. */
async function checkSubjects(store: Store, subjects: readonly EvidenceSubject[]): Promise<void> {
  let ledgerEvents: Set<string> | null = null;
  for (const subject of subjects) {
    if (subject.kind === 'document') {
      if ((await store.getDocument(subject.id)) === null)
        throw new InputError(`no document "${subject.id}" in the ledger`);
      continue;
    }
    const cut = subject.id.lastIndexOf(':');
    const [documentId, localId] = [subject.id.slice(0, cut), subject.id.slice(cut + 1)];
    if (subject.kind === 'claim') {
      if (cut < 0 || !(await store.claimsOf(documentId)).some((c) => c.claimId === localId))
        throw new InputError(`no claim "${subject.id}" in the ledger`);
      continue;
    }
    if (cut >= 0 && (await store.eventsOf(documentId)).some((e) => e.eventId === localId)) continue;
    ledgerEvents ??= new Set((await loadLedger(store)).events.map((e) => e.id));
    if (!ledgerEvents.has(subject.id)) throw new InputError(`no event "${subject.id}" in the ledger`);
  }
}

/**
 * The C2PA trust list: the PEM files given, else the one `CORROBORATE_C2PA_TRUST_LIST` names, else
 * none (no signer trusted). An unreadable file is an I/O error; one without a certificate, an input error.
 *
 * @example await readTrustList(['anchors.pem']) // ['-----BEGIN CERTIFICATE-----…']
 */
export async function readTrustList(files: string[] | undefined): Promise<string[]> {
  const paths =
    files ?? (process.env.CORROBORATE_C2PA_TRUST_LIST ? [process.env.CORROBORATE_C2PA_TRUST_LIST] : []);
  const pems: string[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new CorroborateError('io', `cannot read the trust list ${path}: ${(error as Error).message}`);
    }
    if (!text.includes('-----BEGIN CERTIFICATE-----'))
      throw new InputError(
        `${path} holds no PEM certificate (a trust list is one or more "BEGIN CERTIFICATE" blocks)`,
      );
    pems.push(text);
  }
  return pems;
}

function addedText(file: string, result: AddImageEvidenceResult): string {
  if (result.status === 'failed') return `${file}  not added (${result.problem}): ${result.message}`;
  const finding = result.item.finding as ImageFinding;
  const head = `${file}  ${result.item.id}  ${result.status === 'new' ? 'added' : 'already in the ledger'}`;
  return [head, ...imageLines(finding).map((l) => `  ${l}`)].join('\n');
}

/** The lines that describe an image finding, most telling first: an earlier appearance leads. */
function imageLines(finding: ImageFinding): string[] {
  const lines: string[] = [];
  const first = finding.reuse[0];
  if (first !== undefined) {
    const more = finding.reuse.length > 1 ? ` (+${finding.reuse.length - 1} more)` : '';
    lines.push(
      `SEEN BEFORE: ${first.date} (${first.dateSource}) ${first.documentId === null ? '' : `in ${first.documentId} `}${first.url ?? ''} — ${first.sameBytes ? 'the same bytes' : `${first.distance} bits apart`}${more}`.replace(
        /\s+—/,
        ' —',
      ),
    );
  }
  lines.push(
    `${finding.mediaType} ${finding.width}×${finding.height}, perceptual hash ${finding.perceptualHash}`,
  );
  const m = finding.metadata;
  const facts = [
    m.captureTime === null ? null : `captured ${m.captureTime}`,
    m.gps === null ? null : `GPS ${m.gps.lat.toFixed(5)}, ${m.gps.lon.toFixed(5)}`,
    m.camera === null ? null : [m.camera.make, m.camera.model].filter(Boolean).join(' '),
    m.software === null ? null : `software ${m.software}`,
  ].filter((f): f is string => f !== null);
  lines.push(
    facts.length === 0
      ? `metadata: ${m.error ?? 'none found (stripped, or never written)'}`
      : `metadata: ${facts.join(' · ')}`,
  );
  if (m.editHistory.length > 0) lines.push(`edits: ${m.editHistory.join('; ')}`);
  const c = finding.c2pa;
  const signer =
    c.signer === null
      ? ''
      : `, signed by ${c.signer}${c.trusted ? ' (on the trust list)' : ' (not on the trust list)'}`;
  lines.push(
    `C2PA: ${c.status}${signer}${c.validationErrors.length > 0 ? ` — ${c.validationErrors.join('; ')}` : ''}`,
  );
  lines.push(`  (${c.caveat})`);
  return lines;
}

function listLine(item: EvidenceItem): string {
  const subjects = item.subjects.map((s) => `${s.kind} ${s.id}`).join(', ') || 'no subject';
  const f = item.finding;
  const summary =
    f.kind === 'image'
      ? `image ${f.mediaType} ${f.width}×${f.height}${f.reuse.length > 0 ? `, seen before ${f.reuse[0]?.date}` : ''}, C2PA ${f.c2pa.status}`
      : `measurement ${Math.round(f.areaM2).toLocaleString('en-US')} m²${f.label === null ? '' : ` (${f.label})`}`;
  return `${item.id}  ${item.addedAt.slice(0, 16).replace('T', ' ')}  ${item.addedBy}  ${summary}  — on ${subjects}`;
}

function itemText(item: EvidenceItem): string {
  const lines = [
    `${item.id}: ${item.finding.kind}, added by ${item.addedBy} at ${item.addedAt}`,
    `on: ${item.subjects.map((s) => `${s.kind} ${s.id}`).join(', ') || 'no subject'}`,
  ];
  if (item.note !== null) lines.push(`note: ${item.note}`);
  const f = item.finding;
  if (f.kind === 'image') {
    lines.push(`source: ${f.sourceUrl ?? 'unknown'}`, `archived bytes: sha256 ${f.sha256}`, ...imageLines(f));
    for (const r of f.reuse.slice(1))
      lines.push(
        `also seen: ${r.date} (${r.dateSource}) ${r.documentId ?? ''} ${r.url ?? ''} — ${r.sameBytes ? 'the same bytes' : `${r.distance} bits apart`}`,
      );
  } else {
    lines.push(
      `area: ${Math.round(f.areaM2).toLocaleString('en-US')} m²${f.label === null ? '' : ` (${f.label})`}`,
    );
    for (const check of f.checks) lines.push(`${check.verdict}: ${check.explanation}`);
  }
  return lines.join('\n');
}
