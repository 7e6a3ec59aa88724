// What people type to answer the bot's questions, read as what they mean: a seat of the unit by its
// words, the answer for one seat (attend, a substitute with name and position, absent with a reason),
// a name, a yes or a no, the end of a speech, a question in the middle of one.
//
// A hand-written grammar over folded text (src/lib/text.ts `fold`: no marks, no case): each reader
// is a pure function that returns what it understood, or undefined when it is not sure — the step
// that asked then asks again rather than saving a guess. Words of four letters or more may carry a
// typo (one edit; two from eight letters). The step handlers of commands/steps.ts's table call these
// where the typed step is taken; tests and the phrasing corpus call them directly.
import { fold } from "../../src/lib/text.js";
import type { Translate } from "../../src/lib/i18n.js";
import type { UnitKind } from "../../src/conference/schema.js";

// ---- Words ----

/** One word of a message: as typed (for names and reasons) and folded (for matching). */
export interface Token {
  raw: string;
  word: string;
  /** A comma came right after it: a name ends there ("Vàng A Sử, công chức văn phòng"). */
  breakAfter: boolean;
  /** Where it stands in `source`, the text it was read from, and its number among the words. */
  at: number;
  n: number;
  source: string;
}

/** The words of `text`, each as typed and folded; "đ/c" stays one word. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  // The ellipsis, curly quotes and dashes as escapes: see scripts/bundle.mjs on ASCII.
  const re = /([^\s,.;:!?()\u2026"\u201C\u201D'\u2018\u2019\u2013\u2014-]+(?:\/[^\s,.;:!?()]+)?)(\s*[,;:()\u2013\u2014-][\s,;:()\u2013\u2014-]*)?/gu;
  for (const m of text.matchAll(re)) {
    const raw = m[1] as string;
    const word = fold(raw);
    if (word) out.push({ raw, word, breakAfter: Boolean(m[2]?.includes(",")), at: m.index as number, n: out.length, source: text });
  }
  return out;
}

/** "đ/c" (đồng chí), written as an escape: see scripts/bundle.mjs on ASCII. */
const ADDRESS_SLASH = /\u0111\/c/giu;

/** The folded words of `text`, punctuation dropped. */
export function words(text: string): string[] {
  return tokens(text).map((t) => t.word);
}

/** Whether a and b differ by at most `k` edits (a swap of two neighbours is one). */
function within(a: string, b: string, k: number): boolean {
  if (Math.abs(a.length - b.length) > k) return false;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] as number) + 1);
      cur.push(d);
    }
    [prev2, prev] = [prev, cur];
  }
  return (prev[b.length] as number) <= k;
}

/**
 * Whether a typed word is the word `want`: equal, or a small typo of a word of five letters or more
 * (Vietnamese syllables of four letters are too often one letter apart: "thay" and "tham").
 */
export function sameWord(typed: string, want: string, shortest = 5): boolean {
  if (typed === want) return true;
  if (want.length < shortest || typed.length < 4) return false;
  return within(typed, want, want.length >= 8 ? 2 : 1);
}

/** Where phrase `phrase` (folded words) starts in `ws` at or after `from`, exactly (or with typos when `typos`); -1 if nowhere. */
export function findPhrase(ws: readonly string[], phrase: readonly string[], typos = false, from = 0): number {
  for (let i = from; i + phrase.length <= ws.length; i++) {
    if (phrase.every((p, k) => (typos ? sameWord(ws[i + k] as string, p) : ws[i + k] === p))) return i;
  }
  return -1;
}

const split = (phrases: readonly string[]): string[][] => phrases.map((p) => p.split(" "));

/** The first of `phrases` found in `ws` (the longest of those found at the same place), exactly or with typos. */
function firstPhrase(ws: readonly string[], phrases: readonly string[][], typos = false): { at: number; length: number } | undefined {
  let best: { at: number; length: number } | undefined;
  for (const p of phrases) {
    const at = findPhrase(ws, p, typos);
    if (at >= 0 && (!best || at < best.at || (at === best.at && p.length > best.length))) best = { at, length: p.length };
  }
  return best;
}

