import type {
  HostView,
  OpenQuestion,
  ParticipantSummary,
  PlayerView,
  YourFinal,
  YourResult,
} from './live-protocol';
import { askedOf, exportRows, ranking, scoreOf } from './live-results';
import { isConnected, type LiveSession, type Participant } from './live-session';

/**
 * What the host and each participant see, built from the session state. Nothing here puts a right
 * answer, explanation or why-not in front of anyone before the question's reveal: an open question
 * is only its id and prompt, and points change only when a question closes.
 */

export function openQuestion(state: LiveSession, index: number, now: number): OpenQuestion {
  const question = state.questions[index];
  const round = state.rounds[index];
  if (!question || !round) throw new Error(`question ${index} is not open`);
  const durationMs =
    state.settings.secondsPerQuestion === null ? null : state.settings.secondsPerQuestion * 1000;
  return {
    index,
    total: state.questions.length,
    questionId: question.id,
    prompt: question.prompt,
    durationMs,
    remainingMs: round.deadline === null ? null : Math.max(0, round.deadline - now),
  };
}

const sessionInfo = (state: LiveSession) => ({
  code: state.code,
  title: state.title,
  total: state.questions.length,
  settings: state.settings,
});

/** Active participants in join order, for the host's list. */
export function participantSummaries(state: LiveSession): ParticipantSummary[] {
  return [...state.participants.values()]
    .filter((p) => p.status === 'active')
    .sort((a, b) => a.seq - b.seq)
    .map((p) => ({
      id: p.id,
      name: p.name,
      connected: isConnected(state, p.id),
      ...scoreOf(state, p.id),
    }));
}

export function answeredCount(state: LiveSession): number {
  if (state.phase.phase !== 'question') return 0;
  return state.rounds[state.phase.index]?.answers.size ?? 0;
}

export function hostView(state: LiveSession, now: number): HostView {
  const base = { ...sessionInfo(state), participants: participantSummaries(state) };
  const { phase } = state;
  switch (phase.phase) {
    case 'lobby':
      return { ...base, state: { phase: 'lobby' } };
    case 'question':
      return {
        ...base,
        state: {
          phase: 'question',
          question: openQuestion(state, phase.index, now),
          answered: answeredCount(state),
        },
      };
    case 'reveal':
      return { ...base, state: { phase: 'reveal', reveal: phase.reveal } };
    case 'ended':
      return { ...base, state: { phase: 'ended', final: phase.final, rows: exportRows(state) } };
  }
}

export function yourResult(
  state: LiveSession,
  participant: Participant,
  index: number,
): YourResult {
  const answer = state.rounds[index]?.answers.get(participant.id);
  const { rankOf, order } = ranking(state);
  return {
    index,
    choice: answer?.choice ?? null,
    correct: answer?.correct ?? false,
    points: answer?.points ?? 0,
    timeMs: answer?.timeMs ?? null,
    totalPoints: scoreOf(state, participant.id).points,
    rank: rankOf.get(participant.id) ?? order.length + 1,
    of: Math.max(1, order.length),
  };
}

export function yourFinal(state: LiveSession, participant: Participant): YourFinal {
  const { rankOf, order } = ranking(state);
  return {
    rank: rankOf.get(participant.id) ?? order.length + 1,
    of: Math.max(1, order.length),
    ...scoreOf(state, participant.id),
    asked: askedOf(state, participant),
  };
}

export function playerView(state: LiveSession, participant: Participant, now: number): PlayerView {
  const base = sessionInfo(state);
  const { phase } = state;
  switch (phase.phase) {
    case 'lobby':
      return { ...base, state: { phase: 'lobby' } };
    case 'question':
      return {
        ...base,
        state: {
          phase: 'question',
          question: openQuestion(state, phase.index, now),
          yourAnswer: state.rounds[phase.index]?.answers.get(participant.id)?.choice ?? null,
          totalPoints: scoreOf(state, participant.id).points,
        },
      };
    case 'reveal':
      return {
        ...base,
        state: {
          phase: 'reveal',
          reveal: phase.reveal,
          result: yourResult(state, participant, phase.index),
        },
      };
    case 'ended':
      return {
        ...base,
        state: { phase: 'ended', final: phase.final, result: yourFinal(state, participant) },
      };
  }
}
