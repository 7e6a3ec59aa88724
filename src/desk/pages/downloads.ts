// Tải về: the files an office prints or opens in Excel, made on request. Reading never writes: the
// letters carry the invite codes already issued; "Cấp mã mời còn thiếu" (a POST) issues the others.
import { issueMissingCodesAction } from "../../actions/letters.js";
import { analysisDocx, analysisFileName } from "../../documents/analysis.js";
import { calendarIcs } from "../../documents/calendar.js";
import { minutesDocx, minutesFileName } from "../../documents/minutes.js";
import { analysisReportView } from "../../views/analysis.js";
import { minutesView } from "../../views/minutes.js";
import { DOCX_MIME, invitationFiles, invitationWarnings } from "../../documents/invitation-data.js";
import { buildWorkbook, workbookName, XLSX_MIME } from "../../documents/workbook.js";
import { attendanceListInput } from "../../documents/attendance-list-data.js";
import { posterInput } from "../../documents/poster-data.js";
import type { Translate } from "../../lib/i18n.js";
import { fromLocal, local } from "../../lib/time.js";
import { calendarView } from "../../views/calendar.js";
import { type LettersView, lettersView } from "../../views/letters.js";
import { workbookView } from "../../views/workbook.js";
import { type Desk, type DeskApp, type DeskContext, Refused } from "../context.js";
import { type Html, html } from "../html.js";

type Download = { name: string; mime: string; data: Buffer };
type Downloads = Record<string, { label: string; build: (t: Translate) => Promise<Download | undefined> }>;
/** The letters as made today, or dated with the day the organizer chose ("YYYY-MM-DD"). */
type Letters = (date?: string) => LettersView;

/** The day of the letters' date field: "" (none chosen), a day that exists ("YYYY-MM-DD"), else undefined (refused). */
export function letterDay(value: string | undefined): string | undefined {
  const v = (value ?? "").trim();
  if (v === "") return "";
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && fromLocal(`${v} 12:00`) ? v : undefined;
}

/** The combined letters with the codes already issued only (the same builder as /giaymoi), dated with `date` when given. */
async function lettersFile(desk: Desk, letters: Letters, t: Translate, date?: string): Promise<Download> {
  const made = await invitationFiles(desk.deps.conference, desk.deps.config.links, letters(date), t, false);
  return { name: made.all.name, mime: DOCX_MIME, data: made.all.data };
}

