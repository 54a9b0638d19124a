import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { CreateResult } from '../../contract/envelopes';
import type { SandboxEnv } from './http';
import { Problem } from './problem';
import type { Store } from './store/store';

const MAX_KEY_LENGTH = 255;

/**
 * Runs a create in one immediate transaction. With an `Idempotency-Key`, a replay of the same
 * request answers the first result and creates nothing; the key with another body is a 422.
 */
export function withIdempotency(
  store: Store,
  c: Context<SandboxEnv>,
  operation: string,
  body: unknown,
  create: () => CreateResult,
): { status: number; body: unknown } {
  const key = c.req.header('idempotency-key');
  const accountId = c.get('account').id;
  if (key === undefined) return { status: 201, body: store.db.transaction(create).immediate() };
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new Problem(400, `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters long`);
  }
  const fingerprint = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  return store.db
    .transaction(() => {
      const stored = store.idempotency.find(accountId, operation, key);
      if (stored) {
        if (stored.fingerprint !== fingerprint) {
          throw new Problem(422, 'This Idempotency-Key was already used with a different request body');
        }
        return { status: stored.status, body: JSON.parse(stored.body) as unknown };
      }
      const result = create();
      store.idempotency.save(accountId, operation, key, { fingerprint, status: 201, body: JSON.stringify(result) });
      return { status: 201, body: result as unknown };
    })
    .immediate();
}
