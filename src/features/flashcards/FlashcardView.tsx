import { Prompt } from '../../components/Prompt';
import { useLayoutEffect, useRef } from 'react';
import type { Question } from '../../domain/bank-schema';
import type { FlashcardSession } from '../../domain/flashcard-session';
import type { RatingPreview } from '../../domain/flashcards';
import type { FlashcardSettings, Rating } from '../../domain/progress-schema';
import type { ServiceType } from '../../domain/service-types';
import { AnswerButtons } from '../../components/AnswerButtons';
import { CardBack } from './CardBack';
import { RatingButtons } from './RatingButtons';

type OnCard = Extract<FlashcardSession, { status: 'front' | 'back' }>;

interface Props {
  question: Question;
  session: OnCard;
  mode: FlashcardSettings['mode'];
  /** What each rating would do; shown once the back is. */
  preview: Record<Rating, RatingPreview> | null;
  onShow: () => void;
  onChoose: (type: ServiceType) => void;
  onRate: (rating: Rating) => void;
}

/** One card: the scenario, then (after Show answer or a pick) the back and the rating buttons. */
export function FlashcardView({
  question,
  session,
  mode,
  preview,
  onShow,
  onChoose,
  onRate,
}: Props) {
  const cardRef = useRef<HTMLElement>(null);
  const backRef = useRef<HTMLElement>(null);
  const suggestedRef = useRef<HTMLButtonElement>(null);
  const back = session.status === 'back' ? session : null;

  // A new card takes focus (except the first one on arrival, which leaves focus with the page),
  // so keys act on it and a screen reader reads it. Before paint, so the next key acts from there.
  useLayoutEffect(() => {
    if (session.turn > 1) cardRef.current?.focus();
  }, [session.turn]);

  // The back takes focus when shown; after a pick, the suggested rating does, so Enter confirms it.
  const showing = back !== null;
  const suggested = back?.suggested ?? null;
  useLayoutEffect(() => {
    if (!showing) return;
    if (suggested !== null) suggestedRef.current?.focus();
    else backRef.current?.focus();
  }, [showing, suggested]);

  return (
    <article
      ref={cardRef}
      className="flashcard"
      data-question-id={question.id}
      tabIndex={-1}
      aria-labelledby="flashcard-front"
    >
      <h2 id="flashcard-front" className="visually-hidden">
        Scenario
      </h2>
      <Prompt source={question.prompt} />
      {mode === 'choose-first' && (back === null || back.choice !== null) && (
        <>
          <p className="question-ask">Which Service type fits best?</p>
          <AnswerButtons
            chosen={back?.choice ?? null}
            correct={back ? question.answer : null}
            disabled={back !== null}
            onChoose={onChoose}
          />
        </>
      )}
      {back === null ? (
        <div className="actions">
          <button
            type="button"
            className={mode === 'classic' ? 'button' : 'button secondary'}
            aria-keyshortcuts="Space"
            onClick={onShow}
          >
            Show answer
          </button>
        </div>
      ) : (
        <>
          <CardBack ref={backRef} question={question} choice={back.choice} />
          {preview && (
            <RatingButtons
              preview={preview}
              suggested={back.suggested}
              suggestedRef={suggestedRef}
              onRate={onRate}
            />
          )}
        </>
      )}
    </article>
  );
}
