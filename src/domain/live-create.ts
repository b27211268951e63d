import type { Bank, Question } from './bank-schema';
import type { BankProblem } from './bank-loader';
import type { HostToken, JoinCode, QuestionSelection, SessionSettings } from './live-protocol';
import { toLiveQuestion, type CreatedEvent, type SessionLimits } from './live-session';
import { buildQuiz } from './quiz-builder';
import { DEFAULT_SETTINGS } from './quiz-settings';

export type PickResult =
  { ok: true; questions: Question[] } | { ok: false; problems: BankProblem[] };

/**
 * The session's questions: `count` picked and ordered from `seed` by the quiz builder (the same
 * bank and seed give the same questions as `/quiz?count=…&seed=…`), or exactly the listed ids.
 * A count over the bank's size takes the whole bank, as the quiz does.
 */
export function pickQuestions(bank: Bank, selection: QuestionSelection): PickResult {
  if (selection.kind === 'seed') {
    const built = buildQuiz(bank, { ...DEFAULT_SETTINGS, count: selection.count }, selection.seed);
    if (!built.ok) return { ok: false, problems: [{ where: 'selection', message: built.message }] };
    const byId = new Map(bank.questions.map((q) => [q.id, q]));
    return {
      ok: true,
      questions: built.items.map((item) => byId.get(item.questionId) as Question),
    };
  }
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const problems: BankProblem[] = [];
  const questions: Question[] = [];
  selection.ids.forEach((id, i) => {
    const question = byId.get(id);
    if (!question)
      problems.push({ where: `selection.ids[${i}]`, message: `no question "${id}" in the bank` });
    else if (seen.has(id))
      problems.push({ where: `selection.ids[${i}]`, message: `"${id}" is listed twice` });
    else questions.push(question);
    seen.add(id);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, questions };
}

export interface NewSession {
  code: JoinCode;
  hostToken: HostToken;
  bank: Bank;
  questions: Question[];
  settings: SessionSettings;
  limits: SessionLimits;
  now: number;
}

export function createdEvent(input: NewSession): CreatedEvent {
  return {
    type: 'created',
    at: input.now,
    code: input.code,
    hostToken: input.hostToken,
    title: input.bank.title,
    settings: input.settings,
    questions: input.questions.map(toLiveQuestion),
    limits: input.limits,
  };
}
