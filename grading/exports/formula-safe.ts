/**
 * Spreadsheet formula injection: a text cell that begins with = + - @ (or a tab or CR, which
 * some programs strip before reading a formula) can be run as a formula when a CSV or XLSX file
 * is opened, e.g. a sitting named `=HYPERLINK("http://…","Xem điểm")`. Such text gets a leading
 * apostrophe, the OWASP advice, which spreadsheets show as text. Plain numbers written as text
 * ("-1", "+84", "-") are left alone: they run nothing.
 */
const TRIGGER = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^[-+]?(\d+([.,]\d+)*|[.,]\d+)$/;

export function formulaSafe(text: string): string {
  if (!TRIGGER.test(text) || text === '-' || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}
