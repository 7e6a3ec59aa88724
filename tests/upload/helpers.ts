// The personal upload page beside a test app: mounted as the one server mounts it, a Word file of a
// speech, and the link a Zalo delegate is given by /thamluan.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { Document, Packer, Paragraph } from "docx";
import { Hono } from "hono";
import { UPLOAD_PATH } from "../../src/domain/upload-links.js";
import { createUploadSite } from "../../src/desk/upload.js";
import type { TestApp } from "../helpers/app.js";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A real Word file holding a commune's speech (DỮ LIỆU MẪU). */
export async function speechDocx(unit = "Mường So"): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph(`DỮ LIỆU MẪU — Tham luận của UBND xã ${unit}`),
          new Paragraph("Một số giải pháp về công tác chỉ đạo, điều hành để nâng cao Chỉ số CCHC."),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** The upload site on its own Hono root, at /nop-tep/ as src/app/sites.ts mounts it. */
export function uploadRoot(h: TestApp): Hono {
  return new Hono().route(UPLOAD_PATH, createUploadSite(h.app.services));
}

/** The path of the upload link in a chat answer ("/nop-tep/…"), or a failure naming the answer. */
export function uploadPath(reply: string): string {
  const m = /https?:\/\/[^/\s]+(\/nop-tep\/[A-Za-z0-9_.-]+)/.exec(reply);
  if (!m) throw new Error(`no upload link in: ${reply}`);
  return m[1] as string;
}

/** The files kept under DATA_DIR/files (none before anything was kept). */
export async function keptFiles(h: TestApp): Promise<string[]> {
  return readdir(path.join(h.dir, "files")).catch(() => []);
}

/** A multipart form with the given files under "file". */
export function formWith(files: Array<{ name: string; type: string; data: Buffer }>): FormData {
  const form = new FormData();
  for (const f of files) form.append("file", new File([new Uint8Array(f.data)], f.name, { type: f.type }));
  return form;
}
