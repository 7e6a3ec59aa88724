// Bad input for the bad-input suite: generators of text and files people may send, and the catalogue of refusal sentences.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { IncomingFile, Reply } from "../../src/messages/types.js";
import { ROOT } from "../../src/config/paths.js";
import type { I18n } from "../../src/lib/i18n.js";
import type { Data } from "../../storage/schema.js";

// ---- text ----------------------------------------------------------------------------------

/** Pieces that break naive code: odd Unicode, control characters, markup, numbers and dates out of range. */
export const UNICODE_PIECES = [
  "🎉",
  "👨‍👩‍👧‍👦",
  "🇻🇳",
  "a\u0301\u0323\u0302",
  "\u0300\u0301\u0303",
  "e\u0302\u0301", // ế decomposed
  "مرحبا بالعالم",
  "שלום",
  "\u200F\u200E",
  "\u200B",
  "\u200C\u200D",
  "\uFEFF",
  "\u00A0",
  "\u2028",
  "\u3000",
  "ｆｕｌｌｗｉｄｔｈ １２",
  "𝕳𝖔𝖎 𝖓𝖌𝖍𝖎",
  "\uD800",
  "\uDC00x",
  "\uFFFD",
  "漢字",
  "Đ đ Ư ư Ơ ơ",
];

/** Characters the router refuses (error-control-chars) and those it lets through (tab, line breaks). */
export const CONTROL_PIECES = ["\u0000", "\u0007", "\u001B[31m", "\b", "\u007F", "\u202E", "\u2066x\u2069", "\r", "\t", "\r\n", "\n\n\n", "\u000B", "\u0085"];

export const MARKUP_PIECES = [
  "<b>đậm</b>",
  "</b>",
  "<i>",
  "&amp;",
  "&lt;script&gt;",
  "&",
  "<script>alert(1)</script>",
  '<a href="http://x">x</a>',
  "*_[]()~`>#+-=|{}.!",
  "**đậm**",
  "__x__",
  "[liên kết](http://example.com)",
  "```\ncode\n```",
  "\\",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax is the bad input here.
  "${x}",
  "{ $name }",
  "%s %d",
  "'; DROP TABLE--",
];

export const NUMBER_PIECES = ["0", "-1", "999999999", "1e309", "NaN", "Infinity", "-0", "00", "1.5", "0x10", "１２", "9".repeat(40), "4294967296", "2", "3", "4", "5", "100"];

export const DATE_PIECES = [
  "31/02/2027 10:00",
  "2027-13-01",
  "20/06/27",
  "hôm nay",
  "25:61",
  "20/06/2027 24:00",
  "29/02/2027 08:00",
  "00/00/0000 00:00",
  "32/12/2027 10:00",
  "20-06-2027",
  "2027-06-20T14:00",
  "20/6/2027 7h30",
  "1/1/275760 00:00",
  "20/06/2027 14:00",
  "20/06/2020 14:00",
  "01/05/2027 09:00",
  "07:30 20/06",
  "lúc 7h 20/6",
  "ngày mai",
  "20/06/2027 14:00 14:00",
  "14:00",
];

/** Look-alike unit names: Cyrillic letters, doubled spaces, decomposed diacritics, truncated names. */
export const UNIT_PIECES = [
  "Мường So", // Cyrillic М
  "Mường Ѕo", // Cyrillic Ѕ
  "Muong  So",
  "Mường So".normalize("NFD"),
  "Mườ",
  "Mường",
  "mUONG sO",
  "Mường So",
  "UBND xã Mường So",
  "Bản Lang",
  "Ban Lang",
  "Phong Thổ",
  "Thị trấn",
  "Nậm Xe",
  "muong-so",
  "xã",
  "M",
  "Mường\u200BSo",
  "Mường So Mường So",
  "bantochuc",
];

/** Words commands take, to reach past the first check of each command. */
export const COMMAND_WORDS = [
  "thamdu",
  "tham dự",
  "thay",
  "vang",
  "vắng mặt",
  "chair",
  "cchc",
  "1",
  "2",
  "9",
  "?",
  "rut",
  "dangky",
  "capmoi",
  "thuhoi",
  "moi",
  "xacnhan",
  "confirm",
  "huy",
  "mau",
  "guilai",
  "trangthai",
  "thamluan",
  "tatca |",
  "xa; lúc 25:61 |",
  "donvi Мường So, Bản Lang |",
  "lúc 07:30 20/06/2027 |",
  "chapnhan",
  "sua",
  "v1",
  "v99999",
  "khong",
  "abcdef",
  "12345678",
  "|",
  "||",
  "donvi",
];

