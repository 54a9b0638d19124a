import type { Context } from 'hono';
import type * as z from 'zod/mini';
import type { RawResponse } from '../../contract/envelopes';
import { type Parsed, pickFields, type RecordQuery } from '../../contract/query';
import { MAX_REQUEST_BODY } from '../edge/body-limit';
import { Problem } from './problem';
import type { AccountRow } from './store/accounts';

export type SandboxEnv = { Variables: { account: AccountRow } };

export function query(c: Context): URLSearchParams {
  return new URL(c.req.url).searchParams;
}

export function must<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Problem(400, parsed.message);
  return parsed.value;
}

const providerHosts: Record<string, string> = {
  slack: 'https://slack.com/api',
  microsoft_teams: 'https://graph.microsoft.com/v1.0',
  discord: 'https://discord.com/api/v10',
};

/** The provider request behind an answer, as StackOne reports it with `raw=true`. */
function rawRecords(c: Context<SandboxEnv>, response: unknown): RawResponse[] {
  const account = c.get('account');
  const url = new URL(c.req.url);
  const host = providerHosts[account?.provider ?? ''] ?? 'https://provider.example';
  return [
    {
      method: c.req.method,
      url: `${host}${url.pathname.replace(/^.*\/unified\/messaging/, '')}`,
      response: { ok: true, data: response as Record<string, unknown> },
    },
  ];
}

export function listBody<T extends object>(c: Context<SandboxEnv>, records: T[], next: string | null, q: RecordQuery) {
  const data = records.map((record) => pickFields(record, q.fields));
  return q.raw ? { next, data, raw: rawRecords(c, data) } : { next, data };
}

export function recordBody<T extends object>(c: Context<SandboxEnv>, record: T, q: RecordQuery) {
  const data = pickFields(record, q.fields);
  return q.raw ? { data, raw: rawRecords(c, data) } : { data };
}

/** Reads a JSON request body and checks it against a schema; malformed or mistyped → 400. */
export async function readBody<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.output<S>> {
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > MAX_REQUEST_BODY) throw new Problem(413, `Request body is larger than ${MAX_REQUEST_BODY} bytes`);
  const buffer = await c.req.arrayBuffer();
  if (buffer.byteLength > MAX_REQUEST_BODY)
    throw new Problem(413, `Request body is larger than ${MAX_REQUEST_BODY} bytes`);
  const text = new TextDecoder().decode(buffer);
  if (text.trim() === '') throw new Problem(400, 'Request body is required: a JSON object');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Problem(400, 'Request body is not valid JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Problem(400, 'Request body must be a JSON object');
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Problem(400, `Invalid request body: ${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  return result.data;
}
