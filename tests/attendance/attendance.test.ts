// The pure decisions behind attendance: reading /dangky, the seat a check-in fills, the hours, a speech's status, the messages.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRsvp } from "../../commands/attendance.js";
import { UserError } from "../../src/domain/errors.js";
import type { Unit } from "../../src/conference/schema.js";
import { createI18n } from "../../src/lib/i18n.js";
import type { Data, SpeechRecord } from "../../storage/schema.js";
import { emptyFlat } from "../helpers/conference-store.js";
import { propertySeed } from "../helpers/seeds.js";
import { answerFields, checkinSeat, checkinWindow, HALL_ALPHABET, newHallCode, normalizeHallCode } from "../../src/domain/attendance.js";
import { speechStatus } from "../../src/domain/speeches.js";

/** Fixed, so that `npm test` runs the same inputs every time (`npm run explore` draws new ones). */
const SEED = propertySeed("attendance", 20270620);

const commune: Unit = {
  id: "muong-so",
  name: "Mường So",
  kind: "commune",
  aliases: [],
  seats: [
    { id: "chair", title: "Chủ tịch UBND xã" },
    { id: "cchc", title: "Công chức làm nhiệm vụ công tác CCHC" },
    { id: "motcua", title: "Công chức bộ phận tiếp nhận và trả kết quả" },
  ],
};

const keyOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserError) return err.key;
    throw err;
  }
  return undefined;
};

describe("parseRsvp", () => {
  it("reads seat and answer in every form people type", () => {
    expect(parseRsvp(commune, "thamdu")).toEqual({ status: "attend", text: "" });
    expect(parseRsvp(commune, "Tham Dự Lò Văn A")).toEqual({ status: "attend", text: "Lò Văn A" });
    expect(parseRsvp(commune, "2 thay Lò Văn A, Phó Chủ tịch")).toMatchObject({ seat: { id: "cchc" }, status: "substitute", text: "Lò Văn A, Phó Chủ tịch" });
    expect(parseRsvp(commune, "MOTCUA vắng mặt Ốm")).toMatchObject({ seat: { id: "motcua" }, status: "absent", text: "Ốm" });
    expect(parseRsvp(commune, "chair")).toEqual({ seat: commune.seats[0], text: "" });
    expect(parseRsvp(commune, "1 attend ?")).toMatchObject({ status: "attend", text: "?" });
    // "thay thế" is not read as one word: a substitute may be called Thế.
    expect(parseRsvp(commune, "thay Thế Anh, Phó Chủ tịch")).toMatchObject({ status: "substitute", text: "Thế Anh, Phó Chủ tịch" });
  });

  it("refuses a seat number that does not exist and a word it does not know", () => {
    expect(keyOf(() => parseRsvp(commune, "4 thamdu"))).toBe("rsvp-seat-unknown");
    expect(keyOf(() => parseRsvp(commune, "phochutich thay A"))).toBe("rsvp-word-unknown");
    expect(keyOf(() => parseRsvp(commune, "1 2 thamdu"))).toBe("rsvp-word-unknown");
  });
});

describe("answerFields", () => {
  it("splits name and position on the first comma; asks what is missing", () => {
    expect(answerFields("substitute", "Lò Văn A, Phó Chủ tịch UBND xã, phụ trách CCHC", "X")).toEqual({
      name: "Lò Văn A",
      position: "Phó Chủ tịch UBND xã, phụ trách CCHC",
      defaulted: false,
    });
    expect(answerFields("attend", "", "Lò Văn Sáu")).toEqual({ name: "Lò Văn Sáu", defaulted: true });
    expect(keyOf(() => answerFields("substitute", "Lò Văn A", "X"))).toBe("rsvp-substitute-no-position");
    expect(keyOf(() => answerFields("substitute", " , Phó", "X"))).toBe("rsvp-substitute-no-name");
    expect(keyOf(() => answerFields("absent", "  ", "X"))).toBe("rsvp-absent-no-reason");
    expect(keyOf(() => answerFields("absent", "a".repeat(501), "X"))).toBe("rsvp-reason-too-long");
    expect(answerFields("absent", "a".repeat(500), "X").reason).toHaveLength(500);
  });
});

