// The store serialized straight into reused UTF-8 bytes, entry by entry: the same bytes as JSON.stringify, without a string of the whole file.

/**
 * A growing byte buffer that successive writes reuse. Why: `Buffer.from(JSON.stringify(data))`
 * makes, at every write, a string of the whole store (two bytes a character once a Vietnamese
 * name is in it) and a buffer of it, both garbage a moment later; with 10,000 accounts that is
 * some 9 MB a write, and a burst of writes piles them up faster than the collector takes them.
 */
export class JsonBytes {
  private buf: Buffer;
  private length: number;
  /** Pieces not yet encoded: a few kilobytes are encoded at once, not each small entry by itself. */
  private pending = "";

  /**
   * `held`: bytes already there (a file as read), the content until the next reset; copied into
   * a buffer of `capacity` when that is larger, so that the buffer can take a grown store later.
   */
  constructor(options: { held?: Buffer; capacity?: number } = {}) {
    const { held, capacity = 0 } = options;
    if (held && held.length >= capacity) this.buf = held;
    else {
      this.buf = Buffer.allocUnsafe(Math.max(64 * 1024, capacity));
      held?.copy(this.buf);
    }
    this.length = held?.length ?? 0;
  }

  /** The bytes written since the last reset: a view, valid until the next reset. */
  get bytes(): Buffer {
    this.flush();
    return this.buf.subarray(0, this.length);
  }

  reset(): void {
    this.length = 0;
    this.pending = "";
  }

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= 16 * 1024) this.flush();
  }

  private flush(): void {
    if (this.pending === "") return;
    const text = this.pending;
    this.pending = "";
    this.encode(text);
  }

  private encode(text: string): void {
    // At most 3 bytes per UTF-16 unit (a pair of surrogates is 4 bytes for 2 units): counted
    // exactly only when that bound does not fit.
    if (this.length + text.length * 3 > this.buf.length) {
      const needed = this.length + Buffer.byteLength(text, "utf8");
      if (needed > this.buf.length) {
        const next = Buffer.allocUnsafe(Math.max(needed, Math.ceil(this.buf.length * 1.5)));
        this.buf.copy(next, 0, 0, this.length);
        this.buf = next;
      }
    }
    this.length += this.buf.write(text, this.length, "utf8");
  }
}

function hasToJSON(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON === "function";
}

/**
 * Writes `data` (a JSON object whose values are the store's collections) into `out`: the top level
 * and each list or record under it piece by piece, every entry with JSON.stringify. The bytes are
 * those of `Buffer.from(JSON.stringify(data))`. A value with a toJSON of its own (never in the
 * store) sends the whole to one JSON.stringify, which alone calls it with the key the standard
 * says. Throws what JSON.stringify throws (a BigInt, a cycle), leaving `out` partly written.
 */
export function writeJson(data: object, out: JsonBytes): Buffer {
  out.reset();
  if (!writePieces(data, out)) {
    out.reset();
    out.write(JSON.stringify(data));
  }
  return out.bytes;
}

/** False as soon as a toJSON of its own is met (what is written so far is then dropped). */
function writePieces(data: object, out: JsonBytes): boolean {
  if (hasToJSON(data)) return false;
  out.write("{");
  let first = true;
  for (const key of Object.keys(data)) {
    const value = (data as Record<string, unknown>)[key];
    if (typeof value === "object" && value !== null) {
      if (hasToJSON(value)) return false;
      out.write(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
      first = false;
      if (!writeCollection(value, out)) return false;
      continue;
    }
    const text = JSON.stringify(value);
    // JSON.stringify leaves out a property whose value it cannot write (undefined, a function).
    if (text === undefined) continue;
    out.write(first ? `${JSON.stringify(key)}:${text}` : `,${JSON.stringify(key)}:${text}`);
    first = false;
  }
  out.write("}");
  return true;
}

function writeCollection(value: object, out: JsonBytes): boolean {
  if (Array.isArray(value)) {
    out.write("[");
    for (let i = 0; i < value.length; i++) {
      const entry: unknown = value[i];
      if (hasToJSON(entry)) return false;
      // In a list, what JSON.stringify cannot write is null.
      const text = JSON.stringify(entry) ?? "null";
      out.write(i === 0 ? text : `,${text}`);
    }
    out.write("]");
    return true;
  }
  out.write("{");
  let first = true;
  for (const key of Object.keys(value)) {
    const entry = (value as Record<string, unknown>)[key];
    if (hasToJSON(entry)) return false;
    const text = JSON.stringify(entry);
    if (text === undefined) continue;
    out.write(first ? `${JSON.stringify(key)}:${text}` : `,${JSON.stringify(key)}:${text}`);
    first = false;
  }
  out.write("}");
  return true;
}
