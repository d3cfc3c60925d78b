import type { MiddlewareHandler } from 'hono';

/**
 * The Content-Security-Policy of every response: scripts, styles, images and requests only from
 * the desk itself, no inline script, no plugins, no framing. Map shapes are bundled, so the UI
 * needs no other origin; `data:` images cover Leaflet's marker icons.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Sets the security headers on every response (errors included): CSP, no MIME sniffing, no
 * framing, no referrer, and no caching of API answers (they may hold private review data).
 *
 * With `https` (the desk is served over HTTPS, `--secure-cookies`) browsers are also told to
 * use HTTPS only for a year (HSTS).
 *
 * @example app.use('*', securityHeaders());
 */
export function securityHeaders(options: { https?: boolean } = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('X-Frame-Options', 'DENY');
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    headers.set('Cross-Origin-Resource-Policy', 'same-origin');
    // The desk needs no camera, microphone, location or payment: no page of it gets them.
    headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    if (options.https) headers.set('Strict-Transport-Security', 'max-age=31536000');
    if (c.req.path.startsWith('/api/')) headers.set('Cache-Control', 'no-store');
  };
}
