// The report's tables as an XLSX workbook (a sheet per section, numbers as numbers, a totals
// row) and as one CSV (the sections one after another, each under its title).
import ExcelJS from "exceljs";
import { formatDate } from "../format.js";
import type { Translate } from "../i18n.js";
import type { Cell, ColumnKind, ReportTable } from "./report-tables.js";
import { csvDocument } from "../../services/spreadsheet-cells.js";

const FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  count: "#,##0",
  money: "#,##0",
  percent: "0.0",
  date: "dd.mm.yyyy",
};
const WIDTHS: Record<ColumnKind, number> = { text: 40, count: 14, money: 18, percent: 10, date: 12 };

/** Excel allows 31 characters and none of : \ / ? * [ ] in a sheet name. */
const sheetName = (title: string) => title.replace(/[:\\/?*[\]]/g, " ").slice(0, 31);

export async function reportWorkbook(tables: ReportTable[], t: Translate, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = title;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(t(`report:sheet.${table.section}`)));
    sheet.columns = table.columns.map((c) => ({
      header: t(`report:column.${c.key}`),
      width: WIDTHS[c.kind],
      style: FORMATS[c.kind] ? { numFmt: FORMATS[c.kind] } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: 1 }];
    for (const row of table.rows) sheet.addRow(row);
    if (table.totals) sheet.addRow(table.totals).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** UTF-8 with a byte-order mark, so that Excel opens the Cyrillic text as it is. */
export function reportCsv(tables: ReportTable[], t: Translate, title: string): Buffer {
  const records: Cell[][] = [[title], []];
  for (const table of tables) {
    records.push(
      [t(`report:sheet.${table.section}`)],
      table.columns.map((c) => t(`report:column.${c.key}`)),
      ...table.rows,
    );
    if (table.totals) records.push(table.totals);
    records.push([]);
  }
  return Buffer.from(
    csvDocument(
      records.map((r) => r.map((cell) => (cell instanceof Date ? formatDate(cell) : cell))),
      { bom: true },
    ),
    "utf8",
  );
}