/** What may be downloaded, by the name in the address (a file that cannot be made yet is not listed): one table. */
function downloadTable(desk: Desk, letters: Letters): Downloads {
  const { deps, now } = desk;
  return {
    "bang-tong-hop.xlsx": {
      label: "desk-download-workbook",
      build: async (t) => {
        // One clock for the file's name and its "Xuất lúc".
        const at = now();
        return { name: workbookName(deps.conference.conf, at), mime: XLSX_MIME, data: await buildWorkbook(workbookView(deps.store.data, deps.conference.conf, at), t) };
      },
    },
    "lich-hoi-nghi.ics": {
      label: "desk-download-ics",
      build: async (t) => {
        const view = calendarView(deps);
        return view === undefined ? undefined : { name: "hoi-nghi.ics", mime: "text/calendar; charset=utf-8", data: Buffer.from(await calendarIcs(view, t), "utf8") };
      },
    },
    // The same builders as /giaymoi, /danhsach and /diemdanh poster; the letters with the codes already issued only.
    "giay-moi.docx": { label: "desk-download-letters", build: (t) => lettersFile(desk, letters, t) },
    "danh-sach-dai-bieu.docx": {
      label: "desk-download-list",
      build: async (t) => {
        const input = attendanceListInput(deps, t);
        const { attendanceListDocx } = await import("../../documents/attendance-list.js");
        const name = `danh-sach-dai-bieu-${deps.conference.conf.id}-${local(now()).format("YYYYMMDD-HHmm")}.docx`;
        return { name, mime: DOCX_MIME, data: await attendanceListDocx(input, t) };
      },
    },
    // The analysis report (once a table is imported) and the draft minutes: the Phân tích page's two files.
    "bao-cao-phan-tich.docx": {
      label: "desk-analysis-report",
      build: async (t) => {
        if (!deps.store.data.scores.current) return undefined;
        const view = analysisReportView(deps.store.data, deps.conference, "organizer");
        return { name: analysisFileName(view.ranking.year), mime: DOCX_MIME, data: await analysisDocx(deps.conference.conf, view, t) };
      },
    },
    "bien-ban.docx": {
      label: "desk-analysis-minutes",
      build: async (t) => ({ name: minutesFileName(deps.conference.conf.id), mime: DOCX_MIME, data: await minutesDocx(deps.conference.conf, minutesView(deps.conference, deps.store.data), t) }),
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
}

/** The date field under the letters: a GET that only reads, its answer the dated file or the page again with one sentence. */
function dateForm(desk: Desk, t: Translate, refused?: { date: string }): Html {
  return html`${refused ? html`<p class="refusal" role="alert">${t("desk-letters-date-bad", { date: refused.date })}</p>` : ""}
    <form method="get" action="${desk.base}/tai-ve/giay-moi.docx" class="letters-date">
      <label class="block" for="letters-date">${t("desk-letters-date-label")}</label>
      <input type="date" id="letters-date" name="ngay" value="${refused?.date ?? ""}" required style="max-width:100%">
      <button>${t("desk-letters-date-download")}</button>
    </form>`;
}

export function registerDownloads(app: DeskApp, desk: Desk): void {
  const { deps, base, now, render, form, csrfInput, done } = desk;
  const letters: Letters = (date) => lettersView(deps.store.data, deps.conference, deps.config.links, now(), date ? { date } : {});
  const downloads = downloadTable(desk, letters);

  /** Whether a file can be made now: the .ics needs a time, the poster a hall code (the board's button issues it). */
  const canMake = (name: string) =>
    (name !== "lich-hoi-nghi.ics" || Boolean(deps.conference.schedule().start)) &&
    (name !== "ap-phich-diem-danh.png" || Boolean(deps.store.data.checkinCode)) &&
    (name !== "bao-cao-phan-tich.docx" || Boolean(deps.store.data.scores.current));

  /** Under the letters: the units whose letters carry no code yet (with the button that issues them), the warnings /giaymoi prints, the date field. */
  function lettersNotes(c: DeskContext, t: Translate, refused?: { date: string }): Html {
    const view = letters();
    const warnings = invitationWarnings(t, view);
    const missing = view.withoutCode.length > 0
      ? html`<p>${t("desk-letters-without-code", { count: view.withoutCode.length, units: view.withoutCode.join(", ") })}</p>
        <form method="post" action="${base}/tai-ve/cap-ma-moi">${csrfInput(c)}<button>${t("desk-letters-issue-codes")}</button></form>`
      : "";
    return html`${missing}${warnings.length > 0 ? html`<ul class="warnings">${warnings.map((w) => html`<li>${w}</li>`)}</ul>` : ""}${dateForm(desk, t, refused)}`;
  }

  /** The page of downloads; with `refused`, drawn again (400) with the date field's sentence and what was typed. */
  function downloadsPage(c: DeskContext, refused?: { date: string }) {
    const { t } = c.get("signed");
    const ready = Object.entries(downloads).filter(([name]) => canMake(name));
    const item = (name: string, label: string) =>
      html`<li><a href="${base}/tai-ve/${name}">${t(label)}</a>${name === "giay-moi.docx" ? lettersNotes(c, t, refused) : ""}</li>`;
    return render(c, t("desk-downloads-title"), html`<h1>${t("desk-downloads-title")}</h1><ul>${ready.map(([name, d]) => item(name, d.label))}</ul>`, refused ? { status: 400 } : {});
  }

  app.get("/tai-ve", (c) => downloadsPage(c));

  app.post("/tai-ve/cap-ma-moi", async (c) => {
    await form(c);
    const { t, account } = c.get("signed");
    const { result } = await issueMissingCodesAction(deps, account.key);
    return done(c, t("desk-downloads-title"), t("desk-letters-codes-issued", { count: result.issued.length }), `${base}/tai-ve`);
  });

  app.get("/tai-ve/:name", async (c) => {
    const { t } = c.get("signed");
    const name = c.req.param("name");
    // Only the names listed above: nothing typed in the address ever reaches the file system.
    const d = Object.hasOwn(downloads, name) ? downloads[name] : undefined;
    if (!d) throw new Refused(404, "desk-not-found");
    const asked = name === "giay-moi.docx" ? c.req.query("ngay") : undefined;
    const day = letterDay(asked);
    if (day === undefined) return downloadsPage(c, { date: (asked ?? "").slice(0, 40) });
    const file = day ? await lettersFile(desk, letters, t, day) : await d.build(t);
    if (!file) throw new Refused(404, "desk-not-found");
    return c.body(new Uint8Array(file.data), 200, {
      "Content-Type": file.mime,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    });
  });
}
