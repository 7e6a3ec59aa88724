// Text as people type it: folded for comparison, cleaned of invisible controls, cut only between whole characters.

/** Text without its diacritics, case kept ("Xếp hạng Đợt 1" → "Xep hang Dot 1"). */
export function withoutMarks(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      // đ and Đ are letters of their own, not d with a mark: NFD leaves them.
      .replace(/\u0111/g, "d")
      .replace(/\u0110/g, "D")
  );
}

// Text as people type it, folded for comparison: no diacritics, no case, single spaces ("Đã  NHẬN" → "da nhan").
export function fold(text: string): string {
  return withoutMarks(text).toLowerCase().replace(/\s+/g, " ").trim();
}

// --- cleaning ------------------------------------------------------------------------------

/** C0 controls other than tab, line feed and carriage return: XML 1.0 cannot carry them. */
const C0 = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F";
/** The bidirectional embeddings, overrides and isolates: a U+202E in a name turns the rest of a report line around. */
const OVERRIDES = "\\u202A-\\u202E\\u2066-\\u2069";

/**
 * Every character that no text the bot keeps, shows or writes into a document may carry:
 * - the C0 controls XML forbids, DEL and the C1 controls;
 * - the bidi controls (\p{Bidi_Control}: embeddings, overrides, isolates, LRM, RLM, ALM) and the
 *   byte order mark / zero-width no-break space: they change how the text around them is shown
 *   without being seen, and none is ever needed in Vietnamese (the zero-width joiner U+200D is kept:
 *   emoji sequences 👨‍👩‍👧 need it);
 * - the noncharacters (\p{Noncharacter_Code_Point}: U+FDD0–U+FDEF and the last two of every plane,
 *   U+FFFE, U+FFFF, U+1FFFE … U+10FFFF): U+FFFE in a name made the sign-in list ill-formed XML;
 * - half of a surrogate pair without its other half (\p{Cs} under the u flag matches only those):
 *   not a character, XML forbids it.
 */
const UNWRITABLE = new RegExp(`[${C0}\\u007F-\\u009F\\p{Bidi_Control}\\uFEFF\\p{Noncharacter_Code_Point}\\p{Cs}]`, "gu");

/**
 * The one filter for text that enters the bot (a name, an answer, a speech, a file name, a cell
 * of a score table) and for text written into XML (the .docx and .xlsx files, the SVG charts):
 * `text` without any UNWRITABLE character. Line breaks and tabs stay.
 */
export function writable(text: string): string {
  return text.replace(UNWRITABLE, "");
}

/**
 * What the command layer refuses rather than cleans, as a sign that something meant to disguise
 * the text (channels have already cleaned what people type; this catches anything that did not
 * come through one): the C0 controls but tab and line breaks, DEL, the bidi overrides and isolates.
 */
export const REFUSED_CONTROLS = new RegExp(`[${C0}\\u007F${OVERRIDES}]`, "u");

/** The controls that separate: line breaks, tabs, the line and paragraph separators. */
const CONTROL_SPACE = /[\t\n\v\f\r\u0085\u2028\u2029]/g;

/**
 * Text from a platform as the bot keeps and shows it: through `writable`, composed (NFC, so "ệ"
 * typed as e + marks matches "ệ"), CR LF and the Unicode line separators as "\n". Line breaks and
 * tabs stay: notices have lines.
 */
export function cleanText(text: string): string {
  return writable(text.replace(/\r\n?|[\u2028\u2029]/g, "\n")).normalize("NFC");
}

/** Longest display name kept, in UTF-16 units (a cut never splits a character). */
export const MAX_NAME_LENGTH = 128;

/**
 * A name from a platform (a person's, a group's, a file's) as one clean line: cleaned like
 * cleanText but line breaks and tabs made spaces, runs of spaces one, trimmed, and at most
 * `max` UTF-16 units cut between whole characters. Names are cleaned, never refused.
 */
export function cleanName(name: string, max = MAX_NAME_LENGTH): string {
  const one = writable(name.replace(CONTROL_SPACE, " "))
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim();
  return clip(one, max).trim();
}

/** The parts of a channel's request that carry what a person typed or is called. */
interface TypedParts {
  displayName: string;
  text: string;
  file?: { name: string };
}

/**
 * The one cleaning every channel applies to the request it builds from a platform update:
 * the display name and the file name through cleanName, the text through cleanText. Returns a
 * copy; the file's other fields (its download) are kept as they are.
 */
export function cleanRequest<T extends TypedParts>(req: T): T;
export function cleanRequest<T extends TypedParts>(req: T | undefined): T | undefined;
export function cleanRequest<T extends TypedParts>(req: T | undefined): T | undefined {
  if (!req) return req;
  const out: T = { ...req, displayName: cleanName(req.displayName), text: cleanText(req.text) };
  if (req.file) out.file = { ...req.file, name: cleanName(req.file.name, 200) || "file" };
  return out;
}

// --- cutting -------------------------------------------------------------------------------

let segmenter: Intl.Segmenter | undefined;

/** The text's user-perceived characters (grapheme clusters): an emoji with its modifiers is one. */
export function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter("vi", { granularity: "grapheme" });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * The longest start of `text` that is at most `max` UTF-16 units long and ends between two
 * whole characters (never inside an emoji, a surrogate pair or a letter with its marks).
 * `measure` counts a character's size otherwise (e.g. its HTML-escaped length).
 */
export function clip(text: string, max: number, measure?: (grapheme: string) => number): string {
  if (max <= 0) return "";
  if (!measure && text.length <= max) return text;
  const size = measure ?? ((g: string) => g.length);
  let used = 0;
  let out = "";
  for (const g of graphemes(text)) {
    const w = size(g);
    if (used + w > max) break;
    used += w;
    out += g;
  }
  return out;
}

/**
 * `text` if it fits in `max` UTF-16 units, else its start cut between whole characters with
 * `mark` ("…" by default) added, the whole still within `max`. For previews and labels.
 */
export function shorten(text: string, max: number, mark = "…"): string {
  if (text.length <= max) return text;
  return `${clip(text, Math.max(0, max - mark.length)).trimEnd()}${mark}`;
}
