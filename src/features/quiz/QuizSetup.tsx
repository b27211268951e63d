import { useId, useState, type FormEvent } from 'react';
import type { Bank } from '../../domain/bank-schema';
import { matchingQuestions } from '../../domain/quiz-builder';
import {
  COUNT_CHOICES,
  DIFFICULTIES,
  DIFFICULTY_NAMES,
  TIMER_MAX_SECONDS,
  TIMER_MIN_SECONDS,
  type QuizSettings,
} from '../../domain/quiz-settings';
import { SERVICE_TYPES } from '../../domain/service-types';
import { Choice } from '../../components/Choice';
import { CopyLinkButton } from './CopyLinkButton';

interface Props {
  bank: Bank;
  initial: QuizSettings;
  seed: string;
  linkFor: (settings: QuizSettings, seed: string) => string;
  onStart: (settings: QuizSettings) => void;
}

function toggle<T>(list: readonly T[], item: T, on: boolean, order: readonly T[]): T[] {
  const next = on ? [...list, item] : list.filter((x) => x !== item);
  return order.filter((x) => next.includes(x));
}

export function QuizSetup({ bank, initial, seed, linkFor, onStart }: Props) {
  const [settings, setSettings] = useState<QuizSettings>(initial);
  const [timerText, setTimerText] = useState(String(initial.timerSeconds ?? 60));
  const [timerOn, setTimerOn] = useState(initial.timerSeconds !== null);
  const timerId = useId();
  const update = (patch: Partial<QuizSettings>) => setSettings((s) => ({ ...s, ...patch }));

  const timerSeconds = Number(timerText);
  const timerValid =
    /^\d+$/.test(timerText) &&
    timerSeconds >= TIMER_MIN_SECONDS &&
    timerSeconds <= TIMER_MAX_SECONDS;
  const effective: QuizSettings = {
    ...settings,
    timerSeconds: timerOn && timerValid ? timerSeconds : null,
  };
  const available = matchingQuestions(bank, effective).length;
  const problems = [
    settings.types.length === 0 && 'Choose at least one answer type.',
    settings.difficulties.length === 0 && 'Choose at least one difficulty.',
    settings.types.length > 0 &&
      settings.difficulties.length > 0 &&
      available === 0 &&
      'No questions match these choices. Include more answer types or difficulty levels.',
    timerOn &&
      !timerValid &&
      `The timer must be from ${TIMER_MIN_SECONDS} to ${TIMER_MAX_SECONDS} seconds.`,
  ].filter((p): p is string => typeof p === 'string');
  const quizLength = effective.count === 'all' ? available : Math.min(effective.count, available);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (problems.length === 0) onStart(effective);
  }

  return (
    <form className="quiz-setup" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Number of questions</legend>
        <div className="choice-row">
          {COUNT_CHOICES.map((count) => (
            <Choice
              key={count}
              type="radio"
              name="count"
              checked={settings.count === count}
              onChange={() => update({ count })}
            >
              {count === 'all' ? 'All' : count}
            </Choice>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>Answer types to include</legend>
        <div className="choice-row">
          {SERVICE_TYPES.map((type) => (
            <Choice
              key={type}
              type="checkbox"
              checked={settings.types.includes(type)}
              onChange={(on) => update({ types: toggle(settings.types, type, on, SERVICE_TYPES) })}
            >
              {type}
            </Choice>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>Difficulty</legend>
        <div className="choice-row">
          {DIFFICULTIES.map((level) => (
            <Choice
              key={level}
              type="checkbox"
              checked={settings.difficulties.includes(level)}
              onChange={(on) =>
                update({ difficulties: toggle(settings.difficulties, level, on, DIFFICULTIES) })
              }
            >
              {DIFFICULTY_NAMES[level]}
            </Choice>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>Feedback</legend>
        <div className="choice-row">
          <Choice
            type="radio"
            name="feedback"
            checked={settings.feedback === 'each'}
            onChange={() => update({ feedback: 'each' })}
          >
            After each question
          </Choice>
          <Choice
            type="radio"
            name="feedback"
            checked={settings.feedback === 'end'}
            onChange={() => update({ feedback: 'end' })}
          >
            Only at the end (exam style)
          </Choice>
        </div>
      </fieldset>

      <fieldset>
        <legend>Options</legend>
        <div className="choice-column">
          <Choice type="checkbox" checked={timerOn} onChange={setTimerOn}>
            Time limit per question
          </Choice>
          {timerOn && (
            <div className="timer-setting">
              <label htmlFor={timerId}>Seconds per question</label>
              <input
                id={timerId}
                type="number"
                inputMode="numeric"
                min={TIMER_MIN_SECONDS}
                max={TIMER_MAX_SECONDS}
                step={5}
                value={timerText}
                aria-invalid={!timerValid}
                onChange={(e) => setTimerText(e.target.value)}
              />
              <span className="hint">
                {TIMER_MIN_SECONDS} s to {TIMER_MAX_SECONDS / 60} min; you can pause during the
                quiz.
              </span>
            </div>
          )}
          <Choice
            type="checkbox"
            checked={settings.confidence}
            onChange={(confidence) => update({ confidence })}
          >
            Ask how sure I am
          </Choice>
        </div>
      </fieldset>

      <p className="setup-summary" aria-live="polite">
        {problems.length === 0
          ? `${quizLength} question${quizLength === 1 ? '' : 's'} from ${available} that match.`
          : problems.join(' ')}
      </p>

      <div className="actions">
        <button type="submit" className="button" disabled={problems.length > 0}>
          Start quiz
        </button>
        {problems.length === 0 && <CopyLinkButton url={linkFor(effective, seed)} />}
      </div>
    </form>
  );
}