/** Words that add nothing at the end of an answer ("ạ", "nhé", "nha", "ha", "bạn", "bot"). */
const PARTICLES = new Set(["a", "nhe", "nha", "ne", "ha", "nhi", "oi", "ban", "bot", "luon", "vay", "day", "roi", "r"]);

/** `ws` without the particles at its end (at least one word stays). */
function trimParticles(ws: string[]): string[] {
  let end = ws.length;
  while (end > 1 && PARTICLES.has(ws[end - 1] as string)) end--;
  return ws.slice(0, end);
}

// ---- Numbers ----

const NUMBER_WORDS: Record<string, number> = { mot: 1, nhat: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };

/** "2", "hai", "thứ hai", "số 2", "vị trí thứ 2", "cuối", "đầu tiên": a 1-based position; `last` is the count. */
export function ordinal(text: string, last: number): number | undefined {
  let ws = trimParticles(words(text));
  const context = ws[0] === "vi" || ws[0] === "thu" || ws[0] === "so" || ws[0] === "cai" || ws[0] === "ghe";
  ws = ws.filter((w, i) => !(["vi", "tri", "so", "cai", "ghe", "chon", "lua"].includes(w) || (w === "thu" && i < ws.length - 1)));
  const joined = ws.join(" ");
  if (/^\d{1,3}$/.test(joined)) return Number(joined);
  if (joined === "cuoi" || joined === "cuoi cung") return last;
  if (joined === "dau" || joined === "dau tien" || joined === "nhat" || joined === "thu nhat") return 1;
  // "ba" alone is also "bà"; "năm" also a year: a number word alone counts only after "thứ", "số", "vị trí".
  const n = ws.length === 1 ? NUMBER_WORDS[ws[0] as string] : undefined;
  return n !== undefined && (context || ws[0] === "hai") ? n : undefined;
}

// ---- Yes and no ----

const YES = split(["co", "co a", "dung", "dung roi", "dung vay", "chinh xac", "ok", "oke", "okay", "oki", "okie", "uh", "uhm", "u", "um", "uk", "vang", "da", "da vang", "dong y", "duoc", "phai", "phai roi", "yes", "y", "chuan", "xac nhan", "chac chan", "tat nhien", "co chu", "dung the", "nhu vay", "chon"]);
const NO = split(["khong", "ko", "k", "kh", "khg", "hong", "khong co", "khong phai", "khong dung", "khong can", "khong a", "thoi", "thoi khong", "sai", "sai roi", "no", "n", "huy", "bo qua", "khoi", "de sau", "chua", "dung lai"]);

/** Whether the words of `ws` are a run of `phrases`, one after another, and nothing else. */
function coveredBy(ws: readonly string[], phrases: readonly string[][]): boolean {
  const reach = [true, ...ws.map(() => false)];
  for (let i = 0; i < ws.length; i++) {
    if (!reach[i]) continue;
    for (const p of phrases) if (p.every((w, k) => ws[i + k] === w)) reach[i + p.length] = true;
  }
  return ws.length > 0 && reach[ws.length] === true;
}

/** "có", "đúng rồi", "ok", "vâng ạ" → yes; "không", "thôi", "không phải" → no; anything else (or both) undefined. */
export function yesNo(text: string): "yes" | "no" | undefined {
  const ws = trimParticles(words(text).filter((w) => w !== "a" && w !== "nhe" && w !== "nha"));
  if (coveredBy(ws, YES)) return "yes";
  if (coveredBy(ws, NO)) return "no";
  return undefined;
}

// ---- A seat of the unit ----

/** What a seat is called in the conference file. */
export interface SeatWords {
  id: string;
  title: string;
}

