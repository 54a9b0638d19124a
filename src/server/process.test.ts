import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from './sandbox/store/db';

// The real `npm start` entry in its own process: first-start seeding, durability and clean stops.
const dir = mkdtempSync(join(tmpdir(), 'inbox-process-'));
const dbPath = join(dir, 'sandbox.db');
const key = 'process_test_key';
// A test that fails before it stops its server must not leave the server running.
const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function start(
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; base: string; port: number; output: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      SANDBOX_DB: dbPath,
      SANDBOX_API_KEY: key,
      SANDBOX_SEED_MESSAGES: '600',
      STATIC_DIR: dir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { child, base, port, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start:\n${output}`);
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

describe('the inbox server process', () => {
  it('seeds an empty database on first start and prints the URL, but never a sandbox key somebody chose', async () => {
    const server = await start();
    expect(server.output()).toContain(`${server.base}/`);
    expect(server.output()).toContain('(API key: SANDBOX_API_KEY');
    expect(server.output()).not.toContain(key);
    const stopped = exited(server.child);
    server.child.kill('SIGTERM');
    expect(await stopped).toEqual({ code: 0, signal: null });
  });

  it('keeps every acknowledged write after kill -9', async () => {
    const server = await start();
    const auth = `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
    const accounts = (await (
      await fetch(`${server.base}/sandbox/accounts`, { headers: { authorization: auth } })
    ).json()) as { id: string }[];
    const headers = { authorization: auth, 'x-account-id': accounts[0]!.id, 'content-type': 'application/json' };
    const list = (await (
      await fetch(`${server.base}/sandbox/unified/messaging/conversations?page_size=1`, { headers })
    ).json()) as {
      data: { id: string }[];
    };
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await fetch(`${server.base}/sandbox/unified/messaging/messages`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ recipient: list.data[0]!.id, content: `durable ${i}` }),
      });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { data: { id: string } }).data.id);
    }
    const killed = exited(server.child);
    server.child.kill('SIGKILL');
    expect((await killed).signal).toBe('SIGKILL');

    const db = openDb(dbPath);
    try {
      const stored = db
        .prepare('SELECT id FROM messages WHERE id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(ids));
      expect(stored).toHaveLength(ids.length);
    } finally {
      db.close();
    }
  });

  /** Starts the server with these settings, expecting it to refuse: its exit and what it wrote to stderr. */
  async function refusal(env: Record<string, string>) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, SANDBOX_DB: dbPath, PORT: String(await freePort()), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr!.on('data', (chunk) => (output += chunk));
    // 'close' rather than 'exit': it waits for stderr to be read to its end.
    const closed = await new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
    return { closed, output };
  }

  it('refuses to start on a bad setting, naming it', async () => {
    const { closed, output } = await refusal({ SANDBOX_FAULTS: 'send_message:500,list_users:teapot' });
    expect(closed).toEqual({ code: 1, signal: null });
    expect(output).toContain('Cannot start: SANDBOX_FAULTS: "list_users:teapot": kind must be one of');
  });

  it('refuses to start open to the network without sign-in, and says what to set', async () => {
    const { closed, output } = await refusal({ HOST: '0.0.0.0' });
    expect(closed).toEqual({ code: 1, signal: null });
    expect(output).toContain('Cannot start: HOST=0.0.0.0');
    expect(output).toContain('INBOX_AUTH=none and INBOX_ALLOW_OPEN=1');
  });

  it('starts open to the network with sign-in, never printing the password, and lets no one in unsigned', async () => {
    const password = 'the process test team password';
    const server = await start({ HOST: '0.0.0.0', INBOX_AUTH: 'password', INBOX_PASSWORD: password });
    expect(server.output()).toContain('Sign-in: the team password (INBOX_PASSWORD)');
    expect(server.output()).toContain('WARNING: sign-in over plain http');
    expect(server.output()).not.toContain('open to everyone');
    expect(server.output()).not.toContain(password);
    const res = await fetch(`${server.base}/api/accounts`);
    expect(res.status).toBe(401);
    const stopped = exited(server.child);
    server.child.kill('SIGTERM');
    expect(await stopped).toEqual({ code: 0, signal: null });
  });

  it('keeps its memory flat while refusing a 256 MB chunked body', async () => {
    const server = await start();
    const pid = server.child.pid!;
    const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
    const before = rss();
    let peak = before;
    const watch = setInterval(() => (peak = Math.max(peak, rss())), 20);
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.base}/sandbox/unified/messaging/messages`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
          'content-type': 'application/json',
          'x-account-id': 'any',
        },
      });
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        res.resume();
        resolve(res.statusCode!);
        req.destroy();
      });
      req.on('error', (error) => (answered ? undefined : reject(error)));
      let sent = 0;
      const pump = () => {
        while (!answered && sent < 256 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return req.once('drain', pump);
        }
        if (!answered) req.end();
      };
      pump();
    });
    clearInterval(watch);
    peak = Math.max(peak, rss());
    expect(status).toBe(413);
    expect(peak - before).toBeLessThan(64 * 1024 * 1024);
    server.child.kill('SIGKILL');
  });

  it('cuts off a client that sends its body too slowly', async () => {
    const server = await start({ REQUEST_TIMEOUT_MS: '1000', HEADERS_TIMEOUT_MS: '1000' });
    const started = Date.now();
    const ended = await new Promise<number>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write('POST /sandbox/unified/messaging/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n');
        socket.write('Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
        const drip = setInterval(() => socket.write(' '), 200);
        socket.on('close', () => {
          clearInterval(drip);
          resolve(Date.now() - started);
        });
        socket.on('error', () => undefined);
        socket.resume();
      });
    });
    expect(ended).toBeLessThan(5_000);
    server.child.kill('SIGKILL');
  });

  it('stops cleanly on SIGINT', async () => {
    const server = await start();
    const stopped = exited(server.child);
    server.child.kill('SIGINT');
    expect(await stopped).toEqual({ code: 0, signal: null });
  });
});
