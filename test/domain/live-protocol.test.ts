import { describe, expect, it } from 'vitest';
import {
  clientMessageSchema,
  type ClientMessage,
  type ServerMessage,
  JOIN_CODE_ALPHABET,
  MAX_CLIENT_MESSAGE_BYTES,
  newJoinCode,
  normalizeJoinCode,
  parseClientMessage,
  parseServerMessage,
} from '../../src/domain/live-protocol';
import { seededRandom } from '../../src/domain/random';

describe('client messages', () => {
  it('parse each valid message into its typed form', () => {
    expect(parseClientMessage('{"type":"join","code":"ABCDEF","name":"  Ana   Lima "}')).toEqual({
      ok: true,
      message: { type: 'join', code: 'ABCDEF', name: 'Ana Lima' },
    });
    expect(parseClientMessage('{"type":"answer","index":2,"choice":"NodePort"}')).toMatchObject({
      ok: true,
    });
    expect(parseClientMessage('{"type":"start"}')).toMatchObject({ ok: true });
  });

  it('can be written as typed values, those without a payload too', () => {
    const start: ClientMessage = { type: 'start' };
    const leave: ClientMessage = { type: 'leave' };
    const answer: ClientMessage = { type: 'answer', index: 0, choice: 'NodePort' };
    const error: ServerMessage = { type: 'error', code: 'malformed', message: 'x' };
    for (const message of [start, leave, answer])
      expect(clientMessageSchema.safeParse(message).success).toBe(true);
    expect(error.type).toBe('error');
  });

  it('refuse what is not JSON, not an object, of an unknown type, or with extra fields', () => {
    for (const raw of ['', 'hello', '[]', 'null', '42', '{"type":"explode"}', '{}'])
      expect(parseClientMessage(raw).ok, raw).toBe(false);
    const extra = parseClientMessage('{"type":"start","force":true}');
    expect(extra).toMatchObject({ ok: false, ref: 'start' });
  });

  it('refuse an answer that is not one of the four types, or a negative index', () => {
    expect(parseClientMessage('{"type":"answer","index":0,"choice":"Ingress"}').ok).toBe(false);
    expect(parseClientMessage('{"type":"answer","index":0,"choice":"nodeport"}').ok).toBe(false);
    expect(parseClientMessage('{"type":"answer","index":-1,"choice":"NodePort"}').ok).toBe(false);
    expect(parseClientMessage('{"type":"answer","index":0.5,"choice":"NodePort"}').ok).toBe(false);
  });

  it('hold names to 1–24 characters without control characters', () => {
    const join = (name: string) =>
      clientMessageSchema.safeParse({ type: 'join', code: 'ABCDEF', name });
    expect(join('   ').success).toBe(false);
    expect(join('x'.repeat(25)).success).toBe(false);
    expect(join('x'.repeat(24)).success).toBe(true);
    expect(join('a\u0007b').success).toBe(false);
    expect(join('<b>Ana</b>').success).toBe(true);
  });

  it('refuse join codes with look-alike characters', () => {
    expect(parseClientMessage('{"type":"join","code":"ABCDE0","name":"A"}').ok).toBe(false);
    expect(parseClientMessage('{"type":"join","code":"ABCDEI","name":"A"}').ok).toBe(false);
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });
});

describe('join codes', () => {
  it('are six characters from the alphabet', () => {
    const random = seededRandom('codes');
    for (let i = 0; i < 200; i++)
      expect(newJoinCode(random)).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
  });

  it('use the whole alphabet, in every position', () => {
    const random = seededRandom('spread');
    const codes = Array.from({ length: 500 }, () => newJoinCode(random));
    for (let position = 0; position < 6; position++)
      expect(new Set(codes.map((c) => c[position])).size, `position ${position}`).toBe(
        JOIN_CODE_ALPHABET.length,
      );
  });

  it('are made comparable from what people type', () => {
    expect(normalizeJoinCode(' abc-def ')).toBe('ABCDEF');
  });
});

describe('a refused message', () => {
  it('says it is not JSON, with no type to refer to', () => {
    expect(parseClientMessage('{"type":"start"')).toEqual({ ok: false, error: 'not JSON' });
  });

  it('names the field that is wrong, and the type of the message when it has one', () => {
    const result = parseClientMessage('{"type":"answer","index":0,"choice":"Ingress"}');
    expect(result).toMatchObject({ ok: false, ref: 'answer' });
    expect(!result.ok && result.error).toMatch(/^choice: ./);
  });

  it('names a nested field by its whole path', () => {
    const question = { index: -1, total: 4, questionId: 'q0', prompt: 'p' };
    const raw = JSON.stringify({
      type: 'question',
      question: { ...question, durationMs: null, remainingMs: null },
    });
    const result = parseServerMessage(raw);
    expect(result).toMatchObject({ ok: false, ref: 'question' });
    expect(!result.ok && result.error).toMatch(/^question\.index: ./);
  });

  it('is only the problem when it is not an object: no field or type to name', () => {
    for (const raw of ['42', '"start"']) {
      const result = parseClientMessage(raw);
      const problem = clientMessageSchema.safeParse(JSON.parse(raw)).error?.issues[0]?.message;
      expect(result, raw).toEqual({ ok: false, error: problem });
    }
  });

  it('has no type to name when its type is not text', () => {
    const result = parseClientMessage('{"type":7}');
    expect(result).not.toHaveProperty('ref');
    expect(!result.ok && result.error).toMatch(/^type: ./);
  });
});

describe('server messages', () => {
  it('parse on the client too, and refuse a malformed one', () => {
    expect(parseServerMessage('{"type":"ack","index":0,"choice":"ClusterIP"}').ok).toBe(true);
    expect(parseServerMessage('{"type":"ack","index":0}').ok).toBe(false);
  });
});

it('caps client messages at 4 KB', () => {
  expect(MAX_CLIENT_MESSAGE_BYTES).toBe(4096);
});
