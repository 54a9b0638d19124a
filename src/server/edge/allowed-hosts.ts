import type { MiddlewareHandler } from 'hono';
import { errorAnswer } from '../bff/answers';
import type { ServerConfig } from '../config';

const LOOPBACK_HOST = /^(localhost|[a-z0-9-]+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** The host name of a Host header, lower case and without its port; null when it is not one. */
export function hostName(header: string | undefined): string | null {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.exec((header ?? '').trim().toLowerCase());
  return match ? match[1]!.replace(/\.$/, '') : null;
}

/**
 * Answers 421 to any Host but loopback, PUBLIC_URL's and ALLOWED_HOSTS: a page that rebinds its own name to
 * this machine then reaches nothing, neither the API, the sandbox nor the app.
 */
export function allowedHosts(config: ServerConfig): MiddlewareHandler {
  const names = new Set(config.allowedHosts);
  if (config.publicUrl) names.add(config.publicUrl.hostname.toLowerCase());
  const bound = hostName(config.host.includes(':') ? `[${config.host}]` : config.host);
  if (bound !== null && bound !== '0.0.0.0' && bound !== '[::]') names.add(bound);
  return async (c, next) => {
    const name = hostName(c.req.header('host') ?? new URL(c.req.url).host);
    if (name !== null && (LOOPBACK_HOST.test(name) || names.has(name))) return next();
    return errorAnswer(
      421,
      `This inbox does not answer to the host ${JSON.stringify(c.req.header('host') ?? '')}: ` +
        'open it at its own address, or add the name to ALLOWED_HOSTS',
    );
  };
}
