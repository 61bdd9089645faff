// Twelve months of a year, three to a row, with the years around it: only months that have
// ended, from the programme's start on.
import { InlineKeyboard } from "grammy";
import { FIRST_REPORT_YEAR, monthOf, parseReportMonth, reportMonth } from "../../domain/report.js";
import type { Translate } from "../../presentation/i18n.js";

export interface MonthPickerData {
  month: (key: string) => string;
  year: (year: number) => string;
  back: string;
}

/** The year whose months are shown first: that of the last month that has ended. */
export function lastEndedYear(now: Date): number {
  const current = monthOf(now);
  return current.month === 1 ? current.year - 1 : current.year;
}

export function monthPicker(t: Translate, year: number, now: Date, data: MonthPickerData): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  let inRow = 0;
  for (let month = 1; month <= 12; month++) {
    const key = reportMonth(year, month).key;
    const parsed = parseReportMonth(key);
    if (!parsed || parsed.end > now) continue;
    keyboard.text(t(`report:months.${month}`), data.month(key));
    if (++inRow % 3 === 0) keyboard.row();
  }
  keyboard.row();
  if (year > FIRST_REPORT_YEAR) keyboard.text(`◀️ ${year - 1}`, data.year(year - 1));
  if (year < lastEndedYear(now)) keyboard.text(`${year + 1} ▶️`, data.year(year + 1));
  return keyboard.row().text(t("menu.back"), data.back);
}