const PIECES = [...UNICODE_PIECES, ...CONTROL_PIECES, ...MARKUP_PIECES, ...NUMBER_PIECES, ...DATE_PIECES, ...UNIT_PIECES, ...COMMAND_WORDS];

/** Text of a given length, built by repeating a piece (cheap even at 60,000 characters). */
export const overlongText = fc
  .tuple(fc.constantFrom(201, 501, 1001, 2001, 3999, 4001, 4065, 10_001, 50_001, 60_000), fc.constantFrom("a", "Mường ", "<b>&amp;</b>", "🎉", "e\u0301", " ", "1"))
  .map(([n, piece]) => piece.repeat(Math.ceil(n / piece.length)).slice(0, n));

/** Any text a person might send as arguments or as a message. */
export const badText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 20 }) },
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((a) => a.join(" ")) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...COMMAND_WORDS), fc.constantFrom(...PIECES), fc.constantFrom(" ", "", ", ", " | ")).map(([w, p, s]) => `${w}${s}${p}`) },
  { weight: 1, arbitrary: overlongText },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...COMMAND_WORDS), overlongText).map(([w, t]) => `${w} ${t}`) },
  { weight: 1, arbitrary: fc.constant("") },
);

/**
 * Characters no document may carry, or XML cannot: the noncharacters (U+FFFE and U+FFFF broke the
 * sign-in list), controls XML forbids, C1 controls, lone surrogate halves, and markup that a careless
 * writer would put into XML as it is.
 */
export const XML_HOSTILE_PIECES = [
  "\uFFFE",
  "\uFFFF",
  "\uFDD0",
  "\uFDEF",
  "\u{1FFFE}",
  "\u{10FFFF}",
  "\uD800",
  "\uDFFF",
  "\u0001",
  "\u000B",
  "\u001F",
  "\u0085",
  "\u009F",
  "\uFEFF",
  "\u202E",
  "]]>",
  "<w:t>",
  "&#xFFFE;",
  "<?xml",
  '"',
  "'",
];

/** A name, an answer or a place as a hostile person might type it: Vietnamese words mixed with the pieces above, or any bad text. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...XML_HOSTILE_PIECES) },
          { weight: 2, arbitrary: fc.constantFrom("Lò Văn Minh", "Tao Thị Hoa", "Phó Chủ tịch UBND xã", "Đi công tác", "Hội trường") },
          { weight: 1, arbitrary: fc.constantFrom(...UNICODE_PIECES, ...MARKUP_PIECES) },
          { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
        ),
        { minLength: 1, maxLength: 5 },
      )
      .map((a) => a.join("")),
  },
  { weight: 1, arbitrary: badText },
);

// ---- files ---------------------------------------------------------------------------------

export interface FileSpec {
  kind: "document" | "photo";
  name: string;
  mime: string;
  /** What the platform announced. */
  size: number;
  /** What the download gives. */
  bytes: Buffer;
}

export const SAMPLE_CSV = path.join(ROOT, "scores", "phong-tho-2023.sample.csv");
const sample = () => readFileSync(SAMPLE_CSV);

const FILE_NAMES = [
  "",
  "thamluan.docx",
  "tham luận xã Mường So.pdf",
  "x.exe",
  "../../etc/passwd",
  "..\\..\\boot.ini",
  "файл.txt",
  "bảng điểm.xlsx",
  "bang-diem.csv",
  "noext",
  ".hidden",
  `${"a".repeat(300)}.pdf`,
  "x.DOCX",
  "<b>x</b>.pdf",
  "🎉.png",
  "page.jpg",
  "a.jpeg",
  "x.heic",
  "bảng.xls",
  "x.csv.exe",
  "con\u0000trol.txt",
  "x.",
  "x.zip",
];
const EXTENSIONS = [".docx", ".pdf", ".txt", ".odt", ".doc", ".jpg", ".png", ".webp", ".csv", ".xlsx", ".xls", ".exe", ".zip", "", ".PDF", ".tar.gz"];
const MIMES = [
  "",
  "application/octet-stream",
  "application/pdf",
  "text/plain",
  "text/csv",
  "text/html",
  "image/jpeg",
  "image/png",
  "image/gif",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel",
  "application/zip",
  "application/x-msdownload",
  "IMAGE/JPEG",
  "image/",
];
/** Sizes around every limit of the bot (5 MB tables, 10 MB speeches, 20 MiB notices) and some that no platform sends. */
const SIZES = [0, 1, 1000, 4_999_999, 5_000_000, 5_000_001, 9_999_999, 10_000_000, 10_000_001, 20_971_520, 20_971_521, 2 ** 31, 2 ** 53, -1];

