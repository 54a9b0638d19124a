import type { Rng } from './rng';

/** A provider-flavoured remote id for a seeded message sent at `time`. */
export function remoteIdAt(provider: string, time: number, rng: Rng): string {
  if (provider === 'slack') return `${Math.floor(time / 1000)}.${String(rng.int(0, 999999)).padStart(6, '0')}`;
  if (provider === 'microsoft_teams') return String(time);
  return ((BigInt(Math.floor(time) - 1420070400000) << 22n) | BigInt(rng.int(0, 4194303))).toString();
}
