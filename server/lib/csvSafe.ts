/**
 * Spreadsheet formula injection (CSV injection): a cell that starts with `=`, `+`, `-`, `@`, a
 * tab or a carriage return is run as a formula by Excel, LibreOffice and Google Sheets. Such a
 * cell is written with a leading apostrophe, which spreadsheets show as text. A cell that
 * starts with an apostrophe gets one more, so importers of our own files (`restoreFormulaCell`)
 * give back exactly what was exported.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes `neutralizeFormula` for a cell read back from one of our exports. */
export function restoreFormulaCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