/** Byte contents: random, empty, the headers of real formats, and the sample score table broken in one place. */
const fileBytes: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 4, arbitrary: fc.uint8Array({ maxLength: 600 }).map((a) => Buffer.from(a)) },
  { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom("PK\u0003\u0004", "%PDF-1.4\n", "\u00FF\u00D8\u00FF\u00E0", "\u0089PNG\r\n\u001A\n", "\uFEFF", "\u00FF\u00FE"), fc.uint8Array({ maxLength: 200 })).map(([head, rest]) =>
      Buffer.concat([Buffer.from(head, "latin1"), Buffer.from(rest)]),
    ),
  },
  { weight: 3, arbitrary: brokenSample() },
  { weight: 1, arbitrary: fc.constant(null).map(() => Buffer.alloc(5_000_001, 0x41)) },
);

/** The sample table with one cell (or line) replaced by bad input, as bytes. */
export function brokenSample(): fc.Arbitrary<Buffer> {
  return fc
    .tuple(fc.nat(), fc.nat(), fc.constantFrom(...NUMBER_PIECES, ...UNIT_PIECES, ...MARKUP_PIECES, "", '"', "\n", ";", ","), fc.constantFrom("cell", "line", "truncate", "as-is", "latin1"))
    .map(([r, c, value, how]) => {
      const text = sample().toString("utf8");
      const lines = text.split("\r\n");
      const row = r % lines.length;
      if (how === "as-is") return sample();
      if (how === "latin1") return Buffer.from(text, "latin1");
      if (how === "truncate") return Buffer.from(text.slice(0, (r * 7919) % text.length), "utf8");
      if (how === "line") lines[row] = value;
      else {
        // Cells split naively at commas: a quoted header may break too, which is bad input as well.
        const cells = (lines[row] ?? "").split(",");
        cells[c % Math.max(1, cells.length)] = value;
        lines[row] = cells.join(",");
      }
      return Buffer.from(lines.join("\r\n"), "utf8");
    });
}

export const fileSpec: fc.Arbitrary<FileSpec> = fc
  .record({
    kind: fc.constantFrom("document" as const, "photo" as const),
    name: fc.oneof(fc.constantFrom(...FILE_NAMES), fc.tuple(fc.string({ unit: "grapheme", maxLength: 12 }), fc.constantFrom(...EXTENSIONS)).map(([s, e]) => s + e)),
    mime: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...MIMES) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }),
    size: fc.oneof(fc.constantFrom(...SIZES), fc.nat({ max: 100_000 })),
    announcedIsReal: fc.boolean(),
    bytes: fileBytes,
  })
  .map(({ announcedIsReal, ...f }) => ({ ...f, size: announcedIsReal ? f.bytes.length : f.size }));

export function incomingFile(spec: FileSpec): IncomingFile {
  return { kind: spec.kind, name: spec.name, mime: spec.mime, size: spec.size, download: async () => spec.bytes };
}

/** For messages: a file without its bytes. */
export function describeFile(spec: FileSpec | undefined): string {
  if (!spec) return "";
  return ` +${spec.kind}(${JSON.stringify(spec.name.slice(0, 40))}, ${JSON.stringify(spec.mime)}, announced ${spec.size}, ${spec.bytes.length} bytes)`;
}

/** Shortens a generated text for an assertion message (some are 60,000 characters). */
export function show(text: string, max = 160): string {
  const s = JSON.stringify(text);
  return s.length > max ? `${s.slice(0, max)}… (${text.length} chars)` : s;
}

// ---- unit names ----------------------------------------------------------------------------

/**
 * A way of typing a unit's name that must still find it: case changed letter by letter,
 * diacritics dropped or decomposed, đ typed as d, extra spaces and punctuation, a kind word in front.
 */
