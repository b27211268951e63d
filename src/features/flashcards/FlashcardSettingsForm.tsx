import { useId, useState, type FormEvent } from 'react';
import {
  FLASHCARD_SETTING_RANGES as RANGES,
  flashcardSettingsSchema,
  type FlashcardSettings,
} from '../../domain/progress-schema';

interface Props {
  settings: FlashcardSettings;
  onSave: (settings: FlashcardSettings) => Promise<void>;
}

const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : NaN);

// The limits are the saved-settings schema's own, so the form accepts exactly what is stored.
const fields = flashcardSettingsSchema.shape;
const range = ({ min, max }: { min: number; max: number }, scale = 1) => ({
  min: Math.round(min * scale),
  max: Math.round(max * scale),
});
const RETENTION_PERCENT = range(RANGES.desiredRetention, 100);
const NEW_LIMIT = range(RANGES.dailyNewLimit);
const MAX_INTERVAL = range(RANGES.maximumIntervalDays);
const fits = (field: { safeParse(value: number): { success: boolean } }, value: number) =>
  field.safeParse(value).success;

/** Desired retention, daily new cards, maximum interval and how to answer. */
export function FlashcardSettingsForm({ settings, onSave }: Props) {
  const id = useId();
  const [retention, setRetention] = useState(String(Math.round(settings.desiredRetention * 100)));
  const [newLimit, setNewLimit] = useState(String(settings.dailyNewLimit));
  const [maxInterval, setMaxInterval] = useState(String(settings.maximumIntervalDays));
  const [mode, setMode] = useState(settings.mode);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  const candidate = {
    desiredRetention: wholeNumber(retention) / 100,
    dailyNewLimit: wholeNumber(newLimit),
    maximumIntervalDays: wholeNumber(maxInterval),
    mode,
  };
  const invalid = {
    retention: !fits(fields.desiredRetention, candidate.desiredRetention),
    newLimit: !fits(fields.dailyNewLimit, candidate.dailyNewLimit),
    maxInterval: !fits(fields.maximumIntervalDays, candidate.maximumIntervalDays),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = flashcardSettingsSchema.safeParse(candidate);
    if (!parsed.success) {
      setStatus({ ok: false, text: 'Fix the settings marked above, then save again.' });
      return;
    }
    try {
      await onSave(parsed.data);
      setStatus({ ok: true, text: 'Settings saved. Every card is rescheduled with them.' });
    } catch (error) {
      setStatus({
        ok: false,
        text: `The settings could not be saved (${error instanceof Error ? error.message : String(error)}).`,
      });
    }
  }

  return (
    <form className="flashcard-settings" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>How to answer</legend>
        <div className="choice-column">
          <label className="choice">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'classic'}
              onChange={() => setMode('classic')}
            />
            Show the answer, then rate yourself
          </label>
          <label className="choice">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'choose-first'}
              onChange={() => setMode('choose-first')}
            />
            Choose the type first (a right pick suggests Good, a wrong one Again)
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>Schedule</legend>
        <div className="settings-grid">
          <label htmlFor={`${id}-retention`}>Desired retention (%)</label>
          <input
            id={`${id}-retention`}
            type="number"
            inputMode="numeric"
            min={RETENTION_PERCENT.min}
            max={RETENTION_PERCENT.max}
            value={retention}
            aria-invalid={invalid.retention}
            aria-describedby={`${id}-retention-hint`}
            onChange={(e) => setRetention(e.target.value)}
          />
          <span id={`${id}-retention-hint`} className="hint">
            {RETENTION_PERCENT.min} to {RETENTION_PERCENT.max}. Higher means more reviews and fewer
            lapses; 90 suits most learners.
          </span>
          <label htmlFor={`${id}-new`}>New cards per day</label>
          <input
            id={`${id}-new`}
            type="number"
            inputMode="numeric"
            min={NEW_LIMIT.min}
            max={NEW_LIMIT.max}
            value={newLimit}
            aria-invalid={invalid.newLimit}
            aria-describedby={`${id}-new-hint`}
            onChange={(e) => setNewLimit(e.target.value)}
          />
          <span id={`${id}-new-hint`} className="hint">
            {NEW_LIMIT.min} to {NEW_LIMIT.max}.
          </span>
          <label htmlFor={`${id}-max`}>Maximum interval (days)</label>
          <input
            id={`${id}-max`}
            type="number"
            inputMode="numeric"
            min={MAX_INTERVAL.min}
            max={MAX_INTERVAL.max}
            value={maxInterval}
            aria-invalid={invalid.maxInterval}
            aria-describedby={`${id}-max-hint`}
            onChange={(e) => setMaxInterval(e.target.value)}
          />
          <span id={`${id}-max-hint`} className="hint">
            {MAX_INTERVAL.min} to {MAX_INTERVAL.max}: no card waits longer than this.
          </span>
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button">
          Save settings
        </button>
        <p
          role="status"
          className={status && !status.ok ? 'settings-status error' : 'settings-status'}
        >
          {status?.text}
        </p>
      </div>
    </form>
  );
}
