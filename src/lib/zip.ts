// Unpacking a zip archive (an uploaded .xlsx) within a budget on what actually comes out, not on what the archive says.
import { createInflateRaw } from "node:zlib";

/** What an archive may unpack to. Every figure is counted on the bytes inflated, never taken from the archive's directory. */
export interface ZipBudget {
  /** Most entries (files and folders) the archive may list. */
  entries: number;
  /** Most bytes all entries together may unpack to. */
  bytes: number;
  /** Most bytes out per byte in, for one entry once it has produced `ratioAfter` bytes (real documents stay far below). */
  ratio: number;
  ratioAfter: number;
}

/** Why an archive was not unpacked: "damaged" (not a zip we can read), "over-budget" (it unpacks to more than allowed). */
export class ZipRefused extends Error {
  constructor(readonly reason: "damaged" | "over-budget") {
    super(`zip ${reason}`);
    this.name = "ZipRefused";
  }
}

export interface ZipEntry {
  name: string;
  data: Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

interface Listed {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

/** The entries the central directory lists (as every zip reader, exceljs's included, finds them). */
function listEntries(data: Buffer, budget: ZipBudget): Listed[] {
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535, at the very end.
  const from = Math.max(0, data.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = data.length - 22; i >= from; i--) {
    if (data.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefused("damaged");
  const count = data.readUInt16LE(eocd + 10);
  // 0xFFFF entries or a 0xFFFFFFFF offset is ZIP64: far beyond any table.
  if (count === 0xffff || data.readUInt32LE(eocd + 16) === 0xffffffff || count > budget.entries) throw new ZipRefused("over-budget");
  const out: Listed[] = [];
  let at = data.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) throw new ZipRefused("damaged");
    const nameLength = data.readUInt16LE(at + 28);
    const entry: Listed = {
      flags: data.readUInt16LE(at + 8),
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      declaredSize: data.readUInt32LE(at + 24),
      localOffset: data.readUInt32LE(at + 42),
      name: data.toString("utf8", at + 46, Math.min(data.length, at + 46 + nameLength)),
    };
    // What the directory declares can only refuse, never admit: a size past the budget (or ZIP64's 0xFFFFFFFF) is refused unread.
    if (entry.declaredSize > budget.bytes || entry.compressedSize === 0xffffffff) throw new ZipRefused("over-budget");
    out.push(entry);
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return out;
}

/** The compressed bytes of an entry: after its local header, as long as the directory says (within the file). */
function compressedBytes(data: Buffer, entry: Listed): Buffer {
  const at = entry.localOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL) throw new ZipRefused("damaged");
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > data.length) throw new ZipRefused("damaged");
  return data.subarray(start, end);
}

/**
 * Inflates one entry as a stream, counting what comes out chunk by chunk (16 KB): the first chunk
 * that takes the archive past `left` bytes, or the entry past its ratio, stops the inflater and
 * refuses. Nothing beyond that chunk is ever produced or held.
 */
function inflateCounted(compressed: Buffer, left: number, budget: ZipBudget): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    const parts: Buffer[] = [];
    let produced = 0;
    let settled = false;
    const refuse = (reason: ZipRefused["reason"]) => {
      if (settled) return;
      settled = true;
      inflater.destroy();
      reject(new ZipRefused(reason));
    };
    inflater.on("data", (chunk: Buffer) => {
      produced += chunk.length;
      // bytesWritten: the compressed bytes the inflater has consumed so far, counted before each chunk is handed out.
      const ratio = produced / Math.max(1, inflater.bytesWritten);
      if (produced > left || (produced > budget.ratioAfter && ratio > budget.ratio)) refuse("over-budget");
      else parts.push(chunk);
    });
    inflater.on("error", () => refuse("damaged"));
    inflater.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(parts, produced));
    });
    inflater.end(compressed);
  });
}

/**
 * The files of a zip archive, unpacked within `budget`. Throws ZipRefused: "over-budget" at the
 * first byte past the budget, "damaged" for what is not a readable zip (an encrypted entry, an
 * unknown compression, an entry whose real size differs from what the directory declares).
 * Folders are left out.
 */
export async function unzipWithin(data: Buffer, budget: ZipBudget): Promise<ZipEntry[]> {
  if (data.length < 22) throw new ZipRefused("damaged");
  const listed = listEntries(data, budget);
  const out: ZipEntry[] = [];
  let total = 0;
  for (const entry of listed) {
    if (entry.flags & 0x1) throw new ZipRefused("damaged");
    if (entry.name.endsWith("/")) continue;
    const compressed = compressedBytes(data, entry);
    let bytes: Buffer;
    if (entry.method === STORED) {
      if (compressed.length > budget.bytes - total) throw new ZipRefused("over-budget");
      bytes = compressed;
    } else if (entry.method === DEFLATED) bytes = await inflateCounted(compressed, budget.bytes - total, budget);
    else throw new ZipRefused("damaged");
    // Checked once the entry came out within the budget: a lie about its size is a damaged archive, as zip readers treat it.
    if (bytes.length !== entry.declaredSize) throw new ZipRefused("damaged");
    total += bytes.length;
    out.push({ name: entry.name, data: bytes });
  }
  return out;
}

// ---- writing -------------------------------------------------------------------------------

let crcTable: Int32Array | undefined;

/** The CRC-32 a zip entry carries (the IEEE polynomial, as zlib computes it). */
function crc32(bytes: Buffer): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = -1;
  for (const b of bytes) crc = (crcTable[(crc ^ b) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/**
 * A zip archive holding `entries` uncompressed (stored): what a reader that trusts archives (exceljs)
 * is given after unzipWithin, so that it only ever unpacks bytes that were counted.
 */
export function storedZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(STORED, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(STORED, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
