// Numbered choices and steps that wait for text behave the same whether a number is typed or a button pressed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCommandLayer, parseCommand } from "../../commands/router.js";
import type { CommandDef } from "../../commands/types.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { fold } from "../../src/lib/text.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp();
});
afterEach(async () => {
  await h.close();
});

const picked: string[] = [];
const defs: CommandDef[] = [
  {
    name: "chon",
    aliases: ["pick"],
    roles: ["guest"],
    describe: "cmd-help",
    async handler(ctx) {
      if (ctx.args) {
        picked.push(ctx.args);
        return [{ kind: "text", text: `ok ${ctx.args}` }];
      }
      return [{ kind: "choices", text: "?", choices: [{ label: "Một", step: { kind: "command.suggested", name: "chon", args: "mot" } }, { label: "Hai", step: { kind: "command.suggested", name: "chon", args: "hai" } }] }];
    },
  },
];

describe("numbered choices", () => {
  it("typing the number and pressing the button run the same command", async () => {
    const layer = createCommandLayer(h.app.services, defs);
    const req = { channel: "telegram" as const, userId: "42", chatId: "42", displayName: "A" };
    const offered = await layer.handle({ ...req, text: "/chon" });
    const setId = offered[0]?.kind === "choices" ? offered[0].setId : undefined;
    expect(setId).toBeTruthy();
    expect(await layer.handle({ ...req, text: "2" })).toEqual([{ kind: "text", text: "ok hai" }]);
    expect(await layer.handle({ ...req, text: "", press: { setId: setId as string, index: 2 } })).toEqual([{ kind: "text", text: "ok hai" }]);
    expect(picked).toEqual(["hai", "hai"]);
    const out = await layer.handle({ ...req, text: "7" });
    expect(out[0]?.kind === "text" && out[0].text).toBe("Vui lòng chọn một số từ 1 đến 2.");
  });

  it("a press on a stale button is answered and runs nothing", async () => {
    const layer = createCommandLayer(h.app.services, defs);
    const req = { channel: "telegram" as const, userId: "43", chatId: "43", displayName: "B" };
    const first = await layer.handle({ ...req, text: "/chon" });
    const oldSet = first[0]?.kind === "choices" ? (first[0].setId as string) : "";
    await layer.handle({ ...req, text: "/chon" });
    const before = picked.length;
    const out = await layer.handle({ ...req, text: "", press: { setId: oldSet, index: 1 } });
    expect(out[0]?.kind === "text" && out[0].text).toContain("không còn hiệu lực");
    expect(picked.length).toBe(before);
  });
});

describe("parsing", () => {
  it("reads commands addressed to a bot and folds Vietnamese for comparison", () => {
    expect(parseCommand("/DangKy@HoiNghi_Bot thay Lò Văn A")).toEqual({ name: "dangky", target: "hoinghi_bot", args: "thay Lò Văn A" });
    expect(parseCommand("dangky")).toBeUndefined();
    expect(fold("  Đã   NHẬN ")).toBe("da nhan");
  });
});
