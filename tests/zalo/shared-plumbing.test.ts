// The update plumbing Telegram and Zalo share: the handled-update memory (7 days, bounded), the once-only gate, the secret check, typing, reachability.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { secretMatches } from "../../src/channels/shared/secret.js";
import { typingWhile } from "../../src/channels/shared/typing.js";
import { createUpdateGate } from "../../src/channels/shared/updates.js";
import { markReachable, markUnreachable } from "../../src/domain/reachability.js";
import { HANDLED_TTL_MS, handledKeys, rememberHandled, wasHandled } from "../../storage/handled-updates.js";
import { emptyData } from "../../storage/schema.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

const T0 = new Date("2027-05-01T02:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);
const DAY = 24 * 60 * 60 * 1000;

describe("the handled-update memory", () => {
  it("remembers an update for 7 days, then forgets it", () => {
    const d = emptyData();
    rememberHandled(d, "zalo", "message.text.received:m1:c1", T0);
    expect(wasHandled(d, "zalo", "message.text.received:m1:c1", later(6 * DAY))).toBe(true);
    expect(wasHandled(d, "zalo", "message.text.received:m1:c1", later(HANDLED_TTL_MS))).toBe(false);
    expect(wasHandled(d, "telegram", "message.text.received:m1:c1", T0)).toBe(false);
    // Expired entries are dropped when the next one is written.
    rememberHandled(d, "zalo", "message.text.received:m2:c1", later(8 * DAY));
    expect(handledKeys(d, "zalo")).toEqual(["message.text.received:m2:c1"]);
  });

  it("keeps at most the bound, the oldest going first, and one entry per key", () => {
    const d = emptyData();
    for (let i = 1; i <= 5; i++) rememberHandled(d, "telegram", String(i), later(i), { keep: 3 });
    expect(handledKeys(d, "telegram")).toEqual(["3", "4", "5"]);
    rememberHandled(d, "telegram", "4", later(10), { keep: 3 });
    expect(handledKeys(d, "telegram")).toEqual(["3", "5", "4"]);
  });

  it("reads entries written before times were kept, and gives them a time when it next writes", () => {
    const d = emptyData();
    d.handledUpdates.zalo = ["message.text.received:old"];
    expect(wasHandled(d, "zalo", "message.text.received:old", T0)).toBe(true);
    rememberHandled(d, "zalo", "message.text.received:new", T0);
    expect(d.handledUpdates.zalo).toEqual([
      { key: "message.text.received:old", at: T0.toISOString() },
      { key: "message.text.received:new", at: T0.toISOString() },
    ]);
    expect(wasHandled(d, "zalo", "message.text.received:old", later(HANDLED_TTL_MS))).toBe(false);
  });
});

describe("the once-only gate", () => {
  let h: TestApp;
  beforeEach(async () => {
    h = await createTestApp();
  });
  afterEach(async () => {
    await h.close();
  });

  it("runs an update once, a copy in flight waits for it, and a read is remembered too", async () => {
    const gate = createUpdateGate({ store: h.app.store, channel: "zalo", now: () => T0 });
    const runs: string[] = [];
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const first = gate.run("k1", async () => {
      runs.push("k1");
      await held;
    });
    const copy = gate.run("k1", async () => {
      runs.push("k1 again");
    });
    expect(gate.inFlight).toBe(1);
    let stopped = false;
    const settled = gate.settled().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release();
    expect(await first).toBe("handled");
    expect(await copy).toBe("duplicate");
    await settled;
    expect(runs).toEqual(["k1"]);
    // Nothing changed in the store, and still the key is kept (on disk, for a restart).
    expect(handledKeys(h.app.store.data, "zalo")).toEqual(["k1"]);
    expect(await gate.run("k1", async () => void runs.push("later"))).toBe("duplicate");
  });

  it("remembers an update whose handling failed, so a replay is not answered twice", async () => {
    const gate = createUpdateGate({ store: h.app.store, channel: "telegram", now: () => T0 });
    await expect(
      gate.run("42", async () => {
        throw new Error("hỏng");
      }),
    ).rejects.toThrow("hỏng");
    expect(gate.seen("42")).toBe(true);
  });

  it("does not write down an update passed over in silence, and knows keys by their older names", async () => {
    const gate = createUpdateGate({ store: h.app.store, channel: "zalo", now: () => T0 });
    expect(await gate.run("edited", async (ticket) => ticket.ignore())).toBe("handled");
    expect(handledKeys(h.app.store.data, "zalo")).toEqual([]);
    await h.app.store.mutate((d) => {
      d.handledUpdates.zalo = ["message.text.received:m9"];
    });
    expect(await gate.run("message.text.received:m9:c1", async () => {}, { aliases: ["message.text.received:m9"] })).toBe("duplicate");
  });
});

describe("reachability", () => {
  let h: TestApp;
  beforeEach(async () => {
    h = await createTestApp();
  });
  afterEach(async () => {
    await h.close();
  });

  it("marks an account unreachable once (keeping the first time) and reachable again", async () => {
    const p = await h.delegate("Mường So", "Lò Văn Sáu");
    expect(await markUnreachable(h.app.store, p.key, T0)).toBe(true);
    expect(await markUnreachable(h.app.store, p.key, later(DAY))).toBe(false);
    expect(h.app.store.data.accounts[p.key]?.unreachableSince).toBe(T0.toISOString());
    const writes = h.app.store.writes;
    expect(await markReachable(h.app.store, p.key)).toBe(true);
    expect(h.app.store.data.accounts[p.key]?.unreachableSince).toBeUndefined();
    expect(await markReachable(h.app.store, p.key)).toBe(false);
    expect(await markUnreachable(h.app.store, "zalo:nobody", T0)).toBe(false);
    await h.app.store.flush();
    expect(h.app.store.writes - writes).toBe(1);
  });
});

describe("the webhook secret and the typing indicator", () => {
  it("accepts only the exact secret, whatever the length of what was sent", () => {
    expect(secretMatches("bi-mat-webhook-2027", "bi-mat-webhook-2027")).toBe(true);
    expect(secretMatches("bi-mat-webhook-2028", "bi-mat-webhook-2027")).toBe(false);
    expect(secretMatches("bi", "bi-mat-webhook-2027")).toBe(false);
    expect(secretMatches("", "bi-mat-webhook-2027")).toBe(false);
    expect(secretMatches(["bi-mat-webhook-2027"], "bi-mat-webhook-2027")).toBe(false);
    expect(secretMatches(undefined, "bi-mat-webhook-2027")).toBe(false);
    expect(secretMatches("x", "")).toBe(false);
  });

  it("shows 'typing' only for work that takes a while, repeating until it is done", async () => {
    let shown = 0;
    const show = () => void (shown += 1);
    await typingWhile(Promise.resolve("nhanh"), { afterMs: 50, show });
    expect(shown).toBe(0);
    const slow = new Promise((r) => setTimeout(r, 200));
    await typingWhile(slow, { afterMs: 20, everyMs: 50, show });
    expect(shown).toBeGreaterThanOrEqual(2);
    const after = shown;
    await new Promise((r) => setTimeout(r, 120));
    expect(shown).toBe(after);
    // A failing indicator never fails the work.
    expect(await typingWhile(new Promise((r) => setTimeout(() => r("xong"), 60)), { afterMs: 10, show: () => Promise.reject(new Error("mạng")) })).toBe("xong");
  });
});
