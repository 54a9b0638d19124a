import { describe, expect, it } from 'vitest';
import { sampleFiles } from '../server/sandbox/seed/sample-files';
import { kindFromType, previewOf, sniff, SNIFF_BYTES, splitFileName } from './file-kind';

const bytes = (text: string) => new TextEncoder().encode(text);
const files = sampleFiles();
const sample = (name: string) => {
  const file = files.find((f) => f.name === name);
  if (!file) throw new Error(`no sample ${name}`);
  return new Uint8Array(file.bytes.subarray(0, SNIFF_BYTES));
};

describe('kindFromType', () => {
  it('maps the allowlist, ignoring case and parameters', () => {
    expect(kindFromType('image/png')).toBe('image');
    expect(kindFromType('IMAGE/JPEG')).toBe('image');
    expect(kindFromType('audio/x-wav')).toBe('audio');
    expect(kindFromType('video/webm')).toBe('video');
    expect(kindFromType('application/pdf')).toBe('pdf');
    expect(kindFromType('text/csv; charset=utf-8')).toBe('text');
    expect(kindFromType('application/json')).toBe('text');
  });

  it('treats SVG, HTML and anything else as a plain file', () => {
    for (const type of [
      'image/svg+xml',
      'text/html',
      'application/xhtml+xml',
      'text/xml',
      'application/zip',
      'image/bmp',
      '',
      null,
      undefined,
    ]) {
      expect(kindFromType(type)).toBe('file');
    }
  });
});

describe('sniff', () => {
  it('recognises the formats by their first bytes', () => {
    expect(sniff(sample('q3-revenue-chart.png'))).toBe('image/png');
    expect(sniff(sample('team-offsite.jpg'))).toBe('image/jpeg');
    expect(sniff(sample('launch-party.gif'))).toBe('image/gif');
    expect(sniff(sample('northern-lights.webp'))).toBe('image/webp');
    expect(sniff(sample('q3-roadmap.pdf'))).toBe('application/pdf');
    expect(sniff(sample('launch-jingle.mp3'))).toBe('audio/mpeg');
    expect(sniff(sample('notification-chime.wav'))).toBe('audio/wav');
    expect(sniff(sample('product-demo.mp4'))).toBe('video/mp4');
    expect(sniff(sample('lake-timelapse.webm'))).toBe('video/webm');
    expect(sniff(new Uint8Array([0xff, 0xfb, 0x90, 0x64]))).toBe('audio/mpeg');
  });

  it('proves nothing for text, markup, archives, or too few bytes', () => {
    expect(sniff(sample('acme-logo.svg'))).toBeNull();
    expect(sniff(sample('xss-test.html'))).toBeNull();
    expect(sniff(sample('release-kit.zip'))).toBeNull();
    expect(sniff(new Uint8Array([0x89, 0x50]))).toBeNull();
    expect(sniff(new Uint8Array())).toBeNull();
  });
});

describe('previewOf', () => {
  it('previews a PNG named .svg never: the declared type is not allowlisted', () => {
    expect(previewOf('image/svg+xml', sample('q3-revenue-chart.png')).kind).toBe('file');
  });

  it('previews an SVG declared as PNG never: the bytes do not prove an image', () => {
    expect(previewOf('image/png', sample('xss-test.svg')).kind).toBe('file');
    expect(previewOf('image/png', sample('acme-logo.svg')).kind).toBe('file');
  });

  it('previews HTML declared as text never', () => {
    expect(previewOf('text/plain', sample('xss-test.html')).kind).toBe('file');
    expect(previewOf('text/plain', bytes('\uFEFF  \n<!DOCTYPE html><p>hi')).kind).toBe('file');
    expect(previewOf('text/csv', bytes('<SCRIPT>alert(1)</script>')).kind).toBe('file');
    expect(previewOf('application/json', bytes('<svg onload=alert(1)>')).kind).toBe('file');
  });

  it('needs the bytes of the same family as the declared type', () => {
    expect(previewOf('image/png', sample('team-offsite.jpg')).kind).toBe('image');
    expect(previewOf('image/png', sample('q3-roadmap.pdf')).kind).toBe('file');
    expect(previewOf('audio/mpeg', sample('product-demo.mp4')).kind).toBe('file');
    expect(previewOf('video/mp4', sample('launch-jingle.mp3')).kind).toBe('file');
    expect(previewOf('text/plain', sample('q3-revenue-chart.png')).kind).toBe('file');
    expect(previewOf('text/plain', new Uint8Array([0x61, 0x00, 0x62])).kind).toBe('file');
    expect(previewOf('text/plain', new Uint8Array([0x61, 0xc3, 0x28])).kind).toBe('file');
  });

  it('accepts text cut in the middle of a character', () => {
    expect(previewOf('text/plain', bytes('price: 5 €').subarray(0, 10)).kind).toBe('text');
  });

  it('decides every seeded sample file', () => {
    const expected: Record<string, string> = {
      'team-offsite.jpg': 'image',
      'q3-revenue-chart.png': 'image',
      'inbox-redesign-v2.png': 'image',
      'northern-lights.webp': 'image',
      'launch-party.gif': 'image',
      'acme-logo.svg': 'file',
      'xss-test.svg': 'file',
      'q3-roadmap.pdf': 'pdf',
      'xss-test.pdf': 'pdf', // drawn by pdf.js in an opaque-origin frame; its scripts never run
      'project-brief.docx': 'file',
      'budget-2026.xlsx': 'file',
      'meeting-notes.txt': 'text',
      'launch-plan.csv': 'text',
      'webhook-payload.json': 'text',
      'xss-test.html': 'file',
      'release-kit.zip': 'file',
      'notification-chime.wav': 'audio',
      'launch-jingle.mp3': 'audio',
      'product-demo.mp4': 'video',
      'lake-timelapse.webm': 'video',
    };
    expect(files.map((f) => f.name).sort()).toEqual(Object.keys(expected).sort());
    for (const file of files) {
      expect([file.name, previewOf(file.type, new Uint8Array(file.bytes.subarray(0, SNIFF_BYTES))).kind]).toEqual([
        file.name,
        expected[file.name],
      ]);
    }
  });
});

describe('splitFileName', () => {
  it('keeps the extension and the last word before it in the tail, never half a word', () => {
    expect(splitFileName('quarterly-report-final.pdf')).toEqual({ head: 'quarterly-report-', tail: 'final.pdf' });
    expect(splitFileName('q3-revenue-chart.png')).toEqual({ head: 'q3-revenue-', tail: 'chart.png' });
    expect(splitFileName('Team photo 2026.jpeg')).toEqual({ head: 'Team photo ', tail: '2026.jpeg' });
    expect(splitFileName('notes_v2.txt')).toEqual({ head: 'notes_', tail: 'v2.txt' });
  });

  it('keeps a few characters when the last word is long or there is no word break', () => {
    expect(splitFileName('x-averyveryverylongword.pdf')).toEqual({ head: 'x-averyveryverylong', tail: 'word.pdf' });
    expect(splitFileName('a.png')).toEqual({ head: '', tail: 'a.png' });
    expect(splitFileName('README')).toEqual({ head: 'RE', tail: 'ADME' });
    expect(splitFileName('.env')).toEqual({ head: '', tail: '.env' });
  });
});
