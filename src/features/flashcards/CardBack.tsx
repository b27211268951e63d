import type { Ref } from 'react';
import type { Question } from '../../domain/bank-schema';
import { SERVICE_TYPES, type ServiceType } from '../../domain/service-types';
import { References } from '../../components/References';
import { RichText } from '../../components/RichText';

interface Props {
  question: Question;
  /** The type picked in choose-first mode, or null. */
  choice: ServiceType | null;
  ref?: Ref<HTMLElement>;
}

/** The back of a card: the right type, why, why not the pick, and where the docs say so. */
export function CardBack({ question, choice, ref }: Props) {
  const right = choice === question.answer;
  const whyNotChoice = choice && !right ? question.whyNot?.[choice] : undefined;
  const others = SERVICE_TYPES.filter(
    (t) => t !== question.answer && t !== choice && question.whyNot?.[t],
  );
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className={`flashcard-back${choice === null ? '' : right ? ' feedback-right' : ' feedback-wrong'}`}
      aria-labelledby="flashcard-answer"
    >
      {choice !== null && (
        <p className="verdict" id="flashcard-verdict">
          <strong>{right ? 'Correct' : `Incorrect — you picked ${choice}`}</strong>
        </p>
      )}
      <h3 id="flashcard-answer" className="flashcard-answer">
        Answer: <span className="answer-type">{question.answer}</span>
      </h3>
      {question.explanation && <RichText source={question.explanation} />}
      {whyNotChoice && (
        <div className="why-not-chosen">
          <h4>Why not {choice}?</h4>
          <RichText source={whyNotChoice} />
        </div>
      )}
      {others.length > 0 && (
        <details className="why-not-others">
          <summary>Why not the other types</summary>
          <dl>
            {others.map((type) => (
              <div key={type}>
                <dt>{type}</dt>
                <dd>
                  <RichText source={question.whyNot?.[type] ?? ''} />
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      <References references={question.references} />
    </section>
  );
}
