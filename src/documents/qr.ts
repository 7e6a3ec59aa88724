// QR codes for printed pages: a PNG for letters, the module matrix for drawing into an SVG poster.
import QRCode from "qrcode";

/** Recent PNGs by text: the same link is drawn once for the combined file and the unit's own file. */
const recent = new Map<string, Promise<Buffer>>();
const RECENT_MAX = 200;

/**
 * A QR code as a PNG, dark on white with the standard quiet zone. Five pixels a module: whole
 * pixels stay sharp when a letter prints it at 25 mm (about 170 dpi), and it draws in a few ms.
 */
export function qrPng(text: string, pixelsPerModule = 5): Promise<Buffer> {
  const key = `${pixelsPerModule}|${text}`;
  const hit = recent.get(key);
  if (hit) return hit;
  const made = QRCode.toBuffer(text, { type: "png", errorCorrectionLevel: "M", margin: 4, scale: pixelsPerModule });
  made.catch(() => recent.delete(key));
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
  recent.set(key, made);
  return made;
}

/** The modules of a QR code (size × size, row by row, true = dark), without the quiet zone. */
export function qrModules(text: string): { size: number; dark: (x: number, y: number) => boolean } {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const { size, data } = qr.modules;
  return { size, dark: (x, y) => Boolean(data[y * size + x]) };
}
