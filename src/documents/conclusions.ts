// The Thông báo kết luận (.docx, Nghị định 30/2020/NĐ-CP Phụ lục III Mẫu 1.4) issued by the office of the
// body whose leader chaired: the header (the body above the office, "Số: …/TB-VP", place and date),
// "THÔNG BÁO" and "Kết luận của đồng chí … tại Hội nghị …", the opening from the record (the day, the
// place, the chair, how many attended of how many invited), "Sau khi nghe …, đồng chí … kết luận như
// sau:", the numbered parts the organizers wrote with the tasks per unit after the solutions, the
// closing sentence, "Nơi nhận" and the signature. A unit's copy lists its own tasks first. Written from
// the view (src/views/conclusions.ts) in the language of `t`.
import type { Conference } from "../conference/schema.js";
import type { Translate } from "../lib/i18n.js";
import type { ConclusionsDocView, ConclusionsUnitTasks } from "../views/conclusions.js";
import type { ConclusionsPart } from "../../storage/schema.js";
import type { AdminDoc, Block, IssuedOn, Signer } from "./admin-doc.js";
import { type DocConference, issuingBody } from "./analysis.js";

/** What the header, the closing and the signature take from the conference file. */
export type ConclusionsConference = DocConference & Pick<Conference, "conclusions">;

/** "2027-06-25" as Nghị định 30 writes it: days below 10 and months below 3 with a leading zero. */
function issuedOn(day: string): IssuedOn {
  const [y = "", m = "", d = ""] = day.split("-");
  const month = Number(m);
  return { day: d, month: month < 3 ? m : String(month), year: y };
}

/** "Đồng chí Chủ tịch UBND huyện" inside a sentence: "đồng chí Chủ tịch UBND huyện". */
function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);
}

/** "30/6/2027" of "2027-06-30". */
function dayWords(day: string): string {
  const [y, m, d] = day.split("-");
  return `${Number(d)}/${Number(m)}/${y}`;
}

/** The office that issues it: the conference file's, or the default ("Văn phòng HĐND và UBND huyện"). */
export function issuerOf(t: Translate, v: Pick<ConclusionsDocView, "issuer">): string {
  return v.issuer ?? t("conclusions-default-issuer");
}

/** The header: the body above, short and not bold ("UBND HUYỆN PHONG THỔ"); the office under it, in the lines the file gives or the default's. */
function header(conf: ConclusionsConference, t: Translate, v: ConclusionsDocView): Pick<AdminDoc, "parentLines" | "bodyLines"> {
  const lines = issuingBody(conf, "TB").bodyLines;
  const parent = lines.length > 1 ? t("conclusions-header-parent", { body: lines.slice(1).join(" ") }) : (lines[0] ?? "");
  const office = conf.conclusions?.header_lines ?? (v.issuer ? [v.issuer] : t("conclusions-default-header").split(" / "));
  return { parentLines: [parent], bodyLines: office.map((l) => l.toLocaleUpperCase("vi")) };
}

/** "KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG": the line for the head of the office, then the title. */
function signerOf(t: Translate, v: ConclusionsDocView): Signer {
  const [first = "", ...rest] = (v.signerTitle ?? t("conclusions-default-signer")).split(" / ").map((s) => s.trim());
  return rest.length > 0 ? { onBehalf: first, title: rest.join(" "), name: v.signerName ?? "" } : { title: first, name: v.signerName ?? "" };
}

/** A part's text as the body writes it: lines starting with "-" or "+" as a list, other lines as paragraphs. */
export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const item = /^[-+*]\s*(.*)$/.exec(line);
    const last = blocks.at(-1);
    if (item) {
      if (last?.kind === "list") last.items.push(item[1] ?? "");
      else blocks.push({ kind: "list", items: [item[1] ?? ""] });
    } else blocks.push({ kind: "text", text: line });
  }
  return blocks;
}

function opening(t: Translate, v: ConclusionsDocView): Block[] {
  const r = v.record;
  const chair = lowerFirst(v.chair);
  const args = { day: r.day ? dayWords(r.day) : "", place: r.place ?? "", chair: r.day ? chair : v.chair, title: v.title, present: r.present, invited: r.invited, unitsPresent: r.unitsPresent, units: r.units };
  return [
    { kind: "text", text: t(r.day ? "conclusions-opening" : "conclusions-opening-no-day", args) },
    { kind: "text", text: t("conclusions-heard", { chair }) },
  ];
}

