import { InputError } from '../errors.js';

/** Default cap on input size: far above any news page, low enough to refuse a stray video. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Options for {@link decodeInput}. */
export interface DecodeOptions {
  /** How to name the input in messages (a file name); defaults to "input". */
  readonly name?: string;
  /** Largest accepted size in bytes; defaults to {@link DEFAULT_MAX_BYTES}. */
  readonly maxBytes?: number;
}

/** Magic numbers of formats people feed a text reader by mistake: naming them makes the error useful. */
const MAGIC: ReadonlyArray<readonly [string, readonly (number | null)[]]> = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a WebP image', [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50]],
  ['a TIFF image', [0x49, 0x49, 0x2a, 0x00]],
  ['a TIFF image', [0x4d, 0x4d, 0x00, 0x2a]],
  ['a BMP image', [0x42, 0x4d]],
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['a RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['an old Office document', [0xd0, 0xcf, 0x11, 0xe0]],
  ['an MP4/MOV video', [null, null, null, null, 0x66, 0x74, 0x79, 0x70]],
  ['an ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['a Windows executable', [0x4d, 0x5a]],
  ['a SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65]],
  ['an MP3 file', [0x49, 0x44, 0x33]],
  ['an Ogg file', [0x4f, 0x67, 0x67, 0x53]],
];

/**
 * What a binary file looks like from its first bytes, or null when no known signature matches.
 *
 * @example sniffBinaryKind(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])) // 'a PDF document'
 */
export function sniffBinaryKind(bytes: Uint8Array): string | null {
  for (const [kind, magic] of MAGIC) {
    if (bytes.length < magic.length) continue;
    if (magic.every((b, i) => b === null || bytes[i] === b)) return kind;
  }
  return null;
}

/**
 * Decodes a file's bytes as text, refusing what is not text: empty or blank input, input over the
 * size cap, binary data (named by its signature when known), and bytes that are not UTF-8. Strips a
 * UTF-8 BOM; decodes UTF-16 when it carries a BOM or plainly is UTF-16 without one.
 *
 * @example decodeInput(new TextEncoder().encode('Shelling hit Kherson.'), { name: 'a.txt' }) // 'Shelling hit Kherson.'
 * @throws InputError with a one-line message naming the input.
 */
export function decodeInput(bytes: Uint8Array, options: DecodeOptions = {}): string {
  const name = options.name ?? 'input';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new InputError(
      `${name} is too large: ${formatSize(bytes.length)} (${bytes.length} bytes) exceeds the limit of ${formatSize(maxBytes)} (${maxBytes} bytes)`,
    );
  }
  if (bytes.length === 0) throw new InputError(`empty input: ${name} has no text`);

  const utf16 = utf16Encoding(bytes);
  const text = utf16 ? decodeUtf16(bytes, utf16, name) : decodeUtf8(bytes, name);
  if (text.trim() === '') throw new InputError(`empty input: ${name} has only whitespace`);
  return text;
}

function decodeUtf8(bytes: Uint8Array, name: string): string {
  const kind = sniffBinaryKind(bytes);
  const nul = bytes.indexOf(0);
  // Signatures made of printable letters ("BM", "MZ", "ID3") also start ordinary text, so only
  // those with control or high bytes (or PDF's "%PDF-") decide alone.
  const strongKind =
    kind !== null && (kind.includes('PDF') || hasNonText(MAGIC.find(([k]) => k === kind)![1]));
  if (strongKind || nul >= 0 || controlShare(bytes) > 0.1) {
    const what = kind
      ? `it looks like ${kind}`
      : nul >= 0
        ? `NUL byte at offset ${nul}`
        : 'many control characters';
    throw new InputError(`${name} is binary data, not text (${what})`);
  }
  try {
    // The decoder's `ignoreBOM: false` default strips a leading UTF-8 BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    if (kind) throw new InputError(`${name} is binary data, not text (it looks like ${kind})`, { cause });
    const offset = firstInvalidUtf8(bytes);
    const byte = (bytes[offset] ?? 0).toString(16).padStart(2, '0');
    const declared = declaredCharset(bytes);
    const from = declared ?? 'latin1';
    const says = declared ? `; the page declares charset ${declared}` : '';
    throw new InputError(
      `${name} is not valid UTF-8 (byte 0x${byte} at offset ${offset}${says}); convert it first, e.g. iconv -f ${from} -t utf-8`,
      { cause },
    );
  }
}

/** The charset an HTML or XML file declares in its first few kilobytes, if any. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i);
  const charset = m?.[1] ?? m?.[2];
  return charset && !/^utf-?8$/i.test(charset) ? charset.toLowerCase() : null;
}

function hasNonText(magic: readonly (number | null)[]): boolean {
  return magic.some((b) => b !== null && (b < 0x20 || b >= 0x80));
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return bomlessUtf16(bytes);
}

/**
 * UTF-16 saved without a byte-order mark, recognised by its zero high bytes: text in Latin script
 * has a NUL in nearly every other byte, which no binary format shows so regularly.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 16) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.9 && evenZero === 0) return 'utf-16le';
  if (evenZero >= pairs * 0.9 && oddZero === 0) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', name: string): string {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new InputError(
      `${name} starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}`,
      {
        cause,
      },
    );
  }
  if (text.includes('\u0000') || controlShareOfText(text) > 0.1) {
    throw new InputError(
      `${name} is binary data, not text (control characters after a UTF-16 byte-order mark)`,
    );
  }
  return text;
}

/** Share of C0 control bytes other than tab, newline, form feed and carriage return (and ESC, seen in logs). */
function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 65_536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) bad++;
    else if (b === 0x7f) bad++;
  }
  return n === 0 ? 0 : bad / n;
}

function controlShareOfText(text: string): number {
  const n = Math.min(text.length, 65_536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) bad++;
  }
  return n === 0 ? 0 : bad / n;
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

function formatSize(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