export function unitSpelling(name: string): fc.Arbitrary<string> {
  return fc
    .record({
      cases: fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }),
      marks: fc.constantFrom("keep", "strip", "nfd"),
      spaces: fc.constantFrom(" ", "  ", " \u00A0", "\t", " - ", ", ", "\u200B "),
      prefix: fc.constantFrom("", "UBND ", "xã ", "Ủy ban nhân dân ", "  "),
      suffix: fc.constantFrom("", " ", ".", "!", "?"),
    })
    .map(({ cases, marks, spaces, prefix, suffix }) => {
      let s = [...name].map((ch, i) => (cases[i] ? ch.toUpperCase() : ch.toLowerCase())).join("");
      if (marks === "strip") s = s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
      if (marks === "nfd") s = s.normalize("NFD");
      return `${prefix}${s.split(" ").join(spaces)}${suffix}`;
    });
}

// ---- answers -------------------------------------------------------------------------------

/** Vietnamese letters that carry a diacritic: every Vietnamese sentence of the bot has one. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

export function isVietnamese(text: string): boolean {
  return VIETNAMESE.test(text.normalize("NFC"));
}

/** The text a person reads of each reply (a file or photo: its caption). */
export function replyTexts(replies: Reply[]): Array<{ kind: Reply["kind"]; text: string | undefined }> {
  return replies.map((r) => (r.kind === "text" || r.kind === "choices" ? { kind: r.kind, text: r.text } : { kind: r.kind, text: r.caption }));
}

/**
 * The refusals: each says what was wrong and that nothing was done. Chosen deliberately from the
 * locale files, by feature; a test checks that every key matching the usual refusal names
 * ("-usage", "-too-long", "-empty", ...) is either here or listed in NOT_REFUSALS with its reason.
 */
export const REFUSAL_KEYS = [
  // /hoinghi and the conference a message goes to (issue 26).
  "conference-unknown",
  "conference-not-named",
  "conference-close-organizers",
  "conference-closed-readonly",
  "conference-already-closed",
  // The router: every command.
  "error-too-long",
  "error-no-args",
  "error-control-chars",
  "error-not-saved",
  "not-allowed-delegate",
  "not-allowed-organizer",
  "unknown-command",
  "hint-free-text",
  "hint-empty",
  "file-not-expected",
  "file-too-large",
  "file-wrong-type",
  "choice-stale",
  "choice-out-of-range",
  // Joining, schedule, invites, cancel.
  "code-wrong",
  "code-malformed",
  "code-not-right",
  "code-revoked",
  "code-slow-down",
  "unit-unknown",
  "unit-unknown-suggest",
  "schedule-usage",
  "schedule-bad-date",
  "schedule-in-past",
  "schedule-place-too-long",
  "invites-usage",
  "invites-none-active",
  "cancel-nothing",
  // Attendance.
  "rsvp-no-unit",
  "rsvp-deadline-passed",
  "rsvp-seat-unknown",
  "rsvp-word-unknown",
  "rsvp-attend-no-name",
  "rsvp-substitute-no-name",
  "rsvp-substitute-no-position",
  "rsvp-absent-no-reason",
  "rsvp-reason-too-long",
  "rsvp-name-too-long",
  "rsvp-position-too-long",
  "checkin-usage",
  "checkin-organizer-usage",
  "checkin-not-scheduled",
  "checkin-not-open",
  "checkin-closed",
  "checkin-code-wrong",
  "checkin-already",
  "remind-usage",
  "remind-rsvp-nobody",
  "remind-speech-nobody",
  "remind-rsvp-deadline-passed",
  "remind-speech-deadline-passed",
  // Speeches and speakers.
  "speech-no-unit",
  "speech-not-assigned",
  "speech-deadline-passed",
  "speech-empty",
  "speech-too-long",
  "speech-part-too-long",
  "speech-part-empty",
  "speech-busy",
  "speech-not-collecting",
  "speech-nothing-collected",
  "speech-nothing-to-withdraw",
  "speech-withdraw-reviewed",
  "speech-withdraw-stale",
  "speech-file-type",
  "speech-file-too-large",
  "speech-file-empty",
  "review-usage",
  "review-not-assigned",
  "review-nothing",
  "review-stale",
  "review-already-accepted",
  "review-note-too-long",
  "review-none-assigned",
  "speak-too-long",
  "speak-empty",
  "speak-duplicate",
  "speak-no-unit",
  "speak-nothing-to-withdraw",
  "speak-not-found",
  // Scores.
  "scores-embargo",
  "scores-none",
  "score-unit-not-in-table",
  "import-usage",
  "import-nothing-pending",
  "import-stale",
  "import-refused",
  "publish-no-table",
  "publish-already-done",
  "publish-not-yet",
  "publish-usage",
  "publish-stale",
  // Notices.
  "notice-empty",
  "notice-file-needs-text",
  "notice-too-long",
  "notice-time-bad",
  "notice-time-past",
  "notice-audience-unknown",
  "notice-audience-empty",
  "notice-audience-missing",
  "notice-units-missing",
  "notice-expired",
  "notice-already-confirmed",
  "notice-nothing-to-cancel",
  "notice-already-cancelled",
  "notice-cancel-too-late",
  "notice-unknown",
  "notice-not-ackable",
  "notice-resend-nobody",
  "notice-ack-none",
  "notice-ack-unknown",
  "notice-change-stale",
  "notice-change-already",
  "notice-status-hint",
  // Conversations that never dead-end (issue 12): check-in by person, answers on behalf, a unit's accounts.
  "checkin-seat-absent",
  "checkin-seat-taken",
  "checkin-onbehalf-usage",
  "checkin-onbehalf-seat-unknown",
  "checkin-onbehalf-taken",
  "rsvp-organizer-no-unit",
  "rsvp-onbehalf-usage",
  "invites-account-gone",
  // After the conference (issue 23): one field's analysis, and the tasks.
  "analysis-field-unknown",
  "task-too-long",
  "task-bad-criterion",
  "task-bad-deadline",
  "task-deadline-past",
  "task-unknown",
  "task-report-empty",
  "task-decision-stale",
  "task-no-unit",
  "task-delegate-usage",
  "task-organizer-usage",
  "task-assign-usage",
  "task-file-too-large",
  // The conclusions and the remediation plans (issue 23).
  "conclusions-title-too-long",
  "conclusions-part-too-long",
  "conclusions-empty",
  "conclusions-deadline-past",
  "conclusions-bad-deadline",
  "conclusions-comment-empty",
  "conclusions-comment-too-long",
  "conclusions-no-unit",
  "conclusions-bad-number",
  "conclusions-bad-day",
  "conclusions-usage",
  "remedy-tasks-usage",
  "remedy-deadline-passed",
  "remedy-remind-deadline-passed",
  "remedy-empty",
  "remedy-stale",
  "remedy-measure-unknown",
  "conclusions-comment-file-too-large",
];

