// Reading produced documents back as a reader's software does: the .docx zip and its XML, the QR codes in its images.
import jsQRModule from "jsqr";
import JSZip from "jszip";
import { PNG } from "pngjs";

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
