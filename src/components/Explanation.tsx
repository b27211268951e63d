import type { Question } from '../domain/bank-schema';
import { SERVICE_TYPES, type ServiceType } from '../domain/service-types';
import { References } from './References';
import { RichText } from './RichText';

interface Props {
  question: Question;
  /** What the learner picked, if anything: a wrong pick gets its own "Why not" first. */
  choice: ServiceType | null;
  /** The level of the "Why not …?" heading, to fit the page's outline. */
  headingLevel: 3 | 4;
}

/**
 * Why the answer is right, why the learner's wrong pick is not, why the other types are not
 * (folded), and where the docs say so. Shared by quiz feedback, the quiz review and flashcards.
 */
export function Explanation({ question, choice, headingLevel }: Props) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const wrongPick = choice !== null && choice !== question.answer ? choice : null;
  const whyNotPick = wrongPick ? question.whyNot?.[wrongPick] : undefined;
  const others = SERVICE_TYPES.filter(
    (t) => t !== question.answer && t !== wrongPick && question.whyNot?.[t],
  );
  return (
    <>
      {question.explanation ? (
        <RichText source={question.explanation} />
      ) : (
        // A minimal bank (id, prompt, answer) is valid: say so rather than leave a gap.
        <p className="no-explanation">No explanation in this bank.</p>
      )}
      {whyNotPick && (
        <div className="why-not-chosen">
          <Heading>Why not {wrongPick}?</Heading>
          <RichText source={whyNotPick} />
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
    </>
  );
}
