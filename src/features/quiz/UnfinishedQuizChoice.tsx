import type { ActiveQuiz } from '../../domain/progress-schema';

interface Props {
  unfinished: ActiveQuiz;
  onResume: () => void;
  onStartNew: () => void;
}

/** A link asked for a new quiz while another was unfinished: the learner chooses. */
export function UnfinishedQuizChoice({ unfinished, onResume, onStartNew }: Props) {
  return (
    <section className="unfinished-choice" aria-labelledby="unfinished-heading">
      <h2 id="unfinished-heading">You have an unfinished quiz</h2>
      <p>
        You were at question {unfinished.index + 1} of {unfinished.items.length}, with{' '}
        {unfinished.answers.length} answered. Starting the new quiz discards it.
      </p>
      <div className="actions">
        {/* Focused once, when the choice appears, so Enter resumes. */}
        <button type="button" className="button" autoFocus onClick={onResume}>
          Resume the unfinished quiz
        </button>
        <button type="button" className="button secondary" onClick={onStartNew}>
          Start the new quiz
        </button>
      </div>
    </section>
  );
}
