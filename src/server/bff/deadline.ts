/** The upstream took longer than its timeout, before its headers or between two body chunks. */
export class UpstreamTimeout extends Error {
  constructor() {
    super('StackOne did not answer in time');
  }
}

/** The browser went away; the upstream request is abandoned with it. */
export class ClientGone extends Error {
  constructor() {
    super('The browser closed the request');
  }
}

export interface Deadline {
  signal: AbortSignal;
  /** Starts (or restarts) the timer: the upstream owes us something within the timeout. */
  arm(): void;
  disarm(): void;
  abort(reason: unknown): void;
  /** The exchange is over: no timer, no listener on the browser's signal. */
  finish(): void;
}

/** One abort signal for an upstream exchange, fired by the timer or by the browser disconnecting. */
export function createDeadline(timeoutMs: number, clientSignal: AbortSignal): Deadline {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onClientAbort = () => controller.abort(new ClientGone());
  if (clientSignal.aborted) onClientAbort();
  else clientSignal.addEventListener('abort', onClientAbort, { once: true });

  const disarm = () => clearTimeout(timer);
  return {
    signal: controller.signal,
    arm() {
      disarm();
      timer = setTimeout(() => controller.abort(new UpstreamTimeout()), timeoutMs);
    },
    disarm,
    abort: (reason) => controller.abort(reason),
    finish() {
      disarm();
      clientSignal.removeEventListener('abort', onClientAbort);
    },
  };
}

/** Resolves like the promise, or rejects as soon as the signal aborts (an in-process fetch may ignore it). */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Pipes an upstream body through without buffering. The timer runs only while we wait on the
 * upstream for the next chunk, so a slow browser never trips it but a stalled upstream does;
 * an abort errors the stream (the server then drops the connection) and cancels the upstream.
 */
export function guardedBody(body: ReadableStream<Uint8Array>, deadline: Deadline): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let onAbort = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      onAbort = () => {
        deadline.finish();
        reader.cancel(deadline.signal.reason).catch(() => {});
        // Nobody is left to tell when the browser went away: end quietly instead of logging an error.
        if (deadline.signal.reason instanceof ClientGone) controller.close();
        else controller.error(deadline.signal.reason);
      };
      if (deadline.signal.aborted) onAbort();
      else deadline.signal.addEventListener('abort', onAbort, { once: true });
    },
    async pull(controller) {
      deadline.arm();
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        deadline.finish();
        controller.error(deadline.signal.aborted ? deadline.signal.reason : error);
        return;
      } finally {
        deadline.disarm();
      }
      if (deadline.signal.aborted) return;
      if (chunk.done) {
        deadline.signal.removeEventListener('abort', onAbort);
        deadline.finish();
        controller.close();
      } else {
        controller.enqueue(chunk.value);
      }
    },
    cancel(reason) {
      deadline.signal.removeEventListener('abort', onAbort);
      deadline.finish();
      deadline.abort(reason ?? new ClientGone());
      return reader.cancel(reason);
    },
  });
}

/** Reads a body up to `limit` bytes as text, under the deadline; the rest is dropped. */
export async function readText(body: ReadableStream<Uint8Array> | null, deadline: Deadline, limit: number) {
  if (body === null) return '';
  const reader = guardedBody(body, deadline).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= limit) {
      await reader.cancel();
      break;
    }
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, limit));
}
