import { bankIdForTitle } from '../domain/bank-ids';
import type { ProgressStore } from '../domain/progress-store';
import { teamResultId, withTeamAnswers, type TeamSessionInfo } from '../domain/team-progress';
import type { PlayerState } from './live-player-state';
import type { ReadableStore } from './live-store';

/**
 * Files a participant's revealed answers into their own progress (history, mastery and the
 * flashcard schedule of the session's bank) as they arrive. Each session is one history record,
 * `kind: "team"`, written with `updateQuizResult`: no unfinished quiz of the learner's own is
 * touched, and an answer already recorded is never recorded twice, whether a reveal comes again
 * or a rejoin brings the results back. Returns a function that stops listening.
 */
export function recordTeamAnswers(
  client: ReadableStore<PlayerState>,
  /** Opened on the first answer, so a browser without storage still plays the session. */
  store: () => ProgressStore,
  deps: { now: () => number; builtinTitle: string; onError?: (error: unknown) => void },
): () => void {
  let seen = client.getState().results;
  // One write at a time, in order: each reads what the one before it stored.
  let writing: Promise<void> = Promise.resolve();
  return client.subscribe(() => {
    const state = client.getState();
    if (state.results === seen) return;
    seen = state.results;
    const { place } = state;
    if (place.status !== 'in' || seen.length === 0) return;
    const session: TeamSessionInfo = {
      code: place.session.code,
      participantId: place.me.participantId,
      name: place.me.name,
      title: place.session.title,
      bankId: bankIdForTitle(place.session.title, deps.builtinTitle),
      total: place.session.total,
      secondsPerQuestion: place.session.settings.secondsPerQuestion,
    };
    const answers = seen.map(({ questionId, answer, choice, correct, timeMs }) => ({
      questionId,
      answer,
      choice,
      correct,
      timeMs,
    }));
    const at = deps.now();
    const id = teamResultId(session.code, session.participantId);
    writing = writing
      .then(() =>
        store().updateQuizResult(id, (stored) => withTeamAnswers(stored, session, answers, at)),
      )
      // The session goes on either way; the page that owns the store reports storage trouble.
      .catch((error: unknown) => deps.onError?.(error));
  });
}
