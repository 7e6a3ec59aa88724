// The whole conference as one story, the same on every channel: the steps, what each person must see, and the outcome table they must produce.
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect } from "vitest";
import { ROOT } from "../../src/config/paths.js";
import { type Driver, type Someone, since } from "./driver.js";

/** The clock at the start: the conference's time and place are still to be announced. */
export const START = "2027-05-01T02:00:00Z";
/** What the organizer sets: 14 giờ 00 on 20/6/2027 (07:00 UTC). */
const DATLICH = "/datlich 20/06/2027 14:00 | Hội trường UBND huyện";
const ONE_DAY_BEFORE = "2027-06-19T07:00:00Z";
const ONE_HOUR_BEFORE = "2027-06-20T06:00:00Z";
const SAMPLE = path.join(ROOT, "scores", "phong-tho-2023.sample.csv");
const EMBARGO = "Kết quả Chỉ số CCHC chưa được công bố. Kết quả sẽ có sau khi Ban tổ chức công bố tại hội nghị.";
const ABSENCE_REASON = "Đi học lớp bồi dưỡng tại tỉnh";

/** The delegate accounts of the story: label → unit as people type it, and the person's name. */
const DELEGATES = {
  "Mường So (1)": { unit: "Mường So", name: "Lò Văn Hùng" },
  "Mường So (2)": { unit: "Mường So", name: "Tẩn Thị Mai" },
  "Bản Lang": { unit: "Bản Lang", name: "Tao Văn Pử" },
  "Vàng Ma Chải": { unit: "Vàng Ma Chải", name: "Sần Văn Chiến" },
  "Tung Qua Lìn": { unit: "Tung Qua Lìn", name: "Giàng A Dế" },
  "Văn phòng HĐND và UBND huyện": { unit: "Văn phòng HĐND và UBND huyện", name: "Nguyễn Thị Hoa" },
  "Nậm Xe": { unit: "Nậm Xe", name: "Lý Văn Tả" },
  "Khổng Lào": { unit: "Khổng Lào", name: "Vàng Thị Lả" },
} as const;
type Label = keyof typeof DELEGATES;

/** Names of the people who attend, seat by seat, for the units that answer every seat themselves. */
const ATTENDEES: Record<string, string[]> = {
  "Mường So (1)": ["Lò Văn Hùng", "Tẩn Thị Mai", "Vàng A Sử", "Giàng Thị Dung"],
  "Bản Lang": ["Tao Văn Pử", "Lò Thị Xuân", "Chảo A Lử", "Phàn Thị Mẩy"],
  "Văn phòng HĐND và UBND huyện": ["Nguyễn Thị Hoa", "Hoàng Văn Nam", "Đỗ Thị Lan"],
};

/** What the attendance report and the export both say. */
export interface AttendanceFigures {
  units: { invited: number; answered: number; silent: number };
  seats: { total: number; attend: number; substitute: number; absent: number; unanswered: number };
  /** "unit | seat | name | position" */
  substitutes: string[];
  /** "unit | seat | reason" */
  absences: string[];
  /** unit → "status, versions" */
  speeches: Record<string, string>;
  speakers: number;
}

/** What one account received over the whole conference, counted from the texts the channel showed. */
export interface Received {
  chase: number;
  scheduleChange: number;
  remindersAfterOneDay: number;
  reminders: number;
  reviewNotes: number;
  results: number;
  /** The result names this account's own unit and no other. */
  ownResultOnly: boolean;
  /** Every result shown is marked as sample data. */
  resultsMarkedSample: boolean;
}

/** The outcome table: the same on every channel. */
export interface Outcome {
  guestAgenda: string[];
  joined: Record<string, number>;
  rsvpByNumber: string;
  remindSent: string;
  banLang: { toldChanges: boolean; toldAccepted: boolean; versions: number };
  changeNoticeReport: string;
  acknowledged: string[];
  embargo: { answer: string; showsFigures: boolean };
  published: string[];
  received: Record<string, Received>;
  report: AttendanceFigures;
  workbook: AttendanceFigures;
}

