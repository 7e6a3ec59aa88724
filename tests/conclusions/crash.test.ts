// Nothing acknowledged may be lost: the organizers issue the Thông báo kết luận and the process stops
// after the issue is saved but before every unit's copy is filed (the notices port fails from the
// second unit on); the bot starts again and its planner files the copies missing, each unit exactly
// one, which each unit acknowledges; a second round files nothing; a commune that joins later gets
// its copy too. The same for the draft sent for comments, in one process (the write failing at once).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fileOwedConclusionsNotices } from "../../src/actions/conclusions.js";
import { conclusionsCopies } from "../../src/documents/conclusions.js";
import type { NewNotice } from "../../src/domain/notices.js";
import type { Reply } from "../../src/messages/types.js";
import { conclusionsDocView } from "../../src/views/conclusions.js";
import type { DeskTest } from "../desk/helpers.js";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { acknowledge, askForm, conferenceEnded, PARTS, partsForm, signedIn } from "./helpers.js";

const closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

/** From the `failFrom`-th notice on, the notices port fails as a process stopping would leave it. */
function failingNotices(d: DeskTest, failFrom: number): () => void {
  const real = d.app.outbox.create;
  let calls = 0;
  d.app.outbox.create = async (input: NewNotice) => {
    calls += 1;
    if (calls >= failFrom) throw new Error("the process stopped here");
    return real(input);
  };
  return () => {
    d.app.outbox.create = real;
  };
}

/** The copies of the conclusions `p` was sent (the .docx files named `prefix…`), over one or more processes. */
function copiesTo(p: Person, prefix: string, ...apps: TestApp[]): Reply[][] {
  return apps.flatMap((a) => a.sent.filter((s) => s.account === p.key && s.replies.some((r) => r.kind === "file" && r.name.startsWith(prefix))).map((s) => s.replies));
}

const conclusionsNotices = (a: TestApp) => a.app.store.data.notices.filter((n) => n.kind === "conclusions");