describe("seats", () => {
  const data = (): Data => emptyFlat();
  const answer = (seatId: string, status: "attend" | "substitute" | "absent") => ({ unitId: "muong-so", seatId, status, by: "k", at: "t" });

  it("a check-in fills the only confirmed seat, then the first unanswered one, never a seat answered absent", () => {
    const d = data();
    d.rsvps.push(answer("chair", "absent"), answer("motcua", "substitute"));
    const fill = () => {
      const seat = checkinSeat(commune, d);
      d.checkins.push({ unitId: "muong-so", seatId: seat?.id, by: "k", at: "t" });
      return seat?.id;
    };
    // The chair answered absent: never taken by a check-in without the organizer (issue 12).
    expect([fill(), fill(), fill(), fill()]).toEqual(["motcua", "cchc", undefined, undefined]);
  });
});

describe("check-in hours and codes", () => {
  const start = new Date("2027-06-20T01:00:00Z");
  const end = new Date("2027-06-20T05:00:00Z");
  it("open from 60 minutes before the start to the end, inclusive", () => {
    expect(checkinWindow({}, start).state).toBe("tba");
    expect(checkinWindow({ start, end }, new Date("2027-06-19T23:59:59Z")).state).toBe("early");
    expect(checkinWindow({ start, end }, new Date("2027-06-20T00:00:00Z")).state).toBe("open");
    expect(checkinWindow({ start, end }, end).state).toBe("open");
    expect(checkinWindow({ start, end }, new Date(end.getTime() + 1)).state).toBe("closed");
  });

  it("codes are 6 characters of the unambiguous alphabet, and read back however typed", () => {
    fc.assert(
      fc.property(fc.integer(), () => {
        const code = newHallCode();
        expect(code).toHaveLength(6);
        for (const ch of code) expect(HALL_ALPHABET).toContain(ch);
        expect(normalizeHallCode(` ${code.slice(0, 3).toLowerCase()}-${code.slice(3)} `)).toBe(code);
      }),
      { numRuns: 200, seed: SEED },
    );
    expect(HALL_ALPHABET).not.toMatch(/[01ILO]/);
  });
});

describe("speechStatus", () => {
  const v = (n: number) => ({ n, kind: "text" as const, text: "x", by: "k", at: "t" });
  const r = (version: number, decision: "accepted" | "changes_requested") => ({ version, decision, by: "o", at: "t" });
  it("counts the last review only when it is of the latest version", () => {
    expect(speechStatus(undefined)).toBe("none");
    expect(speechStatus({ unitId: "u", versions: [], reviews: [] })).toBe("none");
    const rec: SpeechRecord = { unitId: "u", versions: [v(1)], reviews: [] };
    expect(speechStatus(rec)).toBe("submitted");
    rec.reviews.push(r(1, "changes_requested"));
    expect(speechStatus(rec)).toBe("changes_requested");
    rec.versions.push(v(2));
    expect(speechStatus(rec)).toBe("submitted");
    rec.reviews.push(r(2, "accepted"));
    expect(speechStatus(rec)).toBe("accepted");
  });
});

describe("messages", () => {
  it("every attendance message exists in Vietnamese and English", () => {
    const i18n = createI18n();
    const ours = (lang: string) =>
      i18n
        .keys(lang)
        .filter((k) => /^(rsvp|checkin|report|remind|export)-|^cmd-(rsvp|checkin|report|remind|export)$/.test(k))
        .sort();
    expect(ours("vi").length).toBeGreaterThan(100);
    expect(ours("en")).toEqual(ours("vi"));
  });
});
