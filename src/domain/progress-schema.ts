import { z } from 'zod/mini';
import './zod-messages';
import { questionIdSchema, serviceTypeSchema } from './bank-schema';
import { currentVersion } from './migrations';
import { PROGRESS_MIGRATIONS } from './progress-migrations';
import type { AnswerRecord, QuizMeta, QuizState } from './quiz-session';
import type { QuizSettings } from './quiz-settings';

/**
 * The saved-progress format. Everything read back from storage is parsed with these schemas;
 * times are stored as epoch milliseconds (numbers), never as Date objects or strings. Records
 * written in an older version are migrated by PROGRESS_MIGRATIONS before they are parsed.
 */
export const PROGRESS_SCHEMA_VERSION = currentVersion(PROGRESS_MIGRATIONS);

const epochMs = z.int().check(z.nonnegative());
const difficultySchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const quizSettingsSchema = z.object({
  count: z.union([z.int().check(z.positive()), z.literal('all')]),
  types: z.array(serviceTypeSchema).check(z.minLength(1)),
  difficulties: z.array(difficultySchema).check(z.minLength(1)),
  feedback: z.enum(['each', 'end']),
  timerSeconds: z.nullable(z.int().check(z.positive())),
  confidence: z.boolean(),
}) satisfies z.ZodMiniType<QuizSettings>;

export const quizMetaSchema = z.object({
  quizId: z.string().check(z.minLength(1)),
  bankId: z.string().check(z.minLength(1)),
  bankTitle: z.string(),
  settings: quizSettingsSchema,
  seed: z.string(),
  kind: z.enum(['new', 'retry', 'practice']),
  startedAt: epochMs,
}) satisfies z.ZodMiniType<QuizMeta, unknown>;

export const answerRecordSchema = z.object({
  questionId: questionIdSchema,
  answer: serviceTypeSchema,
  choice: z.nullable(serviceTypeSchema),
  correct: z.boolean(),
  confidence: z.nullable(z.enum(['sure', 'guessing'])),
  timeMs: z.number().check(z.nonnegative()),
  answeredAt: epochMs,
}) satisfies z.ZodMiniType<AnswerRecord, unknown>;

const quizItemSchema = z.object({ questionId: questionIdSchema, answer: serviceTypeSchema });
const inProgress = {
  meta: quizMetaSchema,
  items: z.array(quizItemSchema).check(z.minLength(1)),
  index: z.int().check(z.nonnegative()),
  answers: z.array(answerRecordSchema),
};

export const activeQuizSchema = z
  .discriminatedUnion('status', [
    z.object({
      status: z.literal('asking'),
      ...inProgress,
      clock: z.object({
        usedMs: z.number().check(z.nonnegative()),
        runningSince: z.nullable(epochMs),
      }),
      pendingChoice: z.nullable(serviceTypeSchema),
    }),
    z.object({ status: z.literal('answered'), ...inProgress }),
  ])
  .check(
    z.refine((s) => s.index < s.items.length, 'index is past the last question'),
  ) satisfies z.ZodMiniType<Extract<QuizState, { status: 'asking' | 'answered' }>, unknown>;

/** The team session a result came from: its join code and the name the learner played as. */
export const teamInfoSchema = z.object({
  code: z.string().check(z.minLength(1)),
  name: z.string(),
});

/**
 * A finished quiz as kept in history, or a learner's answers in a team session (kind `team`,
 * added in format version 2): recorded as each question is revealed, so it grows during the session.
 */
export const quizResultSchema = z
  .object({
    ...quizMetaSchema.shape,
    kind: z.enum(['new', 'retry', 'practice', 'team']),
    team: z.optional(teamInfoSchema),
    finishedAt: epochMs,
    answers: z.array(answerRecordSchema),
  })
  .check(
    z.refine(
      (r) => (r.kind === 'team') === (r.team !== undefined),
      'a team result names its session, and only a team result does',
    ),
  );

/** FSRS ratings, as ts-fsrs numbers them: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export const ratingSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

/**
 * One flashcard review. Reviews are immutable events with unique ids: card state is replayed from
 * them (and from quiz answers), so merging two devices' progress is a plain union.
 */
export const reviewLogSchema = z.object({
  id: z.string().check(z.minLength(1)),
  questionId: questionIdSchema,
  bankId: z.string().check(z.minLength(1)),
  rating: ratingSchema,
  reviewedAt: epochMs,
  /** How the learner answered: rated after seeing the back, or picked a type first. */
  mode: z.enum(['classic', 'choose-first']),
  /** The type picked in choose-first mode. */
  choice: z.nullable(serviceTypeSchema),
  durationMs: z.number().check(z.nonnegative()),
});

/** The settings' allowed ranges: the schema checks them and the settings form offers them. */
export const FLASHCARD_SETTING_RANGES = {
  desiredRetention: { min: 0.7, max: 0.99 },
  dailyNewLimit: { min: 0, max: 1000 },
  maximumIntervalDays: { min: 1, max: 36500 },
} as const;
const within = ({ min, max }: { min: number; max: number }) => [z.gte(min), z.lte(max)];

export const flashcardSettingsSchema = z.object({
  desiredRetention: z.number().check(...within(FLASHCARD_SETTING_RANGES.desiredRetention)),
  dailyNewLimit: z.int().check(...within(FLASHCARD_SETTING_RANGES.dailyNewLimit)),
  maximumIntervalDays: z.int().check(...within(FLASHCARD_SETTING_RANGES.maximumIntervalDays)),
  mode: z.enum(['classic', 'choose-first']),
});

export const DEFAULT_FLASHCARD_SETTINGS: FlashcardSettings = {
  desiredRetention: 0.9,
  dailyNewLimit: 20,
  maximumIntervalDays: 36500,
  mode: 'classic',
};

export type ActiveQuiz = z.infer<typeof activeQuizSchema>;
export type ReviewLog = z.infer<typeof reviewLogSchema>;
export type Rating = z.infer<typeof ratingSchema>;
export type FlashcardSettings = z.infer<typeof flashcardSettingsSchema>;
export type QuizResult = z.infer<typeof quizResultSchema>;
export type TeamInfo = z.infer<typeof teamInfoSchema>;

export function resultFromFinished(state: Extract<QuizState, { status: 'finished' }>): QuizResult {
  return { ...state.meta, finishedAt: state.finishedAt, answers: state.answers };
}
