// Tải về: the files an office prints or opens in Excel, made on request.
import { buildCalendar } from "../../../commands/calendar.js";
import { attendanceListInput, DOCX_MIME, makeInvitations, posterInput } from "../../../commands/documents.js";
import { buildWorkbook, workbookName, XLSX_MIME } from "../../../commands/export.js";
import type { Translate } from "../../lib/i18n.js";
import { local } from "../../lib/time.js";
import { type Desk, type DeskApp, Refused } from "../context.js";
import { html } from "../html.js";

export function registerDownloads(app: DeskApp, desk: Desk): void {
  const { deps, base, now, render } = desk;
  /** What may be downloaded, by the name in the address; a file that cannot be made yet (no time set) is not listed. */
  type Download = { name: string; mime: string; data: Buffer };
  const downloads: Record<string, { label: string; build: (t: Translate) => Promise<Download | undefined> }> = {
    "bang-tong-hop.xlsx": {
      label: "desk-download-workbook",
      build: async (t) => {
        const at = now();
        return { name: workbookName(deps.conference.conf, at), mime: XLSX_MIME, data: await buildWorkbook(deps.store.data, deps.conference.conf, t, at) };
      },
    },
    "lich-hoi-nghi.ics": {
      label: "desk-download-ics",
      build: async (t) => {
        const ics = await buildCalendar({ t, services: deps });
        return ics === undefined ? undefined : { name: "hoi-nghi.ics", mime: "text/calendar; charset=utf-8", data: Buffer.from(ics, "utf8") };
      },
    },
    // The same builders as /giaymoi, /danhsach and /diemdanh poster.
    "giay-moi.docx": {
      label: "desk-download-letters",
      build: async (t) => {
        const made = await makeInvitations(deps, t, false);
        return { name: made.all.name, mime: DOCX_MIME, data: made.all.data };
      },
    },
    "danh-sach-dai-bieu.docx": {
      label: "desk-download-list",
      build: async (t) => {
        const input = attendanceListInput(deps, t);
        const { attendanceListDocx } = await import("../../documents/attendance-list.js");
        const name = `danh-sach-dai-bieu-${deps.conference.conf.id}-${local(now()).format("YYYYMMDD-HHmm")}.docx`;
        return { name, mime: DOCX_MIME, data: await attendanceListDocx(input, t) };
      },
    },
    "ap-phich-diem-danh.png": {
      label: "desk-download-poster",
      build: async (t) => {
        if (!deps.store.data.checkinCode) return undefined;
        const input = posterInput(deps, t);
        const { posterPng } = await import("../../documents/poster.js");
        return { name: `diem-danh-${input.code}.png`, mime: "image/png", data: await posterPng(input) };
      },
    },
  };

  /** Whether a file can be made now: the .ics needs a time, the poster a hall code (the board issues it). */
  const canMake = (name: string) =>
    (name !== "lich-hoi-nghi.ics" || Boolean(deps.conference.schedule().start)) && (name !== "ap-phich-diem-danh.png" || Boolean(deps.store.data.checkinCode));

  app.get("/tai-ve", (c) => {
    const { t } = c.get("signed");
    const ready = Object.entries(downloads).filter(([name]) => canMake(name));
    return render(
      c,
      t("desk-downloads-title"),
      html`<h1>${t("desk-downloads-title")}</h1><ul>${ready.map(([name, d]) => html`<li><a href="${base}/tai-ve/${name}">${t(d.label)}</a></li>`)}</ul>`,
    );
  });

  app.get("/tai-ve/:name", async (c) => {
    const { t } = c.get("signed");
    // Only the names listed above: nothing typed in the address ever reaches the file system.
    const d = Object.hasOwn(downloads, c.req.param("name")) ? downloads[c.req.param("name")] : undefined;
    if (!d) throw new Refused(404, "desk-not-found");
    const file = await d.build(t);
    if (!file) throw new Refused(404, "desk-not-found");
    return c.body(new Uint8Array(file.data), 200, {
      "Content-Type": file.mime,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    });
  });
}
