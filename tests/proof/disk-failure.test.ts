// A disk that fails a write: the person is told the change was not saved, and nothing is half-written.
import { readFile } from "node:fs/promises";
import type * as fsp from "node:fs/promises";
import { afterEach, expect, it } from "vitest";
import { type FileOps, realFileOps } from "../../storage/durable-file.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { conferenceFile } from "../helpers/conference-store.js";

let h: TestApp | undefined;
afterEach(async () => {
  await h?.close();
});

it("refuses an organizer's /datlich when the disk is full, keeps the old state, and works again after", async () => {
  const disk = { full: false };
  const ops: FileOps = {
    ...realFileOps,
    open: (async (...args: Parameters<typeof fsp.open>) => {
      if (disk.full && String(args[0]).endsWith(".tmp")) {
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      }
      return realFileOps.open(...args);
    }) as typeof fsp.open,
  };
  h = await createTestApp({ fileOps: ops });
  const org = h.organizer();
  await org.say("/start");
  // The time and place are the conference's own: its file holds them.
  const file = conferenceFile(h.app.store.file, h.app.conferences.primary.id);
  const before = await readFile(file);

  disk.full = true;
  const reply = await org.say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện");
  expect(reply).toBe("Chưa lưu được thay đổi do lỗi hệ thống; thông tin của đồng chí chưa được ghi nhận. Vui lòng thử lại sau ít phút.");
  expect(h.app.store.data.schedule.sequence).toBe(0);
  expect(await readFile(file)).toEqual(before);
  expect(await h.person("Khách").say("/chuongtrinh")).toContain("Thời gian: sẽ thông báo sau");

  disk.full = false;
  expect(await org.say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện")).toContain("Đã lưu");
  const onDisk = JSON.parse(await readFile(file, "utf8"));
  expect(onDisk.conferences[h.app.conferences.primary.id].schedule.place).toBe("Hội trường UBND huyện");
});
