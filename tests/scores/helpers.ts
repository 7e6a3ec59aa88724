// Shared pieces of the scores tests: the shipped sample, broken copies of it, files as a channel hands them over.
import { readFileSync } from "node:fs";
import path from "node:path";
import { deflateRawSync, constants as zlibConstants } from "node:zlib";
import { parse } from "csv-parse/sync";
import type { IncomingFile } from "../../src/messages/types.js";
import { ROOT } from "../../src/config/paths.js";
import { storedZip } from "../../src/lib/zip.js";
import type { Person } from "../helpers/app.js";

export const SAMPLE_FILE = path.join(ROOT, "scores", "phong-tho-2023.sample.csv");

export function sampleBytes(): Buffer {
  return readFileSync(SAMPLE_FILE);
}

/** The sample as a grid of cells (the BOM dropped), for making broken copies. */
export function sampleGrid(): string[][] {
  return parse(sampleBytes(), { bom: true, relax_column_count: true }) as string[][];
}

export function toCsv(grid: string[][], delimiter = ","): Buffer {
  const cell = (c: string) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return Buffer.from(`\uFEFF${grid.map((r) => r.map(cell).join(delimiter)).join("\r\n")}\r\n`, "utf8");
}

/** Row index (0-based, in the grid) of a unit, and the row number a spreadsheet shows (1-based). */
export function rowOf(grid: string[][], unit: string): { index: number; line: number } {
  const index = grid.findIndex((r) => r[1] === unit);
  if (index < 0) throw new Error(`no row ${unit}`);
  return { index, line: index + 1 };
}

export function columnOf(grid: string[][], header: string): number {
  const headerRow = grid.find((r) => r.includes("Đơn vị")) as string[];
  const i = headerRow.indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
}

/** A document as Telegram hands it over: name, type and size known before the download. */
export function document(data: Buffer, name = "bang-diem.csv", mime = "text/csv", size = data.length): IncomingFile {
  return { kind: "document", name, mime, size, download: async () => data };
}

/** An organizer sends a table file with /nhapdiem; returns the reply. */
export function sendTable(org: Person, data: Buffer, name = "bang-diem.csv"): Promise<string> {
  return org.say("/nhapdiem", { file: document(data, name) });
}

/** The figures that must not leak before publishing: every total, previous total and field score of the sample, as written. */
export function scoreStrings(grid: string[][]): string[] {
  const header = grid.findIndex((r) => r.includes("Đơn vị"));
  const values = new Set<string>();
  // Decimals only (whole numbers occur in any text); both as the file writes them and as Vietnamese does.
  for (const row of grid.slice(header + 2))
    for (const c of row.slice(2))
      if (/\d\.\d/.test(c)) {
        values.add(c);
        values.add(c.replace(".", ","));
      }
  return [...values];
}

/**
 * An .xlsx "zip bomb" that lies about its size: its worksheet is a deflate stream of about 1 MB
 * that unpacks to `expandsTo` bytes of zeros (over 1 GB by default), while the archive's directory
 * declares 1,000 bytes. Built from one flushed block of a mebibyte of zeros, repeated: each copy
 * only refers back to zeros, so the stream stays valid however often it is repeated.
 */
export function lyingZipBomb(expandsTo = 1_100_000_000): { file: Buffer; block: Buffer; repeats: number } {
  const block = deflateRawSync(Buffer.alloc(MEBIBYTE), { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH });
  const repeats = Math.ceil(expandsTo / MEBIBYTE);
  const stream = Buffer.concat([...Array.from({ length: repeats }, () => block), deflateRawSync(Buffer.alloc(0))]);
  const types = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  // Written as stored entries, then the worksheet's headers made to lie: deflated, 1,000 bytes.
  const file = storedZip([
    { name: "[Content_Types].xml", data: Buffer.from(types) },
    { name: "xl/worksheets/sheet1.xml", data: stream },
  ]);
  const local = file.indexOf(Buffer.from("PK\u0003\u0004", "latin1"), 1);
  const central = file.lastIndexOf(Buffer.from("PK\u0001\u0002", "latin1"));
  file.writeUInt16LE(8, local + 8);
  file.writeUInt32LE(1000, local + 22);
  file.writeUInt16LE(8, central + 10);
  file.writeUInt32LE(1000, central + 24);
  return { file, block, repeats };
}

const MEBIBYTE = 1 << 20;
