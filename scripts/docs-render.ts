// npm run docs:render: the papers an office prints (the letters, the sign-in list, the workbook, the
// score template, the check-in poster) made from the Phong Thổ conference with sample answers, turned
// into PDF by LibreOffice and into PNG pages in docs/images/, for a person to look at. Not run in CI
// (it needs LibreOffice and poppler-utils: soffice, pdftoppm, pdfinfo). README's pictures come from here.
// Prints the page count of each paper and writes them to docs/images/pages.json.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { posterInput } from "../src/documents/poster-data.js";
import { posterPdf, posterPng } from "../src/documents/poster.js";
import { gridToXlsx, templateGrid } from "../src/scores/template.js";
import { createTestApp, type Person } from "../tests/helpers/app.js";

const OUT = path.resolve("docs/images");
const LINKS = { TELEGRAM_BOT_USERNAME: "PhongTho_HoiNghi_bot", ZALO_BOT_LINK: "https://zalo.me/s/1234567890123" };

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Converts an office file to PDF with LibreOffice; the PDF's path and page count. */
function toPdf(file: string): { pdf: string; pages: number } {
  const dir = path.dirname(file);
  run("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, file], dir);
  const pdf = file.replace(/\.[a-z]+$/, ".pdf");
  const pages = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf], dir))?.[1] ?? 0);
  return { pdf, pages };
}

/** Pages `first`–`last` of a PDF as docs/images/<name>-<n>.png at 60 dpi. */
async function pngPages(pdf: string, name: string, first: number, last: number): Promise<void> {
  const prefix = path.join(path.dirname(pdf), name);
  run("pdftoppm", ["-png", "-r", "60", "-f", String(first), "-l", String(last), pdf, prefix], path.dirname(pdf));
  for (const f of await readdir(path.dirname(pdf))) {
    const m = new RegExp(`^${name}-0*(\\d+)\\.png$`).exec(f);
    if (m) await rename(path.join(path.dirname(pdf), f), path.join(OUT, `${name}-${m[1]}.png`));
  }
}

async function fileOf(person: Person, command: string): Promise<Buffer> {
  await person.say(command);
  const reply = person.last.find((r) => r.kind === "file" || r.kind === "photo");
  if (!reply || (reply.kind !== "file" && reply.kind !== "photo")) throw new Error(`no file for ${command}`);
  return reply.data;
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  for (const f of await readdir(OUT)) if (f.endsWith(".png")) await rm(path.join(OUT, f));
  const work = await mkdtemp(path.join(tmpdir(), "hoinghi-docs-"));
  const h = await createTestApp({ env: LINKS, now: "2027-05-03T02:00:00Z" });
  const pages: Record<string, number> = {};
  try {
    const org = h.organizer("Lò Thị Nội Vụ");
    await org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    // The letters: 22 units, one page each.
    const letters = path.join(work, "giay-moi.docx");
    await writeFile(letters, await fileOf(org, "/giaymoi"));
    const l = toPdf(letters);
    pages.letters = l.pages;
    await pngPages(l.pdf, "giay-moi", 1, l.pages);
    // One letter a page, in the order of the conference file: each picture named by its unit.
    const units = h.app.services.conference.units();
    for (const [i, unit] of units.entries()) await rename(path.join(OUT, `giay-moi-${i + 1}.png`), path.join(OUT, `giay-moi-${unit.id}.png`)).catch(() => undefined);

    // Sample answers and check-ins (DỮ LIỆU MẪU), then the list on the day.
    const ms = await h.delegate("Mường So");
    await ms.say("/dangky 1 thamdu Lò Văn Minh");
    await ms.say("/dangky 2 thay Tao Thị Hoa, Phó Chủ tịch UBND xã");
    await ms.say("/dangky 3 vang Đi học lớp bồi dưỡng tại tỉnh");
    await (await h.delegate("Dào San")).say("/dangky 1 thamdu Vàng A Sử");
    const speech = `DỮ LIỆU MẪU. ${"Về một số giải pháp về công tác chỉ đạo, điều hành để nâng cao chỉ số CCHC của xã trong năm tới. ".repeat(60)}`;
    await h.app.store.mutate((d) => {
      d.speeches["muong-so"] = { unitId: "muong-so", versions: [{ n: 1, kind: "text", text: speech, by: ms.key, at: "2027-06-10T02:00:00.000Z" }], reviews: [] };
    });
    await org.say("/diemdanh");
    h.clock.set("2027-06-20T00:30:00Z");
    await org.say("/diemdanh Mường So 1");
    await org.say("/diemdanh Dào San 1");
    const list = path.join(work, "danh-sach.docx");
    await writeFile(list, await fileOf(org, "/danhsach"));
    const s = toPdf(list);
    pages.signInList = s.pages;
    await pngPages(s.pdf, "danh-sach", 1, s.pages);

    const book = path.join(work, "bang-tong-hop.xlsx");
    await writeFile(book, await fileOf(org, "/xuat"));
    const b = toPdf(book);
    pages.workbook = b.pages;
    await pngPages(b.pdf, "bang-tong-hop", 1, b.pages);

    const template = path.join(work, "mau-bang-diem.xlsx");
    await writeFile(template, await gridToXlsx(await templateGrid(h.app.services.conference.conf), "Bảng điểm"));
    const m = toPdf(template);
    pages.scoreTemplate = m.pages;
    await pngPages(m.pdf, "mau-bang-diem", 1, m.pages);

    const input = posterInput(h.app.services, h.app.services.i18n.forLanguage("vi"));
    await writeFile(path.join(OUT, "ap-phich-diem-danh.png"), await posterPng(input));
    const poster = path.join(work, "ap-phich.pdf");
    await writeFile(poster, await posterPdf(input, "A4"));
    await pngPages(poster, "ap-phich-pdf", 1, 1);
    pages.poster = 1;
  } finally {
    await h.close();
    await rm(work, { recursive: true, force: true });
  }
  await writeFile(path.join(OUT, "pages.json"), `${JSON.stringify(pages, null, 2)}\n`);
  for (const [name, n] of Object.entries(pages)) console.log(`${name}: ${n} pages`);
}

await main();
