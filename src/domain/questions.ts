// What a text typed in plain words means (issue 22): one recogniser over folded words for the questions
// and requests delegates and organizers type ("xa minh da xac nhan chua", "khi nao phai nop tham luan",
// "don vi nao chua tra loi", "diem danh 4C43PW"). A hand-written grammar: each word is folded, then
// mended (Telex leftovers, short forms, one or two typed letters off), then rules of phrase groups
// are matched; the rule that covers most words wins, a tie is a "did you mean".
import { editDistance } from "../conference/match.js";
import { HALL_ALPHABET, HALL_CODE_LENGTH } from "./attendance.js";
import { fold } from "../lib/text.js";
import { readWhenWhere, type WhenWhere } from "../lib/when.js";
import type { Role } from "../../storage/schema.js";

export const INTENTS = [
  "when",
  "where",
  "deadline",
  "deadline.rsvp",
  "deadline.speech",
  "agenda",
  "participants",
  "unit.answers",
  "rsvp.start",
  "rsvp.how",
  "speech.start",
  "score",
  "score.field",
  "ranking",
  "contact",
  "documents",
  "letter",
  "checkin",
  "checkin.onbehalf",
  "ack",
  "help",
  "report",
  "report.unanswered",
  "report.unsubmitted",
  "report.unacknowledged",
  "remind",
  "publish",
  "schedule.set",
] as const;
export type IntentName = (typeof INTENTS)[number];

/** An intent and the values it carries ("checkin" code, "score.field" field, "remind" what…). */
export interface Intent {
  name: IntentName;
  slots: Record<string, string>;
}

export type Understanding = { kind: "intent"; intent: Intent } | { kind: "ambiguous"; intents: Intent[] } | { kind: "none" };

// ---- Words ----

/** Groups of phrases (folded, one space between words). */
const W = {
  timeQ: ["khi nao", "bao gio", "ngay nao", "may gio", "gio nao", "hom nao", "luc nao", "thoi gian", "ngay gio", "thu may", "ngay may", "gio giac", "vao ngay", "hom may", "lich hop", "sang hay chieu", "buoi nao", "buoi sang hay chieu"],
  meeting: ["hop", "hoi nghi", "khai mac", "to chuc", "bat dau", "dien ra", "cuoc hop", "buoi hop"],
  whereQ: ["o dau", "dia diem", "cho nao", "noi nao", "hoi truong nao", "phong nao", "dia chi", "tai dau", "noi to chuc", "hop dau", "dau a", "o cho nao", "hay o", "o huyen hay"],
  deadline: ["han", "han chot", "thoi han", "het han", "truoc ngay", "cham nhat", "den han", "qua han", "han cuoi"],
  rsvp: ["dang ky", "xac nhan", "tra loi", "bao cao so luong", "tham du"],
  speech: ["tham luan", "bai tham luan", "bai phat bieu", "bai viet"],
  submit: ["nop", "gui", "chuyen", "up", "tai len"],
  answered: ["da xac nhan", "xac nhan chua", "da dang ky", "dang ky chua", "da tra loi", "tra loi chua", "dang ky roi", "xac nhan roi", "tinh hinh dang ky", "ket qua dang ky", "dang ky nhung ai", "dang ky nhu the nao roi", "da bao", "ai di roi", "nhung ai di", "du chua", "xac nhan du", "dang ky du"],
  attend: ["di hop", "se di", "tham du", "xac nhan tham du", "dang ky tham du", "bao tham du", "tra loi giay moi", "cu nguoi di", "dang ky di", "muon dang ky", "dang ky", "xac nhan", "tra loi"],
  how: ["the nao", "nhu the nao", "lam sao", "cach nao", "cach", "ra sao", "lam the nao", "huong dan"],
  score: ["diem", "diem so", "chi so", "chi so cchc", "diem cchc", "ket qua cham diem", "ket qua cchc", "bao nhieu diem", "duoc bao nhieu", "cham diem", "chi so cai cach hanh chinh", "may diem"],
  loss: ["tru diem", "mat diem", "bi tru", "diem thap", "thieu diem", "kem", "thap", "bi mat"],
  why: ["tai sao", "vi sao", "sao", "li do", "ly do", "tai vi sao", "nguyen nhan"],
  field: ["linh vuc", "lv", "muc", "phan", "tieu chi"],
  rank: ["xep hang", "xep thu", "thu hang", "hang may", "dung thu may", "bang xep hang", "xep loai", "dung thu", "hang thu", "xep thu may", "dung thu may", "dung dau", "cao nhat", "thap nhat", "dung cuoi"],
  contact: ["lien he", "lien lac", "so dien thoai", "dien thoai", "sdt", "hoi ai", "goi ai", "ai phu trach", "dau moi", "ban to chuc la ai", "zalo cua ban to chuc"],
  documents: ["tai lieu", "van ban", "tai lieu hop", "tai lieu hoi nghi", "tai lieu tham khao", "ke hoach"],
  letter: ["giay moi", "thu moi", "cong van moi"],
  checkin: ["diem danh", "check in", "co mat", "da den", "den roi", "da toi"],
  onbehalf: ["diem danh thay", "diem danh ho", "diem danh giup", "diem danh cho"],
  ack: ["da nhan", "nhan duoc", "nhan roi", "da doc", "doc roi", "ok", "oke", "okay", "ro roi", "da ro", "nam duoc", "da nam"],
  notice: ["thong bao", "tin nhan", "tin"],
  bot: ["bot", "chatbot", "tro ly ao"],
  help: ["tro giup", "huong dan", "giup do", "giup", "help", "lenh", "menu", "dung bot", "su dung", "lam gi", "khong biet", "cach dung", "dung the nao", "dung bot"],
  agenda: ["chuong trinh", "noi dung", "lich trinh", "chuong trinh hop", "noi dung hop", "chuong trinh hoi nghi", "ke hoach hop"],
  participants: ["thanh phan", "ai du", "nhung ai", "ai tham du", "bao nhieu nguoi", "moi ai"],
  report: ["bao cao", "tinh hinh", "tong hop", "thong ke", "so lieu"],
  notYet: ["chua tra loi", "chua dang ky", "chua xac nhan", "chua bao", "chua phan hoi", "chua co tra loi"],
  notSubmitted: ["chua nop", "chua gui", "chua co tham luan", "chua nop tham luan", "chua gui tham luan"],
  notAcked: ["chua nhan", "chua doc", "chua xem", "chua bam da nhan", "chua xac nhan thong bao", "chua nhan thong bao"],
  missing: ["thieu", "con thieu", "chua co"],
  remind: ["nhac", "nhac nho", "giuc", "doc thuc", "nhac lai", "don doc"],
  publish: ["cong bo", "cong khai", "gui ket qua", "cong bo diem", "cong bo ket qua"],
  schedule: ["dat lich", "doi lich", "lich hop", "chuyen lich", "doi gio", "doi ngay"],
} as const;

