import { useId, useState, type FormEvent } from 'react';
import { Choice } from '../../components/Choice';
import type { Question, QuestionId } from '../../domain/bank-schema';
import {
  DEFAULT_SESSION_SETTINGS,
  MAX_SESSION_QUESTIONS,
  type CreateSessionRequest,
  type SessionSettings,
} from '../../domain/live-protocol';
import { QuestionPicker } from './QuestionPicker';

/** A bank a session can be hosted from. Custom banks add entries with their own `source`. */
export interface HostableBank {
  id: string;
  title: string;
  questions: readonly Question[];
  source: CreateSessionRequest['bank'];
}

interface Props {
  banks: readonly HostableBank[];
  initialBankId?: string;
  newSeed: () => string;
  busy: boolean;
  onHost: (request: CreateSessionRequest) => void;
}

const SECONDS_MIN = 5;
const SECONDS_MAX = 600;

export function HostSetupForm({ banks, initialBankId, newSeed, busy, onHost }: Props) {
  const id = useId();
  const [bankId, setBankId] = useState(
    banks.find((b) => b.id === initialBankId)?.id ?? banks[0]?.id ?? '',
  );
  const bank = banks.find((b) => b.id === bankId) ?? banks[0];
  const available = Math.min(bank?.questions.length ?? 0, MAX_SESSION_QUESTIONS);
  const [mode, setMode] = useState<'seed' | 'ids'>('seed');
  const [countText, setCountText] = useState(String(Math.min(10, available)));
  const [seed, setSeed] = useState(newSeed);
  const [picked, setPicked] = useState<ReadonlySet<QuestionId>>(new Set());
  const [timed, setTimed] = useState(DEFAULT_SESSION_SETTINGS.secondsPerQuestion !== null);
  const [secondsText, setSecondsText] = useState(
    String(DEFAULT_SESSION_SETTINGS.secondsPerQuestion ?? 30),
  );
  const [scoring, setScoring] = useState<SessionSettings['scoring']>(
    DEFAULT_SESSION_SETTINGS.scoring,
  );
  const [lateJoin, setLateJoin] = useState(DEFAULT_SESSION_SETTINGS.lateJoin);

  const count = Number(countText);
  const countOk = /^\d+$/.test(countText) && count >= 1 && count <= available;
  const seconds = Number(secondsText);
  const secondsOk = /^\d+$/.test(secondsText) && seconds >= SECONDS_MIN && seconds <= SECONDS_MAX;
  const ids = bank ? bank.questions.filter((q) => picked.has(q.id)).map((q) => q.id) : [];
  const problems = [
    !bank && 'There is no question bank to host from.',
    mode === 'seed' && !countOk && `Choose from 1 to ${available} questions.`,
    mode === 'seed' && seed.trim() === '' && 'Enter a seed, or pick a new one.',
    mode === 'ids' && ids.length === 0 && 'Tick at least one question.',
    mode === 'ids' &&
      ids.length > MAX_SESSION_QUESTIONS &&
      `A session has at most ${MAX_SESSION_QUESTIONS} questions.`,
    timed && !secondsOk && `Time per question must be from ${SECONDS_MIN} to ${SECONDS_MAX} s.`,
  ].filter((p): p is string => typeof p === 'string');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (problems.length > 0 || !bank) return;
    onHost({
      bank: bank.source,
      selection:
        mode === 'seed'
          ? { kind: 'seed', count, seed: seed.trim().slice(0, 64) }
          : { kind: 'ids', ids: ids as [QuestionId, ...QuestionId[]] },
      settings: { secondsPerQuestion: timed ? seconds : null, scoring, lateJoin },
    });
  }

  const total = mode === 'seed' ? (countOk ? count : 0) : ids.length;
  return (
    <form className="host-setup" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-bank`}>Question bank</label>
        <select id={`${id}-bank`} value={bankId} onChange={(e) => setBankId(e.target.value)}>
          {banks.map((b) => (
            <option key={b.id} value={b.id}>
              {b.title} ({b.questions.length} questions)
            </option>
          ))}
        </select>
      </div>

      <fieldset>
        <legend>Questions</legend>
        <div className="choice-column">
          <Choice
            type="radio"
            name="selection"
            checked={mode === 'seed'}
            onChange={() => setMode('seed')}
          >
            A balanced pick from the bank
          </Choice>
          {mode === 'seed' && (
            <div className="sub-fields">
              <div className="field inline">
                <label htmlFor={`${id}-count`}>Number of questions</label>
                <input
                  id={`${id}-count`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={available}
                  value={countText}
                  aria-invalid={!countOk}
                  onChange={(e) => setCountText(e.target.value)}
                />
              </div>
              <div className="field inline">
                <label htmlFor={`${id}-seed`}>Seed</label>
                <input
                  id={`${id}-seed`}
                  type="text"
                  value={seed}
                  maxLength={64}
                  spellCheck={false}
                  aria-describedby={`${id}-seed-hint`}
                  onChange={(e) => setSeed(e.target.value)}
                />
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => setSeed(newSeed())}
                >
                  New seed
                </button>
              </div>
              <p id={`${id}-seed-hint`} className="hint">
                The same seed and bank give the same questions in the same order: reuse a seed to
                run a session again.
              </p>
            </div>
          )}
          <Choice
            type="radio"
            name="selection"
            checked={mode === 'ids'}
            onChange={() => setMode('ids')}
          >
            Questions I choose
          </Choice>
          {mode === 'ids' && bank && (
            <QuestionPicker questions={bank.questions} picked={picked} onChange={setPicked} />
          )}
        </div>
      </fieldset>

      <fieldset>
        <legend>Time per question</legend>
        <div className="choice-column">
          <Choice type="radio" name="timing" checked={timed} onChange={() => setTimed(true)}>
            With a time limit
          </Choice>
          {timed && (
            <div className="sub-fields field inline">
              <label htmlFor={`${id}-seconds`}>Seconds per question</label>
              <input
                id={`${id}-seconds`}
                type="number"
                inputMode="numeric"
                min={SECONDS_MIN}
                max={SECONDS_MAX}
                step={5}
                value={secondsText}
                aria-invalid={!secondsOk}
                onChange={(e) => setSecondsText(e.target.value)}
              />
            </div>
          )}
          <Choice type="radio" name="timing" checked={!timed} onChange={() => setTimed(false)}>
            Untimed: I reveal each answer
          </Choice>
        </div>
      </fieldset>

      <fieldset>
        <legend>Scoring</legend>
        <div className="choice-column">
          <Choice
            type="radio"
            name="scoring"
            checked={scoring === 'accuracy'}
            onChange={() => setScoring('accuracy')}
          >
            Accuracy only
          </Choice>
          <Choice
            type="radio"
            name="scoring"
            checked={scoring === 'speed'}
            onChange={() => setScoring('speed')}
          >
            Accuracy plus a bonus for answering early
          </Choice>
        </div>
      </fieldset>

      <fieldset>
        <legend>Joining</legend>
        <Choice type="checkbox" checked={lateJoin} onChange={setLateJoin}>
          Let people join after the first question has started
        </Choice>
      </fieldset>

      <p className="setup-summary" aria-live="polite">
        {problems.length === 0
          ? `${total} question${total === 1 ? '' : 's'}, ${timed ? `${seconds} s each` : 'untimed'}.`
          : problems.join(' ')}
      </p>
      <div className="actions">
        <button type="submit" className="button" disabled={busy || problems.length > 0}>
          Host a session
        </button>
      </div>
    </form>
  );
}
