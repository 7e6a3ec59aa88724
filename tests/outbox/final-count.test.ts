// Báo cáo cuối cùng đúng sự thật: chỉ gửi khi mọi lượt gửi trên mọi kênh đã cấu hình đã xong, kể cả sau khi khởi động lại; số liệu đổi sau đó thì có "Cập nhật: …".
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/messages/types.js";
import { type App, createApp } from "../../src/app/app.js";
import { loadConfig } from "../../src/app/config.js";
import { createCapturingLogger } from "../../src/lib/logger.js";
import { fakeClock } from "../../src/lib/time.js";
import { DeliveryError } from "../../src/outbox/notifier.js";
import type { Channel, } from "../../storage/schema.js";
import { seedDelegates, states } from "../notices/helpers.js";
import { readStoreFilesSync } from "../../storage/layout.js";

const ORG = "telegram:9001";
const apps: App[] = [];
const dirs: string[] = [];
/** Sends a test leaves hanging while `holding`: all answered at the end (and any later one at once), so the app can close. */
const hanging: Array<() => void> = [];
let holding = false;
afterEach(async () => {
  holding = false;
  for (const release of hanging.splice(0)) release();
  for (const a of apps.splice(0)) await a.close().catch(() => {});
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** An app on `dir` with the channels of `env` configured, and no channel running until told. */
async function open(dir: string, env: Record<string, string>): Promise<{ app: App; told: string[]; run(channel: Channel): void; got: string[] }> {
  const config = loadConfig({ DATA_DIR: dir, ORGANIZER_IDS: `${ORG},console:org-1`, LOG_LEVEL: "debug", ...env });
  const { logger } = createCapturingLogger();
  const app = await createApp({ config, clock: fakeClock("2027-05-01T02:00:00Z"), logger });
  apps.push(app);
  const told: string[] = [];
  const got: string[] = [];
  const text = (replies: Reply[]) => replies.map((r) => ("text" in r ? r.text : "")).join("\n");
  return {
    app,
    told,
    got,
    run(channel) {
      app.notifier.register(channel, async (account, replies) => {
        if (account.key === ORG) told.push(text(replies));
        else got.push(account.key);
      });
    },
  };
}

async function organizerBroadcasts(app: App, body: string): Promise<string> {
  const say = (text: string) => app.bot.handle({ channel: "telegram", userId: "9001", chatId: "9001", displayName: "Cán bộ Phòng Nội vụ", text });
  await say(`/thongbao tatca | ${body}`);
  await say("1");
  const n = app.store.data.notices.filter((x) => x.kind === "broadcast").at(-1);
  if (!n) throw new Error("no notice");
  return n.id;
}

/** A copy of a data folder as a SIGKILL would leave it (the first app still holds its lock). */
/**
 * The folder as a kill would leave it, while the first app still runs: taken once its store has
 * written what it changed (a change of several files passes through a commit record that comes and
 * goes); a file that vanished under the copy means a write began meanwhile, and the copy is taken again.
 */
async function copyDir(dir: string, store: { flush(): Promise<void> }): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    await store.flush();
    const d = await tempDir();
    try {
      // Not the lock (the first app holds it) nor a temp file of a write under way (it comes and goes).
      await cp(dir, d, { recursive: true, filter: (src) => !src.endsWith(".lock") && !src.endsWith(".tmp") });
      return d;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT" || attempt >= 20) throw err;
    }
  }
}

async function tempDir(): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), "hoinghi-final-"));
  dirs.push(d);
  return d;
}

