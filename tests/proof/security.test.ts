// Roles hold for every command the bot has: organizer commands refuse guests and delegates, delegate commands refuse guests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";

let h: TestApp;
let guest: Person;
let delegate: Person;
beforeAll(async () => {
  h = await createTestApp();
  guest = h.person("Khách");
  await guest.say("/start");
  delegate = await h.delegate("Mường So");
});
afterAll(async () => {
  await h.close();
});

const argsToTry = ["", " Mường So", " 20/06/2027 14:00 | Hội trường", " thamdu", " tatca Thông báo thử"];

describe("organizer commands", () => {
  it("are refused to a guest and to a delegate, with nothing changed", async () => {
    const organizerOnly = h.app.bot.commands.filter((d) => d.roles.length === 1 && d.roles[0] === "organizer");
    expect(organizerOnly.length).toBeGreaterThanOrEqual(2);
    for (const def of organizerOnly) {
      for (const name of [def.name, ...def.aliases]) {
        for (const args of argsToTry) {
          for (const p of [guest, delegate]) {
            const before = JSON.stringify(h.app.store.data);
            expect(await p.say(`/${name}${args}`), `/${name}${args}`).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
            expect(JSON.stringify(h.app.store.data)).toBe(before);
          }
        }
      }
    }
  });
});

describe("delegate commands", () => {
  it("are refused to a guest, with nothing changed", async () => {
    const delegateOnly = h.app.bot.commands.filter((d) => !d.roles.includes("guest") && d.roles.includes("delegate"));
    for (const def of delegateOnly) {
      for (const args of argsToTry) {
        const before = JSON.stringify(h.app.store.data);
        expect(await guest.say(`/${def.name}${args}`)).toContain("Lệnh này dành cho đại biểu");
        expect(JSON.stringify(h.app.store.data)).toBe(before);
      }
    }
  });
});

describe("logs", () => {
  it("never carry an invite code in full", async () => {
    const code = await h.code("ban-lang");
    const p = h.person("Người mới");
    await p.say(`/start ${code}`);
    await p.say("/start ABCDE-FGHJK");
    const raw = code.replace("-", "");
    for (const line of h.logs) {
      expect(line).not.toContain(raw);
      expect(line).not.toContain(code);
    }
  });
});
