import type { Bank, Question } from '../src/domain/bank-schema';
import type { ServiceType } from '../src/domain/service-types';

let counter = 0;

/** A complete, valid question; override what the test is about. */
export function makeQuestion(overrides: Record<string, unknown> = {}): Question {
  counter += 1;
  const answer = (overrides.answer as ServiceType | undefined) ?? 'ClusterIP';
  const others = (['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const).filter(
    (t) => t !== answer,
  );
  return {
    id: `question-${counter}`,
    prompt: `Scenario number ${counter}: which type fits?`,
    answer,
    explanation: 'Because the docs say so.',
    whyNot: Object.fromEntries(others.map((t) => [t, `${t} does not fit here.`])),
    difficulty: 2,
    tags: ['internal-traffic'],
    references: [
      { title: 'Service', url: 'https://kubernetes.io/docs/concepts/services-networking/service/' },
    ],
    ...overrides,
  } as Question;
}

export function makeBank(
  questions: Question[] = [makeQuestion()],
  overrides: Partial<Bank> = {},
): Bank {
  return {
    version: 1,
    title: 'Test bank',
    description: 'A bank for tests.',
    questions,
    ...overrides,
  } as Bank;
}

export const bankText = (bank: unknown) => JSON.stringify(bank, null, 2);

/** One question for each type, with Markdown in a prompt and concept tags: the UI tests' bank. */
export function fourTypeBank(): Bank {
  return makeBank([
    makeQuestion({
      id: 'q-cip',
      prompt: 'Pods call the `orders` API internally.',
      answer: 'ClusterIP',
      explanation: 'Only in-cluster callers.',
      tags: ['internal-traffic', 'dns'],
    }),
    makeQuestion({
      id: 'q-np',
      prompt: 'Expose on every node at a high port.',
      answer: 'NodePort',
      explanation: 'Each node opens the port.',
      tags: ['bare-metal'],
    }),
    makeQuestion({
      id: 'q-lb',
      prompt: 'The cloud gives each Service an address.',
      answer: 'LoadBalancer',
      explanation: 'The provider provisions it.',
      tags: ['cloud-lb'],
    }),
    makeQuestion({
      id: 'q-en',
      prompt: 'Alias a managed database host.',
      answer: 'ExternalName',
      explanation: 'A CNAME to the host.',
      tags: ['dns'],
    }),
  ]);
}
