import { X509Certificate as NodeCertificate } from 'node:crypto';
import { type Asset, BMFF, JPEG, PNG } from '@trustnxt/c2pa-ts/asset';
import { SuperBox } from '@trustnxt/c2pa-ts/jumbf';
import { ActionAssertion, ManifestStore, ValidationResult } from '@trustnxt/c2pa-ts/manifest';
import type { C2paStatus } from '../../types/evidence.js';

/** Shown with every C2PA status: what the status can and cannot tell an analyst. */
export const C2PA_CAVEAT =
  'absence proves nothing; a valid signature is only as trusted as the configured trust list';

/** Options for {@link readC2pa}. */
export interface C2paOptions {
  /**
   * Trust anchors as PEM certificates (one or more per string): a signer is `trusted` only when
   * its certificate chains to one of them. Empty (the default): nothing is trusted.
   */
  readonly trustList?: readonly string[];
}

/** What an unreadable C2PA block gives: the error as a validation entry. */
const STATUS_BASE = {
  signer: null,
  issuer: null,
  trusted: false,
  claimGenerator: null,
  actions: [],
} as const;

/**
 * Reads and validates an image's C2PA (Content Credentials) manifest store: the active
 * manifest's signature, hard binding to the bytes and assertion hashes. JPEG, PNG and
 * HEIF/AVIF are read; a manifest in another format is `unsupported`. Never throws.
 *
 * @example (await readC2pa(jpegBytes, 'image/jpeg')).status // 'absent'
 */
export async function readC2pa(
  bytes: Uint8Array,
  mediaType: string,
  options: C2paOptions = {},
): Promise<C2paStatus> {
  const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let asset: Asset;
  try {
    if (mediaType === 'image/jpeg' && JPEG.canRead(data)) asset = new JPEG(data);
    else if (mediaType === 'image/png' && PNG.canRead(data)) asset = new PNG(data);
    else if (/^image\/(heic|heif|avif)$/.test(mediaType) && BMFF.canRead(data)) asset = new BMFF(data);
    else
      return looksLikeC2pa(data)
        ? unsupported(`C2PA manifests in ${mediaType} cannot be read here`)
        : absent();
  } catch (error) {
    return {
      ...STATUS_BASE,
      status: 'present-invalid',
      validationErrors: [`asset unreadable: ${messageOf(error)}`],
      caveat: C2PA_CAVEAT,
    };
  }
  let jumbf: Uint8Array | undefined;
  try {
    jumbf = asset.getManifestJUMBF();
  } catch (error) {
    return {
      ...STATUS_BASE,
      status: 'present-invalid',
      validationErrors: [`manifest unreadable: ${messageOf(error)}`],
      caveat: C2PA_CAVEAT,
    };
  }
  if (jumbf === undefined) return absent();

  let result: ValidationResult;
  let store: ManifestStore | undefined;
  try {
    store = ManifestStore.read(SuperBox.fromBuffer(new Uint8Array(jumbf)));
    result = await store.validate(asset);
  } catch (error) {
    result = ValidationResult.fromError(error as Error);
  }
  const manifest = store?.getActiveManifest();
  const certificate = manifest?.signature?.signatureData.certificate;
  const chain = manifest?.signature?.signatureData.chainCertificates ?? [];
  const errors = result.statusEntries
    .filter((e) => !e.success)
    .map((e) => (e.explanation ? `${e.code}: ${e.explanation}` : e.code));
  const unsupportedAlgorithm = result.statusEntries.some((e) => !e.success && /unsupported/i.test(e.code));
  return {
    status: result.isValid ? 'present-valid' : unsupportedAlgorithm ? 'unsupported' : 'present-invalid',
    signer: certificate === undefined ? null : nameOf(certificate.subject),
    issuer: certificate === undefined ? null : nameOf(certificate.issuer),
    // An invalid manifest's signer is not trusted, whatever the list says.
    trusted:
      result.isValid && certificate !== undefined
        ? chainsToTrustList([certificate.rawData, ...chain.map((c) => c.rawData)], options.trustList ?? [])
        : false,
    claimGenerator: claimGeneratorOf(manifest?.claim),
    actions: actionsOf(manifest?.assertions?.assertions ?? []),
    validationErrors: errors,
    caveat: C2PA_CAVEAT,
  };
}

function absent(): C2paStatus {
  return { ...STATUS_BASE, status: 'absent', validationErrors: [], caveat: C2PA_CAVEAT };
}

function unsupported(reason: string): C2paStatus {
  return { ...STATUS_BASE, status: 'unsupported', validationErrors: [reason], caveat: C2PA_CAVEAT };
}

/** A JUMBF box labelled `c2pa` somewhere in the bytes (formats the reader does not parse). */
function looksLikeC2pa(bytes: Uint8Array): boolean {
  return (
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('jumb') &&
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('c2pa')
  );
}

function claimGeneratorOf(
  claim: { claimGeneratorName?: string; claimGeneratorVersion?: string | undefined } | undefined,
): string | null {
  if (claim?.claimGeneratorName === undefined || claim.claimGeneratorName === '') return null;
  return claim.claimGeneratorVersion
    ? `${claim.claimGeneratorName}/${claim.claimGeneratorVersion}`
    : claim.claimGeneratorName;
}

function actionsOf(assertions: readonly unknown[]): string[] {
  const actions: string[] = [];
  for (const assertion of assertions)
    if (assertion instanceof ActionAssertion)
      for (const a of assertion.actions) actions.push(String(a.action));
  return actions;
}

/** `CN=North Desk Photo, O=North Desk` → `North Desk Photo (North Desk)`; the raw name when it has no CN. */
function nameOf(distinguishedName: string): string {
  const part = (key: string) => new RegExp(`(?:^|,\\s*)${key}=([^,]+)`).exec(distinguishedName)?.[1]?.trim();
  const cn = part('CN');
  const org = part('O');
  if (cn === undefined) return distinguishedName;
  return org === undefined || org === cn ? cn : `${cn} (${org})`;
}

/**
 * Whether the signing certificate chains, through the certificates the manifest carries, to one
 * of the trust anchors: each link is checked by issuer name and signature.
 */
function chainsToTrustList(chainDer: readonly ArrayBuffer[], trustList: readonly string[]): boolean {
  const anchors = trustList.flatMap(parsePemCertificates);
  if (anchors.length === 0) return false;
  const chain = chainDer.flatMap((der) => {
    try {
      return [new NodeCertificate(Buffer.from(der))];
    } catch {
      return [];
    }
  });
  let current = chain[0];
  for (let depth = 0; current !== undefined && depth < 8; depth += 1) {
    const link = current;
    if (anchors.some((anchor) => anchor.fingerprint256 === link.fingerprint256 || issued(anchor, link)))
      return true;
    current = chain.find((c) => c !== link && issued(c, link));
  }
  return false;
}

function issued(issuer: NodeCertificate, subject: NodeCertificate): boolean {
  try {
    return subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/**
 * The certificates in a PEM text (a trust list file may hold many); bad blocks are skipped.
 *
 * @example parsePemCertificates(readFileSync('trust.pem', 'utf8')).length // 3
 */
export function parsePemCertificates(pem: string): NodeCertificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.flatMap((block) => {
    try {
      return [new NodeCertificate(block)];
    } catch {
      return [];
    }
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
