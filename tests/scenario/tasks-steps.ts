// After the conference, the same on every channel: the organizer assigns Mường So a task; a delegate
// of Mường So walks /nhiemvu (the list, the task, "Báo cáo tiến độ", a report, "xong"); the organizer
// accepts it and the unit is told.
import { expect } from "vitest";
import { type Driver, since } from "./driver.js";

export interface TasksOutcome {
  listed: boolean;
  progress: string;
  done: string;
  organizerTold: boolean;
  accepted: string;
  unitTold: boolean;
}

export const TASKS_EXPECTED: TasksOutcome = {
  listed: true,
  progress: "Đã ghi nhận báo cáo tiến độ nhiệm vụ số 1 (báo cáo 1).",
  done: "Đã ghi nhận báo cáo hoàn thành nhiệm vụ số 1 của UBND xã Mường So. Ban tổ chức sẽ xem xét và thông báo kết quả.",
  organizerTold: true,
  // Mường So's two delegates of the conference and the one who joined now.
  accepted: "Đã chấp nhận hoàn thành nhiệm vụ số 1 của UBND xã Mường So (hoàn thành đúng hạn); đã báo cho 3 tài khoản của đơn vị.",
  unitTold: true,
};

/** Runs after runConference on the same driver (the scores are published, the clock on the conference day). */
export async function walkTasks(d: Driver): Promise<TasksOutcome> {
  const { h } = d;
  const org = d.person("Cán bộ Phòng Nội vụ", { organizer: true });
  const ms = d.person("Vàng A Sử");
  await d.say(ms, `/start ${await h.code("muong-so")}`);
  const given = await d.say(org, "/nhiemvu giao Mường So | Rà soát, niêm yết công khai thủ tục hành chính | 3 | 15/7");
  expect(given).toContain("Đã giao nhiệm vụ số 1 cho UBND xã Mường So, hạn 15/7/2027");
  await d.settle();
  expect(since(ms, 0)).toContain("Kính gửi UBND xã Mường So: Ban tổ chức giao nhiệm vụ số 1.");
  const list = await d.say(ms, "/nhiemvu");
  const listed = list.includes("Số 1 (Mường So): Rà soát, niêm yết công khai thủ tục hành chính — tiêu chí 3 — hạn 15/7/2027 — chưa hoàn thành (trong hạn)");
  expect(await d.choose(ms, 1)).toContain("NHIỆM VỤ SỐ 1 — UBND xã Mường So");
  expect(await d.choose(ms, 1)).toContain("Vui lòng gõ nội dung báo cáo tiến độ nhiệm vụ số 1");
  const progress = (await d.say(ms, "Đã rà soát 80/112 thủ tục")).split(" Đồng chí")[0] as string;
  const mark = org.inbox.length;
  const done = (await d.say(ms, "xong: đã niêm yết đủ 112 thủ tục hành chính")).trim();
  await d.settle();
  const organizerTold = since(org, mark).includes("UBND xã Mường So báo cáo đã hoàn thành nhiệm vụ số 1");
  expect(await d.say(org, "/nhiemvu 1")).toContain("Chấp nhận hoàn thành");
  const unitMark = ms.inbox.length;
  const accepted = (await d.choose(org, 1)).trim();
  await d.settle();
  const unitTold = since(ms, unitMark).includes("Ban tổ chức đã chấp nhận kết quả nhiệm vụ số 1");
  return { listed, progress, done, organizerTold, accepted, unitTold };
}
