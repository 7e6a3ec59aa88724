// The store serialized entry by entry into UTF-8 chunks of a fixed size: the same bytes as JSON.stringify, without a string or a buffer of the whole file.

/** Where the serializer puts its text. */
export interface JsonSink {
  write(text: string): void;
}

/**
 * Text encoded to UTF-8 into one fixed buffer, handed to `flush` each time it fills. Why: a
 * store of 10,000 accounts is some 3 MB of JSON; `Buffer.from(JSON.stringify(data))` makes a
 * string of it (two bytes a character once a Vietnamese name is in it) and a buffer of it at
 * every write, and even a reused buffer of the whole file stays resident for good. A chunk is
 * reused: `flush` must be done with the bytes when it returns (a synchronous write is).
 */
export class Utf8Chunks implements JsonSink {
  private readonly buf: Buffer;
  private length = 0;
  /** Pieces not yet encoded: a few kilobytes are encoded at once, not each small entry by itself. */
  private pending = "";

  constructor(
    private readonly flush: (bytes: Uint8Array) => void,
    chunkBytes = 64 * 1024,
  ) {
    this.buf = Buffer.allocUnsafe(Math.max(16, chunkBytes));
  }

  write(text: string): void {
    this.pending += text;
    if (this.pending.length * 3 >= this.buf.length / 4) this.encodePending();
  }

  /** Hands over what is left; the sink can be used again afterwards. */
  end(): void {
    this.encodePending();
    this.drain();
  }

  private encodePending(): void {
    if (this.pending === "") return;
    const text = this.pending;
    this.pending = "";
    // At most 3 bytes per UTF-16 unit (a pair of surrogates is 4 bytes for 2 units). Pieces are
    // whole JSON texts, so a pair is never cut in two here.
    if (this.length + text.length * 3 > this.buf.length) this.drain();
    if (text.length * 3 <= this.buf.length) this.length += this.buf.write(text, this.length, "utf8");
    // A piece larger than the chunk (one long entry) is handed over as its own bytes.
    else this.flush(Buffer.from(text, "utf8"));
  }

  private drain(): void {
    if (this.length === 0) return;
    this.flush(this.buf.subarray(0, this.length));
    this.length = 0;
  }
}

function hasToJSON(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON === "function";
}

/**
 * Whether `data` can be written piece by piece: no toJSON of its own on the top level, a
 * collection or an entry (never so in the store). Checked before anything is written, since a
 * sink cannot take back what it was given.
 */
function piecewise(data: object): boolean {
  if (hasToJSON(data)) return false;
  for (const key of Object.keys(data)) {
    const value = (data as Record<string, unknown>)[key];
    if (typeof value !== "object" || value === null) continue;
    if (hasToJSON(value)) return false;
    const entries: unknown[] = Array.isArray(value) ? value : Object.values(value);
    for (const entry of entries) if (hasToJSON(entry)) return false;
  }
  return true;
}

/**
 * Writes `data` (a JSON object whose values are the store's collections) into `out`: the top level
 * and each list or record under it piece by piece, every entry with JSON.stringify. The bytes are
 * those of `Buffer.from(JSON.stringify(data))`. A value with a toJSON of its own sends the whole to
 * one JSON.stringify, which alone calls it with the key the standard says. Throws what
 * JSON.stringify throws (a BigInt, a cycle), `out` then holding part of the text.
 */
export function writeJson(data: object, out: JsonSink): void {
  if (!piecewise(data)) {
    out.write(JSON.stringify(data));
    return;
  }
  out.write("{");
  let first = true;
  for (const key of Object.keys(data)) {
    const value = (data as Record<string, unknown>)[key];
    if (typeof value === "object" && value !== null) {
      out.write(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
      first = false;
      writeCollection(value, out);
      continue;
    }
    const text = JSON.stringify(value);
    // JSON.stringify leaves out a property whose value it cannot write (undefined, a function).
    if (text === undefined) continue;
    out.write(first ? `${JSON.stringify(key)}:${text}` : `,${JSON.stringify(key)}:${text}`);
    first = false;
  }
  out.write("}");
}

function writeCollection(value: object, out: JsonSink): void {
  if (Array.isArray(value)) {
    out.write("[");
    for (let i = 0; i < value.length; i++) {
      // In a list, what JSON.stringify cannot write is null.
      const text = JSON.stringify(value[i]) ?? "null";
      out.write(i === 0 ? text : `,${text}`);
    }
    out.write("]");
    return;
  }
  out.write("{");
  let first = true;
  for (const key of Object.keys(value)) {
    const text = JSON.stringify((value as Record<string, unknown>)[key]);
    if (text === undefined) continue;
    out.write(first ? `${JSON.stringify(key)}:${text}` : `,${JSON.stringify(key)}:${text}`);
    first = false;
  }
  out.write("}");
}