const FIGURES: AttendanceFigures = {
  units: { invited: 22, answered: 6, silent: 16 },
  // Mường So 4 + Bản Lang 4 + Văn phòng 3 + Tung Qua Lìn 4 + Vàng Ma Chải 3 + Khổng Lào 3 attend.
  seats: { total: 77, attend: 21, substitute: 1, absent: 1, unanswered: 54 },
  substitutes: ["Vàng Ma Chải | Chủ tịch UBND xã | Lò Văn A | Phó Chủ tịch UBND xã"],
  absences: [`Khổng Lào | Chủ tịch UBND xã | ${ABSENCE_REASON}`],
  speeches: {
    "Văn phòng HĐND và UBND huyện": "đã duyệt, 1",
    "Mường So": "đã nộp, chờ duyệt, 1",
    "Bản Lang": "đã duyệt, 2",
    "Vàng Ma Chải": "đã nộp, chờ duyệt, 1",
    "Tung Qua Lìn": "đã nộp, chờ duyệt, 1",
  },
  speakers: 1,
};

const delegateGot = (commune: boolean, extra: Partial<Received> = {}): Received => ({
  chase: 0,
  scheduleChange: 1,
  remindersAfterOneDay: 1,
  reminders: 2,
  reviewNotes: 0,
  results: commune ? 1 : 0,
  ownResultOnly: commune,
  resultsMarkedSample: true,
  ...extra,
});

/** One expected outcome for every channel. */
export const EXPECTED: Outcome = {
  guestAgenda: ["Thời gian: sẽ thông báo sau", "Địa điểm: sẽ thông báo sau"],
  joined: { "ban-lang": 1, "khong-lao": 1, "muong-so": 2, "nam-xe": 1, "tung-qua-lin": 1, "van-phong-hdnd-ubnd": 1, "vang-ma-chai": 1 },
  rsvpByNumber: "Đã ghi nhận: UBND xã Tung Qua Lìn, vị trí Chủ tịch UBND xã: tham dự, Giàng A Dế.",
  remindSent: "Đã gửi lời nhắc xác nhận tham dự tới 1 đơn vị (1 tài khoản).",
  banLang: { toldChanges: true, toldAccepted: true, versions: 2 },
  changeNoticeReport: "gửi được 8, lỗi 0, không liên lạc được 0 (tổng 8 tài khoản)",
  acknowledged: ["Mường So (1)"],
  embargo: { answer: EMBARGO, showsFigures: false },
  published: ["Đã công bố kết quả Chỉ số CCHC năm 2023.", "Đã gửi kết quả tới 7/7 tài khoản đại biểu của 6 đơn vị."],
  received: {
    "Mường So (1)": delegateGot(true),
    "Mường So (2)": delegateGot(true),
    "Bản Lang": delegateGot(true, { reviewNotes: 2 }),
    "Vàng Ma Chải": delegateGot(true),
    "Tung Qua Lìn": delegateGot(true),
    "Văn phòng HĐND và UBND huyện": delegateGot(false, { reviewNotes: 1, ownResultOnly: false }),
    "Nậm Xe": delegateGot(true, { chase: 1 }),
    "Khổng Lào": delegateGot(true),
    // Neither a guest nor an organizer is a delegate: no notice, reminder or result reaches them.
    guest: delegateGot(false, { scheduleChange: 0, remindersAfterOneDay: 0, reminders: 0 }),
    organizer: delegateGot(false, { scheduleChange: 0, remindersAfterOneDay: 0, reminders: 0 }),
  },
  report: FIGURES,
  workbook: FIGURES,
};

// --- reading what people received ----------------------------------------------------------

// A notice is a message of its own that opens with its header (a report that quotes one does not count).
const count = (texts: string[], marker: string) => texts.filter((t) => t.startsWith(marker)).length;
const CHANGE = "THÔNG BÁO THAY ĐỔI THỜI GIAN, ĐỊA ĐIỂM HỘI NGHỊ";
const REMINDER = "NHẮC LỊCH HỘI NGHỊ";
const RESULT = "Ban tổ chức đã công bố kết quả Chỉ số CCHC năm 2023. Kết quả của đơn vị:";
const CHASE = /^Kính gửi .+ chưa xác nhận tham dự hội nghị/;
const REVIEW = /^Ban tổ chức (đề nghị .+ chỉnh sửa|đã chấp nhận) tham luận \(bản \d\)/;

/** Section of a report line by line: a line that is not "- …" opens a section, "- …" lines belong to it. */
function sections(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith("- ") || /^\d+\. /.test(line)) out.get(current)?.push(line);
    else {
      current = line;
      if (!out.has(current)) out.set(current, []);
    }
  }
  return out;
}

