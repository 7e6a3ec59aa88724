// The seed conference, ended: the sample scores imported and published, Mường So's delegate joined,
// the clock the day after the conference (21/6/2027, 09:00 Việt Nam time). Planner rounds by hand.
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../../src/config/paths.js";
import type { IncomingFile } from "../../src/messages/types.js";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";

export const AFTER_CONFERENCE = "2027-06-21T02:00:00Z";
const SAMPLE = path.join(ROOT, "scores", "phong-tho-2023.sample.csv");

export function file(data: Buffer, name: string, kind: IncomingFile["kind"] = "document", mime = "application/octet-stream"): IncomingFile {
  return { kind, name, mime, size: data.length, download: async () => data };
}

/** A small photo as a phone sends it (the bytes are not looked at). */
export const PHOTO = file(Buffer.from("\xff\xd8\xff\xe0 ảnh chụp bảng niêm yết thủ tục hành chính", "latin1"), "niem-yet.jpg", "photo", "image/jpeg");

export interface Ended {
  h: TestApp;
  org: Person;
  muongSo: Person;
}

export async function endedConference(): Promise<Ended> {
  const h = await createTestApp({ now: AFTER_CONFERENCE });
  h.app.outbox.configure({ autoTick: false });
  const org = h.organizer();
  await org.say("/start");
  const muongSo = await h.delegate("Mường So", "Lò Văn Hùng");
  const preview = await org.say("/nhapdiem", { file: file(readFileSync(SAMPLE), "phong-tho-2023.sample.csv", "document", "text/csv") });
  if (!preview.includes("17 đơn vị")) throw new Error(preview);
  await org.say("1");
  await org.say("/congbo");
  const published = await org.say("1");
  if (!published.includes("Đã công bố")) throw new Error(published);
  await h.app.outbox.idle();
  h.sent.length = 0;
  return { h, org, muongSo };
}

/** What the app sent to `p` since `from` (an index in h.sent), joined. */
export function sentTo(h: TestApp, p: Person, from = 0): string[] {
  return h.sent.slice(from).filter((s) => s.account === p.key).map((s) => s.text);
}
