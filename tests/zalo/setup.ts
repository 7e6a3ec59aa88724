// A test app with the Zalo channel started against the fake Zalo server, and a few test-only commands.
import { helpCommand } from "../../commands/help.js";
import { generalCommands, stepTable } from "../../commands/index.js";
import { createCommandLayer } from "../../commands/router.js";
import type { CommandDef } from "../../commands/types.js";
import { startZalo } from "../../src/app/channels.js";
import type { ZaloChannel } from "../../src/channels/zalo/channel.js";
import type { ZaloChannelOptions } from "../../src/channels/zalo/context.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { type FakeZalo, type FakeZaloOptions, startFakeZalo, type ZaloUser } from "./fake-server.js";
import { freePort } from "../helpers/net.js";

/** A reply of about 5,000 characters in lines of 99 characters. */
export const LONG_LINES = Array.from({ length: 51 }, (_, i) => `Dòng ${String(i + 1).padStart(2, "0")} `.padEnd(99, "x"));

/** A 1×1 PNG. */
export const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

/** Commands that exist only in these tests, beside the real general ones. */
function testCommands(): CommandDef[] {
  const def = (name: string, handler: CommandDef["handler"], extra: Partial<CommandDef> = {}): CommandDef => ({
    name,
    aliases: [],
    roles: ["guest"],
    describe: "cmd-help",
    listed: false,
    handler,
    ...extra,
  });
  return [
    def("chon", async () => [
      {
        kind: "choices",
        text: "Đơn vị có tham dự không?",
        choices: [
          { label: "Tham dự", step: { kind: "command.suggested", name: "dachon", args: "thamdu" } },
          { label: "Cử người thay", step: { kind: "command.suggested", name: "dachon", args: "thaythe" } },
          { label: "Vắng mặt", step: { kind: "command.suggested", name: "dachon", args: "vang" } },
        ],
      },
    ]),
    def("dachon", async (ctx) => [{ kind: "text", text: `Đã ghi nhận: ${ctx.args}` }]),
    def("dai", async () => [{ kind: "text", text: LONG_LINES.join("\n") }]),
    def("anh", async () => [{ kind: "photo", name: "bang-diem.png", data: PNG, caption: "Bảng điểm Mường So" }]),
    def("tep", async () => [{ kind: "file", name: "ket-qua.xlsx", mime: "application/octet-stream", data: Buffer.from("xlsx"), caption: "Kết quả chấm điểm" }]),
    def("cham", async () => {
      await new Promise((r) => setTimeout(r, 300));
      return [{ kind: "text", text: "Xong." }];
    }),
    def(
      "nopanh",
      async (ctx) => {
        const f = ctx.req.file;
        if (!f) return [{ kind: "text", text: "Chưa có ảnh." }];
        const data = await f.download();
        return [{ kind: "text", text: `Nhận ảnh ${f.name} (${f.mime}), ${data.length} byte, ghi chú: ${ctx.args || "không"}` }];
      },
      { accepts: { kinds: ["photo"], mimes: ["image/jpeg"], maxBytes: 5_000_000 } },
    ),
  ];
}

export interface ZaloTest {
  h: TestApp;
  fake: FakeZalo;
  channel: ZaloChannel;
  /** A Zalo user with a fresh id. */
  user(name: string): ZaloUser;
  /** Stops the channel and closes the app (not the fake). */
  stop(): Promise<void>;
  /** Stops everything. */
  close(): Promise<void>;
}

let users = 0;

export async function startZaloTest(
  options: {
    webhook?: boolean;
    env?: Record<string, string>;
    dir?: string;
    fake?: FakeZalo;
    /** Options of the fake this test starts (e.g. `{ real: true }`). */
    fakeOptions?: FakeZaloOptions;
    /** The app's own command layer (every real command) instead of the test layer. */
    fullBot?: boolean;
    now?: string;
    channel?: ZaloChannelOptions;
  } = {},
): Promise<ZaloTest> {
  const fake = options.fake ?? (await startFakeZalo(options.fakeOptions));
  const env: Record<string, string> = { ZALO_BOT_TOKEN: fake.token, ZALO_API_ROOT: fake.url, ZALO_SEND_RATE: "50", ...options.env };
  if (options.webhook) {
    const port = await freePort();
    // The real service takes https URLs only (a TLS proxy would stand in front of the bot).
    const scheme = fake.real ? "https" : "http";
    Object.assign(env, { PORT: String(port), PUBLIC_URL: `${scheme}://127.0.0.1:${port}`, ZALO_WEBHOOK_SECRET: "bi-mat-webhook-2027" });
  }
  const h = await createTestApp({ env, dir: options.dir, now: options.now });
  const bot = options.fullBot ? h.app.bot : createCommandLayer(h.app.services, [...generalCommands, helpCommand(() => []), ...testCommands()], { steps: stepTable });
  const channel = await startZalo(h.app, {
    bot,
    pollTimeoutSeconds: 1,
    // Quick tests: the default (1 s) is what tests/zalo/real-service.test.ts checks.
    minPollIntervalMs: 20,
    backoff: { initialMs: 20, maxMs: 200 },
    stopGraceMs: 5000,
    ...options.channel,
  });
  if (!channel) throw new Error("Zalo channel did not start");
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await channel.stop();
    await h.close();
  };
  return {
    h,
    fake,
    channel,
    user: (name) => ({ id: `zu${(++users).toString(16).padStart(4, "0")}a7f3c9e1`, name }),
    stop,
    async close() {
      await stop();
      if (!options.fake) await fake.close();
    },
  };
}