function section(all: Map<string, string[]>, title: string): string[] {
  for (const [head, lines] of all) if (head.startsWith(title)) return lines;
  return [];
}

/** The figures of /baocao as a person reads them. */
export function reportFigures(text: string): AttendanceFigures {
  const units = /Đơn vị được mời: (\d+) \(đã trả lời: (\d+), chưa trả lời: (\d+)\)/.exec(text);
  const seats = /Vị trí: (\d+) \| tham dự (\d+) \| cử người thay (\d+) \| vắng (\d+) \| chưa trả lời (\d+)/.exec(text);
  const speakers = /Đăng ký phát biểu: (\d+)/.exec(text);
  if (!units || !seats || !speakers) throw new Error(`not a report:\n${text.slice(0, 500)}`);
  const n = (m: RegExpExecArray, i: number) => Number(m[i]);
  const all = sections(text);
  const speeches: Record<string, string> = {};
  for (const line of section(all, "THAM LUẬN (")) {
    const m = /^- (.+): (.+) \((\d+) bản\)$/.exec(line);
    if (m) speeches[m[1] as string] = `${m[2]}, ${m[3]}`;
  }
  return {
    units: { invited: n(units, 1), answered: n(units, 2), silent: n(units, 3) },
    seats: { total: n(seats, 1), attend: n(seats, 2), substitute: n(seats, 3), absent: n(seats, 4), unanswered: n(seats, 5) },
    substitutes: section(all, "CỬ NGƯỜI THAY (").map((l) => {
      const m = /^- (.+?), (.+) → (.+?), (.+)$/.exec(l);
      return m ? [m[1], m[2], m[3], m[4]].join(" | ") : l;
    }),
    absences: section(all, "VẮNG MẶT (").map((l) => {
      const m = /^- (.+?), (.+?): (.+)$/.exec(l);
      return m ? [m[1], m[2], m[3]].join(" | ") : l;
    }),
    speeches,
    speakers: n(speakers, 1),
  };
}

/** The same figures read back from the /xuat workbook. */
export async function workbookFigures(data: Buffer): Promise<AttendanceFigures> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const rows = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    const out: string[][] = [];
    ws.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)))));
    // The header row is under the title block: found by its text; the STT column in front is dropped.
    const header = out.findIndex((r) => r[0] === "STT");
    if (header < 0) throw new Error(`no header row in ${name}`);
    return out.slice(header + 1).map((r) => r.slice(1));
  };
  const seats = rows("Tham dự theo vị trí");
  const status = (s: string) => seats.filter((r) => r[3] === s).length;
  const byUnit = new Map<string, string[]>();
  for (const r of seats) byUnit.set(r[0] as string, [...(byUnit.get(r[0] as string) ?? []), r[3] as string]);
  const silent = [...byUnit.values()].filter((list) => list.every((s) => s === "Chưa trả lời")).length;
  const speeches: Record<string, string> = {};
  for (const r of rows("Tham luận")) speeches[r[0] as string] = `${(r[2] as string).toLocaleLowerCase("vi")}, ${r[3]}`;
  return {
    units: { invited: byUnit.size, answered: byUnit.size - silent, silent },
    seats: { total: seats.length, attend: status("Tham dự"), substitute: status("Cử người thay"), absent: status("Vắng mặt"), unanswered: status("Chưa trả lời") },
    substitutes: rows("Cử người thay").map((r) => r.slice(0, 4).join(" | ")),
    absences: rows("Vắng mặt").map((r) => r.slice(0, 3).join(" | ")),
    speeches,
    speakers: rows("Đăng ký phát biểu").length,
  };
}

function receivedBy(p: Someone, ownTitle: string | undefined, otherTitles: string[], afterOneDay: number): Received {
  const texts = p.inbox;
  const results = texts.filter((t) => t.startsWith(RESULT));
  return {
    chase: texts.filter((t) => CHASE.test(t)).length,
    scheduleChange: count(texts, CHANGE),
    remindersAfterOneDay: afterOneDay,
    reminders: count(texts, REMINDER),
    reviewNotes: texts.filter((t) => REVIEW.test(t)).length,
    results: results.length,
    ownResultOnly: results.length > 0 && results.every((t) => ownTitle !== undefined && t.includes(`— ${ownTitle}`) && otherTitles.every((o) => !t.includes(`— ${o}`))),
    resultsMarkedSample: results.every((t) => t.includes("[DỮ LIỆU MẪU — không phải kết quả chính thức]")),
  };
}

