import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssue, describePath, isRecord } from '../../src/domain/schema-problems';
import { SERVICE_TYPES } from '../../src/domain/service-types';

/** The message for the first problem `schema` finds in `value`. */
function problem(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error('expected a problem');
  return describeIssue(result.error.issues[0]!);
}

describe('problem messages', () => {
  it('say what was expected and what was found', () => {
    expect(problem(z.string(), undefined)).toBe('missing (expected string)');
    expect(problem(z.string(), 5)).toBe('expected string, got 5');
    expect(problem(z.string(), null)).toBe('expected string, got null');
    expect(problem(z.string(), [1])).toBe('expected string, got a list');
    expect(problem(z.string(), { a: 1 })).toBe('expected string, got an object');
  });

  it('shorten a long value', () => {
    const exactly60 = `"${'x'.repeat(58)}"`;
    expect(problem(z.number(), 'x'.repeat(58))).toBe(`expected number, got ${exactly60}`);
    expect(problem(z.number(), 'x'.repeat(59))).toBe(`expected number, got "${'x'.repeat(56)}..."`);
  });

  it('list the allowed values, naming the Service types plainly', () => {
    expect(problem(z.enum(SERVICE_TYPES), 'Nodeport')).toBe(
      'expected one of ClusterIP, NodePort, LoadBalancer, ExternalName, got "Nodeport"',
    );
    expect(problem(z.enum(['ClusterIP', 'NodePort']), 'x')).toBe(
      'expected "ClusterIP" or "NodePort", got "x"',
    );
    expect(problem(z.enum(['ClusterIP', 'a', 'b', 'c']), 'x')).toBe(
      'expected "ClusterIP" or "a" or "b" or "c", got "x"',
    );
  });

  it('name unknown fields, one or several', () => {
    expect(problem(z.strictObject({}), { a: 1 })).toBe('unknown field "a"');
    expect(problem(z.strictObject({}), { a: 1, b: 2 })).toBe('unknown fields "a", "b"');
  });

  it('list the values a union of literals allows', () => {
    expect(problem(z.union([z.literal(1), z.string()]), true)).toBe('expected 1, got true');
    expect(problem(z.union([z.literal(1), z.literal(2), z.literal(3)]), 7)).toBe(
      'expected 1, 2 or 3, got 7',
    );
    expect(problem(z.union([z.string(), z.number()]), true)).toBe(
      'does not match any allowed form, got true',
    );
  });

  it('name a record key its key schema refuses as an unknown type', () => {
    const keyed = z.record(z.string().regex(/^[A-Z]/), z.string());
    expect(problem(keyed, { ingress: 'x' })).toBe(
      'unknown type "ingress"; expected one of ClusterIP, NodePort, LoadBalancer, ExternalName',
    );
  });
});

describe('problem paths', () => {
  const bank = { questions: [{ id: 'np-dev' }, { text: 'no id' }], items: [[{ id: 'deep' }]] };

  it('name the question by id at the top level of a list only', () => {
    expect(describePath(['questions', 0, 'answer'], bank)).toBe(
      'questions[0] (id "np-dev").answer',
    );
    expect(describePath(['questions', 1, 'answer'], bank)).toBe('questions[1].answer');
    expect(describePath(['items', 0, 0, 'x'], bank)).toBe('items[0][0].x');
    expect(describePath([0, 'x'], [{ id: 'top' }])).toBe('[0].x');
  });

  it('cope with a path past the end of the data', () => {
    expect(describePath(['questions', 5, 'id'], bank)).toBe('questions[5].id');
    expect(describePath(['nothing', 'here'], bank)).toBe('nothing.here');
  });
});

describe('isRecord', () => {
  it('is true only for plain objects', () => {
    expect([{}, { a: 1 }, [], null, 'x', 1, undefined].map(isRecord)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