/** Short forms people type, and words written together, read as the words they stand for. */
const SHORT: Record<string, string> = {
  ko: "khong", k: "khong", kh: "khong", hok: "khong", khg: "khong", dc: "duoc", dk: "dang ky", dky: "dang ky", xn: "xac nhan", tl: "tra loi",
  ntn: "nhu the nao", bn: "bao nhieu", j: "gi", z: "vay", mk: "minh", mik: "minh", h: "gio", lv: "linh vuc", tg: "thoi gian", hn: "hoi nghi", btc: "ban to chuc",
  sdt: "so dien thoai", dt: "dien thoai", tb: "thong bao", ad: "ban to chuc", admin: "ban to chuc", checkin: "check in", oki: "ok", okie: "ok", uk: "ok", uh: "ok",
  diemdanh: "diem danh", dangky: "dang ky", xephang: "xep hang", thamluan: "tham luan", giaymoi: "giay moi", tailieu: "tai lieu", baocao: "bao cao",
  chuongtrinh: "chuong trinh", thongbao: "thong bao", lienhe: "lien he", trogiup: "tro giup", congbo: "cong bo", nhacnho: "nhac nho", datlich: "dat lich",
  danhan: "da nhan", xacnhan: "xac nhan", thanhphan: "thanh phan",
};

/** Every word the rules use: a typed word is mended towards one of these. */
const VOCABULARY: ReadonlySet<string> = new Set(
  [...Object.values(W).flat(), ...Object.values(SHORT), "chua", "minh", "toi", "xa", "don vi", "cua", "nao", "ai", "the", "thay", "ho", "vuc", "linh", "may", "bay gio", "nay", "nam", "ngoai"]
    .flatMap((p) => p.split(" ")),
);

/** "hopj" → "hop", "dieemr" → "diem", "ddax" → "da": a word typed with the Telex keys but no input method. */
function telexLeft(word: string): string {
  return word
    .replace(/dd/g, "d")
    .replace(/([aeo])\1/g, "$1")
    .replace(/([aou])w/g, "$1")
    .replace(/^(\p{L}+?)[sfrxj]$/u, "$1");
}

