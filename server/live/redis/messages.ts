import { z } from 'zod';
import { serviceTypeSchema } from '../../../src/domain/bank-schema';
import type { LiveCommand } from '../../../src/domain/live-handlers';
import {
  hostTokenSchema,
  joinCodeSchema,
  participantIdSchema,
  participantTokenSchema,
} from '../../../src/domain/live-protocol';
import type { Delivery } from '../fanout';
import type { ForwardedCommand } from '../placement';

/**
 * What processes send each other over Redis pub/sub, checked on arrival like every other message
 * from outside the process: a forwarded command, and a batch of one session's deliveries.
 */

const connection = z.string().min(1).max(200);
const index = z.number().int().nonnegative();
const hostCommand = (type: 'start' | 'reveal' | 'next' | 'end') =>
  z.strictObject({ type: z.literal(type), hostToken: hostTokenSchema });

const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('host-hello'), hostToken: hostTokenSchema }),
  z.strictObject({
    type: z.literal('join'),
    name: z.string().min(1).max(100),
    token: participantTokenSchema,
    connection,
  }),
  z.strictObject({ type: z.literal('rejoin'), token: participantTokenSchema, connection }),
  z.strictObject({
    type: z.literal('answer'),
    token: participantTokenSchema,
    index,
    choice: serviceTypeSchema,
  }),
  z.strictObject({ type: z.literal('leave'), token: participantTokenSchema }),
  hostCommand('start'),
  hostCommand('reveal'),
  hostCommand('next'),
  hostCommand('end'),
  z.strictObject({
    type: z.literal('remove'),
    hostToken: hostTokenSchema,
    participantId: participantIdSchema,
  }),
  z.strictObject({ type: z.literal('disconnected'), token: participantTokenSchema, connection }),
  z.strictObject({ type: z.literal('connections-lost'), connections: z.array(connection) }),
  z.strictObject({ type: z.literal('deadline'), index }),
  z.strictObject({ type: z.literal('expire') }),
  z.strictObject({ type: z.literal('resync') }),
]) satisfies z.ZodType<LiveCommand>;

export const forwardedSchema = z.strictObject({
  code: joinCodeSchema,
  command: commandSchema,
  sender: connection.nullable(),
  hops: z.number().int().min(0).max(100),
}) satisfies z.ZodType<ForwardedCommand>;

const targetSchema = z.discriminatedUnion('to', [
  z.strictObject({ to: z.literal('connection'), id: connection }),
  z.strictObject({ to: z.literal('host') }),
  z.strictObject({ to: z.literal('participants') }),
  z.strictObject({ to: z.literal('participant'), id: participantIdSchema }),
  z.strictObject({ to: z.literal('everyone') }),
]);

const deliverySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('send'), target: targetSchema, data: z.string() }),
  z.strictObject({ kind: z.literal('bind-host'), connection, hostToken: hostTokenSchema }),
  z.strictObject({
    kind: z.literal('bind-participant'),
    connection,
    participantId: participantIdSchema,
    token: participantTokenSchema,
  }),
  z.strictObject({
    kind: z.literal('close'),
    target: targetSchema,
    code: z.number().int(),
    reason: z.string().max(123),
  }),
  z.strictObject({ kind: z.literal('settled'), connection }),
  z.strictObject({ kind: z.literal('retry-later'), connection }),
]) satisfies z.ZodType<Delivery>;

export const deliveryBatchSchema = z.strictObject({
  /** The publishing process: it delivered to its own sockets already. */
  from: z.string(),
  deliveries: z.array(deliverySchema),
});

export type DeliveryBatch = z.infer<typeof deliveryBatchSchema>;

/** Deliveries sent to one process only: for the connections it holds in one session. */
export const directBatchSchema = z.strictObject({
  from: z.string(),
  code: joinCodeSchema,
  deliveries: z.array(deliverySchema),
});

/** Parses a pub/sub message; null (and the reason, for the log) when it is not one of ours. */
export function parseMessage<T>(
  schema: z.ZodType<T>,
  text: string,
): { ok: true; value: T } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, error: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
}
