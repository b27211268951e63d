import type { z } from 'zod/mini';
import { SERVICE_TYPES } from './service-types';

/**
 * Turns zod issues into messages an author can act on: where (`questions[12] (id "x").answer`)
 * and what (`expected one of ClusterIP, …, got "Nodeport"`). Used for banks and progress files.
 */

/** `questions[12] (id "np-dev-laptop").answer` */
export function describePath(path: readonly PropertyKey[], data: unknown): string {
  let out = '';
  let node: unknown = data;
  path.forEach((key, depth) => {
    const next =
      isRecord(node) || Array.isArray(node)
        ? (node as Record<PropertyKey, unknown>)[key]
        : undefined;
    if (typeof key === 'number') {
      out += `[${key}]`;
      const id = depth === 1 && isRecord(next) ? (next.id ?? next.quizId) : undefined;
      if (typeof id === 'string') out += ` (id ${JSON.stringify(id)})`;
    } else {
      out += out ? `.${String(key)}` : String(key);
    }
    node = next;
  });
  return out;
}

export function describeIssue(issue: z.core.$ZodIssue): string {
  const input = 'input' in issue ? issue.input : undefined;
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined
        ? `missing (expected ${issue.expected})`
        : `expected ${issue.expected}, got ${describeValue(input)}`;
    case 'invalid_value':
      return issue.values.length === SERVICE_TYPES.length &&
        issue.values.every((v) => SERVICE_TYPES.includes(v as never))
        ? `expected one of ${SERVICE_TYPES.join(', ')}, got ${describeValue(input)}`
        : `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(input)}`;
    case 'unrecognized_keys':
      if (issue.path.at(-1) === 'whyNot')
        return `${issue.keys.map((k) => `"${k}"`).join(', ')} ${issue.keys.length > 1 ? 'are not Service types' : 'is not a Service type'}; whyNot takes ${orList([...SERVICE_TYPES])}`;
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      return issue.message;
    case 'too_big': {
      // Say by how much, so an author knows what to cut.
      const size = typeof input === 'string' || Array.isArray(input) ? input.length : null;
      return size === null
        ? issue.message
        : `${issue.message}; it has ${size.toLocaleString('en')}`;
    }
    case 'invalid_union': {
      // A union of literals (difficulty 1–3, rating 1–4): list the values it allows.
      const values = issue.errors
        .flat()
        .flatMap((e) => (e.code === 'invalid_value' ? e.values : []));
      return values.length > 0
        ? `expected ${orList(values.map((v) => JSON.stringify(v)))}, got ${describeValue(input)}`
        : `does not match any allowed form, got ${describeValue(input)}`;
    }
    case 'invalid_format':
      return issue.format === 'url'
        ? `expected an http or https URL, got ${describeValue(input)}`
        : issue.message;
    case 'invalid_key':
      return `unknown type ${describeValue(input)}; expected one of ${SERVICE_TYPES.join(', ')}`;
    default:
      return issue.message;
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}..."` : json;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "1, 2 or 3" */
function orList(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