function taskItem(t: Translate, task: ConclusionsUnitTasks["tasks"][number]): string {
  return t(task.criterion ? "conclusions-task-criterion" : "conclusions-task", { content: task.content.replace(/[.;]\s*$/, ""), criterion: task.criterion ?? "", deadline: task.deadlineText });
}

/** "a) UBND xã Mường So:" and its tasks, each with its deadline. */
function tasksPart(t: Translate, v: ConclusionsDocView): Block[] {
  const letters = "abcdefghiklmnopqrstuvxy";
  return v.taskUnits.flatMap((g, i): Block[] => [
    { kind: "subheading", text: t("conclusions-task-unit", { letter: letters[i] ?? String(i + 1), unit: g.unit }) },
    { kind: "list", items: g.tasks.map((x) => taskItem(t, x)) },
  ]);
}

function partTitle(t: Translate, p: ConclusionsPart): string {
  return p.key === "extra" ? (p.title ?? "") : t(`conclusions-part-${p.key}`);
}

/** The numbered parts: the three standing ones written, the tasks after the solutions, then the free parts. */
function parts(t: Translate, v: ConclusionsDocView): Block[] {
  const out: Block[] = [];
  let n = 0;
  const add = (title: string, blocks: Block[]) => {
    out.push({ kind: "heading", text: t("conclusions-part-heading", { n: ++n, title }) }, ...blocks);
  };
  for (const p of v.parts.filter((x) => x.key !== "extra")) {
    if (p.text) add(partTitle(t, p), textBlocks(p.text));
    else if (v.draft) add(partTitle(t, p), [{ kind: "text", text: t("conclusions-part-empty"), italics: true }]);
  }
  if (v.taskUnits.length > 0) add(t("conclusions-part-tasks"), [{ kind: "text", text: t("conclusions-tasks-lead") }, ...tasksPart(t, v)]);
  for (const p of v.parts.filter((x) => x.key === "extra")) add(partTitle(t, p), textBlocks(p.text));
  return out;
}

/** The draft's marks: "DỰ THẢO", and the day comments are asked before. */
function marks(t: Translate, v: ConclusionsDocView): string[] {
  if (!v.draft) return [];
  return [t("conclusions-draft-mark"), ...(v.commentsBy ? [t("conclusions-draft-comments", { day: dayWords(v.commentsBy) })] : [])];
}

/** The Thông báo as the layout takes it: one signature, "Nơi nhận" beside it. */
export function conclusionsDoc(conf: ConclusionsConference, v: ConclusionsDocView, t: Translate): AdminDoc {
  const issuer = issuerOf(t, v);
  const body = issuingBody(conf, "TB");
  return {
    ...body,
    ...header(conf, t, v),
    symbol: v.symbol,
    number: v.number ?? "",
    ...(v.issuedDay && { issued: issuedOn(v.issuedDay) }),
    kind: t("conclusions-kind"),
    summary: t("conclusions-summary", { chair: lowerFirst(v.chair), title: v.title }),
    marks: marks(t, v),
    body: [...opening(t, v), ...parts(t, v), { kind: "text", text: t("conclusions-closing", { issuer }) }],
    recipients: [t("conclusions-recipient-units"), ...(conf.invitation?.recipients ?? [t("doc-recipient-archive")])],
    signers: [signerOf(t, v)],
  };
}

/** "thong-bao-ket-luan-125.docx", "du-thao-ket-luan.docx"; a unit's copy ends with its id. */
export function conclusionsFileName(v: Pick<ConclusionsDocView, "number" | "forUnit">): string {
  const stem = v.number ? `thong-bao-ket-luan-${v.number}` : "du-thao-ket-luan";
  return `${stem}${v.forUnit ? `-${v.forUnit}` : ""}.docx`;
}

/** Each unit's copy as the actions send it (src/actions/conclusions.ts `CopyMaker`): `viewFor` gives the unit's view. */
export function conclusionsCopies(conf: ConclusionsConference, t: Translate, viewFor: (unitId: string) => ConclusionsDocView): (unitId: string) => Promise<{ name: string; data: Buffer }> {
  return async (unitId) => {
    const v = viewFor(unitId);
    return { name: conclusionsFileName(v), data: await conclusionsDocx(conf, v, t) };
  };
}

export async function conclusionsDocx(conf: ConclusionsConference, v: ConclusionsDocView, t: Translate): Promise<Buffer> {
  const { adminDocx } = await import("./admin-doc.js");
  return adminDocx(conclusionsDoc(conf, v, t), t, { creator: issuerOf(t, v) });
}
