import Papa from 'papaparse';
import type { ExportRow } from '../domain/live-protocol';

export const EXPORT_COLUMNS = [
  'name',
  'questionId',
  'answer',
  'correct',
  'timeMs',
  'points',
] as const;

/**
 * A cell that starts like a formula (=, +, -, @, tab, return, or their full-width forms) is run
 * by a spreadsheet: OWASP's "CSV injection". Names come from participants, so such a cell gets a
 * leading apostrophe and is quoted; the spreadsheet shows it as text.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One row per participant per question, with a header; RFC 4180 quoting by papaparse. */
export function toCsv(rows: readonly ExportRow[]): string {
  return Papa.unparse(
    {
      fields: [...EXPORT_COLUMNS],
      data: rows.map((row) => [
        row.name,
        row.questionId,
        row.answer ?? '',
        row.correct,
        row.timeMs ?? '',
        row.points,
      ]),
    },
    { escapeFormulae: FORMULA_START, newline: '\r\n' },
  );
}

export function toJson(rows: readonly ExportRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}
