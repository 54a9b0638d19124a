import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, it, expect } from 'vitest';
import { largeSampleFile, sampleFiles, type SampleFile } from './sample-files';

const files = sampleFiles();
const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString('latin1');

/** Checks the magic number of each MIME type. */
const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => ascii(b, 0, 6) === 'GIF89a' || ascii(b, 0, 6) === 'GIF87a',
  'image/webp': (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
  'image/svg+xml': (b) => /^(<\?xml[^>]*>\s*)?<svg[\s>]/.test(b.toString('utf8')),
  'application/pdf': (b) => ascii(b, 0, 5) === '%PDF-',
  'application/zip': (b) => b.readUInt32LE(0) === 0x04034b50,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (b) => b.readUInt32LE(0) === 0x04034b50,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': (b) => b.readUInt32LE(0) === 0x04034b50,
  'audio/wav': (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE',
  'audio/mpeg': (b) => ascii(b, 0, 3) === 'ID3' || (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0),
  'video/mp4': (b) => ascii(b, 4, 8) === 'ftyp',
  'video/webm': (b) => b.readUInt32BE(0) === 0x1a45dfa3,
  'text/html': (b) => /^<!DOCTYPE html>/i.test(b.toString('utf8')),
  'application/json': (b) => {
    JSON.parse(b.toString('utf8'));
    return true;
  },
  'text/plain': (b) => !b.includes(0) && Buffer.from(b.toString('utf8'), 'utf8').equals(b),
  'text/csv': (b) => !b.includes(0) && Buffer.from(b.toString('utf8'), 'utf8').equals(b),
};

const EXTENSIONS: Record<string, string[]> = {
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/gif': ['.gif'],
  'image/webp': ['.webp'],
  'image/svg+xml': ['.svg'],
  'application/pdf': ['.pdf'],
  'application/zip': ['.zip'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'audio/wav': ['.wav'],
  'audio/mpeg': ['.mp3'],
  'video/mp4': ['.mp4'],
  'video/webm': ['.webm'],
  'text/html': ['.html', '.htm'],
  'application/json': ['.json'],
  'text/plain': ['.txt'],
  'text/csv': ['.csv'],
};

/** Width and height read from the image's own header. */
function imageSize({ type, bytes: b }: SampleFile): { width: number; height: number } {
  switch (type) {
    case 'image/png':
      expect(ascii(b, 12, 16)).toBe('IHDR');
      return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
    case 'image/gif':
      return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
    case 'image/webp': {
      const chunk = ascii(b, 12, 16);
      if (chunk === 'VP8 ') return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
      if (chunk === 'VP8L') {
        const bits = b.readUInt32LE(21);
        return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
      }
      expect(chunk).toBe('VP8X');
      return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
    }
    case 'image/jpeg': {
      let i = 2;
      while (i < b.length) {
        expect(b[i]).toBe(0xff);
        const marker = b[i + 1]!;
        if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
          return { width: b.readUInt16BE(i + 7), height: b.readUInt16BE(i + 5) };
        }
        i += 2 + b.readUInt16BE(i + 2);
      }
      throw new Error('no SOF marker');
    }
    default:
      throw new Error(`not a raster image: ${type}`);
  }
}

interface ZipListing {
  name: string;
  data: Buffer;
}

/** Reads a ZIP of stored entries through its central directory, checking the CRCs. */
function readZip(b: Buffer): ZipListing[] {
  const eocd = b.length - 22;
  expect(b.readUInt32LE(eocd)).toBe(0x06054b50);
  const count = b.readUInt16LE(eocd + 10);
  const cdSize = b.readUInt32LE(eocd + 12);
  let p = b.readUInt32LE(eocd + 16);
  expect(p + cdSize).toBe(eocd);
  const entries: ZipListing[] = [];
  for (let i = 0; i < count; i++) {
    expect(b.readUInt32LE(p)).toBe(0x02014b50);
    const method = b.readUInt16LE(p + 10);
    const crc = b.readUInt32LE(p + 16);
    const size = b.readUInt32LE(p + 24);
    const nameLength = b.readUInt16LE(p + 28);
    const extraLength = b.readUInt16LE(p + 30);
    const commentLength = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    const name = b.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    expect(method).toBe(0);
    expect(b.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(start, start + size);
    expect(crc32(data) >>> 0).toBe(crc);
    entries.push({ name, data });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe('sampleFiles', () => {
  it('gives every file a magic number (or content) that matches its MIME type and extension', () => {
    for (const file of files) {
      const check = MAGIC[file.type];
      expect(check, `unexpected type ${file.type}`).toBeDefined();
      expect(check!(file.bytes), `${file.name} does not look like ${file.type}`).toBe(true);
      expect(
        EXTENSIONS[file.type]!.some((ext) => file.name.endsWith(ext)),
        file.name,
      ).toBe(true);
      expect(file.bytes.length).toBeGreaterThan(0);
    }
  });

  it('covers every kind of file a chat user meets', () => {
    const types = new Set(files.map((f) => f.type));
    for (const type of [
      'image/png',
      'image/jpeg',
      'image/gif',
      'image/webp',
      'image/svg+xml',
      'application/pdf',
      'text/plain',
      'text/csv',
      'application/json',
      'text/html',
      'application/zip',
      'audio/wav',
      'audio/mpeg',
      'video/mp4',
      'video/webm',
    ]) {
      expect(types.has(type), type).toBe(true);
    }
  });

  it('has unique, realistic file names', () => {
    const names = files.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9][a-z0-9-]*\.[a-z0-9]+$/);
  });

  it('is deterministic and hands out independent buffers', () => {
    const again = sampleFiles();
    expect(again.map((f) => [f.name, f.type])).toEqual(files.map((f) => [f.name, f.type]));
    again.forEach((f, i) => expect(f.bytes.equals(files[i]!.bytes), f.name).toBe(true));
    again[0]!.bytes.fill(0);
    expect(sampleFiles()[0]!.bytes.equals(files[0]!.bytes)).toBe(true);
  });

  it('stays small', () => {
    const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
    expect(total).toBeLessThan(3 * 1024 * 1024);
    for (const f of files) {
      if (f.type.startsWith('image/')) expect(f.bytes.length, f.name).toBeLessThan(200 * 1024);
      if (f.type.startsWith('video/')) expect(f.bytes.length, f.name).toBeLessThan(400 * 1024);
    }
  });

  it('has raster images of varied, gallery-friendly sizes', () => {
    const raster = files.filter((f) => f.type.startsWith('image/') && f.type !== 'image/svg+xml');
    const sizes = raster.map((f) => ({ name: f.name, ...imageSize(f) }));
    for (const { name, width, height } of sizes) {
      expect(Math.max(width, height), name).toBeGreaterThanOrEqual(320);
      expect(Math.min(width, height), name).toBeGreaterThanOrEqual(200);
      expect(width, name).toBeLessThanOrEqual(1600);
      expect(height, name).toBeLessThanOrEqual(1000);
    }
    expect(new Set(sizes.map((s) => `${s.width}x${s.height}`)).size).toBe(sizes.length);
    expect(sizes.some((s) => s.height > s.width)).toBe(true); // at least one portrait image
  });

  it.each([
    ['q3-roadmap.pdf', 2, 'Q3 2026 Product Roadmap'],
    ['xss-test.pdf', 1, 'Quarterly bonus letter'],
  ])('builds %s as a well-formed PDF with a correct xref table', (name, pages, title) => {
    const pdf = files.find((f) => f.name === name)!;
    const text = pdf.bytes.toString('latin1');
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\s*$/.exec(text)![1]);
    expect(text.startsWith('xref\n', startxref)).toBe(true);
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref))!;
    expect(Number(first)).toBe(0);
    const table = text
      .slice(startxref)
      .split('\n')
      .slice(2, 2 + Number(count));
    table.slice(1).forEach((entry, i) => {
      const offset = Number(entry.slice(0, 10));
      expect(text.startsWith(`${i + 1} 0 obj\n`, offset), `object ${i + 1}`).toBe(true);
    });
    for (const match of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
      const start = match.index + match[0].length;
      expect(text.startsWith('endstream', start + Number(match[1]))).toBe(true);
    }
    expect(new RegExp(`/Type /Pages /Kids \\[[^\\]]*\\] /Count ${pages} >>`).test(text)).toBe(true);
    expect(text).toContain(`(${title}) Tj`);
  });

  it('builds valid ZIP archives (plain and Office documents)', () => {
    const zip = readZip(files.find((f) => f.type === 'application/zip')!.bytes);
    expect(zip.length).toBeGreaterThanOrEqual(2);
    expect(zip.length).toBeLessThanOrEqual(3);
    for (const entry of zip) expect(entry.data.length).toBeGreaterThan(0);
    const flags = zip.find((e) => e.name.endsWith('.json'))!;
    expect(() => JSON.parse(flags.data.toString('utf8'))).not.toThrow();

    const docx = readZip(files.find((f) => f.name.endsWith('.docx'))!.bytes);
    expect(docx[0]!.name).toBe('[Content_Types].xml');
    expect(docx.map((e) => e.name)).toContain('word/document.xml');
    const xlsx = readZip(files.find((f) => f.name.endsWith('.xlsx'))!.bytes);
    expect(xlsx[0]!.name).toBe('[Content_Types].xml');
    expect(xlsx.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
  });

  it('writes a short mono PCM WAV', () => {
    const b = files.find((f) => f.type === 'audio/wav')!.bytes;
    expect(ascii(b, 12, 16)).toBe('fmt ');
    expect(b.readUInt16LE(20)).toBe(1); // PCM
    expect(b.readUInt16LE(22)).toBe(1); // mono
    const rate = b.readUInt32LE(24);
    expect(rate).toBeGreaterThanOrEqual(8000);
    expect(rate).toBeLessThanOrEqual(16000);
    expect(ascii(b, 36, 40)).toBe('data');
    const dataLength = b.readUInt32LE(40);
    expect(44 + dataLength).toBe(b.length);
    expect(b.readUInt32LE(4)).toBe(b.length - 8);
    const seconds = dataLength / (rate * 2);
    expect(seconds).toBeGreaterThan(1);
    expect(seconds).toBeLessThan(5);
  });

  it('includes the hostile security fixtures', () => {
    const svgs = files.filter((f) => f.type === 'image/svg+xml').map((f) => f.bytes.toString('utf8'));
    expect(svgs.length).toBeGreaterThanOrEqual(2);
    expect(svgs.some((s) => !/<script|\bon\w+=/i.test(s))).toBe(true); // a harmless one
    const hostileSvg = svgs.find((s) => s.includes('<script>alert(1)</script>'));
    expect(hostileSvg).toBeDefined();
    expect(hostileSvg).toMatch(/<svg[^>]*\sonload="/);
    const html = files.find((f) => f.type === 'text/html')!.bytes.toString('utf8');
    expect(html).toContain("<script>alert('xss')</script>");
    const pdf = files.find((f) => f.name === 'xss-test.pdf')!.bytes.toString('latin1');
    expect(pdf).toMatch(/\/OpenAction \d+ 0 R/);
    expect(pdf).toContain('/S /JavaScript /JS (app.alert\\(1\\);');
    expect(pdf).toContain('/URI (javascript:');
  });

  it('does not disguise other formats as SVG', () => {
    for (const f of files.filter((f) => f.name.endsWith('.svg'))) {
      expect(f.type).toBe('image/svg+xml');
      expect(f.bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(false);
    }
  });
});

describe('largeSampleFile', () => {
  const digest = () => {
    const hash = createHash('sha256');
    let total = 0;
    let chunks = 0;
    let first: Buffer | undefined;
    let last: Buffer | undefined;
    for (const chunk of largeSampleFile().chunks()) {
      hash.update(chunk);
      total += chunk.length;
      chunks++;
      first ??= chunk;
      last = chunk;
    }
    return { sha256: hash.digest('hex'), total, chunks, first: first!, last: last! };
  };

  it('describes a large CSV export', () => {
    const file = largeSampleFile();
    expect(file.name).toBe('events-export-2026.csv');
    expect(file.type).toBe('text/csv');
    expect(file.size).toBeGreaterThanOrEqual(50 * 1024 * 1024);
  });

  it('produces exactly `size` bytes, in bounded chunks, quickly and deterministically', () => {
    const started = performance.now();
    const a = digest();
    const elapsed = performance.now() - started;
    expect(a.total).toBe(largeSampleFile().size);
    expect(a.chunks).toBeGreaterThan(10);
    expect(elapsed).toBeLessThan(2000);

    const lines = a.first.toString('latin1').split('\n');
    const header = lines[0]!.split(',');
    expect(header[0]).toBe('event_id');
    let previous = '';
    for (const line of lines.slice(1, 1000)) {
      const cells = line.split(',');
      expect(cells).toHaveLength(header.length);
      const occurredAt = cells[1]!;
      expect(new Date(occurredAt).toISOString()).toBe(occurredAt);
      expect(occurredAt >= previous).toBe(true);
      previous = occurredAt;
    }
    expect(a.last.at(-1)).toBe(0x0a);

    const b = digest();
    expect(b.sha256).toBe(a.sha256);
    expect(b.total).toBe(a.total);
  }, 30_000);
});