/** The answer to "which seat?": one seat (its index), or every seat attends ("cả 4 người đều đi"). */
export type SeatPick = { kind: "seat"; index: number } | { kind: "all-attend" };

/** Words that name no seat: the place ("xã", "UBND", "thị trấn"), "vị trí", "ghế", "chọn", "tôi muốn trả lời". */
const SEAT_FILLER = new Set(["vi", "tri", "ghe", "chon", "cho", "cua", "o", "la", "toi", "em", "muon", "tra", "loi", "xa", "ubnd", "thi", "tran", "phuong", "huyen", "dong", "chi", "nguoi", "phan", "ve", "a", "nhe", "thu", "so", "cai"]);
const ALL_WORDS = split(["ca", "tat ca", "deu", "het", "toan bo", "day du", "du ca", "ca hai", "ca ba", "ca bon"]);
const ATTEND_VERBS = split(["di", "du", "tham du", "co mat", "tham gia", "di hop", "du hop", "den"]);

/** Whether `ws` says that every seat comes ("cả 4 người đều đi", "tất cả tham dự", "đi đủ cả"). */
function allAttend(ws: readonly string[], count: number): boolean {
  if (ws.some((w) => NEGATIONS.includes(w)) || firstPhrase(ws, ALL_WORDS) === undefined || firstPhrase(ws, ATTEND_VERBS) === undefined) return false;
  const numbers = ws.map((w) => (/^\d+$/.test(w) ? Number(w) : NUMBER_WORDS[w])).filter((n): n is number => n !== undefined);
  return numbers.every((n) => n === count);
}

/** Short forms of a seat's words: "ct xã" is "chủ tịch xã", "cc một cửa" "công chức một cửa". */
const SEAT_SHORT: Record<string, string> = { ct: "chu tich", pct: "pho chu tich", cc: "cong chuc", ccvc: "cong chuc", tthc: "thu tuc hanh chinh", kstthc: "kiem soat thu tuc hanh chinh", bp: "bo phan", tn: "tiep nhan", tkq: "tra ket qua" };

/** How well typed words name a seat: words found in its title, and its id typed whole ("cchc", "motcua"). */
function seatScore(seat: SeatWords, content: readonly string[], all: readonly string[]): { found: number; id: boolean } {
  const title = words(seat.title);
  // Titles are few and far apart: a typo in a word of four letters is still that word ("tihc").
  const found = content.filter((w) => title.some((t) => sameWord(w, t, 4))).length;
  let id = false;
  for (let i = 0; i < all.length && !id; i++) {
    for (let j = i + 1; j <= all.length && !id; j++) id = all.slice(i, j).join("") === seat.id;
  }
  return { found, id };
}

/**
 * Which seat typed words choose: "chu tich xa", "cong chuc cchc", "mot cua", "vi tri thu hai", "2",
 * or all of them ("ca 4 nguoi deu di"). One seat only when its title holds every word typed (or its
 * id is typed) and no other seat does as well; undefined otherwise.
 */
export function seatPick(seats: readonly SeatWords[], text: string): SeatPick | undefined {
  const ws = words(text);
  if (allAttend(ws, seats.length)) return { kind: "all-attend" };
  const n = ordinal(text, seats.length);
  if (n !== undefined) return n >= 1 && n <= seats.length ? { kind: "seat", index: n - 1 } : undefined;
  const content = trimParticles(ws)
    .flatMap((w) => (SEAT_SHORT[w] ?? w).split(" "))
    .filter((w) => !SEAT_FILLER.has(w));
  if (content.length === 0) return undefined;
  const scored = seats.map((s, index) => ({ index, ...seatScore(s, content, ws) }));
  const byId = scored.filter((s) => s.id);
  if (byId.length === 1) return { kind: "seat", index: (byId[0] as { index: number }).index };
  const whole = scored.filter((s) => s.found === content.length);
  if (whole.length === 1) return { kind: "seat", index: (whole[0] as { index: number }).index };
  return undefined;
}

