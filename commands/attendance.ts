// Reading what people type about attendance (/dangky's seat and verb), and the speech rows of the report.
// The attendance rules (answers, check-in, summaries, the two RSVP audiences) live in src/domain/attendance.ts.
import { clip, fold } from "../src/lib/text.js";
import type { Conference, Seat, Unit } from "../src/conference/schema.js";
import { unitsWithSeatUnanswered } from "../src/domain/attendance.js";
import type { Data, RsvpStatus } from "../storage/schema.js";
import { speechRows } from "../src/views/speeches.js";
import { BadArguments } from "../src/domain/errors.js";

/** The words that choose an answer, folded and without spaces ("tham dự" → "thamdu"). */
const VERBS: Record<string, RsvpStatus> = {
  thamdu: "attend",
  comat: "attend",
  attend: "attend",
  thay: "substitute",
  thaythe: "substitute",
  cuthay: "substitute",
  cunguoithay: "substitute",
  substitute: "substitute",
  vang: "absent",
  vangmat: "absent",
  absent: "absent",
};

// Two-word forms people type with a space ("tham dự", "vắng mặt"). Not "thay thế": a substitute
// named "Thế …" would lose a word of the name.
const TWO_WORD_VERBS = new Set(["thamdu", "comat", "vangmat"]);

/** Typed instead of a name or reason ("/dangky 2 vang ?"): "ask me for it". */
export const ASK = "?";

export interface RsvpCommand {
  /** The seat named by id or number, if any. */
  seat?: Seat;
  status?: RsvpStatus;
  /** What follows the verb: a name, "name, position", or a reason. */
  text: string;
}

/** A seat by its id ("chair") or its 1-based number in the unit's list. */
export function seatByToken(unit: Unit, token: string): Seat | undefined {
  if (/^\d{1,3}$/.test(token)) return unit.seats[Number(token) - 1];
  const t = token.toLowerCase();
  return unit.seats.find((s) => s.id === t);
}

/**
 * Reads "/dangky [seat] [verb] [text]": "2 thay Lò Văn A, Phó Chủ tịch", "chair", "vang Đi công tác",
 * "tham dự Lò Văn A". A number that is no seat, or a first word that is neither seat nor verb,
 * is refused with the unit's seats listed.
 */
export function parseRsvp(unit: Unit, args: string): RsvpCommand {
  const trimmed = args.trim();
  const words = trimmed.split(/\s+/).filter(Boolean);
  const result: RsvpCommand = { text: "" };
  let used = 0;
  const first = words[0];
  if (first !== undefined) {
    const seat = seatByToken(unit, first);
    if (seat) {
      result.seat = seat;
      used = 1;
    } else if (/^\d+$/.test(first)) {
      throw new BadArguments("rsvp-seat-unknown", { seat: first, seats: seatList(unit) });
    }
  }
  if (used === words.length) return result;
  const word = (i: number) => fold(words[i] ?? "").replace(/\s/g, "");
  const one = word(used);
  const two = used + 1 < words.length ? one + word(used + 1) : "";
  if (TWO_WORD_VERBS.has(two)) {
    result.status = VERBS[two] as RsvpStatus;
    used += 2;
  } else if (VERBS[one]) {
    result.status = VERBS[one];
    used += 1;
  } else {
    throw new BadArguments("rsvp-word-unknown", { word: clip(words[used] as string, 40), seats: seatList(unit) });
  }
  result.text = skipWords(trimmed, used);
  return result;
}

// The text after the first n words, keeping the person's own spacing inside it.
function skipWords(text: string, n: number): string {
  let rest = text;
  for (let i = 0; i < n; i++) rest = rest.replace(/^\S+\s*/, "");
  return rest.trim();
}

/** "1. chair: Chủ tịch UBND xã; 2. cchc: …" for refusals that name the seats. */
export function seatList(unit: Unit): string {
  return unit.seats.map((s, i) => `${i + 1}. ${s.title} (${s.id})`).join("; ");
}



export type ChaseKind = "rsvp" | "speech";

/** The units a reminder goes to: those with a seat unanswered ("chưa xác nhận đủ"), or an assigned speech not submitted. */
export function unitsToChase(kind: ChaseKind, conf: Conference, data: Data): Unit[] {
  if (kind === "rsvp") return unitsWithSeatUnanswered(conf, data);
  return speechRows(conf, data)
    .filter((r) => r.status === "none")
    .map((r) => r.unit);
}