describe("the final count", () => {
  it("waits for every configured channel, also across a restart: one true report, no 'kênh chưa chạy'", async () => {
    const dir = await tempDir();
    const env = { TELEGRAM_BOT_TOKEN: "123456:test-token", ZALO_BOT_TOKEN: "1234:zalo-secret" };
    const first = await open(dir, env);
    first.run("telegram");
    await seedDelegates(first.app, 4, "telegram", 5000);
    await seedDelegates(first.app, 4, "zalo", "z");
    const id = await organizerBroadcasts(first.app, "Họp trù bị chiều nay");
    await first.app.outbox.idle();
    // Telegram is done, Zalo (configured) has not run: no count yet.
    expect(states(first.app, id)).toEqual({ sent: 4, pending: 4 });
    expect(first.told.filter((t) => t.includes("Đã gửi xong"))).toEqual([]);
    await first.app.close();
    apps.splice(apps.indexOf(first.app), 1);

    // Restart: Telegram comes up first, then Zalo.
    const second = await open(dir, env);
    second.run("telegram");
    await second.app.outbox.idle();
    expect(second.told.filter((t) => t.includes("Đã gửi xong"))).toEqual([]);
    second.run("zalo");
    await second.app.outbox.idle();
    expect(states(second.app, id)).toEqual({ sent: 8 });
    const reports = second.told.filter((t) => t.includes("Đã gửi xong"));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain("gửi được 8, lỗi 0, không liên lạc được 0 (tổng 8 tài khoản)");
    expect(reports[0]).not.toContain("kênh chưa chạy");
  });

  it("is corrected with 'Cập nhật: …' when a delivery on a channel that was not running is sent later", async () => {
    const dir = await tempDir();
    const h = await open(dir, { TELEGRAM_BOT_TOKEN: "123456:test-token" });
    h.run("telegram");
    await seedDelegates(h.app, 3, "telegram", 7000);
    await seedDelegates(h.app, 1, "console", "c");
    const id = await organizerBroadcasts(h.app, "Đề nghị nộp báo cáo");
    await h.app.outbox.idle();
    // The console is neither running nor configured: the count is told, with the one waiting.
    const first = h.told.filter((t) => t.includes("Đã gửi xong"));
    expect(first).toHaveLength(1);
    expect(first[0]).toContain("gửi được 3, lỗi 0, không liên lạc được 0 (tổng 4 tài khoản)");
    expect(first[0]).toContain("Còn 1 tài khoản chờ gửi (kênh chưa chạy).");
    expect(h.told.some((t) => t.startsWith("Cập nhật:"))).toBe(false);

    h.run("console");
    await h.app.outbox.idle();
    expect(states(h.app, id)).toEqual({ sent: 4 });
    const updates = h.told.filter((t) => t.startsWith("Cập nhật:"));
    expect(updates).toHaveLength(1);
    expect(updates[0]).toContain("gửi được 4, lỗi 0, không liên lạc được 0 (tổng 4 tài khoản)");
    expect(updates[0]).not.toContain("chờ gửi");
    // Nothing changes further: no second correction.
    await h.app.outbox.idle();
    expect(h.told.filter((t) => t.startsWith("Cập nhật:"))).toHaveLength(1);
  });

  it("reaches the organizer although the platform refused it twice: the count is a notice of its own, retried, told once", async () => {
    const dir = await tempDir();
    const h = await open(dir, { TELEGRAM_BOT_TOKEN: "123456:test-token" });
    h.app.outbox.configure({ delayScale: 0.001 });
    await seedDelegates(h.app, 3, "telegram", 7100);
    let refusals = 0;
    h.app.notifier.register("telegram", async (account, replies) => {
      const text = replies.map((r) => ("text" in r ? r.text : "")).join("\n");
      if (account.key !== ORG) return void h.got.push(account.key);
      if (text.includes("Đã gửi xong") && refusals < 2) {
        refusals += 1;
        throw new DeliveryError("transient", "Internal Server Error");
      }
      h.told.push(text);
    });
    const id = await organizerBroadcasts(h.app, "Họp trù bị chiều nay");
    await h.app.outbox.idle();
    expect(states(h.app, id)).toEqual({ sent: 3 });
    expect(refusals).toBe(2);
    const reports = h.told.filter((t) => t.includes("Đã gửi xong"));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain("gửi được 3, lỗi 0, không liên lạc được 0 (tổng 3 tài khoản)");
  });

  it("filed but not yet sent when the process died: told after the restart, once", async () => {
    const dir = await tempDir();
    const env = { TELEGRAM_BOT_TOKEN: "123456:test-token" };
    const first = await open(dir, env);
    await seedDelegates(first.app, 2, "telegram", 7200);
    // The organizer's chat answers nothing: the count is filed, its send hangs when the process "dies".
    holding = true;
    first.app.notifier.register("telegram", async (account) => {
      if (account.key === ORG && holding) return new Promise<void>((resolve) => hanging.push(resolve));
      if (account.key === ORG) return;
      first.got.push(account.key);
    });
    const id = await organizerBroadcasts(first.app, "Đề nghị nộp báo cáo");
    // The file on disk as a kill would leave it once the count is filed: its message to the organizer pending.
    const fileNow = async () => readStoreFilesSync(dir);
    let onDisk = await fileNow();
    for (let i = 0; i < 300 && !onDisk.notices.find((n) => n.id === id)?.reportedAt; i++) {
      await new Promise((r) => setTimeout(r, 10));
      onDisk = await fileNow();
    }
    expect(onDisk.notices.find((n) => n.id === id)?.reportedAt).toBeDefined();
    expect(first.told).toEqual([]);
    const report = onDisk.notices.find((n) => n.kind === "result" && onDisk.deliveries.some((d) => d.noticeId === n.id && d.account === ORG));
    expect(report?.text).toContain("Đã gửi xong");
    expect(onDisk.deliveries.find((d) => d.noticeId === report?.id)?.state).toBe("pending");

    const second = await open(await copyDir(dir, first.app.store), env);
    second.run("telegram");
    await second.app.outbox.idle();
    const reports = second.told.filter((t) => t.includes("Đã gửi xong"));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain("gửi được 2, lỗi 0, không liên lạc được 0 (tổng 2 tài khoản)");
  });
});