/**
 * Refusals that ask for what is missing and open the question for it: the next plain message is
 * taken as the answer (issue 12). They may leave a new waiting step whose prompt is their own key.
 */
export const SLOT_REFUSALS = new Set(["rsvp-absent-no-reason", "rsvp-substitute-no-name", "rsvp-substitute-no-position", "rsvp-attend-no-name", "checkin-usage"]);

/** Refusals that head a longer message (the list of problems follows). */
const PREFIX_REFUSALS = new Set(["import-refused"]);

/** Keys that look like refusals by name but are not (or are not a whole answer in a chat), with why. */
export const NOT_REFUSALS: Record<string, string> = {
  "speak-list-empty": "an organizer's view of the list: an answer, not a refusal",
  "documents-none": "an answer",
  "error-internal": "the apology for a bug, not for bad input: asserted never to appear",
  "notice-summary-cancelled-stale": "a line of a notice's status, not an answer",
  "console-": "the console channel's own messages, outside the command layer",
  "desk-": "the organizers' desk's web pages (tests/desk/), outside the command layer",
  "upload-": "the personal upload page's own refusals (tests/upload/), outside the command layer",
  "scores-err-": "a problem line inside import-refused",
  "conf-err-": "the conference file at start-up, not a chat",
  "cli-": "the command line, not a chat",
  "task-cli-": "the command line, not a chat",
  "task-err-": "a problem line of a task sheet, inside its refusal",
  "conclusions-part-empty": "the placeholder of a part not yet written, inside the draft's text",
  "zalo-": "the Zalo channel's own messages, outside the command layer",
  "telegram-": "the Telegram channel's own messages, outside the command layer",
  "export-cli-": "the command line, not a chat",
  "schedule-risk-": "a line of the /datlich confirmation (one per risk), not an answer by itself",
  "unknown-command-suggest": "an unknown command close to known ones: a numbered choice of them, a question rather than a refusal",
  "conference-which-press-stale": "a line of the question which conference (the button pressed cannot wait for the answer), not an answer by itself",
};

/** The names the issue gives for refusal keys. */
export const REFUSAL_NAME = /^(error-|not-allowed-|unknown-command|unit-unknown|file-|choice-|code-)|-usage$|-bad-|-too-long$|-too-large$|-empty$|-in-past$|-past$|-wrong$|-unknown$|-no-unit$|-deadline-passed$|-stale$/;

