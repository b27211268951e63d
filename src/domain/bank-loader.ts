import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { BANK_VERSION, bankSchema, type Bank } from './bank-schema';
import { describeIssue, describePath, isRecord } from './schema-problems';

/** One thing wrong with a bank: where it is and what is wrong, both readable by an author. */
export interface BankProblem {
  where: string;
  message: string;
}

export type BankLoadResult = { ok: true; bank: Bank } | { ok: false; problems: BankProblem[] };

export function formatProblem(problem: BankProblem): string {
  return problem.where ? `${problem.where}: ${problem.message}` : problem.message;
}

/** Parses and validates bank text, returning every problem found rather than the first. */
export function loadBank(text: string): BankLoadResult {
  const syntax = parseJson(text);
  if (!syntax.ok) return syntax;
  return validateBank(syntax.value);
}

export function validateBank(data: unknown): BankLoadResult {
  const version = versionProblem(data);
  if (version) return { ok: false, problems: [version] };
  const result = bankSchema.safeParse(data, { reportInput: true });
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => ({
        where: describePath(issue.path, data),
        message: describeIssue(issue),
      }));
  problems.push(...duplicateIdProblems(data));
  if (problems.length > 0 || !result.success) return { ok: false, problems };
  return { ok: true, bank: result.data };
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
  const { line, column } = lineAndColumn(text, first.offset);
  return {
    ok: false,
    problems: [
      {
        where: `line ${line}, column ${column}`,
        message: `JSON syntax error: ${describeSyntaxError(printParseErrorCode(first.error))}`,
      },
    ],
  };
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

function versionProblem(data: unknown): BankProblem | null {
  if (!isRecord(data) || !('version' in data)) return null;
  const { version } = data;
  if (version === BANK_VERSION) return null;
  return {
    where: 'version',
    message: `unknown version ${JSON.stringify(version)}; this app reads version ${BANK_VERSION}`,
  };
}

function duplicateIdProblems(data: unknown): BankProblem[] {
  if (!isRecord(data) || !Array.isArray(data.questions)) return [];
  const firstIndex = new Map<string, number>();
  const problems: BankProblem[] = [];
  data.questions.forEach((question: unknown, index: number) => {
    if (!isRecord(question) || typeof question.id !== 'string') return;
    const first = firstIndex.get(question.id);
    if (first === undefined) firstIndex.set(question.id, index);
    else
      problems.push({
        where: describePath(['questions', index, 'id'], data),
        message: `duplicate id; questions[${first}] already uses "${question.id}"`,
      });
  });
  return problems;
}
