// A time and a place as Vietnamese organizers type them: "20/6 lúc 8h sáng tại hội trường UBND huyện",
// "8 giờ 30 thứ Hai 22/6 | Hội trường", "14h30 ngày 20 tháng 6", "chiều 20/6 lúc 2 giờ". A pure reading
// over folded words (src/lib/text.ts fold): no store, no clock but the `now` it is given.
import { fold } from "./text.js";
import { fromLocal, local } from "./time.js";

/** What a text says of a day, an hour and a place; `unknown` holds the words it could not read. */
export interface WhenWhere {
  day?: { day: number; month: number; year?: number };
  time?: { hour: number; minute: number };
  /** Days after today, said in words ("hôm nay" 0, "mai" 1, "ngày kia" 2); a date typed wins over it. */
  inDays?: number;
  /** 0 = Sunday … 6 = Saturday, as written ("thứ Hai" = 1). */
  weekday?: number;
  /** As typed (original marks and case), after "tại" / "ở" / "|". */
  place?: string;
  unknown: string[];
}

/** The moment a reading names: `start`, or why it names none. */
export type Resolved =
  | { kind: "ok"; start?: Date; place?: string }
  | { kind: "bad-date" }
  | { kind: "no-date" }
  | { kind: "weekday"; start: Date; said: number; actual: number };

const WEEKDAYS: Record<string, number> = { hai: 1, ba: 2, tu: 3, nam: 4, sau: 5, bay: 6, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6 };
/** Words that only introduce what follows ("lúc 8h", "vào ngày 20/6"). */
const LEAD_WORDS = new Set(["luc", "vao", "ngay", "nam", "hop", "hoi", "nghi", "to", "chuc", "khai", "mac", "dat", "doi", "lich", "chuyen", "se", "la", "bat", "dau", "gui", "hen"]);
/** The parts of the day and what they do to an hour. */
const DAY_PARTS: Record<string, (h: number) => number> = {
  sang: (h) => h,
  trua: (h) => (h < 6 ? h + 12 : h),
  chieu: (h) => (h < 12 ? h + 12 : h),
  toi: (h) => (h < 12 ? h + 12 : h),
  dem: (h) => (h >= 6 && h < 12 ? h + 12 : h),
};
/** The hour a part of the day begins at, when no hour is typed ("chiều 20/6" is 14:00). */
const PART_HOURS: Record<string, number> = { trua: 12, chieu: 14, toi: 19, dem: 21 };
const PLACE_WORDS = new Set(["tai", "o"]);

interface Cursor {
  words: string[];
  i: number;
  out: WhenWhere;
  dayPart?: (h: number) => number;
  dayPartWord?: string;
}

const num = (s: string | undefined): number | undefined => (s !== undefined && /^\d{1,4}$/.test(s) ? Number(s) : undefined);
const fullYear = (y: number): number => (y < 100 ? 2000 + y : y);

/** "20/6", "20/06/2027", "20-6-27", "2027-06-20". */
function readSlashDate(c: Cursor): boolean {
  const w = c.words[c.i] as string;
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(w);
  if (ymd) {
    c.out.day = { year: Number(ymd[1]), month: Number(ymd[2]), day: Number(ymd[3]) };
    c.i += 1;
    return true;
  }
  const m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(w);
  if (!m) return false;
  c.out.day = { day: Number(m[1]), month: Number(m[2]), ...(m[3] && { year: fullYear(Number(m[3])) }) };
  c.i += 1;
  return true;
}

/** "20 tháng 6", "20 thang 6 nam 2027" (after "ngày", which is a lead word). */
function readWordDate(c: Cursor): boolean {
  const { words, i } = c;
  const day = num(words[i]);
  const month = num(words[i + 2]);
  if (day === undefined || words[i + 1] !== "thang" || month === undefined) return false;
  const year = words[i + 3] === "nam" ? num(words[i + 4]) : undefined;
  c.out.day = { day, month, ...(year !== undefined && { year: fullYear(year) }) };
  c.i += year !== undefined ? 5 : 3;
  return true;
}

/** "thứ Hai", "thu 2", "t2", "chủ nhật", "CN". */
function readWeekday(c: Cursor): boolean {
  const { words, i } = c;
  const w = words[i] as string;
  if (w === "chu" && words[i + 1] === "nhat") return setWeekday(c, 0, 2);
  if (w === "cn") return setWeekday(c, 0, 1);
  const short = /^t([2-7])$/.exec(w);
  if (short) return setWeekday(c, WEEKDAYS[short[1] as string] as number, 1);
  const next = words[i + 1];
  if (w === "thu" && next !== undefined && WEEKDAYS[next] !== undefined) return setWeekday(c, WEEKDAYS[next] as number, 2);
  return false;
}

function setWeekday(c: Cursor, weekday: number, width: number): boolean {
  c.out.weekday = weekday;
  c.i += width;
  return true;
}

/** "hôm nay", "sáng nay", "mai", "ngày mai", "ngày kia", "ngày mốt": days after today ("mốt" only after "ngày": alone it is "một"). */
function readRelativeDay(c: Cursor): boolean {
  const { words, i } = c;
  const w = words[i] as string;
  const before = words[i - 1];
  let inDays: number | undefined;
  if (w === "mai") inDays = 1;
  else if (w === "nay" && (before === "hom" || (before !== undefined && DAY_PARTS[before] !== undefined))) inDays = 0;
  else if ((w === "kia" || w === "mot") && before === "ngay") inDays = 2;
  if (inDays === undefined) return false;
  c.out.inDays = inDays;
  c.i += 1;
  return true;
}

