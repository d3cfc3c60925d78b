/** Machine-readable error codes of the API, one per HTTP status it uses. */
export type ApiErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'unavailable'
  | 'internal';

const STATUS: Record<ApiErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503 | 500> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  unavailable: 503,
  internal: 500,
};

/** The JSON body of every error response. */
export interface ApiErrorBody {
  readonly error: { readonly code: ApiErrorCode; readonly message: string };
}

/**
 * A failure the API answers with a status and `{error: {code, message}}`; thrown by handlers and
 * turned into a response by the app's one error handler (hono's `HTTPException`, with our codes).
 *
 * @example throw new HttpError('not_found', 'no document "harir-9"')
 */
export class HttpError extends Error {
  readonly code: ApiErrorCode;
  /** Seconds the client should wait (sent as `Retry-After`), for `too_many_requests`. */
  readonly retryAfter: number | null;
  constructor(code: ApiErrorCode, message: string, options: { retryAfter?: number } = {}) {
    super(message);
    this.name = 'HttpError';
    this.code = code;
    this.retryAfter = options.retryAfter ?? null;
  }
  get status(): (typeof STATUS)[ApiErrorCode] {
    return STATUS[this.code];
  }
  toJSON(): ApiErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

/**
 * The status an error code is sent with.
 *
 * @example statusOf('conflict') // 409
 */
export function statusOf(code: ApiErrorCode): number {
  return STATUS[code];
}
