/**
 * A minimal ZIP archive writer (PKWARE APPNOTE 6.3: local headers, central directory, end record;
 * deflate only, no ZIP64), enough for an OOXML package.
 *
 * An entry is deflated in segments, each its own deflate stream on the libuv thread pool, started as
 * soon as the segment is complete: a large part compresses on the other cores while the rest of it
 * is still being written. Every segment's stream but the last ends on a byte boundary without
 * closing (Z_SYNC_FLUSH), the last one closes (Z_FINISH), so joined they are one deflate stream, as
 * pigz makes them.
 */
import { constants, crc32, deflateRaw } from 'node:zlib';
import { promisify } from 'node:util';

const deflate = promisify(deflateRaw);

/**
 * Level 1: the XML of a spreadsheet is so repetitive that higher levels shrink it little and take
 * several times longer.
 */
const LEVEL = 1;

/** A run of an entry's bytes and its deflate stream, under way. */
export interface Segment {
  raw: Buffer;
  deflated: Promise<Buffer>;
}

/** Start deflating `raw` as a segment of an entry; `last` closes the entry's stream. */
export function deflateSegment(raw: Buffer, last: boolean): Segment {
  // An output buffer as large as the input: the whole segment compresses in one pass on the pool.
  const options = { level: LEVEL, chunkSize: Math.max(raw.length, 16 * 1024), finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH };
  return { raw, deflated: deflate(raw, options) };
}

export interface ZipEntry {
  /** Path inside the archive, ASCII. */
  name: string;
  /** The content in order; only the last segment is `last`. */
  segments: Segment[];
}

/** An entry whose content is all there. */
export function wholeEntry(name: string, content: string | Buffer): ZipEntry {
  return { name, segments: [deflateSegment(Buffer.from(content), true)] };
}

/** MS-DOS date and time (2-second resolution) of an instant, in UTC so the bytes never depend on the server's zone. */
function dosDateTime(at: Date): { date: number; time: number } {
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
  };
}

/** The archive of `entries`, each dated `modified`. */
export async function zip(entries: ZipEntry[], modified: Date): Promise<Buffer> {
  const { date, time } = dosDateTime(modified);
  const bodies = await Promise.all(entries.map(async (e) => Buffer.concat(await Promise.all(e.segments.map((s) => s.deflated)))));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  entries.forEach((entry, i) => {
    const body = bodies[i]!;
    const name = Buffer.from(entry.name, 'ascii');
    // The fields the local header and the central directory record share, from "version needed" on.
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed: 2.0 (deflate)
    common.writeUInt16LE(0, 2); // flags
    common.writeUInt16LE(8, 4); // method: deflate
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(date, 8);
    common.writeUInt32LE(entry.segments.reduce((crc, s) => crc32(s.raw, crc), 0), 10);
    common.writeUInt32LE(body.length, 14);
    common.writeUInt32LE(entry.segments.reduce((n, s) => n + s.raw.length, 0), 18);
    common.writeUInt16LE(name.length, 22);
    common.writeUInt16LE(0, 24); // extra field length

    const local = Buffer.concat([uint32(0x04034b50), common, name, body]);
    // Central record: signature, "version made by", the shared fields, then comment length, disk
    // number, internal and external attributes (all 0) and where the local header starts.
    const tail = Buffer.alloc(14);
    tail.writeUInt32LE(offset, 10);
    centrals.push(Buffer.concat([uint32(0x02014b50), uint16(20), common, tail, name]));
    locals.push(local);
    offset += local.length;
  });
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
}

function uint16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n, 0);
  return b;
}
