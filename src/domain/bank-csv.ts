import Papa from 'papaparse';
import {
  checkBank,
  tooLargeMessage,
  utf8Length,
  type BankIssue,
  type BankLoadResult,
  type BankProblem,
} from './bank-loader';
import { BANK_LIMITS, BANK_VERSION } from './bank-schema';
import { CSV_COLUMNS, type CsvColumn } from './bank-csv-columns';
import { SERVICE_TYPES } from './service-types';

/**
 * Banks from a spreadsheet: one question per row, under a header row naming the columns. The CSV
 * is parsed by papaparse, turned into the JSON format and checked by the same loader as JSON, and
 * every problem is named by spreadsheet row (the header is row 1) and column.
 */
const REQUIRED = ['id', 'prompt', 'answer'] as const;

const isColumn = (name: string): name is CsvColumn =>
  (CSV_COLUMNS as readonly string[]).includes(name);

/** Tags are kebab-case, so any run of spaces, commas or semicolons separates them. */
const TAG_SEPARATOR = /[\s,;]+/;

export type CsvConversion =
  /** `rows[i]` is the spreadsheet row question `i` came from (blank rows are skipped). */
  | {
      ok: true;
      data: { version: number; title: string; questions: Record<string, unknown>[] };
      rows: number[];
    }
  | { ok: false; problems: BankProblem[] };

/** Turns CSV text into bank data in the JSON format (not yet checked), or says why it cannot. */
export function csvToBankData(text: string, title: string): CsvConversion {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    header: false,
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t'],
  });
  const problems: BankProblem[] = parsed.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({
      where: e.row === undefined ? '' : `row ${e.row + 1}`,
      message: `CSV syntax error: ${e.message.replace(/\.$/, '').toLowerCase()}`,
    }));
  const [header = [], ...records] = parsed.data;
  const names = header.map((cell) => cell.trim());
  problems.push(...headerProblems(names));
  if (problems.length > 0) return { ok: false, problems };

  const questions: Record<string, unknown>[] = [];
  const rows: number[] = [];
  records.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    const row = index + 2;
    if (cells.length > names.length)
      problems.push({
        where: `row ${row}`,
        message: `has ${cells.length} cells, but the header names ${names.length} columns`,
      });
    questions.push(rowToQuestion(names, cells));
    rows.push(row);
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, data: { version: BANK_VERSION, title, questions }, rows };
}

function headerProblems(names: string[]): BankProblem[] {
  const problems: BankProblem[] = [];
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (!isColumn(name))
      problems.push({
        where: `row 1, column ${i + 1}`,
        message: `unknown column ${JSON.stringify(name)}; the columns are ${CSV_COLUMNS.join(', ')}`,
      });
    else if (seen.has(name))
      problems.push({ where: `row 1, column ${i + 1}`, message: `column "${name}" appears twice` });
    seen.add(name);
  });
  const missing = REQUIRED.filter((name) => !seen.has(name));
  if (missing.length > 0)
    problems.push({
      where: 'row 1',
      message: `the header has no ${missing.map((m) => `"${m}"`).join(', ')} column; a bank needs id, prompt and answer`,
    });
  return problems;
}

function rowToQuestion(names: string[], cells: string[]): Record<string, unknown> {
  const cell = (name: CsvColumn): string => {
    const i = names.indexOf(name);
    return i < 0 ? '' : (cells[i] ?? '');
  };
  const question: Record<string, unknown> = {
    id: cell('id').trim(),
    prompt: cell('prompt'),
    answer: cell('answer').trim(),
  };
  const explanation = cell('explanation');
  if (explanation.trim()) question.explanation = explanation;
  const whyNot = Object.fromEntries(
    SERVICE_TYPES.map((type) => [type, cell(`whyNot.${type}`)]).filter(([, t]) => t?.trim()),
  );
  if (Object.keys(whyNot).length > 0) question.whyNot = whyNot;
  const difficulty = cell('difficulty').trim();
  // A number goes in as a number; anything else as text, so the check says what it got.
  if (difficulty) question.difficulty = /^\d+$/.test(difficulty) ? Number(difficulty) : difficulty;
  const tags = cell('tags').split(TAG_SEPARATOR).filter(Boolean);
  if (tags.length > 0) question.tags = tags;
  const references = cell('references')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map(parseReference);
  if (references.length > 0) question.references = references;
  return question;
}

/** `Title | https://…`, or a bare URL (its own title). */
function parseReference(line: string): { title: string; url: string } {
  const bar = line.lastIndexOf('|');
  if (bar < 0) return { title: line, url: line };
  return { title: line.slice(0, bar).trim(), url: line.slice(bar + 1).trim() };
}

/** Converts and checks CSV text: the bank, or every problem by row and column. */
export function loadCsvBank(text: string, title: string): BankLoadResult {
  const bytes = text.length * 3 <= BANK_LIMITS.bytes ? 0 : utf8Length(text);
  if (bytes > BANK_LIMITS.bytes)
    return { ok: false, problems: [{ where: '', message: tooLargeMessage(bytes) }] };
  const converted = csvToBankData(text, title);
  if (!converted.ok) return converted;
  const checked = checkBank(converted.data);
  if (checked.ok) return checked;
  const { questions } = converted.data;
  const rowOf = (i: number) => converted.rows[i] ?? i + 2;
  return {
    ok: false,
    problems: checked.issues.map((issue) => csvProblem(issue, questions, rowOf)),
  };
}

/** `row 5 (id "x"), column whyNot.NodePort`; the bank-level fields by name. */
function csvProblem(
  issue: BankIssue,
  questions: Record<string, unknown>[],
  rowOf: (index: number) => number,
): BankProblem {
  const [top, index, field, ...rest] = issue.path;
  const message = issue.message.replace(
    /questions\[(\d+)\]/g,
    (_, i: string) => `row ${rowOf(Number(i))}`,
  );
  if (top !== 'questions' || typeof index !== 'number')
    return {
      where: top === 'title' ? 'title (from the file name)' : top === undefined ? '' : String(top),
      message,
    };
  const question = questions[index];
  const id =
    typeof question?.id === 'string' && question.id ? ` (id ${JSON.stringify(question.id)})` : '';
  const row = rowOf(index);
  return {
    where: `row ${row}${id}${field === undefined ? '' : `, column ${columnOf(field, rest)}`}`,
    message,
  };
}

function columnOf(field: PropertyKey, rest: PropertyKey[]): string {
  const [first, second] = rest;
  if (field === 'whyNot') return first === undefined ? 'whyNot' : `whyNot.${String(first)}`;
  if (field === 'tags' && typeof first === 'number') return `tags (tag ${first + 1})`;
  if (field === 'references' && typeof first === 'number')
    return `references (reference ${first + 1}${second === undefined ? '' : `, ${String(second)}`})`;
  return String(field);
}

/** A CSV has no title field: the file's name stands in ("acme_drills.csv" → "acme drills"). */
export function csvTitle(fileName: string | null): string {
  const stem = (fileName ?? '')
    .replace(/\.[a-z]+$/i, '')
    .replace(/_+/g, ' ')
    .trim();
  return stem || 'Pasted bank';
}
