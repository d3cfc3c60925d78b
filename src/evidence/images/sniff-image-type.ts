/** Image formats we recognise by their first bytes, with the media type each is stored under. */
const SIGNATURES: ReadonlyArray<readonly [string, number, readonly (number | null)[]]> = [
  ['image/jpeg', 0, [0xff, 0xd8, 0xff]],
  ['image/png', 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/gif', 0, [0x47, 0x49, 0x46, 0x38]],
  ['image/webp', 0, [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50]],
  ['image/tiff', 0, [0x49, 0x49, 0x2a, 0x00]],
  ['image/tiff', 0, [0x4d, 0x4d, 0x00, 0x2a]],
  ['image/bmp', 0, [0x42, 0x4d]],
  ['image/svg+xml', 0, [0x3c, 0x73, 0x76, 0x67]],
];

/** ISO-BMFF brands (bytes 8–11 after `ftyp`) of still-image formats. */
const BMFF_BRANDS: Readonly<Record<string, string>> = {
  avif: 'image/avif',
  avis: 'image/avif',
  heic: 'image/heic',
  heix: 'image/heic',
  mif1: 'image/heif',
  msf1: 'image/heif',
};

/**
 * The media type of an image from its bytes (never from a file name), or null when the bytes
 * are not an image format we know. A `.jpg` that holds HTML or a PDF is null.
 *
 * @example sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])) // 'image/jpeg'
 */
export function sniffImageType(bytes: Uint8Array): string | null {
  for (const [mediaType, offset, signature] of SIGNATURES) {
    if (bytes.length < offset + signature.length) continue;
    if (signature.every((b, i) => b === null || bytes[offset + i] === b)) return mediaType;
  }
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') return BMFF_BRANDS[ascii(bytes, 8, 12)] ?? null;
  return null;
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}
