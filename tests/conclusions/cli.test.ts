// Văn thư chạy `hoinghi conclusions TỆP.docx` trên dữ liệu của bot: khi chưa ban hành, tệp là dự thảo (có chữ
// DỰ THẢO, số để trống); tên tệp không phải .docx bị từ chối bằng một câu, không ghi gì.
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { saveConclusionsAction } from "../../src/actions/conclusions.js";
import { runCli } from "../../src/app/cli.js";
import type { CliIo } from "../../src/app/cli-core.js";
import { readDocx } from "../documents/helpers.js";
import { createTestApp } from "../helpers/app.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

function io(dir: string): CliIo & { lines: string[] } {
  const lines: string[] = [];
  const push = (l: string) => void lines.push(l);
  return { lines, out: push, err: push, env: { DATA_DIR: dir, ORGANIZER_IDS: "console:org-1", LOG_LEVEL: "silent" }, stdin: process.stdin, stdout: process.stdout };
}

describe("hoinghi conclusions", () => {
  it("writes the draft while it is not issued, and refuses a file that is not .docx", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "hoinghi-conclusions-cli-"));
    dirs.push(dir);
    const data = path.join(dir, "data");
    const h = await createTestApp({ dir: data, now: "2027-06-21T02:00:00Z" });
    await saveConclusionsAction(h.app.services, "console:org-1", { parts: [{ key: "assessment", text: "Chỉ số CCHC của huyện được cải thiện." }] });
    await h.close();
    const file = path.join(dir, "ket-luan.docx");
    const out = io(data);
    expect(await runCli(["conclusions", file], out)).toBe(0);
    expect(out.lines.join("\n")).toContain(`Đã ghi dự thảo Thông báo kết luận (chưa ban hành) vào ${file}.`);
    const p = (await readDocx(await readFile(file))).paragraphs;
    expect(p).toContain("DỰ THẢO");
    expect(p.find((x) => x.startsWith("Số:"))).toMatch(/^Số: +\/TB-VP$/);
    expect(p).toContain("Chỉ số CCHC của huyện được cải thiện.");
    const wrong = io(data);
    expect(await runCli(["conclusions", path.join(dir, "ket-luan.pdf")], wrong)).not.toBe(0);
    expect(wrong.lines.join("\n")).toContain("ket-luan.pdf");
    await expect(stat(path.join(dir, "ket-luan.pdf"))).rejects.toThrow();
  });
});