/** The vocabulary word a typed word stands for: itself, its Telex leftover, or one 1–2 letters off (words of 4+ letters). */
function mend(word: string): string {
  if (VOCABULARY.has(word) || /\d/.test(word)) return word;
  const telex = telexLeft(word);
  if (VOCABULARY.has(telex)) return telex;
  if (word.length < 4) return word;
  const allowed = word.length >= 7 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  let tie = false;
  for (const v of VOCABULARY) {
    if (v.length < 4 || Math.abs(v.length - word.length) > allowed) continue;
    const d = editDistance(word, v);
    if (d < bestDistance) [best, bestDistance, tie] = [v, d, false];
    else if (d === bestDistance) tie = true;
  }
  return best && !tie ? best : word;
}

/** A typed text as words: folded, punctuation dropped (a code, a date and a time stay one word), short forms and typos mended. */
export interface Words {
  /** The folded, mended words. */
  words: string[];
  /** The words as typed (marks and case kept). */
  typed: string[];
  /** What each typed word was read as (folded, mended; a short form its words). */
  read: string[];
  /** " w1 w2 … " for phrase search. */
  spaced: string;
}

export function wordsOf(text: string): Words {
  const typed = text
    .replace(/[?!,;"\u201C\u201D()\u2026]+/g, " ")
    .split(/\s+/)
    .map((w) => w.replace(/^[.:]+|[.:]+$/g, ""))
    .filter(Boolean);
  const read = typed.map((w) => {
    const f = fold(w);
    return SHORT[f] ?? SHORT[mend(f)] ?? mend(f);
  });
  const words = mendPairs(read.flatMap((r) => r.split(" ")));
  return { words, typed, read, spaced: ` ${words.join(" ")} ` };
}

/** The phrases of two words, written together: "thamluan" → "tham luan". */
const PAIRS: ReadonlyMap<string, string> = new Map(
  Object.values(W)
    .flat()
    .filter((p) => p.split(" ").length === 2)
    .map((p) => [p.replace(" ", ""), p] as const),
);

/** "tham lun", "xep hnag": two short words one letter off a phrase of the rules, read as it (too short to mend alone). */
function mendPairs(words: string[]): string[] {
  const out = [...words];
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i] as string;
    const b = out[i + 1] as string;
    if (VOCABULARY.has(a) && VOCABULARY.has(b)) continue;
    const joined = a + b;
    if (joined.length < 6 || /\d/.test(joined)) continue;
    for (const [key, phrase] of PAIRS) {
      if (Math.abs(key.length - joined.length) <= 1 && editDistance(key, joined) === 1) {
        out.splice(i, 2, ...phrase.split(" "));
        break;
      }
    }
  }
  return out;
}

const has = (w: Words, phrase: string): boolean => w.spaced.includes(` ${phrase} `);

/** The most words one of `phrases` covers in the text (0: none is in it). */
function covered(w: Words, phrases: readonly string[]): number {
  let best = 0;
  for (const p of phrases) if (has(w, p)) best = Math.max(best, p.split(" ").length);
  return best;
}

// ---- Rules ----

interface Rule {
  intent: IntentName;
  /** Every group must have one of its phrases in the text. */
  all: ReadonlyArray<readonly string[]>;
  /** Groups that add to the score when present. */
  some?: ReadonlyArray<readonly string[]>;
  /** None of these may be in the text. */
  not?: readonly string[];
  roles?: readonly Role[];
  /** Added to the words covered: a verb that decides ("nhắc") outweighs a noun; below zero, any other rule that applies wins. */
  weight?: number;
}

const ORG: readonly Role[] = ["organizer"];
const MEMBER: readonly Role[] = ["delegate", "guest"];