// ---- The answer for one seat ----

/** What a typed answer for one seat says; a slot left out is asked for next. */
export type SeatAnswer =
  | { status: "attend"; self: true }
  | { status: "attend"; self?: false; name?: string; position?: string }
  | { status: "substitute"; name?: string; position?: string }
  | { status: "absent"; reason?: string };

const NEGATIONS = ["khong", "ko", "k", "kh", "khg", "hong", "chang", "khog"];
/** The words of coming after a negation: "không (thể) (đi|dự|tham dự|đến|có mặt) (được|kịp)". */
const COMING = new Set(["di", "du", "tham", "den", "co", "mat", "gia", "the", "duoc", "dc", "kip", "ve", "hop"]);
const COMING_VERBS = new Set(["di", "du", "tham", "den", "mat", "gia", "kip", "hop"]);

/** "không đi", "ko dự được", "không thể tham dự": a negation before a verb of coming; where the words of coming end. */
function negated(ws: readonly string[]): { at: number; end: number } | undefined {
  for (let i = 0; i < ws.length; i++) {
    if (!NEGATIONS.includes(ws[i] as string)) continue;
    let end = i + 1;
    while (end < ws.length && COMING.has(ws[end] as string)) end++;
    if (ws.slice(i + 1, end).some((w) => COMING_VERBS.has(w))) return { at: i, end };
  }
  return undefined;
}

const ABSENT_MARKS = split(["vang mat", "xin vang", "bao vang", "xin phep vang", "xin nghi", "nghi hop", "vang"]);
/** Reasons people give on their own: the answer is an absence with this reason. */
const REASONS = split(["di cong tac", "cong tac", "di hoc", "di tap huan", "tap huan", "om", "bi om", "nam vien", "benh", "bi benh", "co viec", "co viec rieng", "ban viec", "ban", "trung lich", "vuong lich", "hop khac", "ban hop", "nghi phep", "nghi om", "viec gia dinh", "di vien", "con om"]);
const SUBSTITUTE_VERBS = split(["di thay", "du thay", "hop thay", "tham du thay", "thay the", "thay mat", "thay"]);
const SENDERS = split(["cu", "nho", "giao", "de", "xin cu", "uy quyen", "cu nguoi", "nho nguoi", "cu dong chi"]);
const SELF = split(["toi", "em", "e", "minh", "mk", "mik", "tui", "chinh toi", "ban than toi", "toi la", "la toi", "anh", "chi"]);
const ATTEND_MARKS = split(["tham du", "co mat", "co di", "se di", "se tham du", "di duoc", "di hop", "du hop", "tham gia", "co", "di", "du", "dong y"]);
/** Words around the reason that are not the reason ("vì", "do", "lý do", "là"). */
const REASON_LEAD = new Set(["vi", "do", "ly", "la", "duoc", "tai", "boi", "nen", "vang", "mat"]);

/** The words of `tks` from `from` to the end, as typed, without a leading "vì", "do", "lý do:". */
function reasonFrom(tks: readonly Token[], from: number): string | undefined {
  let i = from;
  while (i < tks.length && REASON_LEAD.has((tks[i] as Token).word)) i++;
  const rest = tks.slice(i).map((t) => t.raw).join(" ").trim();
  return rest || undefined;
}

/** "bận việc không đi được": the words before the negation, when they are not the one typing ("tôi", "em"). */
function reasonBefore(tks: readonly Token[], ws: readonly string[], at: number): string | undefined {
  let start = 0;
  while (start < at && ["vang", "da", "thua"].includes(ws[start] as string)) start++;
  const before = ws.slice(start, at);
  if (before.every((w) => PARTICLES.has(w)) || coveredBy(before.filter((w) => !PARTICLES.has(w)), SELF)) return undefined;
  return tks.slice(start, at).map((t) => t.raw).join(" ").replace(/[,.;:]+$/, "").trim() || undefined;
}

