// A file kept under DATA_DIR/files handed to an organizer as a download (a plan's, a task's evidence).
import type { Context } from "hono";
import type { StoredFileRef } from "../../storage/schema.js";
import { readStoredFile } from "../lib/files.js";
import { Refused } from "./context.js";

/** The stored file as an attachment under its own name; 404 when there is none. */
export async function storedFileResponse(c: Context, dataDir: string, f: StoredFileRef | undefined): Promise<Response> {
  if (!f) throw new Refused(404, "desk-not-found");
  const data = await readStoredFile(dataDir, f.path);
  return c.body(new Uint8Array(data), 200, {
    "Content-Type": f.mime || "application/octet-stream",
    "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
    "X-Content-Type-Options": "nosniff",
  });
}
