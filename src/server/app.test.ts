import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestServer } from './testing';

const staticDir = mkdtempSync(join(tmpdir(), 'inbox-static-'));
mkdirSync(join(staticDir, 'assets'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Inbox</title>');
writeFileSync(join(staticDir, 'pdf-preview.html'), '<!doctype html><title>PDF preview</title>');
writeFileSync(join(staticDir, 'assets', 'main-abc.js'), 'export {};');
// What the build writes beside each text file (vite.config.ts): stand-ins, told apart by their bytes.
writeFileSync(join(staticDir, 'assets', 'main-abc.js.br'), 'brotli bytes');
writeFileSync(join(staticDir, 'assets', 'main-abc.js.gz'), 'gzip bytes');
writeFileSync(join(staticDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
writeFileSync(join(staticDir, 'manifest.webmanifest'), '{"name":"Inbox"}');
afterAll(() => rmSync(staticDir, { recursive: true, force: true }));

const server = createTestServer({ config: { staticDir } });
const { app } = server;

describe('the built app', () => {
  it('serves routes of the app with a strict policy and refuses to be framed', async () => {
    const response = await app.request('/a/some-account/c/some-conversation');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Inbox</title>');
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    // Only DOMPurify's Trusted Types policy may make HTML for the page's sinks.
    expect(policy).toContain("require-trusted-types-for 'script'; trusted-types dompurify");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the service worker and the manifest under the page policy, asked again on every load', async () => {
    const worker = await app.request('/sw.js');
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toMatch(/javascript/);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    // The page registers it through this Trusted Types policy, the only one besides DOMPurify's.
    expect(worker.headers.get('content-security-policy')).toContain('trusted-types dompurify inbox-service-worker');
    const manifest = await app.request('/manifest.webmanifest');
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    expect((await app.request('/a/x')).headers.get('cache-control')).toBe('no-cache');
    expect((await app.request('/assets/main-abc.js')).headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
    expect((await app.request('/assets/missing-123.js')).headers.get('cache-control')).not.toMatch(/immutable/);
    expect((await app.request('/api/inbox/session')).headers.get('cache-control')).toBe('no-store');
  });

  it('serves the PDF preview page sandboxed by its own policy, framable by the app only', async () => {
    const response = await app.request('/pdf-preview.html');
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toMatch(/^sandbox allow-scripts;/);
    expect(policy).not.toContain('allow-same-origin');
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'self'");
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('lets the sandboxed frame load the built scripts (CORS, no credentials)', async () => {
    const response = await app.request('/assets/main-abc.js', { headers: { origin: 'null' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('null');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/Origin/);
    const fromElsewhere = await app.request('/assets/main-abc.js', { headers: { origin: 'https://evil.example' } });
    expect(fromElsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a missing asset with a 404, not the app page, and lets no origin read it', async () => {
    const response = await app.request('/assets/missing-123.js', { headers: { origin: 'null' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/json/);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps the API out of reach of other origins', async () => {
    const response = await app.request('/api/inbox/session', { headers: { origin: 'null' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends the compressed copy the build wrote to browsers that take it, and the file as it is to others', async () => {
    const br = await app.request('/assets/main-abc.js', { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(await br.text()).toBe('brotli bytes');
    const gzip = await app.request('/assets/main-abc.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.text()).toBe('gzip bytes');
    const plain = await app.request('/assets/main-abc.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('export {};');
  });
});

describe('the API on the wire', () => {
  const gzip = { 'accept-encoding': 'gzip, deflate, br' };

  it('gzips JSON answers for browsers that take it, and only for them', async () => {
    const plain = await server.api('/unified/messaging/conversations?page_size=50');
    const text = await plain.text();
    expect(plain.headers.get('content-encoding')).toBeNull();
    const zipped = await server.api('/unified/messaging/conversations?page_size=50', { headers: gzip });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('content-length')).toBeNull();
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(text.length / 2);
    expect(JSON.parse(gunzipSync(bytes).toString('utf8'))).toEqual(JSON.parse(text));
    const refused = await server.api('/unified/messaging/conversations?page_size=50', {
      headers: { 'accept-encoding': 'gzip;q=0, br' },
    });
    expect(refused.headers.get('content-encoding')).toBeNull();
  });

  it('leaves downloads as they are: their length shows progress', async () => {
    const conversations = await server.apiJson('/unified/messaging/conversations?page_size=100');
    const messages = await Promise.all(
      conversations.body.data.map((c: { id: string }) =>
        server.apiJson(`/unified/messaging/conversations/${c.id}/messages?page_size=100`),
      ),
    );
    const withFile = messages
      .flatMap((page) => page.body.data)
      .find((m: { attachments?: unknown[] }) => (m.attachments ?? []).length > 0);
    const file = withFile.attachments[0];
    const download = await server.api(`/unified/messaging/messages/${withFile.id}/attachments/${file.id}/download`, {
      headers: gzip,
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-encoding')).toBeNull();
    expect(download.headers.get('content-length')).not.toBeNull();
  });
});