const capital = (t: Token | undefined): boolean => t !== undefined && /^\p{Lu}/u.test(t.raw);

/** "Vàng A Sử …": the first word and the next are written with capitals and no comma between them: a name, not "vắng". */
function startsName(tks: readonly Token[]): boolean {
  return capital(tks[0]) && capital(tks[1]) && !(tks[0] as Token).breakAfter;
}

/** "vắng, đi công tác", "không đi được", "ốm": an absence, with its reason when one was typed. */
function absentAnswer(tks: readonly Token[], ws: readonly string[], typos: boolean): SeatAnswer | undefined {
  const no = negated(ws);
  if (no) {
    // "có, không đi được": a yes before the no is not an answer to save.
    if (no.at > 0 && firstPhrase(ws.slice(0, no.at), YES)?.at === 0 && !SELF.some((s) => s[0] === ws[0])) return undefined;
    return { status: "absent", reason: reasonFrom(tks, no.end) ?? reasonBefore(tks, ws, no.at) };
  }
  const mark = firstPhrase(ws, ABSENT_MARKS, typos);
  // "vâng" folds to "vang" as "vắng" does: "vâng, tôi đi" is a yes; "Vàng A Sử" is a name.
  if (mark && mark.at === 0 && !(mark.length === 1 && startsName(tks))) {
    const rest = ws.slice(mark.length);
    const vang = ws[0] === "vang" && mark.length === 1 && firstPhrase(rest, REASONS)?.at !== 0;
    if (vang && (rest.length === 0 || firstPhrase(rest, ATTEND_MARKS))) return undefined;
    return { status: "absent", reason: reasonFrom(tks, mark.length) };
  }
  const reason = firstPhrase(ws, REASONS, typos);
  if (reason && reason.at === 0 && !firstPhrase(ws, SUBSTITUTE_VERBS)) return { status: "absent", reason: tks.map((t) => t.raw).join(" ") };
  return undefined;
}

/** Words between "thay" and the name ("thay bằng anh …", "thay là …"). */
const SUBSTITUTE_LEAD = new Set(["bang", "la", "boi"]);

/** `tks` without the words of `lead` at its start (one word at least stays). */
function withoutLead(tks: readonly Token[], lead: ReadonlySet<string>): Token[] {
  let i = 0;
  while (i < tks.length - 1 && lead.has((tks[i] as Token).word)) i++;
  return tks.slice(i);
}

/** "cử anh Lò Văn Nam phó chủ tịch đi thay", "nhờ đồng chí Vàng A Sử công chức văn phòng dự thay", "cử người dự thay". */
function substituteAnswer(tks: readonly Token[], ws: readonly string[], write: PositionWriter | undefined, typos: boolean): SeatAnswer | undefined {
  const verb = firstPhrase(ws, SUBSTITUTE_VERBS, typos);
  const sender = firstPhrase(ws, SENDERS, typos);
  const sent = sender?.at === 0 ? sender : undefined;
  if (!verb && !sent) return undefined;
  const start = sent ? sent.length : 0;
  const end = verb && verb.at >= start ? verb.at : tks.length;
  // Words after "đi thay" may still be the name ("thay: Lò Văn Nam, phó chủ tịch").
  const inner = end > start ? tks.slice(start, end) : withoutLead(tks.slice(verb ? verb.at + verb.length : start), SUBSTITUTE_LEAD);
  const person = personIn(stripTail(inner), write);
  return { status: "substitute", ...person };
}

/** The end of a name part that is not the name: "đi", "dự", "nhé", "ạ" typed in lower case ("Lò Thị Du" keeps its name). */
function stripTail(tks: readonly Token[]): Token[] {
  let end = tks.length;
  while (end > 1 && ["di", "du", "a", "nhe", "nha", "ha", "thay", "ve", "hop"].includes((tks[end - 1] as Token).word) && !capital(tks[end - 1])) end--;
  return tks.slice(0, end);
}

