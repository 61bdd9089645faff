// The filtered queue as an XLSX file: the table's columns, dates as dates, numbers as numbers,
// every text a string cell (a name starting with "=" stays text, never a formula).
import ExcelJS from "exceljs";
import { localName } from "../../presentation/format.js";
import type { DeskRow } from "../../services/desk/queue.js";
import { ageGroupText, priorityText } from "./queue-view.js";
import type { View } from "./page.js";

export async function queueWorkbook(rows: DeskRow[], view: View): Promise<Buffer> {
  const t = view.t;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("desk:queue.heading").slice(0, 31));
  const column = (key: string, width: number, numFmt?: string) => ({
    header: t(`desk:queue.column.${key}`),
    width,
    style: numFmt ? { numFmt } : {},
  });
  sheet.columns = [
    column("number", 20),
    column("date", 12, "dd.mm.yyyy"),
    column("person", 36),
    column("age_group", 18),
    column("priority", 16),
    column("project", 48),
    column("position", 28),
    column("status", 18),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const row of rows) {
    sheet.addRow([
      row.number,
      new Date(Date.UTC(row.submittedAt.getUTCFullYear(), row.submittedAt.getUTCMonth(), row.submittedAt.getUTCDate())),
      row.fullName ?? t("desk:queue.erased"),
      ageGroupText(t, row),
      priorityText(t, row.priorityGroup),
      localName(view.lang, row.project),
      localName(view.lang, row.profession),
      t(`applications:status.${row.status}`),
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
