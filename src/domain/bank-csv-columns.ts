import { SERVICE_TYPES } from './service-types';

/**
 * The columns of a bank in CSV, one per field of a question (kept apart from the CSV reader, so
 * the page that lists them does not load the reader).
 */
export const CSV_COLUMNS = [
  'id',
  'prompt',
  'answer',
  'explanation',
  ...SERVICE_TYPES.map((type) => `whyNot.${type}` as const),
  'difficulty',
  'tags',
  'references',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
