import * as z from 'zod/mini';

const SessionSchema = z.object({ csrfToken: z.string(), mode: z.optional(z.enum(['sandbox', 'stackone'])) });
export type Session = z.infer<typeof SessionSchema>;

let current: Promise<Session> | null = null;

/** The browser's session with the inbox server (a signed cookie plus a CSRF token for writes). */
export function getSession(refresh = false): Promise<Session> {
  if (refresh || current === null) {
    current = fetch('/api/session', { credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`Could not start a session (${response.status})`);
        return SessionSchema.parse(await response.json());
      })
      .catch((error: unknown) => {
        current = null;
        throw error;
      });
  }
  return current;
}