/** The words of a run as typed: the stretch of the text they span when they follow one another, else joined by spaces. */
function asTyped(tks: readonly Token[]): string {
  const first = tks[0];
  const last = tks.at(-1);
  if (!first || !last) return "";
  const together = tks.every((t, i) => t.n === first.n + i && t.source === first.source);
  return together ? first.source.slice(first.at, last.at + last.raw.length) : tks.map((t) => t.raw).join(" ");
}

/** Words of yes that may open an answer ("ok đi", "dạ vâng, tôi đi", "vâng"); "có" is itself an answer of attending. */
const LEADING_YES = split(["vang", "da", "da vang", "ok", "oke", "okay", "oki", "okie", "uh", "uk", "um", "dong y", "dung roi", "duoc"]);

/** How many words at the start of `ws` only say yes (none when nothing else follows). */
function leadingYes(ws: readonly string[]): number {
  let i = 0;
  for (let step = firstPhrase(ws, LEADING_YES); step?.at === 0 && i + step.length < ws.length; step = firstPhrase(ws.slice(i), LEADING_YES)) i += step.length;
  return i;
}

/** "tôi đi", "có", "Lò Văn Hùng tham dự", "vâng, tôi đi": an attendance, by the one typing or by a person named. */
function attendAnswer(tks: readonly Token[], ws: readonly string[], write: PositionWriter | undefined, typos: boolean): SeatAnswer | undefined {
  const skip = leadingYes(ws);
  const rest = ws.slice(skip);
  const mark = firstPhrase(rest, ATTEND_MARKS, typos);
  if (!mark) return undefined;
  const others = [...rest.slice(0, mark.at), ...rest.slice(mark.at + mark.length)].filter((w) => !PARTICLES.has(w) && w !== "se");
  if (others.length === 0) return { status: "attend" };
  if (coveredBy(others, SELF)) return { status: "attend", self: true };
  const named = [...tks.slice(skip, skip + mark.at), ...tks.slice(skip + mark.at + mark.length)];
  const person = personIn(stripTail(named), write);
  return person.name ? { status: "attend", ...person } : undefined;
}

/** The answer for one seat: "có", "tôi đi", "không đi được", "vắng, đi công tác", "cử anh … đi thay", "2"; undefined when unsure. */
export function seatAnswer(text: string, options: { write?: PositionWriter } = {}): SeatAnswer | undefined {
  const { write } = options;
  const tks = tokens(text.replace(ADDRESS_SLASH, "dong chi"));
  const ws = tks.map((t) => t.word);
  if (ws.length === 0) return undefined;
  const joined = trimParticles([...ws]).join(" ");
  if (joined === "1" || joined === "tham du") return { status: "attend" };
  if (joined === "2" || joined === "cu nguoi du thay" || joined === "cu nguoi thay") return { status: "substitute" };
  if (joined === "3" || joined === "vang mat") return { status: "absent" };
  // Asked in this order: an absence ("không đi" holds "đi"), a substitute ("đi thay" holds "đi"),
  // then attending; every kind exactly before any with a typo ("tham" is one letter from "thay").
  const read = (typos: boolean) => absentAnswer(tks, ws, typos) ?? substituteAnswer(tks, ws, write, typos) ?? attendAnswer(tks, ws, write, typos);
  const found = read(false) ?? read(true);
  if (!found) return undefined;
  // A yes and a no in one answer ("có, không đi được") is not an answer to save.
  if (found.status === "attend" && (negated(ws) || firstPhrase(ws, REASONS)?.at === 0)) return undefined;
  return found;
}

// ---- Names and positions ----