/** "8h", "8h30", "8g30", "14:00", "8 giờ 30 (phút)", "8 giờ rưỡi", "8 h". */
function readTime(c: Cursor): boolean {
  const { words, i } = c;
  const w = words[i] as string;
  const joined = /^(\d{1,2})(?::|h|g|gio)(\d{1,2})?(?:p|ph|phut)?$/.exec(w);
  if (joined) {
    const minute = joined[2] ?? (words[i + 1] === "ruoi" ? "30" : undefined);
    c.i += joined[2] === undefined && minute ? 2 : 1;
    return setTime(c, Number(joined[1]), Number(minute ?? 0));
  }
  const hour = num(w);
  if (hour === undefined || !["gio", "h", "g"].includes(words[i + 1] ?? "")) return false;
  const after = words[i + 2];
  const minute = num(after) ?? (after === "ruoi" ? 30 : undefined);
  c.i += minute === undefined ? 2 : 3;
  if (minute !== undefined && ["phut", "p"].includes(words[c.i] ?? "")) c.i += 1;
  return setTime(c, hour, minute ?? 0);
}

function setTime(c: Cursor, hour: number, minute: number): boolean {
  c.out.time = { hour, minute };
  return true;
}

/** Reads what `text` says of a day, an hour and a place. The place keeps the marks it was typed with. */
export function readWhenWhere(text: string): WhenWhere {
  const [whenPart = "", ...placeParts] = text.split("|");
  const original = whenPart.trim().split(/\s+/).filter(Boolean);
  const words = original.map((w) => fold(w).replace(/^[,.;:!?]+|[,.;!?]+$/g, ""));
  const c: Cursor = { words, i: 0, out: { unknown: [] } };
  while (c.i < words.length) {
    const w = words[c.i] as string;
    if (PLACE_WORDS.has(w) && c.i + 1 < words.length) {
      c.out.place = original.slice(c.i + 1).join(" ");
      break;
    }
    if (w === "hom" && words[c.i + 1] === "nay") {
      c.i += 1;
      continue;
    }
    if (readSlashDate(c) || readWordDate(c) || readWeekday(c) || readTime(c) || readRelativeDay(c)) continue;
    if (/^\d{4}$/.test(w) && c.out.day && c.out.day.year === undefined) {
      c.out.day.year = Number(w);
      c.i += 1;
      continue;
    }
    const part = DAY_PARTS[w];
    if (part) [c.dayPart, c.dayPartWord] = [part, w];
    else if (w && !LEAD_WORDS.has(w)) c.out.unknown.push(original[c.i] as string);
    c.i += 1;
  }
  if (c.out.time && c.dayPart) c.out.time.hour = c.dayPart(c.out.time.hour);
  // "chiều 20/6", "sáng mai" without an hour: the part's usual first hour (a day alone is 8:00).
  else if (c.dayPartWord && c.dayPartWord !== "sang") c.out.time = { hour: PART_HOURS[c.dayPartWord] ?? 8, minute: 0 };
  const place = placeParts.join("|").trim();
  if (place) c.out.place = place;
  return c.out;
}

/** The local moment of a day and a time, or undefined when they name no real day or time. */
function momentOf(year: number, month: number, day: number, hour: number, minute: number): Date | undefined {
  if (hour > 23 || minute > 59) return undefined;
  const p = (n: number) => String(n).padStart(2, "0");
  const at = fromLocal(`${year}-${p(month)}-${p(day)} ${p(hour)}:${p(minute)}`);
  // fromLocal is strict on the day; "24:00" and such are refused above.
  return at && local(at).date() === day ? at : undefined;
}

/** The day `inDays` after today's (local), as a reading's day. */
function dayAfter(now: Date, inDays: number): NonNullable<WhenWhere["day"]> {
  const d = local(now).add(inDays, "day");
  return { day: d.date(), month: d.month() + 1, year: d.year() };
}

/** The next moment to come at an hour with no day: today's, or tomorrow's once passed. */
function nextAtHour(w: WhenWhere, now: Date): WhenWhere {
  const today = { ...w, day: dayAfter(now, 0) };
  const r = resolveWhen(today, now);
  return r.kind === "ok" && r.start && r.start > now ? today : { ...w, day: dayAfter(now, 1) };
}

/**
 * The moment a reading names. A day without a year is the next one to come after `now` (this year's,
 * or a later year's once passed: 29/2 waits for a leap year); "hôm nay", "mai", "ngày kia" count from
 * today; a day without an hour is 8:00; an hour without a day names nothing ("no-date") unless
 * `hourAlone` is "next" (a send time: the next such hour to come). A weekday that is not the day's is
 * pointed out.
 */
export function resolveWhen(read: WhenWhere, now: Date, options: { hourAlone?: "no-date" | "next" } = {}): Resolved {
  let w = read;
  if (!w.day && w.inDays !== undefined) w = { ...w, day: dayAfter(now, w.inDays) };
  else if (!w.day && w.time && w.weekday === undefined && options.hourAlone === "next") w = nextAtHour(w, now);
  if (!w.day) return w.time || w.weekday !== undefined ? { kind: "no-date" } : { kind: "ok", ...(w.place && { place: w.place }) };
  const { day, month, year } = w.day;
  const hour = w.time?.hour ?? 8;
  const minute = w.time?.minute ?? 0;
  let start: Date | undefined;
  if (year !== undefined) start = momentOf(year, month, day, hour, minute);
  else {
    const thisYear = local(now).year();
    for (let y = thisYear; y <= thisYear + 4 && !start; y++) {
      const at = momentOf(y, month, day, hour, minute);
      if (at && at > now) start = at;
    }
  }
  if (!start) return { kind: "bad-date" };
  const actual = local(start).day();
  if (w.weekday !== undefined && w.weekday !== actual) return { kind: "weekday", start, said: w.weekday, actual };
  return { kind: "ok", start, ...(w.place && { place: w.place }) };
}
