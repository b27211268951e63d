import {
  LEADERBOARD_SIZE,
  type ExportRow,
  type FinalResults,
  type LeaderRow,
  type ParticipantId,
  type QuestionStat,
  type Reveal,
} from './live-protocol';
import { rank } from './live-scoring';
import {
  NO_SCORE,
  type LiveSession,
  type Participant,
  type Round,
  type Score,
} from './live-session';
import { SERVICE_TYPES, type ServiceType } from './service-types';

/** Results of a live session: ranking, leaderboard, per-question stats, final results, export. */

export interface Ranked {
  participant: Participant;
  id: string;
  points: number;
  correct: number;
  seq: number;
}

export interface Ranking {
  /** Active participants, best first. */
  order: Ranked[];
  rankOf: Map<string, number>;
}

// The participants map is immutable and the scores change only at a reveal, so a ranking computed
// for one pair of them stays right. A storm of reconnects after a reveal changes only presence, so
// it reuses one ranking instead of sorting 2,000 people per reconnect.
const rankings = new WeakMap<object, { scores: object; ranking: Ranking }>();

export function ranking(state: LiveSession): Ranking {
  const cached = rankings.get(state.participants);
  if (cached?.scores === state.scores) return cached.ranking;
  const active: Ranked[] = [];
  for (const participant of state.participants.values())
    if (participant.status === 'active') {
      const score = state.scores.get(participant.id) ?? NO_SCORE;
      active.push({ participant, id: participant.id, seq: participant.seq, ...score });
    }
  const result = rank(active);
  rankings.set(state.participants, { scores: state.scores, ranking: result });
  return result;
}

export const scoreOf = (state: LiveSession, id: ParticipantId): Score =>
  state.scores.get(id) ?? NO_SCORE;

export const revealedCount = (state: LiveSession) =>
  state.rounds.filter((round) => round.stat !== null).length;

/** Questions revealed while this person was in the session. */
export const askedOf = (state: LiveSession, participant: Participant) =>
  Math.max(0, revealedCount(state) - participant.firstIndex);

export function leaderboard(state: LiveSession, size: number = LEADERBOARD_SIZE): LeaderRow[] {
  const { order, rankOf } = ranking(state);
  const revealed = revealedCount(state);
  return order.slice(0, size).map(({ participant: p, points, correct }) => ({
    rank: rankOf.get(p.id) as number,
    participantId: p.id,
    name: p.name,
    points,
    correct,
    asked: Math.max(0, revealed - p.firstIndex),
  }));
}

/** A closing question's stats, from the tally its answers kept (see `Tally`). */
export function questionStat(state: LiveSession, round: Round): QuestionStat {
  const question = state.questions[round.index];
  if (!question) throw new Error(`no question ${round.index}`);
  const { distribution, right } = round.tally;
  const answered = SERVICE_TYPES.reduce((sum, t) => sum + distribution[t], 0);
  return {
    index: round.index,
    questionId: question.id,
    prompt: question.prompt,
    answer: question.answer,
    distribution: { ...distribution },
    // Everyone in the session can answer the open question (late joiners included), so those
    // without an answer are the rest.
    noAnswer: state.active - round.tally.activeAnswered,
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
