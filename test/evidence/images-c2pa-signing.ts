// Test helper: a throwaway certificate authority and C2PA-signed JPEGs made with it, so the C2PA
// reader is tested on manifests we make (no third-party files).
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { JPEG } from '@trustnxt/c2pa-ts/asset';
import { CoseAlgorithmIdentifier, LocalSigner } from '@trustnxt/c2pa-ts/cose';
import { ActionAssertion, DataHashAssertion, ManifestStore } from '@trustnxt/c2pa-ts/manifest';

x509.cryptoProvider.set(globalThis.crypto);
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const VALIDITY = { notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2045-01-01T00:00:00Z') };

/** A root certificate (as PEM, for a trust list) and a signer whose certificate it issued. */
export interface TestSigningIdentity {
  readonly rootPem: string;
  readonly signer: LocalSigner;
}

/** Makes a root CA named `rootName` and a C2PA signing certificate for `signerName` under it. */
export async function makeSigningIdentity(
  rootName: string,
  signerName: string,
): Promise<TestSigningIdentity> {
  const rootKeys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `CN=${rootName}`,
    ...VALIDITY,
    keys: rootKeys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 1, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: `CN=${signerName}, O=${signerName} Desk`,
    issuer: root.subject,
    ...VALIDITY,
    signingKey: rootKeys.privateKey,
    publicKey: keys.publicKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.emailProtection], false),
      await x509.AuthorityKeyIdentifierExtension.create(root, false),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return {
    rootPem: root.toString('pem'),
    signer: new LocalSigner(pkcs8, CoseAlgorithmIdentifier.ES256, certificate, [root]),
  };
}

/** Embeds a signed C2PA manifest (hard-bound to the bytes, with a `c2pa.created` action) in a JPEG. */
export async function signJpeg(
  jpeg: Uint8Array,
  identity: TestSigningIdentity,
  generator: string,
): Promise<Uint8Array> {
  const asset = new JPEG(new Uint8Array(jpeg));
  const store = new ManifestStore();
  const manifest = store.createManifest({
    assetFormat: 'image/jpeg',
    instanceID: 'corroborate-test',
    defaultHashAlgorithm: 'SHA-256',
    signer: identity.signer,
  });
  if (manifest.claim !== undefined) {
    manifest.claim.claimGeneratorName = generator;
    manifest.claim.claimGeneratorVersion = '2.1';
  }
  const actions = new ActionAssertion();
  actions.actions = [{ action: 'c2pa.created' } as ActionAssertion['actions'][number]];
  manifest.addAssertion(actions);
  const dataHash = DataHashAssertion.create('SHA-256');
  manifest.addAssertion(dataHash);
  await asset.ensureManifestSpace(store.measureSize());
  await dataHash.updateWithAsset(asset);
  await manifest.sign(identity.signer);
  await asset.writeManifestJUMBF(store.getBytes());
  return asset.getDataRange();
}
