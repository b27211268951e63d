import { z } from 'zod';

/** Server settings from the environment, each checked with a message that says what to fix. */
export interface ServerConfig {
  port: number;
  /**
   * Redis that several processes share sessions through (`redis://host:6379`); null: sessions
   * live in this one process's memory.
   */
  redisUrl: string | null;
  /** Origins allowed besides the server's own, e.g. `https://train.example.com`. */
  allowedOrigins: string[];
  maxParticipants: number;
  maxSessions: number;
  idleMs: number;
  /** Sessions one client address may create per minute. */
  sessionsPerMinute: number;
  /** Largest POST /api/sessions body (a custom bank). */
  maxBankBytes: number;
  /** Per connection: sustained messages per second, and the burst allowed on top. */
  messagesPerSecond: number;
  messageBurst: number;
  pingIntervalMs: number;
  hostViewMs: number;
  progressMs: number;
  /** A connection whose command has not settled after this long is asked to reconnect. */
  requestTimeoutMs: number;
}

export const DEFAULT_CONFIG: ServerConfig = {
  port: 8080,
  redisUrl: null,
  allowedOrigins: [],
  maxParticipants: 2000,
  maxSessions: 200,
  idleMs: 2 * 60 * 60 * 1000,
  sessionsPerMinute: 10,
  maxBankBytes: 5 * 1024 * 1024,
  messagesPerSecond: 5,
  messageBurst: 20,
  pingIntervalMs: 30_000,
  hostViewMs: 250,
  progressMs: 250,
  requestTimeoutMs: 10_000,
};

const whole = (name: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);

const origin = z
  .string()
  .transform((value) => value.trim().replace(/\/$/, ''))
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'each entry of ALLOWED_ORIGINS must be an origin like https://train.example.com (no path)');

const redisUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
}, 'REDIS_URL must be a Redis URL like redis://127.0.0.1:6379 (or rediss:// for TLS)');

const envSchema = z.object({
  PORT: whole('PORT', 1, 65535).optional(),
  REDIS_URL: redisUrl.optional(),
  ALLOWED_ORIGINS: z
    .string()
    .transform((list) => list.split(',').filter((s) => s.trim() !== ''))
    .pipe(z.array(origin))
    .optional(),
  MAX_PARTICIPANTS: whole('MAX_PARTICIPANTS', 1, 100_000).optional(),
  MAX_SESSIONS: whole('MAX_SESSIONS', 1, 100_000).optional(),
  SESSION_IDLE_MINUTES: whole('SESSION_IDLE_MINUTES', 1, 7 * 24 * 60).optional(),
  SESSIONS_PER_MINUTE: whole('SESSIONS_PER_MINUTE', 1, 10_000).optional(),
  MAX_BANK_MB: whole('MAX_BANK_MB', 1, 100).optional(),
  MESSAGES_PER_SECOND: whole('MESSAGES_PER_SECOND', 1, 1000).optional(),
});

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; errors: string[] };

export function configFromEnv(env: Record<string, string | undefined>): ConfigResult {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map(
        (issue) => `${issue.message} (got ${JSON.stringify(env[String(issue.path[0])])})`,
      ),
    };
  const e = parsed.data;
  const d = DEFAULT_CONFIG;
  return {
    ok: true,
    config: {
      ...d,
      port: e.PORT ?? d.port,
      redisUrl: e.REDIS_URL ?? d.redisUrl,
      allowedOrigins: e.ALLOWED_ORIGINS ?? d.allowedOrigins,
      maxParticipants: e.MAX_PARTICIPANTS ?? d.maxParticipants,
      maxSessions: e.MAX_SESSIONS ?? d.maxSessions,
      idleMs: e.SESSION_IDLE_MINUTES ? e.SESSION_IDLE_MINUTES * 60_000 : d.idleMs,
      sessionsPerMinute: e.SESSIONS_PER_MINUTE ?? d.sessionsPerMinute,
      maxBankBytes: e.MAX_BANK_MB ? e.MAX_BANK_MB * 1024 * 1024 : d.maxBankBytes,
      messagesPerSecond: e.MESSAGES_PER_SECOND ?? d.messagesPerSecond,
    },
  };
}
