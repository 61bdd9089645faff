// The repayment schedule as an XLSX file: numbers stored as numbers (tenge), headers given by the caller.
import ExcelJS from "exceljs";
import type { ScheduleSummary } from "../domain/loan.js";

export interface WorkbookLabels {
  sheet: string;
  month: string;
  principal: string;
  interest: string;
  /** Interest of a grace month, deferred to the payments after the grace. */
  deferred: string;
  payment: string;
  balance: string;
  total: string;
}

const MONEY = "#,##0.00";
const toTenge = (tiyn: number) => tiyn / 100;

export async function scheduleWorkbook(schedule: ScheduleSummary, labels: WorkbookLabels): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(labels.sheet);
  sheet.columns = [
    { header: labels.month, key: "month", width: 8 },
    { header: labels.principal, key: "principal", width: 20, style: { numFmt: MONEY } },
    { header: labels.interest, key: "interest", width: 18, style: { numFmt: MONEY } },
    { header: labels.deferred, key: "deferred", width: 22, style: { numFmt: MONEY } },
    { header: labels.payment, key: "total", width: 20, style: { numFmt: MONEY } },
    { header: labels.balance, key: "balance", width: 22, style: { numFmt: MONEY } },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const p of schedule.payments) {
    sheet.addRow({
      month: p.month,
      principal: toTenge(p.principal),
      interest: toTenge(p.interest),
      deferred: toTenge(p.deferred),
      total: toTenge(p.total),
      balance: toTenge(p.balanceAfter),
    });
  }
  const totals = sheet.addRow({
    month: labels.total,
    principal: toTenge(schedule.totalPaid - schedule.totalInterest),
    interest: toTenge(schedule.totalInterest),
    deferred: toTenge(schedule.payments.reduce((sum, p) => sum + p.deferred, 0)),
    total: toTenge(schedule.totalPaid),
  });
  totals.font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
