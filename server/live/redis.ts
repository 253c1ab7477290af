import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import {
  LockTimeoutError,
  type CacheMessage,
  type Coordinator,
  type LimiterOptions,
  type LockOptions,
  type Tally,
  type TallyLoad,
  type VoteRow,
} from './coordinator';

const CHANNEL = 'fp:cache';
const TALLY_TTL_S = 14 * 24 * 3600;
const PRESENCE_FRESH_MS = 10_000;

const k = {
  lock: (key: string) => `fp:lock:${key}`,
  seq: (key: string) => `fp:seq:${key}`,
  gen: (f: string) => `fp:t:${f}:gen`,
  voters: (f: string, inputId: string) => `fp:t:${f}:v:${inputId}`,
  byVoter: (f: string, voterKey: string) => `fp:t:${f}:b:${voterKey}`,
  participants: (f: string) => `fp:t:${f}:p`,
  dirty: (f: string) => `fp:t:${f}:d`,
  dirtyForums: 'fp:dirty',
  presence: (f: string) => `fp:presence:${f}`,
};

/** Releases a lock only if this holder still owns it. */
const UNLOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** INCR only when the counter exists (else nil: initialise it first). */
const INCR_IF_EXISTS = `if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCR', KEYS[1]) end return false`;

/** Sets the starting value unless another process did, then increments. */
const INIT_AND_INCR = `redis.call('SET', KEYS[1], ARGV[1], 'NX') return redis.call('INCR', KEYS[1])`;

/**
 * Applies a stored vote to the tally when the forum is loaded (its generation key exists).
 * KEYS: gen, voters of the input, inputs of the voter, dirty inputs of the forum, dirty forums.
 * ARGV: voterKey, inputId, '1' vote / '0' withdraw, forumId, ttl.
 */
const APPLY = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if ARGV[3] == '1' then
  redis.call('SADD', KEYS[2], ARGV[1])
  redis.call('SADD', KEYS[3], ARGV[2])
else
  redis.call('SREM', KEYS[2], ARGV[1])
  redis.call('SREM', KEYS[3], ARGV[2])
end
redis.call('EXPIRE', KEYS[2], ARGV[5])
redis.call('EXPIRE', KEYS[3], ARGV[5])
redis.call('SADD', KEYS[4], ARGV[2])
redis.call('SADD', KEYS[5], ARGV[4])
return redis.call('SCARD', KEYS[2])`;

/** SADD of a participant when the forum is loaded (-1 when not). KEYS: gen, participants. */
const ADD_PARTICIPANT = `if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
return redis.call('SADD', KEYS[2], ARGV[1])`;

/** Takes (and clears) the dirty inputs of one forum. */
const TAKE = `local m = redis.call('SMEMBERS', KEYS[1]) redis.call('DEL', KEYS[1]) return m`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class RedisTally implements Tally {
  constructor(
    private readonly redis: Redis,
    private readonly coord: RedisCoordinator,
  ) {}

  async ensure(forumId: string, load: () => Promise<TallyLoad>): Promise<void> {
    if (await this.redis.exists(k.gen(forumId))) return;
    await this.coord.withLock(
      `tally-load:${forumId}`,
      async () => {
        if (await this.redis.exists(k.gen(forumId))) return;
        // A partial earlier load (a crashed loader) must not leave stale members behind.
        await this.deleteForumKeys(forumId, false);
        const data = await load();
        for (let i = 0; i < data.votes.length; i += 2000) {
          const p = this.redis.pipeline();
          for (const v of data.votes.slice(i, i + 2000)) {
            p.sadd(k.voters(forumId, v.inputId), v.voterKey);
            p.expire(k.voters(forumId, v.inputId), TALLY_TTL_S);
            p.sadd(k.byVoter(forumId, v.voterKey), v.inputId);
            p.expire(k.byVoter(forumId, v.voterKey), TALLY_TTL_S);
          }
          await p.exec();
        }
        if (data.participants.length) {
          for (let i = 0; i < data.participants.length; i += 5000) {
            await this.redis.sadd(k.participants(forumId), ...data.participants.slice(i, i + 5000));
          }
          await this.redis.expire(k.participants(forumId), TALLY_TTL_S);
        }
        await this.redis.set(k.gen(forumId), randomBytes(6).toString('hex'), 'EX', TALLY_TTL_S);
      },
      { ttlMs: 120_000, waitMs: 120_000 },
    );
  }

  async apply(forumId: string, row: VoteRow, voted: boolean): Promise<number | null> {
    const r = (await this.redis.eval(
      APPLY,
      5,
      k.gen(forumId),
      k.voters(forumId, row.inputId),
      k.byVoter(forumId, row.voterKey),
      k.dirty(forumId),
      k.dirtyForums,
      row.voterKey,
      row.inputId,
      voted ? '1' : '0',
      forumId,
      String(TALLY_TTL_S),
    )) as number;
    return r < 0 ? null : r;
  }

  async counts(forumId: string, inputIds: string[]): Promise<Map<string, number>> {
    if (!inputIds.length) return new Map();
    const p = this.redis.pipeline();
    for (const id of inputIds) p.scard(k.voters(forumId, id));
    const res = (await p.exec()) ?? [];
    return new Map(inputIds.map((id, i) => [id, Number(res[i]?.[1] ?? 0)]));
  }

  async votedBy(forumId: string, voterKey: string): Promise<Set<string>> {
    return new Set(await this.redis.smembers(k.byVoter(forumId, voterKey)));
  }

  async addParticipant(forumId: string, key: string): Promise<boolean | null> {
    const r = (await this.redis.eval(
      ADD_PARTICIPANT,
      2,
      k.gen(forumId),
      k.participants(forumId),
      key,
    )) as number;
    return r < 0 ? null : r === 1;
  }

  async participants(forumId: string): Promise<number> {
    return this.redis.scard(k.participants(forumId));
  }

  async takeDirty(max: number): Promise<Map<string, string[]>> {
    const forums = await this.redis.spop(k.dirtyForums, max);
    const out = new Map<string, string[]>();
    for (const f of forums) {
      const ids = (await this.redis.eval(TAKE, 1, k.dirty(f))) as string[];
      if (ids.length) out.set(f, ids);
    }
    return out;
  }

  async markDirty(forumId: string, inputIds: string[]): Promise<void> {
    if (!inputIds.length) return;
    await this.redis.sadd(k.dirty(forumId), ...inputIds);
    await this.redis.sadd(k.dirtyForums, forumId);
  }

  async drop(forumId: string): Promise<void> {
    await this.deleteForumKeys(forumId, true);
  }

  private async deleteForumKeys(forumId: string, withGen: boolean): Promise<void> {
    if (withGen) await this.redis.del(k.gen(forumId));
    for (const pattern of [`fp:t:${forumId}:v:*`, `fp:t:${forumId}:b:*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await this.redis.unlink(...keys);
      } while (cursor !== '0');
    }
    await this.redis.del(k.participants(forumId));
  }
}