// --- the story -----------------------------------------------------------------------------

/**
 * Runs the whole conference on one channel and returns its outcome table. Assertions along the
 * way check what each person sees at each step; the table is compared by the caller.
 */
export async function runConference(d: Driver): Promise<Outcome> {
  const { h } = d;
  const conf = h.app.services.conference;
  // The planner runs only when the story moves the clock.
  h.app.outbox.configure({ autoTick: false });
  const org = d.person("Cán bộ Phòng Nội vụ", { organizer: true });
  expect(await d.say(org, "/start")).toContain("Ban tổ chức");
  const guest = d.person("Khách");
  const people = new Map<Label, Someone>();

  // 1. Units join with their invite codes; a guest reads the agenda.
  for (const [label, who] of Object.entries(DELEGATES) as Array<[Label, (typeof DELEGATES)[Label]]>) {
    const unit = conf.findUnit(who.unit).unit;
    if (!unit) throw new Error(`no unit ${who.unit}`);
    const p = d.person(who.name);
    const joined = await d.say(p, `/start ${await h.code(unit.id)}`);
    expect(joined).toContain(`Xác nhận: đồng chí đã tham gia với tư cách đại biểu của ${unit.full_name ?? unit.name}.`);
    people.set(label, p);
  }
  const who = (label: Label) => people.get(label) as Someone;
  const agenda = await d.say(guest, "/chuongtrinh");
  const guestAgenda = EXPECTED.guestAgenda.filter((line) => agenda.includes(line));

  // 2. They answer: most attend; Vàng Ma Chải sends a substitute; Khổng Lào is absent; Nậm Xe is silent.
  for (const [label, names] of Object.entries(ATTENDEES)) {
    for (const [i, name] of names.entries()) expect(await d.say(who(label as Label), `/dangky ${i + 1} thamdu ${name}`)).toContain(`tham dự, ${name}.`);
  }
  const vmc = who("Vàng Ma Chải");
  expect(await d.say(vmc, "/dangky 1 thay Lò Văn A, Phó Chủ tịch UBND xã")).toContain("cử Lò Văn A (Phó Chủ tịch UBND xã) dự thay");
  for (const [i, name] of ["Sần Văn Chiến", "Lù Thị Hoa", "Phàn A Tả"].entries()) expect(await d.say(vmc, `/dangky ${i + 2} thamdu ${name}`)).toContain("Đã ghi nhận");
  const kl = who("Khổng Lào");
  expect(await d.say(kl, `/dangky 1 vang ${ABSENCE_REASON}`)).toContain(`vắng mặt. Lý do: ${ABSENCE_REASON}`);
  for (const [i, name] of ["Vàng Thị Lả", "Hù A Lình", "Tẩn Văn Sơn"].entries()) expect(await d.say(kl, `/dangky ${i + 2} thamdu ${name}`)).toContain("Đã ghi nhận");
  // Tung Qua Lìn answers the chair's seat by numbered choices: the seat typed, the answer chosen
  // (a button on Telegram), then the name typed; the other seats directly.
  const tql = who("Tung Qua Lìn");
  expect(await d.say(tql, "/dangky")).toContain("1. Chủ tịch UBND xã: chưa trả lời");
  expect(await d.say(tql, "1")).toContain("1. Tham dự");
  expect(await d.choose(tql, 1)).toContain("Vui lòng gõ họ tên người dự ở vị trí Chủ tịch UBND xã");
  const byNumber = await d.say(tql, "Giàng A Dế");
  const rsvpByNumber = byNumber.split("\n")[0] as string;
  for (const [i, name] of ["Lò Văn Pao", "Tráng Thị Mỷ", "Sùng A Chu"].entries()) expect(await d.say(tql, `/dangky ${i + 2} thamdu ${name}`)).toContain("Đã ghi nhận");
  // Phòng Nội vụ chases the silent: only Nậm Xe has an account to reach.
  const remind = await d.say(org, "/nhacnho dangky");
  const remindSent = remind.split("\n").find((l) => l.startsWith("Đã gửi lời nhắc")) ?? remind;

  // 3. The five assigned units submit; Bản Lang is asked for changes, resubmits, is accepted.
  expect(await d.say(who("Mường So (1)"), "/thamluan Thưa Hội nghị, xã Mường So xin báo cáo một số giải pháp chỉ đạo, điều hành.")).toContain(
    "Đã nhận tham luận của UBND xã Mường So: bản 1",
  );
  const bl = who("Bản Lang");
  expect(await d.say(bl, "/thamluan Chính quyền số ở xã Bản Lang: bản thảo đầu.")).toContain("Đã nhận tham luận của UBND xã Bản Lang: bản 1");
  expect(await d.say(vmc, "/thamluan")).toContain("gõ /xong");
  expect(await d.say(vmc, "Phần mở đầu: tình hình cải cách hành chính của xã.")).toContain("Đã nhận phần 1");
  expect(await d.say(vmc, "Kiến nghị, đề xuất với huyện.")).toContain("Đã nhận phần 2");
  expect(await d.say(vmc, "/xong")).toContain("Đã nhận tham luận của UBND xã Vàng Ma Chải: bản 1");
  expect(await d.say(tql, "/thamluan Một cửa liên thông ở xã Tung Qua Lìn.")).toContain("bản 1");
  const vp = who("Văn phòng HĐND và UBND huyện");
  expect(await d.say(vp, "/thamluan Bộ phận một cửa huyện: kết quả năm 2023.")).toContain("bản 1");
  expect(await d.say(who("Mường So (2)"), "/phatbieu Kinh nghiệm số hóa hồ sơ một cửa")).toContain("Đã đăng ký phát biểu cho");

  const list = await d.say(org, "/duyet");
  expect(list).toContain("Bản Lang: đã nộp bản 1, chờ duyệt");
  expect(list).toContain("Tung Qua Lìn: đã nộp bản 1, chờ duyệt");
  const speech = await d.say(org, "/duyet Bản Lang");
  expect(speech).toContain("Chính quyền số ở xã Bản Lang: bản thảo đầu.");
  expect(await d.choose(org, 2)).toContain("Vui lòng gõ nội dung đề nghị UBND xã Bản Lang chỉnh sửa bản 1");
  const before = bl.inbox.length;
  const asked = await d.say(org, "Đề nghị bổ sung số liệu hồ sơ trực tuyến năm 2023.");
  expect(asked).toContain("Đã gửi đề nghị chỉnh sửa bản 1 cho UBND xã Bản Lang");
  const toldChanges = since(bl, before);
  expect(toldChanges).toContain("Ban tổ chức đề nghị UBND xã Bản Lang chỉnh sửa tham luận (bản 1)");
  expect(toldChanges).toContain("Đề nghị bổ sung số liệu hồ sơ trực tuyến năm 2023.");
  expect(await d.say(bl, "/thamluan Chính quyền số ở xã Bản Lang: đã bổ sung số liệu năm 2023.")).toContain("bản 2");
  const mark = bl.inbox.length;
  expect(await d.say(org, "/duyet Bản Lang chapnhan")).toContain("Đã chấp nhận tham luận bản 2 của UBND xã Bản Lang");
  const toldAccepted = since(bl, mark);
  expect(await d.say(org, "/duyet Văn phòng HĐND và UBND huyện chapnhan")).toContain("Đã chấp nhận tham luận bản 1");

  // 4. Time and place are set and announced to every delegate; one acknowledges.
  const set = await d.say(org, DATLICH);
  expect(set).toContain("Đã lưu thời gian, địa điểm hội nghị");
  expect(set).toContain("Gửi thông báo thay đổi (ghi rõ cũ và mới) tới tất cả đại biểu (8 tài khoản)?");
  const queued = await d.choose(org, 1);
  expect(queued).toMatch(/Đã xếp thông báo \w{6} vào hàng đợi gửi tới 8 tài khoản/);
  await d.settle();
  const changeNoticeReport = /Đã gửi xong thông báo \w{6}: (.+)\./.exec(since(org, 0))?.[1] ?? "(no report)";
  const ms1 = who("Mường So (1)");
  const change = ms1.inbox.find((t) => t.startsWith(CHANGE)) ?? "";
  expect(change).toContain("Thời gian: sẽ thông báo sau → 14 giờ 00, Chủ nhật, ngày 20/6/2027");
  expect(change).toContain("Địa điểm: sẽ thông báo sau → Hội trường UBND huyện");
  expect(await d.acknowledge(ms1)).toContain("Cảm ơn đồng chí đã xác nhận đã nhận thông báo.");
  const changeNotice = h.app.store.data.notices.find((n) => n.kind === "schedule_change");
  const acked = h.app.store.data.deliveries.filter((x) => x.noticeId === changeNotice?.id && x.ackAt).map((x) => x.account);
  const acknowledged = [...people].filter(([, p]) => acked.includes(p.key)).map(([label]) => label);

  // 5. Reminders: the planner runs at one day and at one hour before the start.
  await h.app.outbox.tick();
  h.clock.set(ONE_DAY_BEFORE);
  await h.app.outbox.tick();
  await d.settle();
  const afterOneDay = new Map([...people].map(([label, p]) => [label, count(p.inbox, REMINDER)]));
  const guestAfterOneDay = count(guest.inbox, REMINDER);
  const organizerAfterOneDay = count(org.inbox, REMINDER);
  h.clock.set(ONE_HOUR_BEFORE);
  await h.app.outbox.tick();
  await d.settle();
  expect(ms1.inbox.find((t) => t.startsWith(REMINDER))).toContain("Thời gian: 14 giờ 00, Chủ nhật, ngày 20/6/2027");

  // 6. Scores: imported from the sample file, embargoed, then published to each commune.
  const desk = d.sendFile ? { driver: d, organizer: org } : d.fileDesk;
  if (!desk) throw new Error(`${d.channel}: no way to hand over the score table`);
  const sendFile = desk.driver.sendFile;
  if (!sendFile) throw new Error(`${d.channel}: the file desk takes no files`);
  const preview = await sendFile(desk.organizer, { name: "phong-tho-2023.sample.csv", mime: "text/csv", data: readFileSync(SAMPLE), path: SAMPLE }, "/nhapdiem");
  expect(preview).toContain("[DỮ LIỆU MẪU — không phải kết quả chính thức]");
  expect(preview).toContain("17 đơn vị");
  expect(await desk.driver.choose(desk.organizer, 1)).toContain("Đã thay thế bảng điểm: năm 2023, 17 đơn vị.");
  const embargoAnswer = (await d.say(ms1, "/diem")).trim();
  const asking = await d.say(org, "/congbo");
  expect(asking).toContain("Công bố kết quả Chỉ số CCHC năm 2023 (17 đơn vị)?");
  const done = await d.choose(org, 1);
  const published = EXPECTED.published.filter((line) => done.includes(line));
  if (published.length < EXPECTED.published.length) published.push(done);

  // 7. The report and the workbook agree.
  const report = reportFigures(await d.say(org, "/baocao"));
  const files = desk.organizer.files.length;
  await desk.driver.say(desk.organizer, "/xuat");
  const workbook = desk.organizer.files.slice(files).find((f) => f.name.endsWith(".xlsx"));
  if (!workbook) throw new Error(`${d.channel}: /xuat gave no workbook`);

  const titles = conf.units().map((u) => u.full_name ?? u.name);
  const received: Record<string, Received> = {};
  for (const [label, p] of people) {
    const unit = conf.findUnit(DELEGATES[label].unit).unit;
    const own = unit?.full_name ?? unit?.name;
    received[label] = receivedBy(p, own, titles.filter((t) => t !== own), afterOneDay.get(label) ?? -1);
  }
  received.guest = receivedBy(guest, undefined, titles, guestAfterOneDay);
  received.organizer = receivedBy(org, undefined, titles, organizerAfterOneDay);
  const joined: Record<string, number> = {};
  for (const a of Object.values(h.app.store.data.accounts)) if (a.unitId) joined[a.unitId] = (joined[a.unitId] ?? 0) + 1;

  return {
    guestAgenda,
    joined: Object.fromEntries(Object.entries(joined).sort(([a], [b]) => a.localeCompare(b))),
    rsvpByNumber,
    remindSent,
    banLang: {
      toldChanges: REVIEW.test(toldChanges),
      toldAccepted: toldAccepted.includes("Ban tổ chức đã chấp nhận tham luận (bản 2) của UBND xã Bản Lang"),
      versions: h.app.store.data.speeches["ban-lang"]?.versions.length ?? 0,
    },
    changeNoticeReport,
    acknowledged,
    embargo: { answer: embargoAnswer, showsFigures: /\d/.test(embargoAnswer) },
    published,
    received,
    report,
    workbook: await workbookFigures(workbook.data),
  };
}