/** The beginnings of a position, folded: where a name typed before a position ends. */
const POSITION_HEADS = split([
  "pho chu tich", "chu tich", "pho bi thu", "bi thu", "cong chuc", "can bo", "pho truong", "truong phong", "truong thon", "truong ban", "truong cong an", "chi huy", "van phong", "ke toan", "tu phap", "dia chinh",
  "van hoa", "thu ky", "chuyen vien", "pho giam doc", "giam doc", "uy vien", "cong an", "quan su", "nhan vien", "to truong", "thanh vien", "pho chanh", "chanh van phong", "lanh dao", "dai bieu",
]);

/**
 * The usual positions typed without marks, folded → the message that writes them with their marks
 * (`position-<key>` in each language's understand.ftl, in the words of the unit's kind: "Phó Chủ tịch UBND xã").
 */
const POSITION_KEYS: Record<string, string> = {
  "chu tich": "chair",
  "chu tich ubnd": "chair",
  "pho chu tich": "vice-chair",
  "pho chu tich ubnd": "vice-chair",
  "chu tich hdnd": "council-chair",
  "pho chu tich hdnd": "council-vice-chair",
  "bi thu": "party-secretary",
  "pho bi thu": "party-vice-secretary",
  "cong chuc van phong": "office",
  "van phong": "office",
  "cong chuc van phong thong ke": "office-statistics",
  "van phong thong ke": "office-statistics",
  "cong chuc tu phap": "justice",
  "tu phap": "justice",
  "cong chuc tu phap ho tich": "justice",
  "cong chuc dia chinh": "land",
  "dia chinh": "land",
  "cong chuc tai chinh": "finance",
  "ke toan": "finance",
  "cong chuc van hoa": "culture",
  "van hoa xa hoi": "culture",
  "cong chuc cchc": "reform",
  "cong chuc mot cua": "one-stop",
  "truong cong an": "police-chief",
  "chi huy truong quan su": "military-chief",
};

/** Writes a usual position (its key of POSITION_KEYS) in the unit's words; see `positionWriter`. */
export type PositionWriter = (key: string) => string;

/** The writer of usual positions for a unit of `kind`, in the language of `t` (the conference's). */
export function positionWriter(t: Translate, kind: UnitKind): PositionWriter {
  const place = t("position-place", { kind });
  return (key) => t(`position-${key}`, { place });
}

/** A position as it is kept: with its marks when it is one of the usual ones typed without them (and a writer is given); else as typed. */
export function positionForm(typed: string, write?: PositionWriter): string {
  const trimmed = typed.trim();
  const ws = words(trimmed).filter((w, i, all) => !(i === all.length - 1 && (w === "xa" || w === "ubnd")));
  const hasMarks = fold(trimmed) !== trimmed.toLowerCase().replace(/\s+/g, " ");
  const key = POSITION_KEYS[ws.join(" ")];
  return key && write && !hasMarks ? write(key) : trimmed;
}

/** A name and, when one follows it, a position: "Lò Văn Nam phó chủ tịch", "Vàng A Sử, công chức văn phòng". */
export function personIn(tks: readonly Token[], write?: PositionWriter): { name?: string; position?: string } {
  const words0 = tks.map((t) => t.word);
  let from = 0;
  while (from < tks.length - 1 && ["anh", "chi", "ong", "ba", "em", "co", "chu", "bac", "dong", "d/c", "dc"].includes(words0[from] as string)) {
    from += words0[from] === "dong" && words0[from + 1] === "chi" ? 2 : 1;
  }
  const rest = tks.slice(from);
  if (rest.length === 0) return {};
  const comma = rest.findIndex((t) => t.breakAfter);
  const head = firstPhrase(
    rest.map((t) => t.word),
    POSITION_HEADS,
  );
  // A position first ("phó chủ tịch UBND xã" alone) is no name.
  if (head?.at === 0) return {};
  const cut = comma >= 0 && comma < rest.length - 1 ? comma + 1 : head && head.at > 0 ? head.at : rest.length;
  const name = asTyped(rest.slice(0, cut)).replace(/,$/, "").trim();
  const position = asTyped(rest.slice(cut));
  if (!name || !/\p{L}/u.test(name) || /\d/.test(name)) return {};
  return { name, ...(position && { position: positionForm(position, write) }) };
}

