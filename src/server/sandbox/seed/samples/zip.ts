import { utf8 } from './utf8';
import { crc32 } from 'node:zlib';

// ---------------------------------------------------------------------------------------------
// ZIP (stored entries, fixed timestamps)

interface ZipEntry {
  name: string;
  data: Buffer;
}

// 2026-10-03 09:30:00 in MS-DOS format.
const DOS_TIME = (9 << 11) | (30 << 5) | 0;
const DOS_DATE = ((2026 - 1980) << 9) | (10 << 5) | 3;

export function zip(entries: ZipEntry[]): Buffer {
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

export function releaseKitZip(): Buffer {
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
