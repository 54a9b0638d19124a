import { errorAnswer, jsonAnswer } from './answers';
import { callUpstream, type ForwardTarget, failureAnswer, forward, relay } from './forward';
import { readText } from './deadline';
import type { Upstream } from './upstream';

const MAX_ACCOUNTS_BODY = 8 * 1024 * 1024;

/** `GET /accounts`: forwarded as is, or, with an allowlist, only the allowed accounts. */
export async function listAccounts(
  raw: Request,
  upstream: Upstream,
  target: ForwardTarget,
  allowed: ReadonlySet<string> | null,
): Promise<Response> {
  if (allowed === null) return forward(raw, upstream, target);
  const result = await callUpstream(raw, upstream, target);
  if (!result.ok) return result.answer;
  const { response, deadline } = result;
  if (response.status !== 200) return relay(response, deadline, upstream, false);
  let accounts: unknown;
  try {
    accounts = JSON.parse(await readText(response.body, deadline, MAX_ACCOUNTS_BODY));
  } catch (error) {
    if (deadline.signal.aborted) return failureAnswer(deadline.signal.reason);
    return errorAnswer(502, `StackOne answered the accounts list with something else than JSON (${String(error)})`);
  } finally {
    deadline.finish();
  }
  if (!Array.isArray(accounts))
    return errorAnswer(502, 'StackOne answered the accounts list with something else than a list');
  return jsonAnswer(
    200,
    accounts.filter((account: { id?: unknown }) => typeof account?.id === 'string' && allowed.has(account.id)),
  );
}
