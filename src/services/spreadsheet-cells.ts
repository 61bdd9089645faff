// Text in a file a spreadsheet opens must stay text: a cell that begins with one of these is read
// by Excel and LibreOffice as a formula (CSV injection), whoever typed it (a project or contractor
// name comes from an import).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell for CSV: a leading apostrophe makes a spreadsheet show it as text. XLSX needs nothing:
 * exceljs writes a string as a string cell, and only a { formula } object as a formula.
 */
export const csvText = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);