const RULES: readonly Rule[] = [
  { intent: "when", all: [W.timeQ], some: [W.meeting, W.agenda], not: [...W.deadline, ...W.speech, "dang ky", "xac nhan", "tra loi", "nop", "cong bo"] },
  { intent: "where", all: [W.whereQ], some: [W.meeting], not: [...W.documents, ...W.letter, "lay", "tai o dau"] },
  { intent: "deadline", all: [W.deadline], not: [...W.speech, ...W.rsvp, "giay moi"] },
  { intent: "deadline", all: [[...W.deadline, ...W.timeQ], W.rsvp, W.speech], weight: 1 },
  { intent: "deadline.rsvp", all: [[...W.deadline, ...W.timeQ], W.rsvp], not: ["chua"] },
  { intent: "deadline.speech", all: [[...W.deadline, ...W.timeQ], W.speech], some: [W.submit] },
  { intent: "deadline.speech", all: [[...W.deadline, ...W.timeQ], ["nop", "nop bai"]], not: W.rsvp },
  { intent: "agenda", all: [W.agenda], not: ["tham luan"] },
  { intent: "participants", all: [W.participants] },
  { intent: "unit.answers", all: [W.answered], some: [["xa minh", "don vi minh", "xa toi", "don vi toi", "chung toi", "minh"]], roles: MEMBER, weight: 1 },
  { intent: "unit.answers", all: [W.notYet], roles: MEMBER },
  { intent: "rsvp.start", all: [W.attend], not: [...W.timeQ, ...W.how, "chua", "roi", "khong", "ai", "nao", "thanh phan", ...W.deadline] },
  { intent: "rsvp.how", all: [W.how, W.rsvp], not: ["chua"] },
  { intent: "speech.start", all: [W.speech], some: [W.submit], not: [...W.timeQ, ...W.deadline, "chua", ...W.remind] },
  { intent: "score", all: [W.score], some: [["cua xa", "xa minh", "don vi"]], not: ["diem danh", ...W.publish, ...W.rank, "tru diem", "mat diem", "chua", ...W.why] },
  { intent: "score.field", all: [W.loss], some: [W.why, W.field, W.score], not: ["diem danh"], weight: 1 },
  { intent: "score.field", all: [W.why, W.score], some: [W.field], not: ["diem danh"], weight: 1 },
  { intent: "ranking", all: [W.rank] },
  { intent: "contact", all: [W.contact] },
  { intent: "documents", all: [W.documents] },
  { intent: "letter", all: [W.letter], not: [...W.deadline, "da nhan"] },
  { intent: "checkin", all: [W.checkin], not: ["chua"] },
  { intent: "checkin.onbehalf", all: [W.onbehalf], roles: ORG, weight: 1 },
  { intent: "ack", all: [W.ack], some: [W.notice], not: ["chua", "ai", "nao", "giay moi", "tai lieu", "diem"] },
  { intent: "help", all: [W.help] },
  // "bot làm được gì": a question about the bot itself, when it says nothing else the rules know.
  { intent: "help", all: [W.bot], not: ["cam on"], weight: -0.5 },
  { intent: "report", all: [W.report], roles: ORG },
  { intent: "report.unanswered", all: [W.notYet], some: [["don vi nao", "xa nao", "ai", "nhung xa nao", "nhung don vi nao", "nao"]], roles: ORG, not: [...W.remind, "thong bao"] },
  { intent: "report.unsubmitted", all: [W.notSubmitted], some: [W.speech, ["don vi nao", "xa nao", "ai", "nao"]], roles: ORG, not: W.remind },
  { intent: "report.unacknowledged", all: [W.notAcked], some: [W.notice, ["ai", "nao"]], roles: ORG, not: W.remind },
  // "ai chưa xác nhận đã nhận thông báo": "chưa", then a word of receiving, then the notice.
  { intent: "report.unacknowledged", all: [["chua"], ["da nhan", "nhan duoc", "doc", "xem", "nhan"], W.notice], roles: ORG, not: W.remind },
  // "tham luận còn thiếu xã nào", "đăng ký còn thiếu đơn vị nào": what is missing, by its subject.
  { intent: "report.unsubmitted", all: [W.missing, W.speech], roles: ORG, not: W.remind, weight: 1 },
  { intent: "report.unanswered", all: [W.missing, W.rsvp], roles: ORG, not: [...W.remind, ...W.speech], weight: 1 },
  { intent: "remind", all: [W.remind], some: [W.speech, W.rsvp, ["chua"]], roles: ORG, weight: 2 },
  { intent: "publish", all: [W.publish], some: [W.score], roles: ORG },
];

/** The score of `rule` on the text: words covered plus its weight, or 0 when it does not apply. */
function scoreOf(rule: Rule, w: Words, role: Role): number {
  if (rule.roles && !rule.roles.includes(role)) return 0;
  if (rule.not?.some((p) => has(w, p))) return 0;
  let total = 0;
  for (const group of rule.all) {
    const n = covered(w, group);
    if (n === 0) return 0;
    total += n;
  }
  for (const group of rule.some ?? []) total += covered(w, group);
  return total + (rule.weight ?? 0);
}

