// Conversation steps are typed values kept in the store: xã Mường So writes its speech through the
// step that collects it, a step the store no longer vouches for is stale and changes nothing, a store
// written before steps keeps what each person had open, and the one dispatch table knows every kind.
import { rm } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { createBot, stepTable } from "../../commands/index.js";
import { parseStep, STEP_KINDS, type StepTable } from "../../commands/steps.js";
import { stepOfLine } from "../../storage/migration-steps.js";
import { SCHEMA_VERSION } from "../../storage/schema.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { reopenBeforeSteps } from "./helpers.js";

const STALE = "Lựa chọn này không còn hiệu lực. Vui lòng gõ lại lệnh để xem các lựa chọn mới.";

let h: TestApp | undefined;
const keep: string[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const dir of keep.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The store as a snapshot: what a refusal must leave exactly as it was. */
const snapshot = (app: TestApp) => JSON.stringify(app.app.store.data);

describe("xã Mường So nộp tham luận qua bước thu nhận", () => {
  it("three messages are three parts of one draft; /xong files them as version 1 and the step ends", async () => {
    h = await createTestApp();
    const ms = await h.delegate("Mường So", "Lò Văn Sáu");
    expect(await ms.say("/thamluan")).toContain("Cách nộp");
    expect(h.app.store.data.sessions[ms.key]?.awaiting?.step).toEqual({ kind: "speech.collect" });

    expect(await ms.say("Kính thưa các đồng chí, xã Mường So báo cáo kết quả cải cách hành chính năm 2026.")).toContain("Đã nhận phần 1");
    expect(await ms.say("1. Bộ phận một cửa đã tiếp nhận 1.245 hồ sơ, đúng hạn 98%.")).toContain("Đã nhận phần 2");
    // A number typed now is speech text, not a pick from earlier choices.
    expect(await ms.say("2")).toContain("Đã nhận phần 3");
    expect(h.app.store.data.sessions[ms.key]?.collecting?.parts).toHaveLength(3);

    expect(await ms.say("/xong")).toContain("Đã nhận tham luận của UBND xã Mường So: bản 1");
    const v1 = h.app.store.data.speeches["muong-so"]?.versions[0];
    expect(v1?.text).toBe(
      "Kính thưa các đồng chí, xã Mường So báo cáo kết quả cải cách hành chính năm 2026.\n\n1. Bộ phận một cửa đã tiếp nhận 1.245 hồ sơ, đúng hạn 98%.\n\n2",
    );
    // Draft and step are gone together: the next plain message is a question again, not a part.
    expect(h.app.store.data.sessions[ms.key]?.awaiting).toBeUndefined();
    expect(h.app.store.data.sessions[ms.key]?.collecting).toBeUndefined();
    expect(await ms.say("Cảm ơn")).not.toContain("Đã nhận phần");
  });

  it("the choices after a version are steps: 'Nộp bản mới' asks for the text, 'Rút bản 1' asks to confirm", async () => {
    h = await createTestApp();
    const ms = await h.delegate("Mường So");
    await ms.say("/thamluan Bản 1.");
    expect(await ms.say("/thamluan")).toContain("1. Nộp bản mới");
    expect(h.app.store.data.sessions[ms.key]?.choices?.steps).toEqual([{ kind: "speech.new" }, { kind: "speech.withdraw.ask" }]);
    expect(await ms.press(2)).toContain("Đồng chí có chắc muốn rút tham luận bản 1");
    expect(h.app.store.data.sessions[ms.key]?.choices?.steps).toEqual([{ kind: "speech.withdraw", version: 1 }, { kind: "speech.withdraw.keep" }]);
    expect(await ms.say("2")).toContain("Đã giữ nguyên tham luận bản 1");
    expect(h.app.store.data.speeches["muong-so"]?.withdrawals).toBeUndefined();
  });
});

describe("the organizers' and the units' other choices are steps too", () => {
  it("a move to another unit is asked with join.move / join.stay; /mamoi's removals are invites.remove", async () => {
    h = await createTestApp();
    const ms = await h.delegate("Mường So", "Lò Văn Sáu");
    const code = (await h.code("nam-xe")).replace(/[^0-9A-Z]/g, "");
    expect(await ms.say(`/start ${code}`)).toContain("Đồng chí có muốn chuyển sang UBND xã Nậm Xe không?");
    expect(h.app.store.data.sessions[ms.key]?.choices?.steps).toEqual([{ kind: "join.move", code }, { kind: "join.stay" }]);
    expect(await ms.say("2")).toContain("UBND xã Mường So");
    expect(h.app.store.data.accounts[ms.key]?.unitId).toBe("muong-so");

    const org = h.organizer();
    await org.say("/start");
    expect(await org.say("/mamoi Mường So")).toContain("1. Gỡ tài khoản số 1: Lò Văn Sáu");
    expect(h.app.store.data.sessions[org.key]?.choices?.steps).toEqual([{ kind: "invites.remove", unit: "muong-so", account: ms.key }]);
    expect(await org.say("1")).toContain("Đã gỡ 1 tài khoản khỏi UBND xã Mường So: Lò Văn Sáu.");
    expect(h.app.store.data.accounts[ms.key]?.unitId).toBeUndefined();
  });
});

describe("a step the store no longer vouches for", () => {
  it("a malformed stored choice answers 'choice-stale' and changes nothing", async () => {
    h = await createTestApp();
    const ms = await h.delegate("Mường So");
    await ms.say("/thamluan Bản 1.");
    await ms.say("/thamluan rut");
    const choices = h.app.store.data.sessions[ms.key]?.choices;
    if (!choices) throw new Error("no choices offered");
    // The confirmation lost its version (a hand-edited file, a program of another version).
    await h.app.store.mutate((d) => {
      const c = d.sessions[ms.key]?.choices;
      if (c) c.steps = [{ kind: "speech.withdraw", version: "một" }, { kind: "speech.withdraw.kep" }];
    });
    const before = snapshot(h);
    expect(await ms.say("1")).toBe(STALE);
    expect(await ms.say("2")).toBe(STALE);
    expect(await ms.press(1)).not.toContain("Đã rút");
    expect(snapshot(h)).toBe(before);
  });

  it("a malformed waiting step answers 'choice-stale' to the text typed, and changes nothing", async () => {
    h = await createTestApp();
    const nx = await h.delegate("Nậm Xe");
    await nx.say("/phatbieu");
    await h.app.store.mutate((d) => {
      const a = d.sessions[nx.key]?.awaiting;
      if (a) a.step = { kind: "speak.topik" };
    });
    const before = snapshot(h);
    expect(await nx.say("Kết quả số hóa hồ sơ một cửa")).toBe(STALE);
    expect(snapshot(h)).toBe(before);
    expect(h.app.store.data.speakers).toEqual([]);
  });
});

describe("a store written before steps (the schema version before them)", () => {
  it("is migrated: '1' still does what was offered, and the question waiting still takes its answer", async () => {
    const first = await createTestApp();
    h = first;
    const ms = await first.delegate("Mường So", "Lò Văn Sáu");
    const nx = await first.delegate("Nậm Xe", "Tẩn Văn Chù");
    const ht = await first.delegate("Bản Lang", "Lò Thị Hoa");
    await ms.say("/thamluan Bản 1.");
    keep.push(first.dir);
    h = undefined;

    // What the version before steps kept: command lines.
    const at = "2027-05-01T02:00:00.000Z";
    h = await reopenBeforeSteps(first, {
      [ms.key]: { choices: { setId: "a1b2c3d4", commands: ["/thamluan_moi", "/thamluan rut"], labels: ["Nộp bản mới", "Rút bản 1"], offeredAt: at } },
      [nx.key]: { awaiting: { command: "/phatbieu dangky", prompt: "speak-ask-topic", offeredAt: at } },
      [ht.key]: { awaiting: { command: "/dangky chair thamdu", prompt: "rsvp-ask-name", offeredAt: at } },
    });
    expect(h.app.store.data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(h.app.store.data.sessions[ms.key]?.choices?.steps).toEqual([{ kind: "speech.new" }, { kind: "speech.withdraw.ask" }]);
    expect(h.app.store.data.sessions[nx.key]?.awaiting?.step).toEqual({ kind: "speak.topic" });
    // /dangky's question, asked as a command line, waits as the typed question for the name.
    expect(h.app.store.data.sessions[ht.key]?.awaiting?.step).toEqual({ kind: "rsvp.name", seat: "chair", status: "attend" });

    const msAgain = h.person("Lò Văn Sáu", { userId: ms.userId });
    expect(await msAgain.say("1")).toContain("Đồng chí vui lòng gửi nội dung bản mới");
    const nxAgain = h.person("Tẩn Văn Chù", { userId: nx.userId });
    expect(await nxAgain.say("Kết quả số hóa hồ sơ một cửa")).toContain("Đã đăng ký phát biểu cho UBND xã Nậm Xe");
    const htAgain = h.person("Lò Thị Hoa", { userId: ht.userId });
    expect(await htAgain.say("Lò Thị Hoa")).toContain("Đã ghi nhận: UBND xã Bản Lang, vị trí Chủ tịch UBND xã: tham dự, Lò Thị Hoa.");
  });

  it("every line the migration knows becomes its typed step; any other command runs as a suggested command, anything else is an expired choice", () => {
    const known = [
      "/thamluan_phan",
      "/thamluan_moi",
      "/thamluan_moi v2",
      "/thamluan_moi v2 Nội dung bản mới.",
      "/thamluan_moi giu",
      "/thamluan rut",
      "/thamluan_rut v3",
      "/thamluan_rut giu",
      "/phatbieu dangky",
      "/phatbieu rut 0badcafe",
      "/start 7KQ2MX9D4R chuyen",
      "/start",
      "/datlich",
      "/datlich sualai",
      "/datlich vanluu 2027-06-20 14:00 | Hội trường UBND huyện",
      "/datlich vanluu  | Hội trường UBND huyện",
      "/mamoi go muong-so tatca",
      "/mamoi go muong-so telegram:900",
      "/dangky chair",
      "/dangky chair thamdu ?",
      "/dangky cchc vang Đi công tác tỉnh",
      "/dangky cchc thay",
      "/diemdanh K7Q2MX @chair",
      "/nhacnho dangky",
      "/nhacnho thamluan",
      // Notices, scores and /duyet.
      "/thongbao",
      "/tbchon ab12cd xa",
      "/tbchon ab12cd donvi",
      "/tbluc ab12cd",
      "/tbgui ab12cd",
      "/tbhuy ab12cd",
      "/tbguilai ab12cd",
      "/tbguiloi ab12cd",
      "/tbdoilich 3",
      "/tbdoilich 3 khong",
      "/danhan ab12cd",
      "/diem",
      "/nhapdiem",
      "/nhapdiem xacnhan 0f8c2e4a-1b2c-4d5e-8f90-a1b2c3d4e5f6",
      "/nhapdiem huy chat-1",
      "/congbo xacnhan 2027-04-01T00:00:00.000Z",
      "/congbo guilai",
      "/congbo huy",
      "/duyet muong-so",
      "/duyet muong-so v1 chapnhan",
      "/duyet muong-so v1 sua",
    ];
    for (const line of known) {
      const step = stepOfLine(line);
      expect(step.kind, line).not.toBe("command.suggested");
      expect(parseStep(step), line).toEqual(step);
    }
    expect(stepOfLine("/thamluan_moi v2 Nội dung bản mới.")).toEqual({ kind: "speech.new", confirmed: 2, body: "Nội dung bản mới." });
    // 14:00 in Việt Nam is 07:00 UTC.
    expect(stepOfLine("/datlich vanluu 2027-06-20 14:00 | Hội trường")).toEqual({ kind: "schedule.keep", start: "2027-06-20T07:00:00.000Z", place: "Hội trường" });
    expect(stepOfLine("/tbchon ab12cd chuatraloi")).toEqual({ kind: "notice.audience", draft: "ab12cd", audience: "no_rsvp" });
    expect(stepOfLine("/tbdoilich 3 khong")).toEqual({ kind: "notice.changeAlert", seq: 3, send: false });
    expect(stepOfLine("/duyet muong-so v2 sua")).toEqual({ kind: "review.changes", unit: "muong-so", version: 2 });
    const odd = ["/tbgui AB/12", "/tbchon ab12cd moinguoi", "/congbo xacnhan", "/nhapdiem xacnhan", "/duyet muong-so v1 xem", "/tbdoilich ba"];
    for (const line of ["/dangky", "/dangky chair dimuon", "/diemdanh K7Q2MX", "/nhacnho tatca", ...odd, "/phatbieu rut khong-phai-ma", "/mamoi Mường So", "/datlich vanluu 2027-13-45 25:99"]) {
      const [name = "", ...args] = line.slice(1).split(" ");
      expect(stepOfLine(line)).toEqual({ kind: "command.suggested", name, args: args.join(" ") });
    }
    expect(stepOfLine("không phải lệnh")).toEqual({ kind: "expired", line: "không phải lệnh" });
  });
});

describe("the one dispatch table", () => {
  it("refuses a kind it does not know, and a known kind with values of the wrong shape", () => {
    expect(parseStep({ kind: "speech.collect" })).toEqual({ kind: "speech.collect" });
    expect(parseStep({ kind: "rsvp.sit", seat: "chair" })).toBeUndefined();
    expect(parseStep({ kind: "rsvp.answer", seat: "chair", status: "maybe" })).toBeUndefined();
    expect(parseStep({ kind: "checkin.seat", code: "K7Q2MX", seat: "../chair" })).toBeUndefined();
    expect(parseStep({ kind: "speak.withdraw", id: "../../etc" })).toBeUndefined();
    expect(parseStep({ kind: "speech.withdraw" })).toBeUndefined();
    expect(parseStep("/thamluan_moi")).toBeUndefined();
    expect(parseStep(null)).toBeUndefined();
  });

  it("has a handler for every kind but the router's own, each continuing a command the bot has", async () => {
    h = await createTestApp();
    const bot = createBot(h.app.services);
    const handled = Object.keys(stepTable).sort();
    expect(handled).toEqual(STEP_KINDS.filter((k) => k !== "command.suggested" && k !== "words.intent" && k !== "words.yesno").sort());
    for (const [kind, handler] of Object.entries(stepTable)) expect(bot.find(handler.command), kind).toBeDefined();
  });

  it("does not compile without a handler for a kind, or with one for a kind that does not exist", () => {
    const { "speak.topic": _left, ...missing } = stepTable;
    // @ts-expect-error "speak.topic" has no handler
    const incomplete: StepTable = missing;
    // @ts-expect-error "rsvp.sit" is not a kind of step
    const unknown: StepTable = { ...stepTable, "rsvp.sit": stepTable["speak.topic"] };
    expect(incomplete).toBeDefined();
    expect(unknown).toBeDefined();
  });
});
