import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImageFinding } from '../../src/types/evidence.js';
import { makeSigningIdentity, signJpeg } from '../evidence/images-c2pa-signing.js';
import { serve } from './serve-process.js';

/** `corroborate serve` as users run it (the built command): its C2PA trust list and image cap. */
const dir = mkdtempSync(join(tmpdir(), 'corroborate-serve-evidence-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the desk with these arguments and environment, runs `use` on its URL, stops it. */
async function withDesk(args: string[], env: Record<string, string>, use: (url: string) => Promise<void>) {
  const { child, url, exited } = await serve(args, env);
  try {
    await use(url);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function upload(
  url: string,
  bytes: Uint8Array,
): Promise<{ status: number; finding: ImageFinding | null }> {
  const session = await fetch(new URL('/api/session', url));
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const res = await fetch(new URL('/api/evidence/images?sourceUrl=signed.jpg', url), {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', 'x-csrf-token': csrfToken, cookie },
    body: bytes,
  });
  const body = (await res.json()) as { item?: { finding: ImageFinding } };
  return { status: res.status, finding: body.item?.finding ?? null };
}

describe('corroborate serve reads the C2PA trust list once and judges uploads by it', () => {
  it.each([
    ['--c2pa-trust-list ROOT.pem', true, (pem: string) => ({ args: ['--c2pa-trust-list', pem], env: {} })],
    [
      'CORROBORATE_C2PA_TRUST_LIST=ROOT.pem',
      true,
      (pem: string) => ({ args: [], env: { CORROBORATE_C2PA_TRUST_LIST: pem } }),
    ],
    ['no trust list', false, () => ({ args: [], env: { CORROBORATE_C2PA_TRUST_LIST: '' } })],
  ])(
    '%s: a signer under the root is trusted: %s',
    async (name, trusted, how) => {
      const identity = await makeSigningIdentity('Serve Test Root', 'South Desk Photo');
      const pem = join(dir, `root-${trusted}-${name.length}.pem`);
      writeFileSync(pem, identity.rootPem);
      const pixels = Buffer.alloc(64 * 48 * 3, 90);
      for (let i = 0; i < pixels.length; i += 7) pixels[i] = 220;
      const jpeg = await sharp(pixels, { raw: { width: 64, height: 48, channels: 3 } })
        .jpeg()
        .toBuffer();
      const signed = await signJpeg(new Uint8Array(jpeg), identity, 'SouthDeskCam');
      const { args, env } = how(pem);
      await withDesk([...args, '--db', join(dir, `desk-${name.length}.sqlite`)], env, async (url) => {
        const { status, finding } = await upload(url, signed);
        expect(status).toBe(201);
        expect(finding?.c2pa).toMatchObject({
          status: 'present-valid',
          signer: expect.stringContaining('South Desk Photo'),
          trusted,
        });
      });
    },
    60_000,
  );
});
