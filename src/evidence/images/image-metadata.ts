import exifr from 'exifr';
import type { ImageMetadata } from '../../types/evidence.js';

type Segment = Record<string, unknown>;

/** Metadata blocks as exifr names them, and the name we report. */
const BLOCKS: ReadonlyArray<readonly [string, string]> = [
  ['ifd0', 'exif'],
  ['exif', 'exif'],
  ['gps', 'gps'],
  ['iptc', 'iptc'],
  ['xmp', 'xmp'],
  ['dc', 'xmp'],
  ['photoshop', 'xmp'],
  ['xmpMM', 'xmp'],
  ['icc', 'icc'],
];

/**
 * Metadata with nothing in it: what an image without EXIF/XMP/IPTC (or an unreadable block) gives.
 *
 * @example EMPTY_METADATA.captureTime // null
 */
export const EMPTY_METADATA: ImageMetadata = {
  captureTime: null,
  modifyTime: null,
  gps: null,
  camera: null,
  software: null,
  editHistory: [],
  credit: { creator: null, credit: null, caption: null },
  blocks: [],
  error: null,
};

/**
 * Reads what an image's EXIF, XMP and IPTC blocks say: capture and modification times (as
 * written, ISO, with the offset only when the file gives one), GPS position, camera, software,
 * XMP edit history and credits. Unreadable metadata is reported in `error`, never thrown.
 *
 * @example (await readImageMetadata(jpegBytes)).camera // { make: 'Canon', model: 'EOS R6' }
 */
export async function readImageMetadata(bytes: Uint8Array): Promise<ImageMetadata> {
  let parsed: Record<string, Segment> | undefined;
  try {
    parsed = (await exifr.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      tiff: true,
      xmp: true,
      iptc: true,
      icc: false,
      mergeOutput: false,
      reviveValues: false,
      translateValues: false,
    })) as Record<string, Segment> | undefined;
  } catch (error) {
    return {
      ...EMPTY_METADATA,
      error: `metadata unreadable: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (parsed === undefined || parsed === null) return EMPTY_METADATA;
  const seg = (name: string): Segment => (isObject(parsed?.[name]) ? (parsed?.[name] as Segment) : {});
  const ifd0 = seg('ifd0');
  const exif = seg('exif');
  const gps = seg('gps');
  const iptc = seg('iptc');
  const xmp = seg('xmp');
  const dc = seg('dc');
  const photoshop = seg('photoshop');
  const exifSub = seg('exifEX');
  const blocks = [...new Set(BLOCKS.filter(([name]) => isObject(parsed?.[name])).map(([, label]) => label))];

  const make = text(ifd0.Make);
  const model = text(ifd0.Model);
  const software = text(ifd0.Software) ?? text(xmp.CreatorTool);
  return {
    captureTime:
      isoTime(exif.DateTimeOriginal, exif.OffsetTimeOriginal) ??
      isoTime(exif.CreateDate, exif.OffsetTimeDigitized) ??
      isoTime(photoshop.DateCreated) ??
      isoTime(xmp.CreateDate) ??
      iptcTime(iptc.DateCreated, iptc.TimeCreated) ??
      isoTime(exifSub.DateTimeOriginal),
    modifyTime: isoTime(ifd0.ModifyDate, exif.OffsetTime) ?? isoTime(xmp.ModifyDate),
    gps: gpsOf(gps),
    camera: make === null && model === null ? null : { make, model },
    software,
    editHistory: editHistoryOf(seg('xmpMM').History, ifd0.Software, xmp.CreatorTool),
    credit: {
      creator: text(dc.creator) ?? text(iptc['By-line']) ?? text(ifd0.Artist),
      credit: text(photoshop.Credit) ?? text(iptc.Credit),
      caption: text(dc.description) ?? text(iptc['Caption-Abstract']) ?? text(ifd0.ImageDescription),
    },
    blocks,
    error: null,
  };
}

function gpsOf(gps: Segment): ImageMetadata['gps'] {
  const lat = gps.latitude;
  const lon = gps.longitude;
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon))
    return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  const altitude = typeof gps.GPSAltitude === 'number' ? gps.GPSAltitude : null;
  const belowSea = gps.GPSAltitudeRef === 1;
  return { lat, lon, altitudeM: altitude === null ? null : belowSea ? -altitude : altitude };
}

/** XMP `xmpMM:History` events as readable lines ("saved by Adobe Photoshop 25.0 at …"). */
function editHistoryOf(history: unknown, ...softwareFields: unknown[]): string[] {
  const events = Array.isArray(history) ? history : isObject(history) ? [history] : [];
  const lines: string[] = [];
  for (const event of events) {
    if (!isObject(event)) continue;
    const action = text(event.action) ?? 'changed';
    const agent = text(event.softwareAgent);
    const when = text(event.when);
    const changed = text(event.changed);
    lines.push(
      [
        action,
        agent === null ? null : `by ${agent}`,
        when === null ? null : `at ${when}`,
        changed === null ? null : `(changed ${changed})`,
      ]
        .filter((p) => p !== null)
        .join(' '),
    );
  }
  // Editing software named in the software fields is a trace of editing even without a history.
  for (const field of softwareFields) {
    const name = text(field);
    if (name !== null && EDITORS.test(name) && !lines.some((l) => l.includes(name)))
      lines.push(`written by ${name}`);
  }
  return lines;
}

/** Software that edits rather than captures (a camera firmware string does not match). */
const EDITORS =
  /photoshop|lightroom|gimp|affinity|snapseed|pixelmator|paint\.net|capture one|darktable|picsart|facetune|canva/i;

/** EXIF `2024:02:27 21:14:03` (+ optional offset) or XMP ISO text → ISO text; null when unparseable. */
function isoTime(value: unknown, offset?: unknown): string | null {
  const raw = text(value);
  if (raw === null) return null;
  const exif = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(raw);
  if (exif !== null) {
    const [, y, mo, d, h, mi, s] = exif;
    if (y === '0000') return null;
    const zone = text(offset);
    return `${y}-${mo}-${d}T${h}:${mi}:${s}${zone !== null && /^[+-]\d{2}:\d{2}$/.test(zone) ? zone : ''}`;
  }
  return /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw) ? raw : null;
}

/** IPTC date `20240227` (or `2024-02-27`) and time `211403+0300` → ISO text. */
function iptcTime(date: unknown, time: unknown): string | null {
  const d = text(date)?.replace(/-/g, '');
  if (d === undefined || d === null || !/^\d{8}$/.test(d)) return null;
  const day = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  const t = text(time)?.replace(/:/g, '');
  const m = t === undefined || t === null ? null : /^(\d{2})(\d{2})(\d{2})([+-]\d{2})?(\d{2})?/.exec(t);
  if (m === null) return day;
  return `${day}T${m[1]}:${m[2]}:${m[3]}${m[4] === undefined ? '' : `${m[4]}:${m[5] ?? '00'}`}`;
}

/** A metadata value as one trimmed string: first of a list, `value` of an XMP language alternative. */
function text(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.replace(/\u0000+$/, '').trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return value.length === 0 ? null : text(value[0]);
  if (isObject(value) && 'value' in value) return text(value.value);
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
