import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestServer } from './testing';

const staticDir = mkdtempSync(join(tmpdir(), 'inbox-static-'));
mkdirSync(join(staticDir, 'assets'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Inbox</title>');
writeFileSync(join(staticDir, 'pdf-preview.html'), '<!doctype html><title>PDF preview</title>');
writeFileSync(join(staticDir, 'assets', 'main-abc.js'), 'export {};');
writeFileSync(join(staticDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
writeFileSync(join(staticDir, 'manifest.webmanifest'), '{"name":"Inbox"}');
afterAll(() => rmSync(staticDir, { recursive: true, force: true }));

const { app } = createTestServer({ config: { staticDir } });

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
});
