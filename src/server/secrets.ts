import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A fresh random secret (32 bytes, base64url) with an optional readable prefix.
 *
 * @example newSecret('crr_') // 'crr_Qm9…'
 */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * The SHA-256 (hex) of a secret: what the store keeps instead of session ids and API tokens,
 * which are long random values and so need no salt or slow hash.
 *
 * @example digestSecret('crr_Qm9…') // '5e88…'
 */
export function digestSecret(secret: string, purpose = ''): string {
  return createHash('sha256').update(purpose).update('\0').update(secret).digest('hex');
}

/**
 * Compares two strings in time that does not depend on where they differ.
 *
 * @example sameSecret(sent, expected)
 */
export function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y) && a.length === b.length;
}