// ---- Slots ----

const NUMBER_WORDS: Record<string, string> = {
  mot: "1", hai: "2", ba: "3", bon: "4", tu: "4", nam: "5", sau: "6", bay: "7", tam: "8", chin: "9", muoi: "10",
  i: "1", ii: "2", iii: "3", iv: "4", v: "5", vi: "6", vii: "7", viii: "8", ix: "9", x: "10",
};

/** "lĩnh vực 3", "lĩnh vực thứ ba", "LV3", "mục III": the field's number. */
function fieldNumber(w: Words): string | undefined {
  const { words } = w;
  for (let i = 0; i < words.length; i++) {
    const joined = /^(?:lv|linhvuc)(\d{1,2})$/.exec(words[i] as string);
    if (joined) return joined[1];
    const isField = (words[i] === "linh" && words[i + 1] === "vuc") || ["muc", "phan", "tieu"].includes(words[i] as string);
    if (!isField) continue;
    let j = i + (words[i] === "muc" || words[i] === "phan" ? 1 : 2);
    if (words[j] === "thu" || words[j] === "so") j += 1;
    const n = words[j] as string | undefined;
    if (n && /^\d{1,2}$/.test(n)) return n;
    if (n && NUMBER_WORDS[n]) return NUMBER_WORDS[n];
  }
  return undefined;
}

/**
 * A word shaped like a hall code: 4–8 letters and digits with at least one digit, or — since a code
 * drawn from the hall alphabet may have no digit at all ("KXMPQR") — a word of the code's length in
 * that alphabet that is none of the words the rules know.
 */
function hallCodeIn(w: Words): string | undefined {
  const withDigit = w.typed.find((t) => /^[A-Za-z0-9]{4,8}$/.test(t) && /\d/.test(t) && /[A-Za-z]/.test(t));
  if (withDigit) return withDigit;
  const letters = new RegExp(`^[${HALL_ALPHABET}]{${HALL_CODE_LENGTH}}$`, "i");
  return w.typed.find((t) => letters.test(t) && !VOCABULARY.has(fold(t)));
}

/** The words typed after the first of `phrases` (as typed, marks kept): "điểm danh thay Mường So 2" → "Mường So 2". */
function after(w: Words, phrases: readonly string[]): string | undefined {
  const folded = w.typed.map((t) => fold(t));
  for (const p of phrases) {
    const parts = p.split(" ");
    for (let i = 0; i + parts.length <= folded.length; i++) {
      if (parts.every((x, k) => folded[i + k] === x)) {
        const rest = w.typed.slice(i + parts.length).join(" ").trim();
        return rest || undefined;
      }
    }
  }
  return undefined;
}

/** Words that lead to the unit checked in on behalf of ("thay cho Sì Lở Lầu", "giúp cho xã …"): not its name. */
const ON_BEHALF_LEAD = new Set(["thay", "ho", "giup", "cho"]);

/** The unit named after "điểm danh thay", as typed, without the words that lead to it. */
function onBehalfUnit(typed: string | undefined): string | undefined {
  const ws = (typed ?? "").trim().split(/\s+/).filter(Boolean);
  let i = 0;
  while (i < ws.length - 1 && ON_BEHALF_LEAD.has(fold(ws[i] as string))) i++;
  return ws.slice(i).join(" ") || undefined;
}

/** Words that say "ours" or only fill a sentence: what is left after them names a unit. */
const FILLER = new Set(["cua", "xa", "minh", "toi", "chung", "don", "vi", "a", "nhe", "voi", "oi", "cho", "hoi", "xem", "biet", "duoc", "bao", "nhieu", "la", "ban", "nay", "the", "nao", "gi", "vay", "phuong", "thi", "tran", "ubnd", "em", "anh", "chi", "dong", "ket", "qua", "cchc", "nhu", "ra", "sao", "muon", "can", "tra", "cuu", "kiem", "may"]);
/** Phrases that never name a unit though their words might ("năm nay", "điểm số"). */
const NOT_UNIT = ["nam nay", "nam ngoai", "diem so", "chi so", "bao nhieu", "cai cach hanh chinh", "may diem"];