/** The answer to "the name of the person attending?": the one typing ("tôi", "tôi đi"), or a name with its position. */
export type NameAnswer = { self: true } | { self?: false; name: string; position?: string };

/** A typed name: "Lo Van Hung", "chị Lò Thị Xuân" (the form of address is not the name), "tôi"; undefined for no name. */
export function nameAnswer(text: string, write?: PositionWriter): NameAnswer | undefined {
  const tks = stripTail(tokens(text.replace(ADDRESS_SLASH, "dong chi")));
  const ws = tks.map((t) => t.word);
  if (ws.length === 0) return undefined;
  if (coveredBy(ws.filter((w) => w !== "se"), SELF) && ws.length <= 3) return { self: true };
  if (ws.length > 12 || looksLikeQuestion(text)) return undefined;
  const person = personIn(tks, write);
  return person.name ? { name: person.name, ...(person.position && { position: person.position }) } : undefined;
}

// ---- A speech being collected ----

const FINISH = split(["xong", "xong roi", "gui xong", "gui xong roi", "da xong", "da gui xong", "het", "het roi", "het a", "xong het", "xong het roi", "nop", "nop di", "gui di", "done", "/xong", "ket thuc", "vay thoi", "chi co vay", "the thoi"]);

/** The words that end a draft once "đã gửi" is said before them. */
const FINISH_WORDS = split(["xong", "het", "ca", "roi", "xong het", "het ca", "ca roi"]);

/** "xong", "xong rồi nhé", "gửi xong rồi", "hết", "/xong" alone: the person ends the draft. */
export function finishesDraft(line: string): boolean {
  const ws = words(line.replace(/^\/xong\b/i, "xong"));
  if (ws.length === 0 || ws.length > 6) return false;
  const said = trimParticles(ws.filter((w) => !["a", "nhe", "nha", "ban", "bot", "em", "toi", "minh", "e"].includes(w)));
  // "đã gửi hết", "nộp xong rồi": "đã" and the verb of sending before the word that ends.
  let i = said[0] === "da" ? 1 : 0;
  if (["gui", "nop"].includes(said[i] as string) && i + 1 < said.length) i++;
  return coveredBy(said, FINISH) || (i > 0 && coveredBy(said.slice(i), FINISH_WORDS));
}

const QUESTION_STARTS = split(["khi nao", "bao gio", "luc nao", "may gio", "o dau", "cho nao", "lam sao", "the nao", "tai sao", "vi sao", "sao", "ai", "bao nhieu", "co phai", "cho hoi", "hoi", "xin hoi", "lam the nao", "han", "han chot", "co can", "can gi"]);
const QUESTION_ENDS = split(["chua", "khong", "ko", "khong a", "chua a", "the nao", "o dau", "bao gio", "khi nao", "may gio", "bao nhieu", "gi", "nao", "nhi"]);

/**
 * A short line that asks something ("khi nào hết hạn?", "nộp đến bao giờ", "đã nhận chưa"): it ends
 * with "?", or begins or ends with a question word. A long text, or one of several lines, is not one.
 */
export function looksLikeQuestion(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 120 || t.includes("\n")) return false;
  if (t.endsWith("?")) return true;
  const ws = words(t);
  if (ws.length === 0 || ws.length > 14) return false;
  if (QUESTION_STARTS.some((q) => q.every((w, k) => ws[k] === w))) return true;
  // The end as typed ("… nhỉ") or before the particles ("họp ở đâu vậy").
  return [ws, trimParticles(ws)].some((said) => said.length >= 2 && QUESTION_ENDS.some((q) => q.length < said.length && q.every((w, k) => said[said.length - q.length + k] === w)));
}
