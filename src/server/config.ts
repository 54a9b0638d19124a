/** Everything the server reads from the environment, with the documented defaults. */
export interface ServerConfig {
  host: string;
  port: number;
  /** SQLite file of the sandbox. */
  sandboxDb: string;
  sandboxApiKey: string;
  /** Requests a minute per key before the sandbox answers 429; 0 = no limit. */
  sandboxRateLimit: number;
  /** Messages seeded into an empty database on start. */
  seedMessages: number;
  /** Folder of the built single-page app. */
  staticDir: string;
}

export const DEFAULT_SANDBOX_API_KEY = 'sandbox_local_key';

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 8080, 0, 65535),
    sandboxDb: env.SANDBOX_DB || 'data/sandbox.db',
    sandboxApiKey: env.SANDBOX_API_KEY || DEFAULT_SANDBOX_API_KEY,
    sandboxRateLimit: integer(env, 'SANDBOX_RATE_LIMIT', 0, 0, 1_000_000),
    seedMessages: integer(env, 'SANDBOX_SEED_MESSAGES', 24_000, 0, 10_000_000),
    staticDir: env.STATIC_DIR || 'dist',
  };
}
