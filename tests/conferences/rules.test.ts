// The rules of the conferences one bot serves (src/domain/conferences.ts), each refusal in its own words and changing nothing.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { addConference, askConference, chooseConference, closeConference, concerning, conferenceList, MAX_WAITING, pickFor, waitingFor } from "../../src/domain/conferences.js";
import { UserError } from "../../src/domain/errors.js";
import type { Account, WaitingMessage } from "../../storage/schema.js";
import { openStore, type RootStore } from "../../storage/store.js";
import { plainAccount, storeSchema } from "../../storage/validate.js";

const NOW = new Date("2027-05-01T02:00:00Z");
let root: RootStore | undefined;
let dir = "";
afterEach(async () => {
  await root?.close();
  root = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function twoConferences(): Promise<RootStore> {
  dir = await mkdtemp(path.join(tmpdir(), "hoinghi-rules-"));
  root = await openStore({ dir });
  await addConference(root, { id: "phong-tho-2023", file: "a.yaml", title: "Hội nghị Chỉ số CCHC năm 2023" }, undefined, NOW);
  await addConference(root, { id: "phong-tho-2025", file: "b.yaml", title: "Hội nghị Chỉ số CCHC năm 2025" }, "console:org-1", new Date("2027-05-02T02:00:00Z"));
  return root;
}

const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(UserError);
  return (err as UserError).key;
};

const delegate = (unitId?: string): Account => ({ key: "zalo:ms", channel: "zalo", userId: "ms", chatId: "ms", displayName: "Lò Văn Sáu", language: "vi", ...(unitId && { unitId }) });

describe("các hội nghị của một bot", () => {
  it("một mã hội nghị chỉ thêm một lần; hội nghị đã kết thúc không kết thúc lại; không có tài khoản thì không ghi nhớ lựa chọn; mỗi lần từ chối không đổi gì", async () => {
    const r = await twoConferences();
    const before = JSON.stringify(r.data);
    expect(await refusal(addConference(r, { id: "phong-tho-2025", file: "c.yaml", title: "khác" }, undefined, NOW))).toBe("conference-exists");
    expect(await refusal(chooseConference(r, "telegram:9001", "phong-tho-2025"))).toBe("conference-choose-no-account");
    expect(JSON.stringify(r.data)).toBe(before);

    await closeConference(r, "phong-tho-2023", "console:org-1", NOW, "/data/conferences/phong-tho-2023.closed.yaml");
    const closed = JSON.stringify(r.data);
    expect(await refusal(closeConference(r, "phong-tho-2023", "console:org-1", NOW, "x"))).toBe("conference-already-closed");
    expect(await refusal(closeConference(r, "khong-co", "console:org-1", NOW, "x"))).toBe("conference-unknown");
    expect(JSON.stringify(r.data)).toBe(closed);
    // Running first, then closed.
    expect(conferenceList(r.data).map((c) => [c.id, c.status])).toEqual([
      ["phong-tho-2025", "running"],
      ["phong-tho-2023", "closed"],
    ]);
  });

  it("đổi hội nghị thì câu hỏi đang mở của hội nghị cũ kết thúc; chọn lại đúng hội nghị đang làm thì giữ nguyên", async () => {
    const r = await twoConferences();
    await r.mutate((d) => {
      d.accounts["zalo:ms"] = { ...delegate("muong-so"), conference: "phong-tho-2023" };
      d.sessions["zalo:ms"] = { awaiting: { step: { kind: "speak.topic" }, prompt: "speak-ask-topic", offeredAt: NOW.toISOString() } };
    });
    await chooseConference(r, "zalo:ms", "phong-tho-2023");
    expect(r.data.sessions["zalo:ms"]?.awaiting?.step.kind).toBe("speak.topic");
    await chooseConference(r, "zalo:ms", "phong-tho-2025");
    expect(r.data.sessions["zalo:ms"]).toBeUndefined();
    expect(r.data.accounts["zalo:ms"]?.conference).toBe("phong-tho-2025");
  });

  it("hội nghị của một người: người được mời dự một thì là hội nghị đó; hai thì hỏi, tới khi chọn; Ban tổ chức liên quan mọi hội nghị", () => {
    const running = [
      { id: "a", invites: (u: string) => u === "muong-so" || u === "nam-xe" },
      { id: "b", invites: (u: string) => u === "muong-so" },
    ];
    expect(concerning(running, delegate("nam-xe"), false)).toEqual(["a"]);
    expect(pickFor(concerning(running, delegate("nam-xe"), false), delegate("nam-xe"))).toEqual({ kind: "one", id: "a" });
    expect(pickFor(concerning(running, delegate("muong-so"), false), delegate("muong-so"))).toEqual({ kind: "ask", ids: ["a", "b"] });
    expect(pickFor(["a", "b"], { ...delegate("muong-so"), conference: "b" })).toEqual({ kind: "one", id: "b" });
    // A choice of a conference no longer running is asked again.
    expect(pickFor(["a"], { ...delegate("muong-so"), conference: "b" })).toEqual({ kind: "one", id: "a" });
    expect(concerning(running, delegate("sin-suoi-ho"), false)).toEqual([]);
    expect(concerning(running, delegate("sin-suoi-ho"), true)).toEqual(["a", "b"]);
  });
});

describe("những gì chờ câu trả lời “hội nghị nào?”", () => {
  const BOTH = ["phong-tho-2023", "phong-tho-2025"];
  const at = (minute: number) => new Date(Date.UTC(2027, 4, 2, 3, minute)).toISOString();
  const page: WaitingMessage["file"] = { kind: "photo", name: "trang-1.jpg", mime: "image/jpeg", size: 12, path: "files/cho-chon-hoi-nghi-0a1b2c3d.jpg", url: "https://zalo.example/p/1.jpg" };
  const ask = (r: RootStore, m: WaitingMessage | undefined) => askConference(r, "zalo:ms", BOTH, m, NOW);

  it("lời gõ liền sau lời gõ thay nó; tệp và nút bấm được thêm theo thứ tự; quá MAX_WAITING tin thì không giữ", async () => {
    const r = await twoConferences();
    await r.mutate((d) => {
      d.accounts["zalo:ms"] = delegate("muong-so");
    });
    expect(await ask(r, { text: "/chuongtrinh", at: at(0) })).toBe(true);
    expect(await ask(r, { text: "/thamluan", at: at(1) })).toBe(true);
    expect(await ask(r, { file: page, at: at(2) })).toBe(true);
    expect(await ask(r, { press: { setId: "a1b2c3d4", index: 1, label: "Tham dự" }, at: at(3) })).toBe(true);
    expect(await ask(r, { text: "/xong", at: at(4) })).toBe(true);
    // A message that keeps nothing (a sticker) leaves what waits as it was.
    expect(await ask(r, undefined)).toBe(false);
    const asked = r.data.accounts["zalo:ms"]?.conferenceAsked;
    expect(waitingFor(asked).map((m) => m.text ?? m.file?.name ?? m.press?.label)).toEqual(["/thamluan", "trang-1.jpg", "Tham dự", "/xong"]);
    // What the store writes passes its schema at start-up (the plain check leaves a question to zod).
    const account = r.data.accounts["zalo:ms"];
    expect(plainAccount(account)).toBe(false);
    expect(storeSchema().shape.accounts.valueType.safeParse(account).success).toBe(true);
    const badPress = { ...account, conferenceAsked: { ...asked, waiting: [{ press: { setId: "a1b2c3d4", index: 0 }, at: at(0) }] } };
    expect(storeSchema().shape.accounts.valueType.safeParse(badPress).success).toBe(false);

    for (let i = 0; i < MAX_WAITING; i++) await ask(r, { file: { ...page, name: `trang-${i + 2}.jpg` }, at: at(5) });
    expect(waitingFor(r.data.accounts["zalo:ms"]?.conferenceAsked)).toHaveLength(MAX_WAITING);
    expect(await ask(r, { text: "/dangky", at: at(6) })).toBe(false);
  });

  it("chọn xong thì trả lại các tin đang chờ (tin của tệp dữ liệu cũ trước tiên) và kết thúc lựa chọn mở trước khi hội nghị được chọn ra đời; bản tham luận đang soạn vẫn giữ", async () => {
    const r = await twoConferences();
    const added2025 = r.data.conferences["phong-tho-2025"]?.addedAt ?? "";
    const before = new Date(Date.parse(added2025) - 60_000).toISOString();
    const after = new Date(Date.parse(added2025) + 60_000).toISOString();
    await r.mutate((d) => {
      d.accounts["zalo:ms"] = { ...delegate("muong-so"), conferenceAsked: { ids: BOTH, text: "/dangky", at: after, waiting: [{ file: page, at: after }] } };
      d.sessions["zalo:ms"] = {
        choices: { setId: "a1b2c3d4", steps: [{ kind: "rsvp.answer", seat: "chair", status: "attend" }], labels: ["Tham dự"], offeredAt: before },
        awaiting: { step: { kind: "speech.collect" }, prompt: "speech-how", offeredAt: before },
        collecting: { kind: "speech", parts: ["Phần một"], startedAt: before },
      };
    });
    const waiting = await chooseConference(r, "zalo:ms", "phong-tho-2025");
    expect(waiting.map((m) => m.text ?? m.file?.name)).toEqual(["/dangky", "trang-1.jpg"]);
    expect(r.data.accounts["zalo:ms"]?.conferenceAsked).toBeUndefined();
    expect(r.data.sessions["zalo:ms"]?.choices).toBeUndefined();
    expect(r.data.sessions["zalo:ms"]?.collecting?.parts).toEqual(["Phần một"]);
    expect(r.data.sessions["zalo:ms"]?.awaiting?.step.kind).toBe("speech.collect");

    // Choices offered after the chosen conference was added stay open.
    await r.mutate((d) => {
      const a = d.accounts["zalo:ms"];
      if (a) delete a.conference;
      d.sessions["zalo:ms"] = { choices: { setId: "e5f6a7b8", steps: [{ kind: "rsvp.answer", seat: "chair", status: "attend" }], labels: ["Tham dự"], offeredAt: after } };
    });
    expect(await chooseConference(r, "zalo:ms", "phong-tho-2025")).toEqual([]);
    expect(r.data.sessions["zalo:ms"]?.choices?.setId).toBe("e5f6a7b8");
  });
});
