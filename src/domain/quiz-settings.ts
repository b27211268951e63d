import type { Difficulty } from './bank-schema';
import { SERVICE_TYPES, type ServiceType } from './service-types';

export type FeedbackTiming = 'each' | 'end';

export interface QuizSettings {
  /** How many questions; 'all' takes every question that matches the filters. */
  count: number | 'all';
  types: ServiceType[];
  difficulties: Difficulty[];
  feedback: FeedbackTiming;
  /** Seconds per question, or null for no timer. */
  timerSeconds: number | null;
  /** Ask "Sure" or "Guessing" after each pick. */
  confidence: boolean;
}

export const COUNT_CHOICES = [5, 10, 20, 'all'] as const;
export const DIFFICULTIES: readonly Difficulty[] = [1, 2, 3];
export const DIFFICULTY_NAMES: Record<Difficulty, string> = {
  1: 'Recall',
  2: 'Apply',
  3: 'Edge case',
};
export const TIMER_MIN_SECONDS = 15;
export const TIMER_MAX_SECONDS = 300;
export const MAX_COUNT = 500;

export const DEFAULT_SETTINGS: QuizSettings = {
  count: 10,
  types: [...SERVICE_TYPES],
  difficulties: [...DIFFICULTIES],
  feedback: 'each',
  timerSeconds: null,
  confidence: false,
};

export interface ParsedQuizLink {
  settings: QuizSettings;
  seed: string | null;
  start: boolean;
  /** One message per bad parameter; the settings fall back to defaults for those. */
  errors: string[];
}

/** Reads quiz settings from link parameters (`/quiz?count=5&seed=abc&types=NodePort&start=1`). */
export function parseQuizParams(params: URLSearchParams): ParsedQuizLink {
  const errors: string[] = [];
  const settings: QuizSettings = { ...DEFAULT_SETTINGS };

  const count = params.get('count');
  if (count !== null) {
    if (count === 'all') settings.count = 'all';
    else if (/^\d+$/.test(count) && Number(count) >= 1 && Number(count) <= MAX_COUNT)
      settings.count = Number(count);
    else
      errors.push(`count must be a whole number from 1 to ${MAX_COUNT}, or "all"; got "${count}".`);
  }

  const types = params.get('types');
  if (types !== null) {
    const names = types
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const unknown = names.filter(
      (n) => !SERVICE_TYPES.some((t) => t.toLowerCase() === n.toLowerCase()),
    );
    if (names.length === 0 || unknown.length > 0)
      errors.push(
        `types must list one or more of ${SERVICE_TYPES.join(', ')}, separated by commas; got "${types}".`,
      );
    else
      settings.types = SERVICE_TYPES.filter((t) =>
        names.some((n) => n.toLowerCase() === t.toLowerCase()),
      );
  }

  const difficulty = params.get('difficulty');
  if (difficulty !== null && difficulty !== 'any') {
    const levels: string[] = difficulty.split(',').map((d) => d.trim());
    if (levels.every((d) => d === '1' || d === '2' || d === '3'))
      settings.difficulties = DIFFICULTIES.filter((d) =>
        levels.some((level) => level === String(d)),
      );
    else
      errors.push(
        `difficulty must be 1 (recall), 2 (apply), 3 (edge case), a list like "1,2", or "any"; got "${difficulty}".`,
      );
  }

  const feedback = params.get('feedback');
  if (feedback !== null) {
    if (feedback === 'each' || feedback === 'end') settings.feedback = feedback;
    else
      errors.push(
        `feedback must be "each" (after each question) or "end" (only at the end); got "${feedback}".`,
      );
  }

  const timer = params.get('timer');
  if (timer !== null && timer !== 'off' && timer !== '0') {
    const seconds = Number(timer);
    if (/^\d+$/.test(timer) && seconds >= TIMER_MIN_SECONDS && seconds <= TIMER_MAX_SECONDS)
      settings.timerSeconds = seconds;
    else
      errors.push(
        `timer must be a number of seconds from ${TIMER_MIN_SECONDS} to ${TIMER_MAX_SECONDS}, or "off"; got "${timer}".`,
      );
  }

  const confidence = params.get('confidence');
  if (confidence !== null) {
    if (confidence === '1' || confidence === '0') settings.confidence = confidence === '1';
    else errors.push(`confidence must be 1 (ask how sure I am) or 0; got "${confidence}".`);
  }

  let seed = params.get('seed');
  if (seed !== null && !/^[\w-]{1,64}$/.test(seed)) {
    errors.push(`seed must be 1 to 64 letters, digits, "-" or "_"; got "${seed}".`);
    seed = null;
  }

  const start = params.get('start');
  if (start !== null && start !== '1' && start !== '0')
    errors.push(`start must be 1 or 0; got "${start}".`);

  return { settings, seed, start: start === '1' && errors.length === 0, errors };
}

/** The link parameters that rebuild exactly this quiz. */
export function quizParams(settings: QuizSettings, seed: string): URLSearchParams {
  const params = new URLSearchParams();
  params.set('count', String(settings.count));
  params.set('seed', seed);
  if (settings.types.length < SERVICE_TYPES.length) params.set('types', settings.types.join(','));
  if (settings.difficulties.length < DIFFICULTIES.length)
    params.set('difficulty', settings.difficulties.join(','));
  if (settings.feedback !== 'each') params.set('feedback', settings.feedback);
  if (settings.timerSeconds !== null) params.set('timer', String(settings.timerSeconds));
  if (settings.confidence) params.set('confidence', '1');
  params.set('start', '1');
  return params;
}
