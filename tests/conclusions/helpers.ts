// The conclusions' tests share the day: the seed conference ended, three units checked in and
// tasks assigned; the desk signed in; the parts as the desk's form sends them; what a person was sent.
import { expect } from "vitest";
import type { Reply } from "../../src/messages/types.js";
import { Client, createDeskTest, type DeskTest } from "../desk/helpers.js";
import type { Person } from "../helpers/app.js";
import { importSample } from "../analysis/helpers.js";

export interface Day {
  d: DeskTest;
  ms: Person;
  nx: Person;
  vp: Person;
}

/** The day: time and place set, Mường So (console), Nậm Xe (Telegram) and the Văn phòng (Zalo) check in; then tasks. */
export async function conferenceEnded(options: Parameters<typeof createDeskTest>[0] = {}): Promise<Day> {
  const d = await createDeskTest({ now: "2027-05-01T02:00:00Z", ...options });
  d.app.outbox.configure({ autoTick: false });
  await importSample(d);
  const org = d.org;
  await org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
  const code = /Mã điểm danh tại hội trường: ([A-Z0-9]{6})/.exec(await org.say("/diemdanh"))?.[1] as string;
  const ms = await d.delegate("Mường So", "Lò Văn Sơn");
  const nx = await d.delegate("Nậm Xe", "Vàng A Páo", { channel: "telegram", userId: "7001" });
  const vp = await d.delegate("van-phong-hdnd-ubnd", "Nguyễn Thị Hoa", { channel: "zalo", userId: "zvp1" });
  d.clock.set("2027-06-20T00:40:00Z");
  for (const p of [ms, nx, vp]) expect(await p.say(`/diemdanh ${code}`)).toContain("Đã điểm danh");
  d.clock.set("2027-06-21T02:00:00Z");
  expect(await org.say("/nhiemvu giao Mường So | Rà soát, niêm yết công khai thủ tục hành chính tại Bộ phận một cửa | 3.2 | 15/7")).toContain("Đã giao nhiệm vụ số 1");
  expect(await org.say("/nhiemvu giao Nậm Xe | Số hóa hồ sơ thủ tục hành chính | | 31/7")).toContain("Đã giao nhiệm vụ số 2");
  expect(await org.say("/nhiemvu giao Mường So | Cập nhật hồ sơ công chức lên phần mềm | | 31/7")).toContain("Đã giao nhiệm vụ số 3");
  await d.app.outbox.idle();
  d.sent.length = 0;
  return { d, ms, nx, vp };
}

export async function signedIn(desk: DeskTest): Promise<Client> {
  const c = new Client(desk.root);
  expect((await c.open(await desk.linkFrom(desk.org))).status).toBe(303);
  return c;
}

/** The parts as the desk's form sends them. */
export function partsForm(csrf: string, parts: { assessment: string; shortcomings: string; solutions: string }): FormData {
  const f = new FormData();
  f.append("_csrf", csrf);
  for (const [k, v] of Object.entries(parts)) f.append(k, v);
  f.append("extraTitle", "");
  f.append("extraText", "");
  return f;
}

/** The "send for comments" form: the units ticked and the day. */
export function askForm(csrf: string, units: string[], deadline: string): FormData {
  const f = new FormData();
  f.append("_csrf", csrf);
  for (const u of units) f.append("unit", u);
  f.append("deadline", deadline);
  return f;
}

export const PARTS = {
  assessment: "Năm 2023, Chỉ số CCHC của huyện được cải thiện; 12/17 xã, thị trấn tăng điểm.\n- Công tác chỉ đạo, điều hành được quan tâm.",
  shortcomings: "Tỷ lệ hồ sơ trực tuyến toàn trình còn thấp.",
  solutions: "Tập trung cải thiện các tiêu chí giảm điểm.",
};

/** What `p` was sent since `from`: each message's replies. */
export function repliesTo(h: DeskTest, p: Person, from = 0): Reply[][] {
  return h.sent.slice(from).filter((s) => s.account === p.key).map((s) => s.replies);
}

export function fileOf(replies: Reply[]): Extract<Reply, { kind: "file" }> {
  const f = replies.find((r) => r.kind === "file");
  if (f?.kind !== "file") throw new Error("no file");
  return f;
}

/** The "Đã nhận" press on the notice in `replies`. */
export async function acknowledge(p: Person, replies: Reply[]): Promise<string> {
  const choice = replies.find((r) => r.kind === "choices");
  if (choice?.kind !== "choices") throw new Error("no Đã nhận");
  return p.say("", { press: { step: choice.choices[0]?.step } });
}

