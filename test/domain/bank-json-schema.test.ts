import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { bankJsonSchema, bankJsonSchemaText } from '../../src/domain/bank-json-schema';
import { makeBank, makeQuestion } from '../factories';

const committed = readFileSync('data/questions.schema.json', 'utf8');
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(bankJsonSchema());

describe('data/questions.schema.json', () => {
  it('is current: regenerate with `npm run gen-schema` after changing the zod schema', () => {
    expect(committed).toBe(bankJsonSchemaText());
  });

  it('accepts the bundled bank', () => {
    const bundled: unknown = JSON.parse(readFileSync('data/questions.json', 'utf8'));
    expect(validate(bundled), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is what the bundled bank points its editor at', () => {
    const bundled = JSON.parse(readFileSync('data/questions.json', 'utf8')) as { $schema?: string };
    expect(bundled.$schema).toBe('./questions.schema.json');
  });

  it('rejects a bad bank: a wrong answer type and an unknown field', () => {
    const bad = makeBank([makeQuestion({ answer: 'Nodeport' }), makeQuestion({ extra: true })]);
    expect(validate(bad)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toContain('/questions/0/answer');
    expect(paths).toContain('/questions/1');
  });
});
