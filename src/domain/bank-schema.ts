import { z } from 'zod/mini';
import './zod-messages';
import { SERVICE_TYPES } from './service-types';

/**
 * The question-bank format. This schema is the single source of truth: the loader validates
 * with it, the types below are derived from it, and data/questions.schema.json is generated from it.
 * Written with zod/mini (the same checks, a fraction of the bytes): it runs in the browser.
 */
export const BANK_VERSION = 1;

/**
 * What one bank may hold. Past these a bank is refused with a message rather than slowing every
 * screen: the app keeps a whole bank in memory, and a team session sends it in one request.
 */
export const BANK_LIMITS = {
  /** The file (or pasted text), in bytes of UTF-8. */
  bytes: 5 * 1024 * 1024,
  questions: 5000,
  /** A prompt, in characters after trimming. */
  promptChars: 4000,
} as const;

export const serviceTypeSchema = z.enum(SERVICE_TYPES);

export const questionIdSchema = z
  .string()
  .check(
    z.regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      'must be kebab-case: lowercase letters, digits and single hyphens',
    ),
    z.maxLength(80, 'must be at most 80 characters'),
  )
  .brand<'QuestionId'>();

export const referenceSchema = z.strictObject({
  title: z
    .string()
    .check(z.minLength(1), z.describe('Title of the documentation page or section.')),
  // Only web addresses: a `javascript:` or `data:` URL in a bank must never become a link.
  url: z
    .url({ protocol: /^https?$/ })
    .check(z.describe('Link to the official Kubernetes documentation (http or https).')),
});

const text = z.string().check(z.trim(), z.minLength(1));
const described = <T extends z.ZodMiniType>(schema: T, description: string): T =>
  schema.check(z.describe(description));

export const questionSchema = z
  .strictObject({
    id: described(
      questionIdSchema,
      'Unique, stable, kebab-case identifier. Never reuse or rename.',
    ),
    prompt: described(
      text.check(z.maxLength(BANK_LIMITS.promptChars, 'must be at most 4,000 characters')),
      'The scenario. Plain text with a small Markdown subset: `code`, *emphasis*, **strong**, fenced code blocks.',
    ),
    answer: described(serviceTypeSchema, 'The one correct Service type.'),
    explanation: described(z.optional(text), 'Why the answer is right, by the Kubernetes docs.'),
    whyNot: described(
      z.optional(z.partialRecord(serviceTypeSchema, text)),
      'For each other type, why it does not fit this scenario.',
    ),
    difficulty: described(
      z.optional(z.union([z.literal(1), z.literal(2), z.literal(3)])),
      '1 recall, 2 apply, 3 edge case.',
    ),
    tags: described(
      z.optional(
        z.array(
          z.string().check(z.regex(/^(pair:)?[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case')),
        ),
      ),
      'Concepts the question tests; `pair:<name>` marks a minimal pair.',
    ),
    references: described(
      z.optional(z.array(referenceSchema)),
      'Documentation pages that support the answer.',
    ),
  })
  .check(
    z.superRefine((question, ctx) => {
      if (question.whyNot?.[question.answer] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['whyNot', question.answer],
          message: `${question.answer} is the answer; whyNot explains only the other types`,
        });
    }),
  );

export const bankSchema = z.strictObject({
  $schema: z.optional(z.string()),
  version: z.literal(BANK_VERSION),
  title: described(text, 'Name of the bank, shown to learners.'),
  description: z.optional(text),
  questions: z
    .array(questionSchema)
    .check(
      z.minLength(1, 'the bank has no questions; add at least one'),
      z.maxLength(BANK_LIMITS.questions, 'a bank can have at most 5,000 questions'),
    ),
});

export type QuestionId = z.infer<typeof questionIdSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Bank = z.infer<typeof bankSchema>;
export type Difficulty = NonNullable<Question['difficulty']>;
export type Reference = z.infer<typeof referenceSchema>;
