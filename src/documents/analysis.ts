// "Báo cáo phân tích kết quả Chỉ số CCHC" (.docx, Mẫu 1.4): the ranking, a chart of the fields'
// averages, the weakest criteria across the district, and each unit's lost points with the
// appraisal's notes. Written from the report's view (src/views/analysis.ts) in the language of `t`.
import type { Conference } from "../conference/schema.js";
import type { Translate } from "../lib/i18n.js";
import { buildFieldsSvg, renderRankingPng } from "../scores/chart.js";
import type { AnalysisReportView, CriterionAverage, CriterionRow, UnitAnalysisView } from "../views/analysis.js";
import type { AdminDoc, Block } from "./admin-doc.js";

/** What the header and the signature take from the conference file. */
export type DocConference = Pick<Conference, "body" | "title" | "signer" | "invitation" | "chair">;

/** The body's lines and the place, as the giấy mời prints them; `kind` the number's symbol's first letters ("BC", "BB"). */
export function issuingBody(conf: DocConference, kind: string): Pick<AdminDoc, "bodyLines" | "symbol" | "place" | "number"> {
  const inv = conf.invitation ?? {};
  // The office's own symbol after the kind: "GM-UBND" → "BC-UBND".
  const office = (inv.symbol ?? "GM-UBND").replace(/^[^-]*-?/, "") || "UBND";
  return { bodyLines: inv.body_lines ?? [conf.body.toLocaleUpperCase("vi")], symbol: `${kind}-${office}`, place: inv.place ?? conf.body, number: "" };
}

const n = (t: Translate, v: number) => t("scores-number", { n: v });

function changeText(t: Translate, moved: number | undefined): string {
  if (moved === undefined) return "";
  return moved > 0 ? t("report-rank-up", { n: moved }) : moved < 0 ? t("report-rank-down", { n: -moved }) : t("report-rank-same");
}

function overview(t: Translate, v: AnalysisReportView): Block[] {
  const r = v.ranking;
  const best = r.rows[0];
  const worst = r.rows.at(-1);
  const classes = v.classes.map((c) => t("report-class-count", { label: c.label, units: c.units })).join(", ");
  const summary = t("report-overview", {
    year: String(r.year),
    units: r.rows.length,
    max: n(t, r.max),
    average: n(t, v.average.total),
    percent: n(t, v.average.percent),
    best: best?.name ?? "",
    bestTotal: n(t, best?.total ?? 0),
    worst: worst?.name ?? "",
    worstTotal: n(t, worst?.total ?? 0),
    classes,
  });
  const rows = r.rows.map((row) => [String(row.rank), row.name, `${n(t, row.total)}/${n(t, row.max)}`, n(t, row.percent), row.classification, changeText(t, row.moved)]);
  return [
    { kind: "heading", text: t("report-part-overview") },
    { kind: "text", text: summary },
    { kind: "subheading", text: t("report-ranking-title", { year: String(r.year) }) },
    {
      kind: "table",
      header: [t("report-col-rank"), t("report-col-unit"), t("report-col-total"), t("report-col-percent"), t("report-col-class"), t("report-col-change")],
      rows,
      widths: [13, 42, 28, 20, 24, 38],
      align: ["center", "left", "center", "center", "center", "left"],
    },
  ];
}

function averageRow(t: Translate, a: CriterionAverage): string[] {
  return [a.label, n(t, a.max), n(t, a.average), n(t, a.share), a.previousShare === undefined ? "" : n(t, a.previousShare)];
}

async function fieldsPart(t: Translate, v: AnalysisReportView): Promise<Block[]> {
  const d = v.district;
  const svg = buildFieldsSvg({
    title: t("report-chart-title", { year: String(d.year) }),
    subtitle: t("report-chart-subtitle", { units: d.units }),
    notes: [...(d.marks.sample ? [t("chart-sample")] : []), ...(d.marks.preview ? [t("chart-preview")] : [])],
    axisLabel: t("report-chart-axis"),
    legend: { current: t("report-chart-current", { year: String(d.year) }), weak: t("report-chart-weak"), previous: t("report-chart-previous", { year: String(d.year - 1) }) },
    rows: d.fields.map((f) => ({ label: f.label, value: t("report-chart-value", { average: n(t, f.average), max: n(t, f.max), share: n(t, f.share) }), percent: f.share, ...(f.previousShare !== undefined && { previousPercent: f.previousShare }) })),
  });
  const png = await renderRankingPng(svg);
  const size = /width="(\d+)" height="(\d+)"/.exec(svg) as RegExpExecArray;
  const header = [t("report-col-criterion"), t("report-col-max"), t("report-col-average"), t("report-col-share"), t("report-col-previous-share")];
  const widths = [78, 20, 20, 20, 27];
  const align: Array<"left" | "center"> = ["left", "center", "center", "center", "center"];
  const weakest: Block[] =
    d.weakest.length === 0
      ? []
      : [
          { kind: "subheading", text: t("report-weakest-title", { count: d.weakest.length }) },
          { kind: "table", header, rows: d.weakest.map((a) => averageRow(t, a)), widths, align },
          { kind: "text", text: t("report-weakest-losing", { list: d.weakest.map((a) => t("report-losing-item", { id: a.id, losing: a.losing, units: a.units })).join("; ") }) },
        ];
  return [
    { kind: "heading", text: t("report-part-fields") },
    { kind: "subheading", text: t("report-fields-title") },
    { kind: "image", png, widthPx: Number(size[1]), heightPx: Number(size[2]), widthMm: 160, caption: t("report-chart-caption", { year: String(d.year) }) },
    { kind: "table", header, rows: d.fields.map((a) => averageRow(t, a)), widths, align },
    ...weakest,
  ];
}

