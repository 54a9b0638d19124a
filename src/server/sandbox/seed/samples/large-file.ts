import type { LargeSampleFile } from '../sample-files';

// ---------------------------------------------------------------------------------------------
// The large file: a 50 MB+ CSV export of product analytics events

const LARGE_ROWS = 480_000;
/** Exact byte size of the export; pinned by the test (it must equal the sum of the chunk lengths). */
const LARGE_SIZE = 53_217_743;
const CHUNK_TARGET = 1 << 20;

const EVENT_TYPES = [
  'message.sent',
  'message.sent',
  'message.sent',
  'message.sent',
  'message.read',
  'message.read',
  'message.read',
  'message.read',
  'message.read',
  'reaction.added',
  'reaction.added',
  'file.uploaded',
  'file.downloaded',
  'conversation.opened',
  'conversation.opened',
  'conversation.opened',
  'search.performed',
  'user.signed_in',
  'call.started',
  'call.ended',
  'notification.clicked',
  'channel.joined',
] as const;
const CLIENTS = [
  'web',
  'web',
  'web',
  'desktop-macos',
  'desktop-windows',
  'ios',
  'ios',
  'android',
  'android',
  'api',
] as const;
const COUNTRIES = [
  'US',
  'US',
  'US',
  'GB',
  'DE',
  'DE',
  'FR',
  'NL',
  'ES',
  'IT',
  'SE',
  'PL',
  'IN',
  'IN',
  'BR',
  'CA',
  'AU',
  'JP',
  'SG',
  'IE',
] as const;
const APP_VERSIONS = ['4.12.0', '4.12.1', '4.13.0', '4.13.2', '4.14.0', '5.0.0-rc.3'] as const;

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const ROWS_PER_WRITE = 64;

function* largeRows(): Generator<Buffer> {
  // mulberry32, integer-only, so every platform produces the same rows.
  let state = 0x5eed2026;
  const rand = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const pick = <T>(items: readonly T[]): T => items[rand() % items.length]!;

  // Timestamps are formatted by hand (same output as toISOString, several times faster).
  let ms = Date.UTC(2026, 0, 1, 0, 0, 0);
  let dayStart = ms;
  let dayPrefix = new Date(dayStart).toISOString().slice(0, 11);
  // Small batches of rows are written straight into a fresh buffer per chunk: much less garbage
  // (and GC time) than building 1 MB strings.
  let chunk = Buffer.alloc(CHUNK_TARGET + ROWS_PER_WRITE * 256);
  let used = 0;
  let batch =
    'event_id,occurred_at,workspace_id,user_id,conversation_id,event_type,client,app_version,country,duration_ms,bytes,success\n';
  for (let i = 1; i <= LARGE_ROWS; i++) {
    ms += rand() % 130_000; // 65 s apart on average: the rows span (almost all of) 2026
    if (ms - dayStart >= DAY_MS) {
      dayStart = ms - (ms % DAY_MS);
      dayPrefix = new Date(dayStart).toISOString().slice(0, 11);
    }
    const tod = ms - dayStart;
    const time = `${dayPrefix}${TWO_DIGITS[Math.floor(tod / 3_600_000)]}:${TWO_DIGITS[Math.floor(tod / 60_000) % 60]}:${TWO_DIGITS[Math.floor(tod / 1000) % 60]}.${THREE_DIGITS[tod % 1000]}Z`;
    const type = pick(EVENT_TYPES);
    const duration = type === 'call.ended' ? 30_000 + (rand() % 3_600_000) : 8 + (rand() % 900);
    const bytes =
      type === 'file.uploaded' || type === 'file.downloaded' ? 1024 + (rand() % 25_000_000) : 120 + (rand() % 3800);
    batch +=
      `evt_${i.toString(36).padStart(6, '0')},${time},ws_${rand() % 1800},usr_${rand() % 250_000},` +
      `conv_${(rand() % 2_000_000).toString(36)},${type},${pick(CLIENTS)},${pick(APP_VERSIONS)},${pick(COUNTRIES)},` +
      `${duration},${bytes},${rand() % 200 === 0 ? 'false' : 'true'}\n`;
    if (i % ROWS_PER_WRITE === 0 || i === LARGE_ROWS) {
      used += chunk.write(batch, used, 'latin1');
      batch = '';
      if (used >= CHUNK_TARGET || i === LARGE_ROWS) {
        yield chunk.subarray(0, used);
        chunk = Buffer.alloc(CHUNK_TARGET + ROWS_PER_WRITE * 256);
        used = 0;
      }
    }
  }
}

function* largeChunks(): Generator<Buffer> {
  let total = 0;
  for (const chunk of largeRows()) {
    total += chunk.length;
    yield chunk;
  }
  // LARGE_SIZE is pinned to what the generator produces; fail loudly if the two ever drift apart.
  if (total !== LARGE_SIZE) throw new Error(`events-export-2026.csv: generated ${total} bytes, expected ${LARGE_SIZE}`);
}

export function largeSampleFile(): LargeSampleFile {
  return { name: 'events-export-2026.csv', type: 'text/csv', size: LARGE_SIZE, chunks: largeChunks };
}
