import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { BANK_LIMITS, BANK_VERSION, bankSchema, type Bank } from './bank-schema';
import { describeIssue, describePath, isRecord } from './schema-problems';

/** One thing wrong with a bank: where it is and what is wrong, both readable by an author. */
export interface BankProblem {
  where: string;
  message: string;
}

export type BankLoadResult = { ok: true; bank: Bank } | { ok: false; problems: BankProblem[] };

/** A problem and the path to its field, for callers that name places their own way (CSV rows). */
export interface BankIssue {
  path: readonly PropertyKey[];
  message: string;
}

export type BankCheck = { ok: true; bank: Bank } | { ok: false; issues: BankIssue[] };

export function formatProblem(problem: BankProblem): string {
  return problem.where ? `${problem.where}: ${problem.message}` : problem.message;
}

/** Parses and validates bank text, returning every problem found rather than the first. */
export function loadBank(text: string): BankLoadResult {
  const size = sizeProblem(text);
  if (size) return { ok: false, problems: [size] };
  const syntax = parseJson(text);
  if (!syntax.ok) return syntax;
  return validateBank(syntax.value);
}

export function validateBank(data: unknown): BankLoadResult {
  const checked = checkBank(data);
  if (checked.ok) return checked;
  return {
    ok: false,
    problems: checked.issues.map((issue) => ({
      where: describePath(issue.path, data),
      message: issue.message,
    })),
  };
}

/** Validates parsed bank data: every problem, each with the path to its field. */
export function checkBank(data: unknown): BankCheck {
  if (!isRecord(data))
    return {
      ok: false,
      issues: [
        {
          path: [],
          message: `a bank is an object with version, title and questions; this file holds ${Array.isArray(data) ? 'a list' : JSON.stringify(data)}`,
        },
      ],
    };
  const version = versionProblem(data);
  if (version) return { ok: false, issues: [version] };
  const result = bankSchema.safeParse(data, { reportInput: true });
  const issues: BankIssue[] = result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path, message: describeIssue(issue) }));
  issues.push(...duplicateIdIssues(data));
  if (issues.length > 0 || !result.success) return { ok: false, issues };
  return { ok: true, bank: result.data };
}

/** Bytes of `text` as UTF-8, without allocating the encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** "the file is 6.2 MB; a bank can be at most 5 MB" */
export function tooLargeMessage(bytes: number): string {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return `the file is ${mb} MB; a bank can be at most ${BANK_LIMITS.bytes / 1024 / 1024} MB`;
}

function sizeProblem(text: string): BankProblem | null {
  // Most banks are far under the limit: skip the count when even 3 bytes a character fits.
  if (text.length * 3 <= BANK_LIMITS.bytes) return null;
  const bytes = utf8Length(text);
  return bytes > BANK_LIMITS.bytes ? { where: '', message: tooLargeMessage(bytes) } : null;
}

function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; problems: BankProblem[] } {
  if (text.trim() === '')
    return { ok: false, problems: [{ where: '', message: 'the file is empty' }] };
  // The engine's parser reads the built-in bank several times faster than jsonc-parser, which is
  // kept for what it is good at: saying where a broken file goes wrong.
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // Located below.
  }
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
  });
  const [first] = errors;
  if (!first) return { ok: true, value };
  // Only the first syntax error is reliable: the parser's later ones follow from it.
  const comma = trailingComma(text, first.offset);
  const { line, column } = lineAndColumn(text, comma ?? first.offset);
  const message =
    comma === null
      ? describeSyntaxError(printParseErrorCode(first.error))
      : `a comma before "${text[first.offset]}" is not allowed in JSON; remove it`;
  return {
    ok: false,
    problems: [
      { where: `line ${line}, column ${column}`, message: `JSON syntax error: ${message}` },
    ],
  };
}

/** Where the comma is, when the error is a `}` or `]` right after one (a trailing comma). */
function trailingComma(text: string, offset: number): number | null {
  if (text[offset] !== '}' && text[offset] !== ']') return null;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return text[i] === ',' ? i : null;
}

function describeSyntaxError(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words === 'invalid comment token' ? 'comments are not allowed in JSON' : words;
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

function versionProblem(data: unknown): BankIssue | null {
  if (!isRecord(data) || !('version' in data)) return null;
  const { version } = data;
  if (version === BANK_VERSION) return null;
  return {
    path: ['version'],
    message: `unknown version ${JSON.stringify(version)}; this app reads version ${BANK_VERSION}`,
  };
}

function duplicateIdIssues(data: unknown): BankIssue[] {
  if (!isRecord(data) || !Array.isArray(data.questions)) return [];
  const firstIndex = new Map<string, number>();
  const problems: BankIssue[] = [];
  data.questions.forEach((question: unknown, index: number) => {
    if (!isRecord(question) || typeof question.id !== 'string') return;
    const first = firstIndex.get(question.id);
    if (first === undefined) firstIndex.set(question.id, index);
    else
      problems.push({
        path: ['questions', index, 'id'],
        message: `duplicate id; questions[${first}] already uses "${question.id}"`,
      });
  });
  return problems;
}
