import { SERVICE_TYPES, type ServiceType } from '../domain/service-types';

interface Props {
  /** The learner's pick (pending or final). */
  chosen: ServiceType | null;
  /** The right answer, once it is revealed. */
  correct: ServiceType | null;
  disabled: boolean;
  onChoose: (type: ServiceType) => void;
}

/** The four answer buttons, always in the same order so keys 1–4 stay learnable. */
export function AnswerButtons({ chosen, correct, disabled, onChoose }: Props) {
  return (
    <div className="answer-grid" role="group" aria-label="Answers">
      {SERVICE_TYPES.map((type, i) => {
        const state =
          correct === null
            ? chosen === type
              ? 'picked'
              : ''
            : type === correct
              ? 'right'
              : type === chosen
                ? 'wrong'
                : '';
        return (
          <button
            key={type}
            type="button"
            className={`answer-button ${state}`}
            disabled={disabled}
            aria-pressed={correct === null ? chosen === type : undefined}
            aria-keyshortcuts={String(i + 1)}
            onClick={() => onChoose(type)}
          >
            <span className="key-hint" aria-hidden="true">
              {i + 1}
            </span>
            {type}
            {state === 'right' && (
              <span className="mark" aria-hidden="true">
                ✓
              </span>
            )}
            {state === 'wrong' && (
              <span className="mark" aria-hidden="true">
                ✗
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
