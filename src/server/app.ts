import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorBody } from '../contract/errors';
import { API_PREFIX, createBff } from './bff/bff';
import { createUpstream } from './bff/upstream';
import type { ServerConfig } from './config';
import { allowedHosts } from './edge/allowed-hosts';
import { requestBodyLimit } from './edge/body-limit';
import { compressJson } from './edge/compress-json';
import { createLogger, type Logger, requestLog } from './edge/request-log';
import { securityHeaders } from './edge/security-headers';
import { staticCacheHeaders } from './edge/static-cache';
import { createSandbox } from './sandbox/sandbox';
import { createSharedState, type SharedState } from './sync/shared-state';
import { createSyncEngine } from './sync/sync-engine';
import type { Store } from './sandbox/store/store';

export interface AppOptions {
  config: ServerConfig;
  store: Store;
  /** Where the request log goes; by default stdout at the configured level. */
  logger?: Logger;
  /** What this instance shares with others (budget, events, leases); by default kept in this process. */
  shared?: SharedState;
}

const pageHeaders: Record<string, string> = {
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; frame-src 'self' blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types dompurify inbox-service-worker",
};

/**
 * The page that draws PDF previews with pdf.js. The app frames it sandboxed to an opaque origin, and its own policy
 * sandboxes it again, so opened on its own it still has no access to the app's origin, cookies or storage.
 */
const PDF_FRAME_PATH = '/pdf-preview.html';

const pdfFrameHeaders: Record<string, string> = {
  'X-Frame-Options': 'SAMEORIGIN',
  'Content-Security-Policy':
    "sandbox allow-scripts; default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src blob: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
};

/** The inbox server as a fetch handler: the BFF at /api, the sandbox, a health check and the built app. */
export function createApp({
  config,
  store,
  logger = createLogger(config.logLevel),
  shared = createSharedState({ ...config, redisUrl: null }),
}: AppOptions) {
  const app = new Hono();
  app.use('*', requestLog(logger), allowedHosts(config), securityHeaders(config), requestBodyLimit());

  app.get('/healthz', (c) => {
    store.db.prepare('SELECT 1').get();
    return c.json({ status: 'ok' });
  });

  const sandbox = new Hono();
  sandbox.route(
    '/sandbox',
    createSandbox({
      store,
      apiKey: config.sandboxApiKey,
      rateLimitPerMinute: config.sandboxRateLimit,
      faults: config.sandboxFaults,
      admin: config.sandboxAdmin,
    }),
  );
  if (config.sandboxEnabled) app.route('/', sandbox);
  app.all('/sandbox/*', (c) => c.json(errorBody(404, `No route for ${c.req.method} ${c.req.path}`), 404));

  // In sandbox mode the BFF calls the sandbox's fetch handler: no network hop, and no Host of its own to check.
  const { budget, hub, leases, cache, people } = shared;
  const upstream = createUpstream(config, (request) => sandbox.fetch(request), budget);
  const engine = createSyncEngine({ upstream, hub, budget, leases, timeoutMs: config.upstreamTimeoutMs });
  app.use(`${API_PREFIX}/*`, compressJson());
  app.route(API_PREFIX, createBff({ config, upstream, live: { hub, engine }, cache, people }));

  const indexFile = join(config.staticDir, 'index.html');
  app.use('*', staticCacheHeaders());
  app.use('*', async (c, next) => {
    await next();
    const headers = c.req.path === PDF_FRAME_PATH ? pdfFrameHeaders : pageHeaders;
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  });
  // The built scripts are public. The PDF frame's opaque origin loads its module scripts with CORS, as `null`:
  // that origin alone is let in, and only for files that exist.
  app.use('/assets/*', async (c, next) => {
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (c.res.status === 200 && c.req.header('origin') === 'null') {
      c.res.headers.set('Access-Control-Allow-Origin', 'null');
    }
  });
  // The build writes a Brotli and a gzip copy of each text file beside it: sent to the browsers that take them.
  app.use('/assets/*', serveStatic({ root: config.staticDir, precompressed: true }));
  app.all('/assets/*', (c) => c.json(errorBody(404, `No file ${c.req.path}`), 404));
  app.use('*', serveStatic({ root: config.staticDir, precompressed: true }));
  // Every other GET is a route of the single-page app.
  app.get('*', (c) => {
    if (!existsSync(indexFile)) {
      return c.text('The app is not built yet: run `npm run build` (npm start does it for you).', 503);
    }
    return c.html(readFileSync(indexFile, 'utf8'));
  });
  app.notFound((c) => c.json(errorBody(404, `No route for ${c.req.method} ${c.req.path}`), 404));
  return app;
}
