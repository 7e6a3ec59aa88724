// The rules of the conferences one bot serves (src/domain/conferences.ts), each refusal in its own words and changing nothing.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { addConference, chooseConference, closeConference, concerning, conferenceList, pickFor } from "../../src/domain/conferences.js";
import { UserError } from "../../src/domain/errors.js";
import type { Account } from "../../storage/schema.js";
import { openStore, type RootStore } from "../../storage/store.js";

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
