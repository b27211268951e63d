import { z } from 'zod';
import { bankSchema } from './bank-schema';

/** The JSON Schema that authors' editors use, derived from the one zod schema. */
export function bankJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(bankSchema, { target: 'draft-2020-12', io: 'input' });
  return {
    ...schema,
    $id: 'https://kube-service-trainer.local/questions.schema.json',
    title: 'Kube Service Trainer question bank',
  };
}

export function bankJsonSchemaText(): string {
  return `${JSON.stringify(bankJsonSchema(), null, 2)}\n`;
}
