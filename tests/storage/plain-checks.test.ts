// The plain checks that spare zod the thousands of accounts, deliveries and notices of a large store at
// start-up (storage/validate.ts) accept only what the schema accepts: an entry they pass, zod passes too;
// one they do not, zod decides (and says why). And they pass what the program itself writes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainAccount, plainDelivery, plainNotice, storeSchema } from "../../storage/validate.js";
import { propertySeeds } from "../helpers/seeds.js";

const schema = storeSchema();
const accountSchema = schema.shape.accounts.valueType;
const deliverySchema = schema.shape.deliveries.element;
const noticeSchema = schema.shape.notices.element;

const AT = "2027-06-20T01:00:00.000Z";
const account = { key: "zalo:7", channel: "zalo", userId: "7", chatId: "7", displayName: "Lò Văn Sáu", language: "vi", unitId: "muong-so", joinedAt: AT, lastSeenAt: AT };
const delivery = { noticeId: "ab12cd", account: "zalo:7", state: "sent", attempts: 1, sentAt: AT, ackAt: AT };
const counts = { total: 3, pending: 0, sent: 2, failed: 0, unreachable: 1, skipped: 0, acked: 1 };
const notice = {
  id: "ab12cd",
  kind: "broadcast",
  text: "Kính gửi các đồng chí (DỮ LIỆU MẪU)",
  audience: "all",
  createdBy: "console:org-1",
  createdAt: AT,
  sendAt: AT,
  queuedAt: AT,
  ackable: true,
  reportedAt: AT,
  conference: "phong-tho-2023",
  data: { start: AT },
  compacted: { at: AT, counts: { ...counts, byChannel: { telegram: counts, zalo: counts, console: counts } } },
};

/** A value that is often wrong in a way the schema cares about: another type, a near-time, empty, negative. */
const odd = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(""),
  fc.constant(-1),
  fc.constant(1.5),
  fc.constant(true),
  fc.constant([]),
  fc.constant({}),
  fc.constantFrom("2027-02-29T01:00:00.000Z", "2028-02-29T01:00:00.000Z", "2027-06-20T24:00:00.000Z", "2027-06-20T01:00:00Z", "2027-06-20 01:00", "2027-13-01T00:00:00.000Z", "0999-01-01T00:00:00.000Z", "2027-06-20T01:00:00.000+07:00"),
  fc.constantFrom("sent", "pending", "zalo", "telegram", "broadcast", "banana", "x"),
  fc.string(),
  fc.integer(),
);

/** `base` with some fields replaced by odd values (or removed, or an unknown one added). */
function mutated(base: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = [...Object.keys(base), "extra"];
  return fc.array(fc.tuple(fc.constantFrom(...keys), odd), { maxLength: 3 }).map((changes) => {
    const v: Record<string, unknown> = structuredClone(base);
    for (const [k, x] of changes) {
      if (x === undefined) delete v[k];
      else v[k] = x;
    }
    return v;
  });
}

describe("the plain checks of a large store's entries", () => {
  it("pass what the program writes", () => {
    expect(plainAccount(account)).toBe(true);
    expect(plainDelivery(delivery)).toBe(true);
    expect(plainNotice(notice)).toBe(true);
  });

  const cases = [
    ["an account", account, plainAccount, accountSchema],
    ["a delivery", delivery, plainDelivery, deliverySchema],
    ["a notice", notice, plainNotice, noticeSchema],
  ] as const;
  for (const [what, base, plain, zod] of cases) {
    it(`accept ${what} only when zod does (property, fixed seeds)`, () => {
      for (const seed of propertySeeds(`plain-checks-${what}`, [20270620, 1670])) {
        fc.assert(
          fc.property(mutated(base as Record<string, unknown>), (v) => {
            if (plain(v)) expect(zod.safeParse(v).success, JSON.stringify(v)).toBe(true);
          }),
          { seed, numRuns: 400 },
        );
      }
    });
  }

  it("leave a compacted notice's wrong figures to zod", () => {
    fc.assert(
      fc.property(mutated(notice.compacted.counts as unknown as Record<string, unknown>), (c) => {
        const v = { ...notice, compacted: { at: AT, counts: c } };
        if (plainNotice(v)) expect(noticeSchema.safeParse(v).success).toBe(true);
      }),
      { seed: 20270620, numRuns: 400 },
    );
    expect(plainNotice({ ...notice, compacted: { at: AT, counts: { ...counts } } })).toBe(false);
  });
});
