import { AnswerButtons } from '../../components/AnswerButtons';
import { Prompt } from '../../components/Prompt';
import type { PlayerPhase } from '../../lib/live-player-state';
import { formatPoints, ordinal } from './messages';
import { RevealExplanation } from './RevealExplanation';
import { useFocusOnStep } from './useLive';

type RevealPhase = Extract<PlayerPhase, { phase: 'reveal' }>;

function verdict(phase: RevealPhase): string {
  const { result, reveal } = phase;
  if (!result) return `The answer is ${reveal.answer}`;
  if (result.correct) return 'Correct';
  if (result.choice === null) return `No answer — the answer is ${reveal.answer}`;
  return `Incorrect — the answer is ${reveal.answer}`;
}

/** Whether this participant was right, why, their points and their rank. */
export function PlayerReveal({ phase }: { phase: RevealPhase }) {
  const { reveal, result } = phase;
  const feedback = useFocusOnStep<HTMLDivElement>(
    `reveal-${reveal.index}-${result ? 'mine' : 'room'}`,
  );
  const tone = !result ? '' : result.correct ? ' feedback-right' : ' feedback-wrong';
  return (
    <div className="player-reveal">
      <p className="quiz-progress">
        Question {reveal.index + 1} of {reveal.total}
      </p>
      <div ref={feedback} tabIndex={-1} role="status" className={`feedback${tone}`}>
        <p className="verdict">
          <strong>{verdict(phase)}</strong>
        </p>
        {result ? (
          <p className="your-score">
            {result.points > 0 ? `+${formatPoints(result.points)}` : 'No points'} this question ·{' '}
            {formatPoints(result.totalPoints)} in all · {ordinal(result.rank)} of {result.of}
          </p>
        ) : (
          <p className="your-score">Your points are on their way…</p>
        )}
      </div>
      <div className="question-card" data-question-id={reveal.questionId}>
        <h2 className="visually-hidden">Question {reveal.index + 1}</h2>
        <Prompt source={reveal.prompt} />
        <AnswerButtons
          chosen={result?.choice ?? null}
          correct={reveal.answer}
          disabled
          onChoose={() => {}}
        />
        <RevealExplanation reveal={reveal} choice={result?.choice ?? null} />
      </div>
      <p className="hint waiting">
        {reveal.isLast
          ? 'That was the last question. The host will show the final results.'
          : 'Waiting for the host to open the next question…'}
      </p>
    </div>
  );
}
