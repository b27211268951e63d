import {
  LEADERBOARD_SIZE,
  type ExportRow,
  type FinalResults,
  type LeaderRow,
  type QuestionStat,
  type Reveal,
} from './live-protocol';
import { rank } from './live-scoring';
import type { LiveSession, Participant, Round } from './live-session';
import { byType, SERVICE_TYPES, type ServiceType } from './service-types';

/** Results of a live session: ranking, leaderboard, per-question stats, final results, export. */

export interface Ranking {
  /** Active participants, best first. */
  order: Participant[];
  rankOf: Map<string, number>;
}

// The participants map is immutable, so a ranking computed for one map stays right for it. A storm
// of reconnects after a reveal changes only presence, so it reuses one ranking instead of sorting
// 2,000 people per reconnect.
const rankings = new WeakMap<object, Ranking>();

export function ranking(state: LiveSession): Ranking {
  const cached = rankings.get(state.participants);
  if (cached) return cached;
  const active = [...state.participants.values()].filter((p) => p.status === 'active');
  const result = rank(active);
  rankings.set(state.participants, result);
  return result;
}

export const revealedCount = (state: LiveSession) =>
  state.rounds.filter((round) => round.stat !== null).length;

/** Questions revealed while this person was in the session. */
export const askedOf = (state: LiveSession, participant: Participant) =>
  Math.max(0, revealedCount(state) - participant.firstIndex);

export function leaderboard(state: LiveSession, size: number = LEADERBOARD_SIZE): LeaderRow[] {
  const { order, rankOf } = ranking(state);
  const revealed = revealedCount(state);
  return order.slice(0, size).map((p) => ({
    rank: rankOf.get(p.id) as number,
    participantId: p.id,
    name: p.name,
    points: p.points,
    correct: p.correct,
    asked: Math.max(0, revealed - p.firstIndex),
  }));
}

export function questionStat(state: LiveSession, round: Round): QuestionStat {
  const question = state.questions[round.index];
  if (!question) throw new Error(`no question ${round.index}`);
  const distribution = byType(() => 0);
  let answered = 0;
  let right = 0;
  let noAnswer = 0;
  // One pass over everyone who ever joined: their answer counts unless the host removed them
  // (people who left after answering still count in the room's split).
  for (const p of state.participants.values()) {
    if (p.status === 'removed') continue;
    const answer = round.answers.get(p.id);
    if (answer) {
      distribution[answer.choice] += 1;
      answered += 1;
      if (answer.correct) right += 1;
    } else if (p.status === 'active' && p.firstIndex <= round.index) noAnswer += 1;
  }
  return {
    index: round.index,
    questionId: question.id,
    prompt: question.prompt,
    answer: question.answer,
    distribution,
    noAnswer,
    correctRate: answered === 0 ? 0 : right / answered,
    split: split(distribution),
    topConfusion: topConfusion(distribution, question.answer),
  };
}

/** Normalized Shannon entropy of the choices: 0 when everyone agreed, 1 for an even split. */
export function split(distribution: Record<ServiceType, number>): number {
  const total = SERVICE_TYPES.reduce((sum, t) => sum + distribution[t], 0);
  if (total === 0) return 0;
  let entropy = 0;
  for (const t of SERVICE_TYPES) {
    const p = distribution[t] / total;
    if (p > 0) entropy -= p * Math.log(p);
  }
  return Math.min(1, Math.max(0, entropy / Math.log(SERVICE_TYPES.length)));
}

/** The wrong type picked most often (the first in type order on a tie), or null. */
function topConfusion(
  distribution: Record<ServiceType, number>,
  answer: ServiceType,
): QuestionStat['topConfusion'] {
  let top: QuestionStat['topConfusion'] = null;
  for (const t of SERVICE_TYPES)
    if (t !== answer && distribution[t] > (top?.count ?? 0))
      top = { picked: t, count: distribution[t] };
  return top;
}

export function buildReveal(state: LiveSession, index: number): Reveal {
  const question = state.questions[index];
  const stat = state.rounds[index]?.stat;
  if (!question || !stat) throw new Error(`question ${index} is not revealed`);
  return {
    index,
    total: state.questions.length,
    questionId: question.id,
    prompt: question.prompt,
    answer: question.answer,
    explanation: question.explanation,
    whyNot: question.whyNot,
    references: question.references,
    distribution: stat.distribution,
    noAnswer: stat.noAnswer,
    leaderboard: leaderboard(state),
    isLast: index === state.questions.length - 1,
  };
}

export function finalResults(state: LiveSession): FinalResults {
  const board = leaderboard(state);
  const questions = state.rounds.flatMap((round) => (round.stat ? [round.stat] : []));
  return {
    podium: board.slice(0, 3),
    leaderboard: board,
    questions,
    mostCommonConfusion: mostCommonConfusion(questions),
  };
}

/** The (right type, picked type) pair seen most across the session; the earliest on a tie. */
function mostCommonConfusion(questions: QuestionStat[]): FinalResults['mostCommonConfusion'] {
  const counts = new Map<string, { answer: ServiceType; picked: ServiceType; count: number }>();
  let best: FinalResults['mostCommonConfusion'] = null;
  for (const q of questions)
    for (const picked of SERVICE_TYPES) {
      const n = q.distribution[picked];
      if (picked === q.answer || n === 0) continue;
      const key = `${q.answer}>${picked}`;
      const entry = counts.get(key) ?? { answer: q.answer, picked, count: 0 };
      entry.count += n;
      counts.set(key, entry);
      if (entry.count > (best?.count ?? 0)) best = { ...entry };
    }
  return best;
}

/**
 * One row per participant per revealed question they were in the session for, in join order:
 * what the host exports as CSV or JSON. People who left are not in it; removed people neither.
 */
export function exportRows(state: LiveSession): ExportRow[] {
  const people = [...state.participants.values()]
    .filter((p) => p.status === 'active')
    .sort((a, b) => a.seq - b.seq);
  const rows: ExportRow[] = [];
  for (const p of people)
    for (const round of state.rounds) {
      const question = state.questions[round.index];
      if (!round.stat || !question || round.index < p.firstIndex) continue;
      const answer = round.answers.get(p.id);
      rows.push({
        name: p.name,
        questionId: question.id,
        answer: answer?.choice ?? null,
        correct: answer?.correct ?? false,
        timeMs: answer?.timeMs ?? null,
        points: answer?.points ?? 0,
      });
    }
  return rows;
}