function rowText(t: Translate, key: string, r: CriterionRow): string {
  const line = t(key, { name: r.label, lost: n(t, r.lost), final: n(t, r.final), max: n(t, r.max), cut: n(t, r.cut ?? 0), self: n(t, r.self ?? 0), appraised: n(t, r.appraised ?? 0), change: n(t, Math.abs(r.change ?? 0)), previous: n(t, r.previous ?? 0) });
  return r.note && key !== "report-fell-item" ? t("report-with-note", { line, note: r.note }) : line;
}

function unitBlocks(t: Translate, u: UnitAnalysisView, i: number): Block[] {
  const head = t("report-unit-head", { i: i + 1, unit: u.unit, total: n(t, u.total), max: n(t, u.max), rank: u.rank, of: u.rankOf, label: u.classification });
  const items = [
    ...(u.lost.length > 0 ? [t("report-unit-lost", { list: u.lost.map((r) => rowText(t, "report-lost-item", r)).join("; ") })] : []),
    ...(u.cuts.length > 0 ? [t("report-unit-cuts", { list: u.cuts.map((r) => rowText(t, "report-cut-item", r)).join("; ") })] : []),
    ...(u.fell.length > 0 ? [t("report-unit-fell", { list: u.fell.map((r) => rowText(t, "report-fell-item", r)).join("; ") })] : []),
  ];
  return [{ kind: "subheading", text: head }, ...(items.length > 0 ? [{ kind: "list" as const, items }] : [{ kind: "text" as const, text: t("report-unit-full") }])];
}

function closingPart(t: Translate, v: AnalysisReportView): Block[] {
  const weakest = v.district.weakest.map((a) => a.label).join("; ");
  return [
    { kind: "heading", text: t("report-part-proposals") },
    ...(weakest ? [{ kind: "text" as const, text: t("report-proposal-weakest", { list: weakest }) }] : []),
    { kind: "text", text: t("report-proposal-plans", { year: String(v.ranking.year + 1) }) },
    { kind: "text", text: t("report-proposal-placeholder"), italics: true },
  ];
}

/** The report as the layout takes it: header, title, the four parts, Nơi nhận, the signature. */
export async function analysisDoc(conf: DocConference, view: AnalysisReportView, t: Translate): Promise<AdminDoc> {
  const year = String(view.ranking.year);
  const marks = view.ranking.marks;
  return {
    ...issuingBody(conf, "BC"),
    kind: t("report-kind"),
    summary: t("report-summary", { year }),
    marks: [...(marks.sample ? [t("report-sample-mark")] : []), ...(marks.preview ? [t("report-preview-mark")] : [])],
    body: [
      { kind: "text", text: t("report-intro", { title: conf.title, year }) },
      ...overview(t, view),
      ...(await fieldsPart(t, view)),
      { kind: "heading", text: t("report-part-units") },
      ...view.units.flatMap((u, i) => unitBlocks(t, u, i)),
      ...closingPart(t, view),
    ],
    recipients: [t("report-recipient-units"), ...(conf.invitation?.recipients ?? [t("doc-recipient-archive")])],
    signers: [{ onBehalf: conf.signer.on_behalf, title: conf.signer.title, name: conf.signer.name }],
  };
}

/** The file's name: "bao-cao-phan-tich-chi-so-cchc-2023.docx". */
export function analysisFileName(year: number): string {
  return `bao-cao-phan-tich-chi-so-cchc-${year}.docx`;
}

/** The .docx of the report. */
export async function analysisDocx(conf: DocConference, view: AnalysisReportView, t: Translate): Promise<Buffer> {
  const { adminDocx } = await import("./admin-doc.js");
  return adminDocx(await analysisDoc(conf, view, t), t, { creator: conf.body });
}
