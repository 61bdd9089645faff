// Every file the bot produces keeps typed text as text: no cell a spreadsheet would run as a formula.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { reportCsv, reportWorkbook } from "../../src/presentation/reports/report-files.js";
import type { ReportTable } from "../../src/presentation/reports/report-tables.js";
import type { Translate } from "../../src/presentation/i18n.js";
import { csvDocument, csvText } from "../../src/services/spreadsheet-cells.js";

const HOSTILE = ['=HYPERLINK("http://x","y")', "+7 701", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"];
const t = ((key: string) => key) as unknown as Translate;

describe("text cells in files", () => {
  it.each(HOSTILE)("CSV shows %j as text", (text) => {
    expect(csvText(text)).toBe(`'${text}`);
  });

  it.each(["ТОО «Құрылыс»", "12 школа", "", "a=b"])("CSV leaves %j as it is", (text) => {
    expect(csvText(text)).toBe(text);
  });

  it("the report's CSV and XLSX keep hostile names as text and numbers as numbers", async () => {
    const table: ReportTable = {
      section: "contractors",
      columns: [
        { key: "contractor", kind: "text" },
        { key: "projects", kind: "count" },
      ],
      rows: HOSTILE.map((name, i) => [name, -(i + 1)]),
    };
    const csv = parse(
      reportCsv([table], t, "title")
        .toString("utf8")
        .replace(/^\uFEFF/, ""),
      { relax_column_count: true },
    ) as string[][];
    const names = csv.slice(4, 4 + HOSTILE.length).map((row) => row[0]);
    expect(names).toEqual(HOSTILE.map((name) => `'${name}`));
    expect(csv[5]![1]).toBe("-2");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportWorkbook([table], t, "title")) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    for (let i = 0; i < HOSTILE.length; i++) {
      const cell = sheet.getRow(i + 2).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(HOSTILE[i]!.replace("\r", "\n")); // XML reads a carriage return as a line feed
      expect(sheet.getRow(i + 2).getCell(2).value).toBe(-(i + 1));
    }
  });
});

describe("CSV under Excel's other separators", () => {
  const hostile = ["Школа;=1+2;@SUM(A1)", "ТОО, -2+3", "a\t+cmd|' /C calc'!A0", "x\n=1", '; =HYPERLINK("http://x")'];

  it.each(hostile)("no part of %j starts a formula when Excel splits on ; , or tab", (text) => {
    const cell = csvText(text);
    for (const separator of [";", ",", "\t", "\n"]) {
      for (const part of cell.split(separator)) expect(part.trimStart(), part).not.toMatch(/^[=+\-@]/);
    }
  });

  it("every CSV the project writes goes through one function: the report's too, with its BOM", () => {
    const table: ReportTable = {
      section: "contractors",
      columns: [{ key: "contractor", kind: "text" }],
      rows: hostile.map((name) => [name]),
    };
    const csv = reportCsv([table], t, "title").toString("utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    for (const part of csv.split(/[;,\t\n]/)) expect(part.replace(/^[\s"]+/, ""), part).not.toMatch(/^[=+\-@]/);
    expect(csvDocument([["Школа;=1"]], { bom: false })).toBe("Школа;'=1\n");
  });
});
