// A change that throws changes nothing, even after some of its writes: what it wrote of the people's accounts, conversations, notices and deliveries is put back, in memory and so on disk.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { ConferenceClosed, conferenceStore } from "../../storage/conference-view.js";
import type { Notice } from "../../storage/schema.js";
import { openStore } from "../../storage/store.js";
import { CONFERENCE, withConference } from "../helpers/conference-store.js";
import { propertySeed } from "../helpers/seeds.js";
import { account, cleanupTempDirs, readStore, rsvp, tempDir } from "./helpers.js";

afterEach(cleanupTempDirs);

const SEED = propertySeed("undo", 4242);
const MUONG_SO = "console:muong-so";
const HUOI_LUONG = "console:huoi-luong";

class Refused extends Error {}

/** A notice of Ban tổ chức (sample). */
function notice(id: string): Notice {
  const at = "2027-06-01T01:00:00.000Z";
  return { id, kind: "broadcast", text: "Kính gửi các đồng chí (DỮ LIỆU MẪU)", audience: "all", createdBy: "console:btc", createdAt: at, sendAt: at, ackable: true };
}

describe("a change that throws half-way", () => {
  it("xã Mường So's account stays as it was when the answer after it is refused, in memory and after a restart", async () => {
    const dir = await tempDir();
    const store = await withConference(await openStore({ dir }));
    await store.mutate((d) => {
      d.accounts[MUONG_SO] = { ...account("muong-so"), lastSeenAt: "2027-06-01T01:00:00.000Z" };
      d.accounts[HUOI_LUONG] = account("huoi-luong");
      d.rsvps.push(rsvp("chu-tich"));
      d.notices.push(notice("tb-1"));
    });
    const before = structuredClone(store.data.accounts);
    await expect(
      store.mutate((d) => {
        const a = d.accounts[MUONG_SO];
        if (a) a.lastSeenAt = "2027-06-02T01:00:00.000Z";
        delete d.accounts[HUOI_LUONG];
        d.accounts["console:moi"] = account("moi");
        d.notices.push(notice("tb-moi"));
        d.notices.splice(0, 1);
        throw new Refused("vị trí này đã được trả lời");
      }),
    ).rejects.toBeInstanceOf(Refused);
    expect(store.data.accounts).toEqual(before);
    expect(store.data.notices.map((n) => n.id)).toEqual(["tb-1"]);
    // The next change is written with everything put back, and the store reopens as it is in memory.
    await store.mutate((d) => void d.rsvps.push(rsvp("van-phong")));
    await store.close();
    const again = await withConference(await openStore({ dir }));
    expect(again.data.accounts).toEqual(before);
    expect(again.data.accounts[MUONG_SO]?.lastSeenAt).toBe("2027-06-01T01:00:00.000Z");
    expect(again.data.rsvps.map((r) => r.seatId)).toEqual(["chu-tich", "van-phong"]);
    expect(again.data.notices.map((n) => n.id)).toEqual(["tb-1"]);
    expect(readStore(dir).accounts["console:moi"]).toBeUndefined();
    await again.close();
  });

  it("a closed conference: the delegate's account written before its answer was refused is put back", async () => {
    const dir = await tempDir();
    const root = await openStore({ dir });
    const store = await withConference(root);
    await store.mutate((d) => void (d.accounts[MUONG_SO] = { ...account("muong-so"), lastSeenAt: "2027-06-01T01:00:00.000Z" }));
    await root.mutate((d) => {
      const c = d.conferences[CONFERENCE];
      if (c) c.status = "closed";
    });
    const closed = conferenceStore(root, CONFERENCE);
    await expect(
      closed.mutate((d) => {
        const a = d.accounts[MUONG_SO];
        if (a) a.lastSeenAt = "2027-06-03T01:00:00.000Z";
        d.rsvps.push(rsvp("chu-tich"));
      }),
    ).rejects.toBeInstanceOf(ConferenceClosed);
    expect(root.data.accounts[MUONG_SO]?.lastSeenAt).toBe("2027-06-01T01:00:00.000Z");
    await root.mutate((d) => void (d.accounts[HUOI_LUONG] = account("huoi-luong")));
    await root.close();
    expect(readStore(dir).accounts[MUONG_SO]?.lastSeenAt).toBe("2027-06-01T01:00:00.000Z");
  });

  it("whatever a change wrote of accounts and notices before it threw, the store is as before it (in memory, then on disk)", async () => {
    const dir = await tempDir();
    const root = await openStore({ dir });
    const store = await withConference(root);
    await store.mutate((d) => {
      for (const id of ["a", "b", "c", "d"]) d.accounts[`console:${id}`] = account(id);
      for (const n of ["n1", "n2", "n3"]) d.notices.push(notice(n));
    });
    const id = fc.constantFrom("a", "b", "c", "d", "e", "f");
    const op = fc.oneof(
      fc.record({ seen: id, at: fc.integer({ min: 0, max: 99 }) }),
      fc.record({ join: id }),
      fc.record({ leave: id }),
      fc.record({ post: fc.constantFrom("n1", "n4", "n5") }),
      fc.record({ drop: fc.integer({ min: 0, max: 4 }) }),
      fc.record({ text: fc.string({ maxLength: 8 }) }),
    );
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const before = structuredClone(root.data);
        await expect(
          store.mutate((d) => {
            for (const o of ops) {
              if ("seen" in o) {
                const a = d.accounts[`console:${o.seen}`];
                if (a) a.lastSeenAt = new Date(Date.UTC(2027, 5, 1, 0, o.at)).toISOString();
              } else if ("join" in o) d.accounts[`console:${o.join}`] = account(o.join);
              else if ("leave" in o) delete d.accounts[`console:${o.leave}`];
              else if ("post" in o) d.notices.push(notice(o.post));
              else if ("drop" in o) d.notices.splice(o.drop, 1);
              else {
                const n = d.notices[0];
                if (n) n.text = o.text;
              }
            }
            throw new Refused("từ chối");
          }),
        ).rejects.toBeInstanceOf(Refused);
        expect(structuredClone(root.data)).toEqual(before);
        // Every so often a change that succeeds: what goes to disk is what memory holds.
        if (++round % 10 === 0) await store.mutate((d) => void d.rsvps.push(rsvp(`lan-${round}`)));
      }),
      { numRuns: 60, seed: SEED },
    );
    const inMemory = structuredClone(root.data);
    await root.close();
    const again = await openStore({ dir });
    expect(structuredClone(again.data)).toEqual(inMemory);
    await again.close();
  });
});
