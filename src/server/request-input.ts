import type { Context } from 'hono';
import { HttpError } from './http-error.js';

/** A JSON object sent as a request body. */
export type JsonObject = Record<string, unknown>;

/**
 * Reads the request body as a JSON object: 415 unless it is sent as `application/json` (which
 * also keeps cross-site HTML forms out), 400 when it does not parse or is not an object.
 *
 * @example const body = await readJsonObject(c);
 */
export async function readJsonObject(c: Context): Promise<JsonObject> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new HttpError('unsupported_media_type', 'send the body as application/json');
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new HttpError('bad_request', 'the body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError('bad_request', 'the body must be a JSON object');
  }
  return body as JsonObject;
}

/**
 * A required string field of a body, trimmed, at most `max` characters.
 *
 * @example requiredString(body, 'name', 64) // 'ana'
 */
export function requiredString(body: JsonObject, field: string, max = 10_000): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new HttpError('bad_request', `"${field}" must be a non-empty string`);
  }
  if (value.length > max) throw new HttpError('bad_request', `"${field}" is longer than ${max} characters`);
  return value.trim();
}

/**
 * An optional string field (null when absent or null).
 *
 * @example optionalString(body, 'note', 4000) // null
 */
export function optionalString(body: JsonObject, field: string, max = 10_000): string | null {
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new HttpError('bad_request', `"${field}" must be a string`);
  if (value.length > max) throw new HttpError('bad_request', `"${field}" is longer than ${max} characters`);
  return value;
}

/**
 * `limit` and `offset` query parameters, validated: 400 for non-integers or out-of-range values.
 *
 * @example pageOf(c, { limit: 50, max: 500 }) // { limit: 50, offset: 0 }
 */
export function pageOf(
  c: Context,
  defaults: { limit: number; max: number },
): { limit: number; offset: number } {
  const limit = integerParam(c, 'limit', defaults.limit, 1, defaults.max);
  const offset = integerParam(c, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  return { limit, offset };
}

/**
 * An integer query parameter within [min, max], or the fallback when absent.
 *
 * @example integerParam(c, 'after', 0, 0, Number.MAX_SAFE_INTEGER)
 */
export function integerParam(c: Context, name: string, fallback: number, min: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw new HttpError('bad_request', `"${name}" must be an integer`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new HttpError('bad_request', `"${name}" must be between ${min} and ${max}`);
  return value;
}

/**
 * An ISO date query parameter (`YYYY-MM-DD`), or undefined.
 *
 * @example dateParam(c, 'from') // '2024-02-01'
 */
export function dateParam(c: Context, name: string): string | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`))) {
    throw new HttpError('bad_request', `"${name}" must be a date written YYYY-MM-DD`);
  }
  return raw;
}