/** Coordination across app processes through one Redis. */
export class RedisCoordinator implements Coordinator {
  readonly kind = 'redis' as const;
  readonly tally: Tally;
  readonly processId = randomBytes(6).toString('hex');
  private readonly sub: Redis;
  private handlers: ((msg: CacheMessage) => void)[] = [];

  constructor(readonly redis: Redis) {
    this.tally = new RedisTally(redis, this);
    this.sub = redis.duplicate();
    void this.sub.subscribe(CHANNEL).catch(() => undefined);
    this.sub.on('message', (_channel: string, raw: string) => {
      let msg: CacheMessage;
      try {
        msg = JSON.parse(raw) as CacheMessage;
      } catch {
        return;
      }
      if (msg.origin === this.processId) return;
      for (const h of this.handlers) h(msg);
    });
  }

  static async connect(url: string): Promise<RedisCoordinator> {
    const redis = new Redis(url, { maxRetriesPerRequest: 3, enableAutoPipelining: true });
    await redis.ping();
    return new RedisCoordinator(redis);
  }

  async withLock<T>(key: string, fn: () => Promise<T>, opts: LockOptions = {}): Promise<T> {
    const ttl = opts.ttlMs ?? 15_000;
    const deadline = Date.now() + (opts.waitMs ?? 10_000);
    const token = randomBytes(9).toString('base64url');
    let delay = 2;
    while ((await this.redis.set(k.lock(key), token, 'PX', ttl, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new LockTimeoutError(key);
      await sleep(delay + Math.random() * delay);
      delay = Math.min(50, delay * 2);
    }
    try {
      return await fn();
    } finally {
      // Not awaited: commands on one connection run in order, so this process's next SET NX on
      // the key comes after it; other processes retry. The lock's TTL covers a lost unlock.
      this.redis.eval(UNLOCK, 1, k.lock(key), token).catch(() => undefined);
    }
  }

  async nextSeq(key: string, init: () => Promise<number>): Promise<number> {
    const r = (await this.redis.eval(INCR_IF_EXISTS, 1, k.seq(key))) as number | null;
    if (r !== null) return r;
    const start = await init();
    return (await this.redis.eval(INIT_AND_INCR, 1, k.seq(key), String(start))) as number;
  }

  async peekSeq(key: string): Promise<number | null> {
    const v = await this.redis.get(k.seq(key));
    return v === null ? null : Number(v);
  }

  async publish(msg: CacheMessage): Promise<void> {
    for (const h of this.handlers) h(msg);
    await this.redis.publish(CHANNEL, JSON.stringify({ ...msg, origin: this.processId }));
  }

  subscribe(handler: (msg: CacheMessage) => void): void {
    this.handlers.push(handler);
  }

  limiter(opts: LimiterOptions): RateLimiterAbstract {
    return new RateLimiterRedis({ storeClient: this.redis, useRedisPackage: false, ...opts });
  }

  async presence(forumId: string, local: number): Promise<number> {
    const now = Date.now();
    const key = k.presence(forumId);
    await this.redis.multi().hset(key, this.processId, `${local}:${now}`).expire(key, 60).exec();
    const all = await this.redis.hgetall(key);
    let total = 0;
    for (const v of Object.values(all)) {
      const [n, at] = v.split(':').map(Number);
      if (now - (at ?? 0) < PRESENCE_FRESH_MS) total += n ?? 0;
    }
    return total;
  }

  async close(): Promise<void> {
    this.handlers = [];
    this.sub.disconnect();
    await this.redis.quit().catch(() => undefined);
  }
}