function ftlEntries(language: string): Map<string, string> {
  const dir = path.join(ROOT, "locales", language);
  const entries = new Map<string, string>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".ftl"))) {
    let key: string | undefined;
    for (const line of readFileSync(path.join(dir, f), "utf8").split("\n")) {
      const m = /^([a-z][a-z0-9_-]*)\s*=/.exec(line);
      if (m) {
        key = m[1] as string;
        entries.set(key, line);
      } else if (key && /^\s/.test(line)) entries.set(key, `${entries.get(key)}\n${line}`);
      else key = undefined;
    }
  }
  return entries;
}

export function allKeys(language: string): string[] {
  return [...ftlEntries(language).keys()];
}

const HOLE = "\uE000";
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export interface RefusalCatalogue {
  /** The refusal key a reply is, or undefined when it is not one refusal. */
  classify(replies: Reply[]): string | undefined;
  /** The exact sentence of a key without variables. */
  sentence(key: string): string;
}

/**
 * Matchers for the refusal sentences of a language: each message formatted with a placeholder
 * in every variable, the placeholders then read as "any text".
 */
export function refusalCatalogue(i18n: I18n, language: string): RefusalCatalogue {
  const entries = ftlEntries(language);
  const t = i18n.forLanguage(language);
  const matchers = REFUSAL_KEYS.map((key) => {
    const source = entries.get(key);
    if (source === undefined) throw new Error(`no message ${key} in locales/${language}`);
    const vars = [...new Set([...source.matchAll(/\$([a-zA-Z0-9_-]+)/g)].map((m) => m[1] as string))];
    const formatted = t(key, Object.fromEntries(vars.map((v) => [v, HOLE])));
    const body = formatted.split(HOLE).map(escapeRe).join("[\\s\\S]*");
    return { key, re: new RegExp(PREFIX_REFUSALS.has(key) ? `^${body}` : `^${body}$`) };
  });
  return {
    classify(replies) {
      if (replies.length !== 1) return undefined;
      const r = replies[0] as Reply;
      if (r.kind !== "text") return undefined;
      return matchers.find((m) => m.re.test(r.text))?.key;
    },
    sentence: (key) => t(key),
  };
}

// ---- state ---------------------------------------------------------------------------------

/** The store's data as text, without what a refusal may touch: the person's session and wrong-code count. */
export function stateWithoutSessions(data: Data): string {
  const { sessions: _s, failedCodes: _f, ...rest } = data;
  return JSON.stringify(rest);
}

/**
 * What a refusal may do to sessions: end the person's waiting step (a typed command ends it) or
 * drop an expired confirmation. Anything else (a lost collection of speech parts, another
 * person's session, a new step) is a change it must not make. Returns what is wrong, or undefined.
 */
export function sessionChangeProblem(before: Data["sessions"], after: Data["sessions"], key: string, refusal?: string): string | undefined {
  const others = (s: Data["sessions"]) => JSON.stringify(Object.entries(s).filter(([k]) => k !== key));
  if (others(before) !== others(after)) return "another person's session changed";
  const b = { ...(before[key] ?? {}) };
  const a = { ...(after[key] ?? {}) };
  // A refusal that asks for what is missing opens (or keeps) the question for it, with its own key as the prompt.
  if (refusal && SLOT_REFUSALS.has(refusal) && a.awaiting) {
    if (a.awaiting.prompt !== refusal) return `refusal ${refusal} opened a question for ${a.awaiting.prompt}`;
    delete a.awaiting;
    delete b.awaiting;
  }
  for (const field of ["awaiting"] as const) {
    if (a[field] === undefined) delete b[field];
  }
  if (JSON.stringify(b) !== JSON.stringify(a)) return `session changed: ${JSON.stringify(before[key])} → ${JSON.stringify(after[key])}`;
  return undefined;
}

/** What a refusal may do to wrong-code counts: count one more failure of this person's. */
export function failedCodesProblem(before: Data["failedCodes"], after: Data["failedCodes"], key: string): string | undefined {
  const others = (s: Data["failedCodes"]) => JSON.stringify(Object.entries(s).filter(([k]) => k !== key));
  if (others(before) !== others(after)) return "another person's wrong-code count changed";
  const b = before[key]?.count ?? 0;
  const a = after[key]?.count ?? 0;
  if (a !== b && a !== b + 1) return `wrong-code count went from ${b} to ${a}`;
  return undefined;
}
