// A long broadcast shows its progress to a Telegram organizer as one message edited in place.
import { afterEach, expect, it } from "vitest";
import { telegramChannel } from "../../src/app/channels.js";
import type { TelegramChannel } from "../../src/channels/telegram/channel.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { seedDelegates } from "../notices/helpers.js";
import { BOT_INFO, fakeTelegram, TOKEN } from "./helpers.js";

let h: TestApp;
let channel: TelegramChannel;
afterEach(async () => {
  await channel.stop();
  await h.close();
});

it("sends the progress once, then edits that message; the final count comes as a new message", async () => {
  h = await createTestApp({ env: { TELEGRAM_BOT_TOKEN: TOKEN } });
  const tg = fakeTelegram();
  channel = telegramChannel(h.app, { botInfo: BOT_INFO, transformers: [tg.transformer] });
  await channel.start();
  await seedDelegates(h.app, 60, "console");
  // The organizer (telegram:9001, in ORGANIZER_IDS) sends the notice from a phone.
  const org = h.person("Cán bộ Phòng Nội vụ", { channel: "telegram", userId: "9001" });
  expect(await org.say("/thongbao tatca | Hội nghị dời sang 8 giờ sáng")).toContain("60");
  await org.say("1");
  await h.app.outbox.idle();

  const toOrganizer = tg.messages(9001).map((c) => String(c.payload.text));
  const progressSent = toOrganizer.filter((t) => t.startsWith("Đang gửi thông báo"));
  const edits = tg.of("editMessageText").filter((c) => Number(c.payload.chat_id) === 9001);
  expect(progressSent).toHaveLength(1);
  expect(edits.length).toBeGreaterThanOrEqual(1);
  for (const e of edits) expect(String(e.payload.text)).toMatch(/^Đang gửi thông báo \w+: \d+\/60 \(\d0%\)/);
  expect(toOrganizer.at(-1)).toContain("gửi được 60, lỗi 0, không liên lạc được 0");
});
