import type { Redis } from 'ioredis';

/**
 * The Lua scripts the server runs in Redis. Each runs as one step (nothing else runs in Redis
 * meanwhile), which is what makes a check and the write that depends on it safe across processes:
 * the session cap, the version a batch of events is appended after, who owns a session.
 *
 * Time comes from Redis's own clock (TIME), so processes whose clocks drift apart still agree on
 * when a heartbeat or a session runs out.
 */
const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

const SCRIPTS = {
  /** KEYS created, sessions · ARGV json, ttlMs, code, max → 'created' | 'code-taken' | 'full' */
  create: {
    keys: 2,
    lua: `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. now)
if redis.call('EXISTS', KEYS[1]) == 1 then return 'code-taken' end
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then return 'full' end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[3])
return 'created'`,
  },
  /**
   * KEYS created, events, owner, sessions · ARGV version, ttlMs, code, event… →
   * the new version, -1 if the session is gone, or -2 - (the version found) if it has moved on.
   */
  append: {
    keys: 4,
    lua: `if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local length = redis.call('LLEN', KEYS[2])
if length ~= tonumber(ARGV[1]) then return -2 - length end
for i = 4, #ARGV, 1000 do
  redis.call('RPUSH', KEYS[2], unpack(ARGV, i, math.min(i + 999, #ARGV)))
end
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[2]) end
${NOW}
redis.call('ZADD', KEYS[4], now + tonumber(ARGV[2]), ARGV[3])
return length + #ARGV - 3`,
  },
  /** KEYS created, events, owner, sessions · ARGV code */
  remove: {
    keys: 4,
    lua: `redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
redis.call('ZREM', KEYS[4], ARGV[1])
return 1`,
  },
  /** KEYS sessions → how many sessions have not run out */
  count: {
    keys: 1,
    lua: `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. now)
return redis.call('ZCARD', KEYS[1])`,
  },
  /** KEYS owner, owned(me) · ARGV me, ttlMs, code */
  claim: {
    keys: 2,
    lua: `redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[3])
return 1`,
  },
  /**
   * KEYS created, owner, processes, owned(me) · ARGV me, message, inbox prefix, owned prefix, code,
   * default ttl → {'missing'} | {'here', takeover 0|1} | {'forwarded'}
   *
   * The owner gets the command if it is alive and listening (PUBLISH counts the listeners); a dead
   * or deaf owner (crashed: its connections to Redis are gone) loses the session to the caller,
   * and is marked dead.
   */
  route: {
    keys: 4,
    lua: `if redis.call('EXISTS', KEYS[1]) == 0 then return {'missing'} end
local owner = redis.call('GET', KEYS[2])
if owner == ARGV[1] then return {'here', 0} end
if owner then
  ${NOW}
  local alive = redis.call('ZSCORE', KEYS[3], owner)
  if alive and tonumber(alive) > now then
    if redis.call('PUBLISH', ARGV[3] .. owner, ARGV[2]) > 0 then return {'forwarded'} end
    -- Alive by its heartbeat, but not listening: it crashed (Redis dropped its connections) or
    -- is cut off. Either way it cannot run the session; the next sweep hands on the rest of its
    -- sessions, and its connections count as gone.
    redis.call('ZADD', KEYS[3], 0, owner)
  end
  redis.call('SREM', ARGV[4] .. owner, ARGV[5])
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl <= 0 then ttl = tonumber(ARGV[6]) end
redis.call('SET', KEYS[2], ARGV[1], 'PX', ttl)
redis.call('SADD', KEYS[4], ARGV[5])
return {'here', 1}`,
  },
  /** KEYS owner, owned(me) · ARGV me, code */
  release: {
    keys: 2,
    lua: `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
redis.call('SREM', KEYS[2], ARGV[2])
return 1`,
  },
  /**
   * The heartbeat, once a second. KEYS processes, owned(me) · ARGV me, heartbeat ttl, owned
   * prefix, owner prefix, adopt 0|1, owned ttl → {was, live processes, adopted codes}
   *
   * was: 1 this process's heartbeat was current, 0 it had none, -1 it had run out (others may
   * have taken its sessions and dropped its connections). With adopt, sessions of processes whose
   * heartbeat ran out move to this one.
   */
  tick: {
    keys: 2,
    lua: `${NOW}
local previous = redis.call('ZSCORE', KEYS[1], ARGV[1])
local was = 0
if previous then was = (tonumber(previous) >= now) and 1 or -1 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[6])
local adopted = {}
if ARGV[5] == '1' then
  for _, dead in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. now, 'LIMIT', 0, 10)) do
    local owned = ARGV[3] .. dead
    for _, code in ipairs(redis.call('SMEMBERS', owned)) do
      local owner = ARGV[4] .. '{' .. code .. '}:owner'
      if redis.call('GET', owner) == dead then
        redis.call('SET', owner, ARGV[1], 'KEEPTTL')
        redis.call('SADD', KEYS[2], code)
        adopted[#adopted + 1] = code
      end
    end
    redis.call('DEL', owned)
    redis.call('ZREM', KEYS[1], dead)
  end
end
return {was, redis.call('ZRANGEBYSCORE', KEYS[1], now, '+inf'), adopted}`,
  },
  /** KEYS processes → the processes whose heartbeat is current */
  live: {
    keys: 1,
    lua: `${NOW}
return redis.call('ZRANGEBYSCORE', KEYS[1], now, '+inf')`,
  },
  /** KEYS processes · ARGV me: this process stops now; the next sweep hands its sessions on. */
  leave: {
    keys: 1,
    lua: `if redis.call('ZSCORE', KEYS[1], ARGV[1]) then redis.call('ZADD', KEYS[1], 0, ARGV[1]) end
return 1`,
  },
  /**
   * GCRA, a token bucket in one number. KEYS allowance · ARGV interval ms, burst → 0 if allowed,
   * otherwise the seconds to wait.
   */
  take: {
    keys: 1,
    lua: `${NOW}
local interval = tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local later = tat + interval
local allowedAt = later - tonumber(ARGV[2]) * interval
if now < allowedAt then return math.max(1, math.ceil((allowedAt - now) / 1000)) end
redis.call('SET', KEYS[1], later, 'PX', math.ceil(later - now))
return 0`,
  },
} as const;

export type ScriptName = keyof typeof SCRIPTS;
type Arg = string | number;
export type Scripts = Record<ScriptName, (...args: Arg[]) => Promise<unknown>>;

/** Loads the scripts into a client (ioredis sends EVALSHA, and the source once if Redis lost it). */
export function defineScripts(redis: Redis): Scripts {
  const scripts = {} as Scripts;
  for (const [name, { keys, lua }] of Object.entries(SCRIPTS) as [
    ScriptName,
    { keys: number; lua: string },
  ][]) {
    const command = `kst_${name}`;
    redis.defineCommand(command, { numberOfKeys: keys, lua });
    const run = (redis as unknown as Record<string, (...args: Arg[]) => Promise<unknown>>)[command];
    if (!run) throw new Error(`could not define the ${name} script`);
    scripts[name] = (...args) => run.apply(redis, args);
  }
  return scripts;
}
