import { z } from 'zod';
import { SERVICE_TYPES } from './service-types';

/**
 * The question-bank format. This schema is the single source of truth: the loader validates
 * with it, the types below are derived from it, and data/questions.schema.json is generated from it.
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
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'must be kebab-case: lowercase letters, digits and single hyphens',
  )
  .max(80, 'must be at most 80 characters')
  .brand<'QuestionId'>();

export const referenceSchema = z.strictObject({
  title: z.string().min(1).describe('Title of the documentation page or section.'),
  // Only web addresses: a `javascript:` or `data:` URL in a bank must never become a link.
  url: z
    .url({ protocol: /^https?$/ })
    .describe('Link to the official Kubernetes documentation (http or https).'),
});

const text = z.string().trim().min(1);

export const questionSchema = z
  .strictObject({
    id: questionIdSchema.describe('Unique, stable, kebab-case identifier. Never reuse or rename.'),
    prompt: text
      .max(BANK_LIMITS.promptChars, 'must be at most 4,000 characters')
      .describe(
        'The scenario. Plain text with a small Markdown subset: `code`, *emphasis*, **strong**, fenced code blocks.',
      ),
    answer: serviceTypeSchema.describe('The one correct Service type.'),
    explanation: text.optional().describe('Why the answer is right, by the Kubernetes docs.'),
    whyNot: z
      .partialRecord(serviceTypeSchema, text)
      .optional()
      .describe('For each other type, why it does not fit this scenario.'),
    difficulty: z
      .union([z.literal(1), z.literal(2), z.literal(3)])
      .optional()
      .describe('1 recall, 2 apply, 3 edge case.'),
    tags: z
      .array(z.string().regex(/^(pair:)?[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'))
      .optional()
      .describe('Concepts the question tests; `pair:<name>` marks a minimal pair.'),
    references: z
      .array(referenceSchema)
      .optional()
      .describe('Documentation pages that support the answer.'),
  })
  .superRefine((question, ctx) => {
    if (question.whyNot?.[question.answer] !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['whyNot', question.answer],
        message: `${question.answer} is the answer; whyNot explains only the other types`,
      });
  });

export const bankSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(BANK_VERSION),
  title: text.describe('Name of the bank, shown to learners.'),
  description: text.optional(),
  questions: z
    .array(questionSchema)
    .min(1, 'the bank has no questions; add at least one')
    .max(BANK_LIMITS.questions, 'a bank can have at most 5,000 questions'),
});

export type QuestionId = z.infer<typeof questionIdSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Bank = z.infer<typeof bankSchema>;
export type Difficulty = NonNullable<Question['difficulty']>;
export type Reference = z.infer<typeof referenceSchema>;
