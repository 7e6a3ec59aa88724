// A Zalo commune's upload link belongs to the conference it was given in (issue 26): a Word file sent
// through the 2025 link becomes 2025's speech, never 2023's; a link of a closed conference keeps nothing.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { DOCX_MIME, formWith, speechDocx, uploadPath, uploadRoot } from "../upload/helpers.js";
import { ID_2025, write2025 } from "./helpers.js";

const PUBLIC = "https://hoinghi.phongtho.example";

let h: TestApp | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("liên kết nộp tệp thuộc hội nghị đã cấp nó", () => {
  it("xã Mường So (chỉ có Zalo) nộp tham luận năm 2025 qua liên kết: thành bản 1 của năm 2025; liên kết của hội nghị 2023 đã kết thúc không nhận gì", async () => {
    h = await createTestApp({ env: { PUBLIC_URL: PUBLIC, TELEGRAM_BOT_TOKEN: "", ZALO_BOT_TOKEN: "" } });
    const root = uploadRoot(h);
    const org = h.organizer();
    const ms = await h.delegate("Mường So", "Lò Văn Sáu", { channel: "zalo", userId: "zalo-muong-so" });
    const link2023 = uploadPath(await ms.say("/thamluan"));
    await h.app.conferences.add(await write2025(h.dir), org.key);
    await h.app.outbox.idle();
    await ms.say("/hoinghi 2");
    const link2025 = uploadPath(await ms.say("/thamluan"));
    expect(link2025).not.toBe(link2023);

    const docx = await speechDocx();
    const post = (link: string) => root.request(`${PUBLIC}${link}`, { method: "POST", body: formWith([{ name: "tham-luan-2025.docx", type: DOCX_MIME, data: docx }]) });
    const res = await post(link2025);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Đã nhận tham luận của UBND xã Mường So: bản 1");
    const speech = (id: string) => h?.app.conferences.get(id)?.store.data.speeches["muong-so"]?.versions ?? [];
    expect(speech(ID_2025)).toHaveLength(1);
    expect(speech("phong-tho-2023")).toHaveLength(0);

    // 2023 closed: its link shows the page but keeps nothing, in one sentence.
    expect(await org.say("/hoinghi dong 1")).toContain("Kết thúc");
    await org.say("1");
    const late = await post(link2023);
    expect(late.status).toBe(400);
    expect(await late.text()).toContain("Hội nghị Chỉ số CCHC năm 2023 đã kết thúc: thông tin chỉ để xem");
    expect(speech("phong-tho-2023")).toHaveLength(0);
  });
});
