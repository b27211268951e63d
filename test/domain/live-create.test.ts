import { describe, expect, it } from 'vitest';
import { createdEvent, pickQuestions } from '../../src/domain/live-create';
import { buildQuiz } from '../../src/domain/quiz-builder';
import { DEFAULT_SETTINGS } from '../../src/domain/quiz-settings';
import { makeBank } from '../factories';
import { CODE, HOST, liveQuestions } from '../factories-live';

const bank = makeBank(liveQuestions(), { title: 'Four types' });

describe('picking a session’s questions', () => {
  it('by seed takes the same questions, in the same order, as the quiz with that seed', () => {
    const picked = pickQuestions(bank, { kind: 'seed', count: 3, seed: 'team-1' });
    const quiz = buildQuiz(bank, { ...DEFAULT_SETTINGS, count: 3 }, 'team-1');
    if (!picked.ok || !quiz.ok) throw new Error('expected both to succeed');
    expect(picked.questions.map((q) => q.id)).toEqual(quiz.items.map((i) => i.questionId));
    expect(picked.questions).toHaveLength(3);
    // Whole questions from the bank, not just their ids.
    expect(picked.questions[0]).toBe(
      bank.questions.find((q) => q.id === quiz.items[0]!.questionId),
    );
  });

  it('by seed takes the whole bank when the count is over its size', () => {
    const picked = pickQuestions(bank, { kind: 'seed', count: 50, seed: 'x' });
    expect(picked.ok && picked.questions.map((q) => q.id).sort()).toEqual(['q0', 'q1', 'q2', 'q3']);
  });

  it('by seed reports the quiz builder’s problem for a bank it cannot pick from', () => {
    expect(pickQuestions(makeBank([]), { kind: 'seed', count: 3, seed: 'x' })).toEqual({
      ok: false,
      problems: [
        {
          where: 'selection',
          message:
            'No questions match these settings. Include more answer types or difficulty levels.',
        },
      ],
    });
  });

  it('by ids takes exactly the listed questions in the listed order', () => {
    const picked = pickQuestions(bank, { kind: 'ids', ids: ['q2', 'q0'] as never });
    expect(picked).toEqual({ ok: true, questions: [bank.questions[2], bank.questions[0]] });
  });

  it('by ids names every unknown or repeated id with its place in the list', () => {
    const picked = pickQuestions(bank, {
      kind: 'ids',
      ids: ['q1', 'nope', 'q1', 'q3'] as never,
    });
    expect(picked).toEqual({
      ok: false,
      problems: [
        { where: 'selection.ids[1]', message: 'no question "nope" in the bank' },
        { where: 'selection.ids[2]', message: '"q1" is listed twice' },
      ],
    });
  });
});

it('records a new session as its created event, questions with their answers', () => {
  const event = createdEvent({
    code: CODE,
    hostToken: HOST,
    bank,
    questions: [bank.questions[1]!],
    settings: { secondsPerQuestion: null, scoring: 'speed', lateJoin: false },
    limits: { maxParticipants: 30, idleMs: 60_000 },
    now: 42,
  });
  expect(event).toEqual({
    type: 'created',
    at: 42,
    code: CODE,
    hostToken: HOST,
    title: 'Four types',
    settings: { secondsPerQuestion: null, scoring: 'speed', lateJoin: false },
    questions: [
      {
        id: 'q1',
        prompt: 'Scenario 1',
        answer: 'NodePort',
        explanation: 'Explanation 1: the answer is right because of reason 1.',
        whyNot: bank.questions[1]!.whyNot,
        references: bank.questions[1]!.references,
      },
    ],
    limits: { maxParticipants: 30, idleMs: 60_000 },
  });
});