/** The unit a score question names ("điểm xã Nậm Xe"), as typed; none for "ours". */
function unitNamed(w: Words, used: readonly string[]): string | undefined {
  const skip = new Set<number>();
  const phrases = [...used, ...NOT_UNIT].map((p) => p.split(" ")).sort((a, b) => b.length - a.length);
  for (const parts of phrases) {
    for (let i = 0; i + parts.length <= w.read.length; i++) {
      if (!parts.every((x, k) => w.read[i + k] === x && !skip.has(i + k))) continue;
      for (let k = 0; k < parts.length; k++) skip.add(i + k);
    }
  }
  const fills = (read: string) => NOT_UNIT.includes(read) || read.split(" ").every((x) => FILLER.has(x));
  const rest = w.typed.filter((_, i) => !skip.has(i) && !fills(w.read[i] as string));
  return rest.length > 0 ? rest.join(" ") : undefined;
}

/** What a reminder is about: the answers or the speeches (none: the command asks). */
function remindWhat(w: Words): string | undefined {
  if (covered(w, W.speech) > 0 || has(w, "chua nop")) return "speech";
  if (covered(w, W.rsvp) > 0 || has(w, "chua tra loi")) return "rsvp";
  return undefined;
}

function slotsOf(name: IntentName, w: Words): Record<string, string> {
  const slots: Record<string, string> = {};
  const put = (k: string, v: string | undefined) => {
    if (v) slots[k] = v;
  };
  if (name === "checkin") put("code", hallCodeIn(w));
  if (name === "checkin.onbehalf") put("unit", onBehalfUnit(after(w, ["diem danh thay", "diem danh ho", "diem danh giup", "diem danh cho", "diemdanh thay", "diemdanh ho"])));
  if (name === "score.field") put("field", fieldNumber(w));
  if (name === "score") put("unit", unitNamed(w, W.score));
  if (name === "remind") put("what", remindWhat(w));
  return slots;
}

// ---- A time and place without a command ----

/** Words a schedule change may carry besides its day, hour and place ("họp", "đổi lịch sang"). */
const SCHEDULE_WORDS = new Set(["sang", "lich", "doi", "dat", "chuyen", "hop", "hoi", "nghi", "to", "chuc", "khai", "mac", "se", "la", "vao", "luc", "ngay"]);

/** The words of a question: a text holding one asks, it does not set the day. */
const SCHEDULE_QUESTION = ["nao", "gi", "o dau", "tai dau", "hop dau", "dau vay", "dau a", "may gio", "bao gio", "khong", "chua", "phai khong"];

/** An organizer's "20/6 lúc 8h sáng tại hội trường UBND huyện", "8h sáng mai họp": a day, and an hour or a place, and no other words. */
export function scheduleIn(text: string): WhenWhere | undefined {
  // "mai họp ở đâu", "20/6 họp hội trường nào": a question about the day, not a change of it.
  if (text.includes("?") || covered(wordsOf(text), SCHEDULE_QUESTION) > 0) return undefined;
  const read = readWhenWhere(text);
  if ((!read.day && read.inDays === undefined) || (!read.time && !read.place)) return undefined;
  if (read.unknown.some((u) => !SCHEDULE_WORDS.has(fold(u)))) return undefined;
  return read;
}

// ---- The recogniser ----

/** What `text` means for a person of `role`: one intent, two or three to choose from, or nothing understood. */
export function understand(text: string, role: Role): Understanding {
  if (role === "organizer" && scheduleIn(text)) return { kind: "intent", intent: { name: "schedule.set", slots: { text: text.trim() } } };
  const w = wordsOf(text);
  if (w.words.length === 0) return { kind: "none" };
  const best = new Map<IntentName, number>();
  for (const rule of RULES) {
    const s = scoreOf(rule, w, role);
    if (s > 0 && s > (best.get(rule.intent) ?? 0)) best.set(rule.intent, s);
  }
  const ranked = [...best.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  if (!top) return { kind: "none" };
  const tied = ranked.filter(([, s]) => s === top[1]).slice(0, 3);
  const intents = tied.map(([name]) => ({ name, slots: slotsOf(name, w) }));
  if (intents.length === 1) return { kind: "intent", intent: intents[0] as Intent };
  return { kind: "ambiguous", intents };
}

/** "/diemdanh thay Mường So": a command's arguments in words that mean another intent of it. */
export function commandInWords(command: string, args: string, role: Role): Intent | undefined {
  if (command !== "diemdanh" || role !== "organizer") return undefined;
  if (!/^(?:thay|ho|giup|cho)\s+(.+)$/.test(fold(args))) return undefined;
  const unit = onBehalfUnit(args);
  return unit ? { name: "checkin.onbehalf", slots: { unit } } : undefined;
}
