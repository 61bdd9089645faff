// Reading an uploaded monitoring-map file (CSV or XLSX) into rows of text, as streams: the file is
// refused before it is read when it is too large, reading stops at the first row past the limit,
// and the event loop gets its turn between chunks, so one upload never holds the bot's only thread.
import { Readable } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import yauzl from "yauzl";
import { IMPORT_MAX_FILE_BYTES, IMPORT_MAX_ROWS, IMPORT_MAX_UNPACKED_BYTES } from "../../domain/import-limits.js";

export const IMPORT_COLUMNS = [
  "external_id",
  "name_kk",
  "name_ru",
  "district_kato",
  "object_group",
  "work_kind",
  "status",
  "contractor_name",
  "contractor_bin",
  "estimated_cost",
  "start_date",
  "end_date",
  "planned_jobs",
  "permanent_jobs",
  "average_wage",
  "quota_percent",
  "lat",
  "lon",
  "positions",
] as const;

export type UnreadableReason = "format" | "columns" | "too_many_rows" | "empty" | "too_big" | "too_big_unpacked";

export class UnreadableFileError extends Error {
  constructor(
    readonly reason: UnreadableReason,
    detail?: string,
  ) {
    super(`unreadable file: ${reason}${detail ? ` (${detail})` : ""}`);
  }
}

export type RawRow = Record<string, string>;

/** The header and at most IMPORT_MAX_ROWS rows: the one after them is the sign of too many. */
const MAX_TABLE_ROWS = IMPORT_MAX_ROWS + 2;
const CHUNK_BYTES = 64 * 1024;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    return "";
  }
  return String(value);
}

const openZip = (buffer: Buffer) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );

/**
 * Refuses a zip whose parts unpack to more than IMPORT_MAX_UNPACKED_BYTES, by the sizes it declares
 * and by the bytes really inflated (yauzl stops an entry that inflates past its declared size),
 * before exceljs reads any of it. Inflating runs on libuv's threads, not on the event loop.
 */
async function checkUnpackedSize(buffer: Buffer): Promise<void> {
  const zip = await openZip(buffer);
  try {
    let declared = 0;
    const entries: yauzl.Entry[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on("entry", (entry: yauzl.Entry) => {
        declared += entry.uncompressedSize;
        entries.push(entry);
        if (declared > IMPORT_MAX_UNPACKED_BYTES) return reject(new UnreadableFileError("too_big_unpacked"));
        zip.readEntry();
      });
      zip.on("end", resolve);
      zip.on("error", reject);
      zip.readEntry();
    });
    for (const entry of entries) {
      if (entry.uncompressedSize === 0) continue;
      const stream = await new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (error, s) => (error ? reject(error) : resolve(s))),
      );
      for await (const chunk of stream) void chunk; // drained: a lie about the size errors here
    }
  } finally {
    zip.close();
  }
}

async function readXlsx(buffer: Buffer): Promise<string[][]> {
  try {
    await checkUnpackedSize(buffer);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(
      /too many bytes|uncompressedSize/i.test(String(error)) ? "too_big_unpacked" : "format",
      String(error),
    );
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
  });
  const rows: string[][] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const cells: string[] = [];
      for (let i = 1; i <= IMPORT_COLUMNS.length; i++) cells.push(cellText(row.getCell(i).value).trim());
      if (cells.some(Boolean)) rows.push(cells);
      if (rows.length >= MAX_TABLE_ROWS) break;
    }
    break; // the first sheet only
  }
  if (rows.length === 0) throw new UnreadableFileError("empty");
  return rows;
}

/** Comma-separated, or semicolon-separated as Excel saves CSV in Kazakh and Russian settings. */
async function readCsv(buffer: Buffer): Promise<string[][]> {
  const text = buffer.toString("utf8").replace(/^\uFEFF/, "");
  const newline = text.indexOf("\n");
  const delimiter = text.slice(0, newline === -1 ? undefined : newline).includes(",") ? "," : ";";
  const parser = parse({ delimiter, skip_empty_lines: true, trim: true, relax_column_count: true });
  const chunks = Readable.from(
    (function* () {
      for (let at = 0; at < text.length; at += CHUNK_BYTES) yield text.slice(at, at + CHUNK_BYTES);
    })(),
  );
  chunks.pipe(parser);
  const rows: string[][] = [];
  try {
    for await (const record of parser) {
      rows.push(record as string[]);
      if (rows.length >= MAX_TABLE_ROWS) break;
      if (rows.length % 500 === 0) await nextTurn();
    }
  } finally {
    chunks.destroy();
    parser.destroy();
  }
  return rows;
}

/** The file's table; UnreadableFileError when it is too big, or neither a readable CSV nor XLSX with our header. */
export async function readTable(buffer: Buffer, fileName: string): Promise<RawRow[]> {
  if (buffer.length > IMPORT_MAX_FILE_BYTES) throw new UnreadableFileError("too_big");
  let table: string[][];
  try {
    table = /\.xlsx$/i.test(fileName) ? await readXlsx(buffer) : await readCsv(buffer);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError("format", error instanceof Error ? error.message : undefined);
  }
  const [header, ...rows] = table;
  if (!header || rows.length === 0) throw new UnreadableFileError("empty");
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = IMPORT_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length) throw new UnreadableFileError("columns", missing.join(", "));
  if (rows.length > IMPORT_MAX_ROWS) throw new UnreadableFileError("too_many_rows", String(rows.length));
  return rows.map((cells) => Object.fromEntries(names.map((name, i) => [name, (cells[i] ?? "").trim()])));
}
