// Writes data/questions.schema.json from the zod bank schema (the single source of truth).
import { writeFileSync } from 'node:fs';
import { bankJsonSchemaText } from '../src/domain/bank-json-schema';

const target = new URL('../data/questions.schema.json', import.meta.url);
writeFileSync(target, bankJsonSchemaText());
console.log(`wrote ${target.pathname}`);
