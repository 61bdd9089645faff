// Text in a file a spreadsheet opens must stay text: a cell that begins with one of these is read
// by Excel and LibreOffice as a formula (CSV injection), whoever typed it (a project or contractor
// name comes from an import). Excel under Russian or Kazakh regional settings splits a CSV on `;`
// (and some tools on tabs), so a formula may also begin after any separator inside a cell.
import { stringify } from "csv-stringify/sync";

const FORMULA_START = /^[=+\-@\t\r]/;
/** A separator Excel may split on (or a line break), any spaces, then a formula character. */
const FORMULA_AFTER_SEPARATOR = /([,;\t\r\n][^\S\n\r]*)(?=[=+\-@])/g;

/**
 * A text cell for CSV: an apostrophe before a formula character at its start and after every `,`,
 * `;`, tab or line break makes a spreadsheet show it as text, whichever separator it reads with.
 * XLSX needs nothing: exceljs writes a string as a string cell, and only a { formula } object as a formula.
 */
export function csvText(text: string): string {
  const inside = text.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return FORMULA_START.test(inside) ? `'${inside}` : inside;
}

export type CsvCell = string | number | bigint | boolean | null | undefined;

/**
 * Every CSV the project writes: RFC 4180 with commas, text cells through csvText, empty for none;
 * with `bom`, UTF-8's byte-order mark first, so that Excel opens the Cyrillic text as it is.
 */
export function csvDocument(rows: CsvCell[][], options: { bom: boolean }): string {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === "string" ? csvText(cell) : (cell ?? ""))));
  return `${options.bom ? "\uFEFF" : ""}${stringify(cells)}`;
}
