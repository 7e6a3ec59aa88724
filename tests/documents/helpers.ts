// Reading produced documents back as a reader's software does: the .docx zip and its XML, the QR codes in its images.
import jsQRModule from "jsqr";
import JSZip from "jszip";
import { PNG } from "pngjs";
import type { Reply } from "../../src/messages/types.js";
import type { Person } from "../helpers/app.js";

export interface DocxParts {
  /** word/document.xml */
  xml: string;
  styles: string;
  /** The text a reader sees, paragraph by paragraph (w:t joined, one line per w:p). */
  paragraphs: string[];
  /** word/media/*.png, in file-name order. */
  images: Buffer[];
}

export async function readDocx(data: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(data);
  const xml = await (zip.file("word/document.xml")?.async("string") ?? Promise.reject(new Error("no document.xml")));
  const styles = (await zip.file("word/styles.xml")?.async("string")) ?? "";
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1] as string)).join(""),
  );
  const names = Object.keys(zip.files)
    .filter((n) => n.startsWith("word/media/") && n.endsWith(".png"))
    .sort();
  const images = await Promise.all(names.map(async (n) => Buffer.from(await (zip.file(n) as JSZip.JSZipObject).async("uint8array"))));
  return { xml, styles, paragraphs, images };
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

// jsqr is CommonJS with `exports.default`: under NodeNext the default import is the module object.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

/** The text a QR code in a PNG holds, or undefined when none is found. */
export function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data;
}

/** The <w:sectPr> blocks: one per letter. */
export function sections(xml: string): string[] {
  return [...xml.matchAll(/<w:sectPr[ >][\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
}

/** Every font the runs name (w:rFonts w:ascii). */
export function fontsNamed(xml: string): Set<string> {
  return new Set([...xml.matchAll(/<w:rFonts [^>]*w:ascii="([^"]+)"/g)].map((m) => m[1] as string));
}

// ---- XML as a strict reader takes it ----------------------------------------------------------

/** XML 1.0's Char production: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF (no lone surrogate). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
/** The noncharacters, which XML tolerates but no document of ours should carry. */
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u;
const NAME = /^[A-Za-z_:][\w.:-]*/;
const ATTRIBUTES = /^(?:\s+[A-Za-z_:][\w.:-]*\s*=\s*(?:"[^<"]*"|'[^<']*'))*\s*/;
const REFERENCE = /^&(?:lt|gt|amp|quot|apos|#(\d+)|#x([0-9A-Fa-f]+));/;

const hex = (c: string) => `U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}`;

/** Where a character reference (&#…;) or a literal character is one XML cannot carry, why; undefined when it can. */
function referenceProblem(text: string): string | undefined {
  for (let i = text.indexOf("&"); i >= 0; i = text.indexOf("&", i + 1)) {
    const m = REFERENCE.exec(text.slice(i));
    if (!m) return `a bare & at ${JSON.stringify(text.slice(i, i + 20))}`;
    const code = m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? Number.parseInt(m[2], 16) : undefined;
    if (code !== undefined && (code > 0x10ffff || NOT_XML_CHAR.test(String.fromCodePoint(code)))) return `a reference to a forbidden character, ${m[0]}`;
  }
  return undefined;
}

/**
 * Why `xml` is not a well-formed XML 1.0 document, or undefined when it is: every character one
 * XML allows (and no noncharacter), references that name real characters, tags balanced and
 * nested, one root element, attributes quoted, no "<" or bare "&" in text. A small tokenizer,
 * strict where LibreOffice and Word are ("source file could not be loaded").
 */
export function xmlProblem(xml: string): string | undefined {
  const bad = NOT_XML_CHAR.exec(xml) ?? NONCHARACTER.exec(xml);
  if (bad) return `${hex(bad[0])} at ${bad.index}: ${JSON.stringify(xml.slice(Math.max(0, bad.index - 30), bad.index + 10))}`;
  const open: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.trim() && open.length === 0) return `text outside the root element: ${JSON.stringify(text.slice(0, 40))}`;
    const textProblem = referenceProblem(text) ?? (text.includes("]]>") ? "]]> in text" : undefined);
    if (textProblem) return textProblem;
    if (lt < 0) break;
    const rest = xml.slice(lt);
    const close = (marker: string, from: number) => {
      const end = xml.indexOf(marker, lt + from);
      return end < 0 ? -1 : end + marker.length;
    };
    let next: number;
    if (rest.startsWith("<?")) next = close("?>", 2);
    else if (rest.startsWith("<!--")) next = close("-->", 4);
    else if (rest.startsWith("<![CDATA[")) {
      if (open.length === 0) return "CDATA outside the root element";
      next = close("]]>", 9);
    } else if (rest.startsWith("<!")) return "a DOCTYPE or declaration";
    else if (rest.startsWith("</")) {
      const name = NAME.exec(rest.slice(2))?.[0];
      const end = xml.indexOf(">", lt);
      if (!name || end < 0 || xml.slice(lt + 2 + name.length, end).trim()) return `a broken end tag at ${lt}`;
      const expected = open.pop();
      if (expected !== name) return `</${name}> closes <${expected ?? "nothing"}> at ${lt}`;
      next = end + 1;
    } else {
      const name = NAME.exec(rest.slice(1))?.[0];
      if (!name) return `a "<" that starts no tag at ${lt}: ${JSON.stringify(rest.slice(0, 20))}`;
      const attrs = ATTRIBUTES.exec(rest.slice(1 + name.length))?.[0] ?? "";
      const problem = referenceProblem(attrs);
      if (problem) return `${problem} in an attribute of <${name}>`;
      const after = 1 + name.length + attrs.length;
      const selfClosing = rest.startsWith("/>", after);
      if (!selfClosing && rest[after] !== ">") return `a broken start tag <${name} at ${lt}`;
      if (open.length === 0 && roots++ > 0) return `a second root element <${name}>`;
      if (!selfClosing) open.push(name);
      next = lt + after + (selfClosing ? 2 : 1);
    }
    if (next < 0) return `an unterminated construct at ${lt}`;
    i = next;
  }
  if (open.length > 0) return `<${open[open.length - 1]}> is never closed`;
  if (roots !== 1) return "no root element";
  return undefined;
}

/** Every XML part of an Office file (.docx, .xlsx) that is not well-formed, with why. */
export async function illFormedParts(file: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(file);
  const problems: string[] = [];
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir || !/\.(xml|rels)$/.test(name)) continue;
    const problem = xmlProblem(await entry.async("string"));
    if (problem) problems.push(`${name}: ${problem}`);
  }
  return problems;
}

/** The file a person's command answers with (the list, the letters, the workbook). */
export async function fileAnswering(person: Person, command: string): Promise<Extract<Reply, { kind: "file" }>> {
  await person.say(command);
  const file = person.last.find((r) => r.kind === "file");
  if (file?.kind !== "file") throw new Error(`no file for ${command}: ${JSON.stringify(person.last).slice(0, 300)}`);
  return file;
}
