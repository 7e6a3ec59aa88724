// Issue 21 item 6: on the desk, a change the disk could not take says so in one sentence (503),
// keeps what the organizer typed, changes nothing and is logged once; a form that cannot be read
// is answered 400 with a sentence, not 500 with a stack.
import { readFile } from "node:fs/promises";
import { afterEach, expect, it } from "vitest";
import { flakyOps } from "../storage/helpers.js";
import { Client, createDeskTest, type DeskTest } from "./helpers.js";

let d: DeskTest | undefined;
afterEach(async () => {
  await d?.stop();
  d = undefined;
});

const NOT_SAVED = "Chưa lưu được do lỗi ghi dữ liệu trên máy chủ (ví dụ ổ đĩa đầy); chưa có gì thay đổi.";

async function signedIn(t: DeskTest): Promise<Client> {
  const c = new Client(t.root);
  expect((await c.open(await t.linkFrom(t.org))).status).toBe(303);
  return c;
}

it("Ban tổ chức trả lời thay xã Mường So khi ổ đĩa đầy: được báo chưa lưu, lời đã gõ còn nguyên, không gì thay đổi; ổ đĩa trống lại thì gửi lại được", async () => {
  const { ops, fail } = flakyOps();
  d = await createDeskTest({ fileOps: ops });
  const c = await signedIn(d);
  const unit = d.app.services.conference.findUnit("Mường So").unit;
  if (!unit) throw new Error("no Mường So");
  const seat = unit.seats[0]?.id as string;
  const csrf = c.csrf((await c.get("/ban-to-chuc/don-vi")).body);
  const before = await readFile(d.app.store.file);
  const logsBefore = d.logs.length;

  fail.step = "open";
  const res = await c.post(`/ban-to-chuc/don-vi/${unit.id}/tra-loi`, { _csrf: csrf, seat, status: "attend", text: "Lò Văn Mường, Chủ tịch UBND xã" });
  expect(res.status).toBe(503);
  expect(res.body).toContain(NOT_SAVED);
  expect(res.body).toContain(">Lò Văn Mường, Chủ tịch UBND xã</textarea>");
  expect(res.body).toContain(`name="seat" value="${seat}"`);
  expect(res.body).toContain("Thử lưu lại");
  expect(d.app.store.data.rsvps).toEqual([]);
  expect(await readFile(d.app.store.file)).toEqual(before);
  const logged = d.logs.slice(logsBefore).filter((l) => l.includes("ENOSPC"));
  expect(logged).toHaveLength(1);
  expect(logged[0]).toContain("desk change not saved");

  // The disk has room again: the kept form, sent as it is, saves the answer.
  fail.step = undefined;
  const retry = await c.post(`/ban-to-chuc/don-vi/${unit.id}/tra-loi`, { _csrf: c.csrf(res.body), seat, status: "attend", text: "Lò Văn Mường, Chủ tịch UBND xã" });
  expect(retry.status).toBe(200);
  expect(retry.body).toContain("Đã ghi trả lời của UBND xã Mường So");
});

it("a notice typed on the desk while the disk is full is kept on the page, not lost", async () => {
  const { ops, fail } = flakyOps();
  d = await createDeskTest({ fileOps: ops });
  await d.delegate("Mường So");
  const c = await signedIn(d);
  const csrf = c.csrf((await c.get("/ban-to-chuc/thong-bao")).body);
  fail.step = "sync";
  const text = "Kính gửi các đồng chí đại biểu: Hội nghị bắt đầu lúc 14 giờ.\nTrân trọng.";
  const res = await c.post("/ban-to-chuc/thong-bao/xem", { _csrf: csrf, text, audience: "tatca", time: "" });
  expect(res.status).toBe(503);
  expect(res.body).toContain(NOT_SAVED);
  expect(res.body).toContain(NOT_SAVED);
  expect(res.body).toContain(`>${text}</textarea>`);
  expect(d.app.store.data.noticeDrafts).toEqual({});
});

it("a cut multipart form is answered 400 with one sentence, nothing logged as a failure", async () => {
  d = await createDeskTest();
  const c = await signedIn(d);
  const broken = await d.root.request("http://127.0.0.1/ban-to-chuc/chi-so/tai-len", {
    method: "POST",
    headers: { cookie: c.cookie, "content-type": "multipart/form-data; boundary=XYZ" },
    body: '--XYZ\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nabc\r\n--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK',
  });
  expect(broken.status).toBe(400);
  expect(await broken.text()).toContain("Biểu mẫu gửi lên không đọc được");
  // The sign-in form too.
  const signIn = await d.root.request("http://127.0.0.1/ban-to-chuc/vao", { method: "POST", headers: { "content-type": "multipart/form-data; boundary=Q" }, body: "--Q\r\nbroken" });
  expect(signIn.status).toBe(400);
  expect(d.logs.some((l) => l.includes("desk page failed"))).toBe(false);
});