describe("Thông báo kết luận: no unit loses its copy to a stop", () => {
  it("issued, stopped before the copies were filed, started again: every unit gets one copy and acknowledges it", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "hoinghi-concl-crash-"));
    closing.push(() => rm(dir, { recursive: true, force: true }));
    const { d, ms, nx, vp } = await conferenceEnded({ dir });
    let stopped = false;
    closing.push(async () => {
      if (!stopped) await d.stop();
    });
    // Issued on 25/6; the first unit's copy is filed, then the process stops.
    d.clock.set("2027-06-25T02:00:00Z");
    const c = await signedIn(d);
    const csrf = c.csrf((await c.get("/ban-to-chuc/ket-luan")).body);
    expect((await c.post("/ban-to-chuc/ket-luan/luu", partsForm(csrf, PARTS))).body).toContain("Đã lưu dự thảo Thông báo kết luận.");
    failingNotices(d, 2);
    const issued = await c.post("/ban-to-chuc/ket-luan/ban-hanh", { _csrf: csrf, number: "125", day: "2027-06-25", confirm: "1" });
    expect(issued.status).toBe(500);
    const saved = d.app.store.data.conclusions.issued;
    expect(saved?.number).toBe("125");
    expect(Object.keys(saved?.notices ?? {})).toHaveLength(1);
    expect(conclusionsNotices(d)).toHaveLength(1);
    stopped = true;
    await d.stop();

    // The bot starts again five minutes later; its planner's round files the copies missing.
    const again = await createTestApp({ dir, now: "2027-06-25T02:05:00Z" });
    closing.push(() => again.close());
    again.app.outbox.configure({ autoTick: false });
    const same = (p: Person, name: string) => again.person(name, { channel: p.channel, userId: p.userId });
    const [ms2, nx2, vp2] = [same(ms, "Lò Văn Sơn"), same(nx, "Vàng A Páo"), same(vp, "Nguyễn Thị Hoa")];
    await again.app.outbox.tick();
    await again.app.outbox.idle();
    const units = ["muong-so", "nam-xe", "van-phong-hdnd-ubnd"];
    const notices = conclusionsNotices(again);
    expect(notices).toHaveLength(3);
    expect(Object.keys(again.app.store.data.conclusions.issued?.notices ?? {}).sort()).toEqual([...units].sort());
    expect(new Set(Object.values(again.app.store.data.conclusions.issued?.notices ?? {}))).toEqual(new Set(notices.map((n) => n.id)));
    // Each unit exactly one copy, its own (Mường So's lists its tasks first), over both processes.
    for (const [p, unit] of [[ms, "muong-so"], [nx, "nam-xe"], [vp, "van-phong-hdnd-ubnd"]] as const) {
      const got = copiesTo(p, "thong-bao-ket-luan-125-", d, again);
      expect(got, unit).toHaveLength(1);
      expect(JSON.stringify(got[0])).toContain(`thong-bao-ket-luan-125-${unit}.docx`);
    }
    expect(JSON.stringify(copiesTo(ms, "thong-bao-ket-luan-125-", d, again)[0])).toContain("1. Rà soát, niêm yết công khai thủ tục hành chính tại Bộ phận một cửa - 15/7/2027");
    expect(again.logs.some((l) => l.includes("conclusions notices a stop had left unfiled"))).toBe(true);

    // Every unit acknowledges; the organizers see all three.
    for (const [p, first] of [[ms2, ms], [nx2, nx], [vp2, vp]] as const) {
      expect(await acknowledge(p, copiesTo(first, "thong-bao-ket-luan-125-", d, again)[0] as Reply[])).toContain("đã xác nhận đã nhận thông báo");
    }
    const org = again.organizer();
    expect(await org.say("/ketluan")).toContain("Đã gửi 3 đơn vị: 3 đơn vị đã nhận.");

    // A second round files nothing.
    again.clock.set("2027-06-25T02:10:00Z");
    const mark = again.sent.length;
    await again.app.outbox.tick();
    await again.app.outbox.idle();
    expect(conclusionsNotices(again)).toHaveLength(3);
    expect(again.sent.slice(mark).filter((s) => s.text.includes("thong-bao-ket-luan"))).toEqual([]);

    // Dào San had nobody in the bot when it was issued; its chairman joins a week later and gets its copy at the next round, once.
    again.clock.set("2027-07-02T02:00:00Z");
    const ds = await again.delegate("Dào San", "Chủ tịch UBND xã Dào San", { channel: "zalo", userId: "z-ds" });
    for (let round = 0; round < 2; round++) {
      await again.app.outbox.tick();
      await again.app.outbox.idle();
    }
    expect(copiesTo(ds, "thong-bao-ket-luan-125-", again)).toHaveLength(1);
    expect(conclusionsNotices(again)).toHaveLength(4);
    expect(await org.say("/ketluan")).toContain("Đã gửi 4 đơn vị: 3 đơn vị đã nhận.");
  });

  it("sent for comments while the notices port fails: the planner's round sends each unit asked its draft, once", async () => {
    const { d, ms, nx, vp } = await conferenceEnded();
    closing.push(() => d.stop());
    const c = await signedIn(d);
    const csrf = c.csrf((await c.get("/ban-to-chuc/ket-luan")).body);
    await c.post("/ban-to-chuc/ket-luan/luu", partsForm(csrf, PARTS));
    const restore = failingNotices(d, 1);
    const f = askForm(csrf, ["muong-so", "nam-xe"], "2027-06-24");
    expect((await c.post("/ban-to-chuc/ket-luan/gop-y", f)).status).toBe(500);
    expect(d.app.store.data.conclusions.consultation?.notices).toEqual({});
    restore();
    // Within the minute the action has to file them itself, the planner leaves them alone.
    await d.app.outbox.tick();
    expect(conclusionsNotices(d)).toEqual([]);
    // Then two writers at once (the planner's round, and another filing beside it): each unit still gets one.
    d.clock.set("2027-06-21T02:03:00Z");
    const { services } = d.app;
    const copy = conclusionsCopies(services.conference.conf, services.i18n.forLanguage("vi"), (unitId) => conclusionsDocView(services.conference, services.store.data, unitId));
    const beside = fileOwedConclusionsNotices({ ...services, create: (input) => d.app.outbox.create(input) }, copy, d.clock.now());
    await Promise.all([d.app.outbox.tick(), beside]);
    await d.app.outbox.idle();
    expect(conclusionsNotices(d)).toHaveLength(2);
    for (const p of [ms, nx]) expect(copiesTo(p, "du-thao-ket-luan-", d)).toHaveLength(1);
    expect(copiesTo(vp, "du-thao-ket-luan-", d)).toEqual([]);
    expect(JSON.stringify(copiesTo(ms, "du-thao-ket-luan-", d)[0])).toContain("đề nghị đơn vị góp ý trước ngày 24/6/2027");
    expect(await acknowledge(ms, copiesTo(ms, "du-thao-ket-luan-", d)[0] as Reply[])).toContain("đã xác nhận đã nhận thông báo");
    d.clock.set("2027-06-21T02:04:00Z");
    await d.app.outbox.tick();
    await d.app.outbox.idle();
    expect(conclusionsNotices(d)).toHaveLength(2);
    expect(await d.org.say("/ketluan")).toContain("Đã gửi xin ý kiến 2 đơn vị: 1 đơn vị đã nhận, 0 đơn vị đã góp ý.");
  });
});
