import { describe, expect, it } from 'vitest';
import { configFromEnv, DEFAULT_CONFIG } from '../../server/config';

describe('server settings from the environment', () => {
  it('uses the defaults when nothing is set', () => {
    expect(configFromEnv({})).toEqual({ ok: true, config: DEFAULT_CONFIG });
    expect(DEFAULT_CONFIG).toMatchObject({
      port: 8080,
      maxParticipants: 2000,
      idleMs: 2 * 3600_000,
      allowedOrigins: [],
    });
  });

  it('reads every setting', () => {
    const result = configFromEnv({
      PORT: '9000',
      REDIS_URL: 'redis://cache.internal:6380/2',
      ALLOWED_ORIGINS: 'https://a.example, https://b.example:8443/',
      MAX_PARTICIPANTS: '500',
      MAX_SESSIONS: '3',
      SESSION_IDLE_MINUTES: '30',
      SESSIONS_PER_MINUTE: '100',
      MAX_BANK_MB: '2',
      MESSAGES_PER_SECOND: '8',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        ...DEFAULT_CONFIG,
        port: 9000,
        redisUrl: 'redis://cache.internal:6380/2',
        allowedOrigins: ['https://a.example', 'https://b.example:8443'],
        maxParticipants: 500,
        maxSessions: 3,
        idleMs: 30 * 60_000,
        sessionsPerMinute: 100,
        maxBankBytes: 2 * 1024 * 1024,
        messagesPerSecond: 8,
      },
    });
  });

  it('says what is wrong with a bad value', () => {
    const result = configFromEnv({
      PORT: 'eighty',
      REDIS_URL: 'localhost:6379',
      ALLOWED_ORIGINS: 'example.com/path',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'PORT must be a whole number (got "eighty")',
      'REDIS_URL must be a Redis URL like redis://127.0.0.1:6379 (or rediss:// for TLS) (got "localhost:6379")',
      'each entry of ALLOWED_ORIGINS must be an origin like https://train.example.com (no path) (got "example.com/path")',
    ]);
  });
});
