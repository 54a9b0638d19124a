/**
 * Demo attachment files for the messaging sandbox.
 *
 * Every file is a real, valid file of its type, and the bytes are the same on every run:
 * - text formats, SVG, HTML, PDF, ZIP (and the OOXML documents built on it) and WAV are written
 *   here in plain TypeScript;
 * - formats that are impractical to encode by hand (JPEG, WebP, GIF, PNG art, MP3, MP4, WebM) are
 *   small fixtures under ./files/, rendered once with ffmpeg/ImageMagick and committed, so at
 *   runtime nothing but Node is needed.
 *
 * Three files are hostile on purpose (security fixtures): `xss-test.svg`, `xss-test.html` and `xss-test.pdf`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chimeWav } from './samples/wav';
import { budgetXlsx, projectBriefDocx } from './samples/office';
import { hostilePdf, roadmapPdf } from './samples/pdf';
import {
  ACME_LOGO_SVG,
  LAUNCH_PLAN_CSV,
  MEETING_NOTES,
  WEBHOOK_PAYLOAD,
  XSS_HTML,
  XSS_SVG,
} from './samples/text-samples';
import { utf8 } from './samples/utf8';
import { releaseKitZip } from './samples/zip';

export interface SampleFile {
  /** Realistic file name, e.g. "q3-roadmap.pdf". */
  name: string;
  /** MIME type, e.g. "image/png". */
  type: string;
  /** The full content. */
  bytes: Buffer;
}

export interface LargeSampleFile {
  name: string;
  type: string;
  /** Exact byte size: the sum of the chunk lengths. */
  size: number;
  /** The content in chunks of about 1 MiB, generated lazily and deterministically. */
  chunks(): Iterable<Buffer>;
}

// ---------------------------------------------------------------------------------------------
// Binary fixtures

const fixtureCache = new Map<string, Buffer>();
// A plain path from this module's URL: bundlers rewrite the `new URL('./x', import.meta.url)` form.
const fixtureDir = join(dirname(fileURLToPath(import.meta.url)), 'files');

function fixture(name: string): Buffer {
  let bytes = fixtureCache.get(name);
  if (!bytes) {
    bytes = readFileSync(join(fixtureDir, name));
    fixtureCache.set(name, bytes);
  }
  // A copy, so that a caller changing its buffer cannot change what the next call returns.
  return Buffer.from(bytes);
}

// ---------------------------------------------------------------------------------------------
// Public API

export function sampleFiles(): SampleFile[] {
  return [
    // Images (real pixels, different sizes and aspect ratios)
    { name: 'team-offsite.jpg', type: 'image/jpeg', bytes: fixture('team-offsite.jpg') }, // 1600x1000 photo-like scene
    { name: 'q3-revenue-chart.png', type: 'image/png', bytes: fixture('q3-revenue-chart.png') }, // 1200x750 chart, RGB
    { name: 'inbox-redesign-v2.png', type: 'image/png', bytes: fixture('inbox-redesign-v2.png') }, // 1440x900 UI mock, palette
    { name: 'northern-lights.webp', type: 'image/webp', bytes: fixture('northern-lights.webp') }, // 800x1000 portrait
    { name: 'launch-party.gif', type: 'image/gif', bytes: fixture('launch-party.gif') }, // 480x270, animated, looping
    { name: 'acme-logo.svg', type: 'image/svg+xml', bytes: utf8(ACME_LOGO_SVG) },
    { name: 'xss-test.svg', type: 'image/svg+xml', bytes: utf8(XSS_SVG) }, // hostile
    // Documents
    { name: 'q3-roadmap.pdf', type: 'application/pdf', bytes: roadmapPdf() },
    { name: 'xss-test.pdf', type: 'application/pdf', bytes: hostilePdf() }, // hostile
    {
      name: 'project-brief.docx',
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      bytes: projectBriefDocx(),
    },
    {
      name: 'budget-2026.xlsx',
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: budgetXlsx(),
    },
    { name: 'meeting-notes.txt', type: 'text/plain', bytes: utf8(MEETING_NOTES) },
    { name: 'launch-plan.csv', type: 'text/csv', bytes: utf8(LAUNCH_PLAN_CSV) },
    {
      name: 'webhook-payload.json',
      type: 'application/json',
      bytes: utf8(JSON.stringify(WEBHOOK_PAYLOAD, null, 2) + '\n'),
    },
    { name: 'xss-test.html', type: 'text/html', bytes: utf8(XSS_HTML) }, // hostile
    { name: 'release-kit.zip', type: 'application/zip', bytes: releaseKitZip() },
    // Audio and video
    { name: 'notification-chime.wav', type: 'audio/wav', bytes: chimeWav() }, // 1.6 s, 16 kHz mono
    { name: 'launch-jingle.mp3', type: 'audio/mpeg', bytes: fixture('launch-jingle.mp3') }, // 6 s, 22.05 kHz mono, ID3v2
    { name: 'product-demo.mp4', type: 'video/mp4', bytes: fixture('product-demo.mp4') }, // 6 s, 480x300 H.264 + AAC
    { name: 'lake-timelapse.webm', type: 'video/webm', bytes: fixture('lake-timelapse.webm') }, // 5 s, 480x300 VP9, no audio
  ];
}

export { largeSampleFile } from './samples/large-file';
