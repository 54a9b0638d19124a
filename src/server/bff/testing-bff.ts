import { serve, type ServerType } from '@hono/node-server';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import type { createTestServer } from '../testing';

type TestServer = ReturnType<typeof createTestServer>;

/** One attachment of the seed with everything a test needs to fetch it and check its bytes. */
export function someAttachment(server: TestServer, fileType?: string) {
  const row = server.db
    .prepare(
      `SELECT m.account_id AS account, m.id AS message, a.id AS attachment, c.id AS conversation, u.id AS user,
              a.file_name AS fileName, a.file_type AS fileType, a.blob_pk AS blobPk
       FROM attachments a JOIN messages m ON m.seq = a.message_seq JOIN conversations c ON c.pk = m.conversation_pk
       JOIN users u ON u.pk = m.author_pk WHERE m.account_id = ? AND (? IS NULL OR a.file_type = ?) ORDER BY a.pk LIMIT 1`,
    )
    .get(server.accounts[0]!.id, fileType ?? null, fileType ?? null) as {
    account: string;
    message: string;
    attachment: string;
    conversation: string;
    user: string;
    fileName: string;
    fileType: string;
    blobPk: number;
  };
  const bytes = Buffer.concat([...server.store.blobs.chunks(row.blobPk)]);
  const base = `/unified/messaging/messages/${row.message}/attachments/${row.attachment}`;
  return { ...row, bytes, base, download: `${base}/download` };
}

/** Serves a fetch handler over real HTTP on a free loopback port. */
export async function serveFetch(fetch: (request: Request) => Response | Promise<Response>) {
  let server!: ServerType;
  await new Promise<void>((resolve) => {
    server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** Resolves when the BFF drops the connection before the answer has ended. */
  closed: Promise<void>;
}

/** A raw node:http upstream that records each request and answers as the test says (or never). */
export async function scriptedUpstream(answer: (request: Recorded, response: ServerResponse) => void) {
  const requests: Recorded[] = [];
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const closed = new Promise<void>((resolve) => res.on('close', () => resolve()));
      const recorded = {
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
        closed,
      };
      requests.push(recorded);
      answer(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A loopback port nothing listens on. */
export async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
