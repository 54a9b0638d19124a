import type { MiddlewareHandler } from 'hono';
import type { ServerConfig } from '../config';

/** What the app never uses, denied to it and to anything that gets into it. */
const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** Answers that bring no policy of their own (JSON, files, errors) may load and frame nothing. */
const DEFAULT_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Whether the request came over https; `url` is the request's absolute URL, so its scheme leads (no parse needed). */
export function overHttps(url: string, forwardedProto: string | undefined): boolean {
  return /^https:/i.test(url) || forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/** The headers every answer carries, on every route; a route's own policy and caching are kept. */
export function securityHeaders(config: ServerConfig): MiddlewareHandler {
  const https = config.publicUrl?.protocol === 'https:';
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('Permissions-Policy', PERMISSIONS_POLICY);
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    // No other site may embed our answers (an image, a script, a file) in its own pages. The built scripts are
    // left out: the PDF frame's opaque origin loads them, through CORS.
    if (!c.req.path.startsWith('/assets/')) headers.set('Cross-Origin-Resource-Policy', 'same-origin');
    if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', DEFAULT_POLICY);
    if (!headers.has('X-Frame-Options')) headers.set('X-Frame-Options', 'DENY');
    if (/json/i.test(headers.get('Content-Type') ?? '') && !headers.has('Cache-Control')) {
      headers.set('Cache-Control', 'no-store');
    }
    if (https || overHttps(c.req.url, c.req.header('x-forwarded-proto'))) {
      headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
  };
}
