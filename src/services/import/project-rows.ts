// Reading a monitoring-map file (CSV or XLSX) into checked project rows. The columns are
// documented in the README; docs/projects-sample.csv is a sample.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { z } from "zod";
import { wageFloor } from "../../domain/rates.js";
import { IMPORT_MAX_ROWS, REFERRAL_QUOTA_PERCENT } from "../../domain/rules.js";

export const IMPORT_COLUMNS = [
  "external_id", "name_kk", "name_ru", "district_kato", "object_group", "work_kind", "status", "contractor_name", "contractor_bin",
  "estimated_cost", "start_date", "end_date", "planned_jobs", "permanent_jobs", "average_wage", "quota_percent", "lat", "lon", "positions",
] as const;

export class UnreadableFileError extends Error {
  constructor(readonly reason: "format" | "columns" | "too_many_rows" | "empty", detail?: string) {
    super(`unreadable file: ${reason}${detail ? ` (${detail})` : ""}`);
  }
}

type RawRow = Record<string, string>;

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

async function readXlsx(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFileError("empty");
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let i = 1; i <= IMPORT_COLUMNS.length; i++) cells.push(cellText(row.getCell(i).value).trim());
    rows.push(cells);
  });
  return rows;
}

/** Comma-separated, or semicolon-separated as Excel saves CSV in Kazakh and Russian settings. */
function parseCsv(text: string): string[][] {
  const headerLine = text.slice(0, text.indexOf("\n") === -1 ? undefined : text.indexOf("\n"));
  const delimiter = headerLine.includes(",") ? "," : ";";
  return parse(text, { delimiter, skip_empty_lines: true, trim: true, relax_column_count: true });
}

/** The file's table; UnreadableFileError when it is neither a readable CSV nor XLSX with our header. */
export async function readTable(buffer: Buffer, fileName: string): Promise<RawRow[]> {
  let table: string[][];
  try {
    table = /\.xlsx$/i.test(fileName)
      ? await readXlsx(buffer)
      : parseCsv(buffer.toString("utf8").replace(/^\uFEFF/, ""));
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

const whole = (min: number, max: number) => z.string().regex(/^\d+$/, "not_whole_number").transform(Number).pipe(z.number().min(min, "out_of_range").max(max, "out_of_range"));
const decimal = (min: number, max: number) => z.string().regex(/^-?\d+([.,]\d+)?$/, "not_number").transform((s) => Number(s.replace(",", "."))).pipe(z.number().min(min, "out_of_range").max(max, "out_of_range"));
const day = z.string().transform((s, ctx) => {
  const dotted = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s);
  const iso = dotted ? `${dotted[3]}-${dotted[2]}-${dotted[1]}` : s;
  const date = new Date(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
    ctx.addIssue({ code: "custom", message: "bad_date" });
    return z.NEVER;
  }
  return date;
});
const position = z.string().regex(/^[a-z_]{2,40}:\d{1,5}:\d{1,9}(:minors)?$/, "bad_positions").transform((s) => {
  const [code, count, wage, minors] = s.split(":");
  return { code: code!, count: Number(count), wage: Number(wage), minors: minors === "minors" };
});

export const projectRow = z.object({
  external_id: z.string().min(1, "required").max(64, "too_long"),
  name_kk: z.string().min(2, "required").max(300, "too_long"),
  name_ru: z.string().min(2, "required").max(300, "too_long"),
  district_kato: z.string().regex(/^\d{9}$/, "bad_kato"),
  object_group: z.enum(["social", "utilities", "water_works", "housing", "improvement"], "bad_object_group"),
  work_kind: z.enum(["construction", "capital_repair", "medium_repair", "current_repair", "reconstruction", "modular", "temporary"], "bad_work_kind"),
  status: z.enum(["planned", "in_progress", "completed", "commissioned"], "bad_status"),
  contractor_name: z.string().max(300, "too_long"),
  contractor_bin: z.string().regex(/^(\d{12})?$/, "bad_bin"),
  estimated_cost: whole(0, 1e13),
  start_date: day,
  end_date: day,
  planned_jobs: whole(0, 100_000),
  permanent_jobs: whole(0, 100_000),
  average_wage: whole(0, 10_000_000),
  quota_percent: z.string().transform((s) => s || String(REFERRAL_QUOTA_PERCENT)).pipe(whole(REFERRAL_QUOTA_PERCENT, 100)),
  lat: decimal(40, 56), // Kazakhstan lies within 40–56° N…
  lon: decimal(46, 88), // …and 46–88° E
  positions: z.string().transform((s) => s.split(/[;\n]/).map((p) => p.trim()).filter(Boolean)).pipe(z.array(position)),
}).superRefine((row, ctx) => {
  if (row.end_date < row.start_date) ctx.addIssue({ code: "custom", path: ["end_date"], message: "end_before_start" });
  const jobs = row.positions.reduce((sum, p) => sum + p.count, 0);
  if (jobs > row.planned_jobs) ctx.addIssue({ code: "custom", path: ["positions"], message: "positions_exceed_jobs" });
  if (row.positions.some((p) => p.wage < wageFloor(row.start_date))) ctx.addIssue({ code: "custom", path: ["positions"], message: "wage_below_floor" });
  if (new Set(row.positions.map((p) => p.code)).size !== row.positions.length) ctx.addIssue({ code: "custom", path: ["positions"], message: "duplicate_profession" });
});
export type ProjectRow = z.output<typeof projectRow>;

export interface RowProblem {
  /** The row's line in the file, the header being line 1. */
  line: number;
  column: string;
  reason: string;
}
