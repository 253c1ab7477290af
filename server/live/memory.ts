import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { KeyedMutex } from '../lib/keyedMutex';
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

interface ForumTally {
  voters: Map<string, Set<string>>;
  byVoter: Map<string, Set<string>>;
  participants: Set<string>;
}

function add<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
}

/** The tally of one process. */
export class MemoryTally implements Tally {
  private forums = new Map<string, ForumTally>();
  private loading = new Map<string, Promise<void>>();
  private dirty = new Map<string, Set<string>>();

  async ensure(forumId: string, load: () => Promise<TallyLoad>): Promise<void> {
    if (this.forums.has(forumId)) return;
    let p = this.loading.get(forumId);
    if (!p) {
      p = load().then(
        (data) => {
          const t: ForumTally = { voters: new Map(), byVoter: new Map(), participants: new Set() };
          for (const v of data.votes) {
            add(t.voters, v.inputId, v.voterKey);
            add(t.byVoter, v.voterKey, v.inputId);
          }
          for (const p of data.participants) t.participants.add(p);
          this.forums.set(forumId, t);
          this.loading.delete(forumId);
        },
        (err: unknown) => {
          this.loading.delete(forumId);
          throw err;
        },
      );
      this.loading.set(forumId, p);
    }
    await p;
  }

  async apply(forumId: string, row: VoteRow, voted: boolean): Promise<number | null> {
    const t = this.forums.get(forumId);
    if (!t) return null;
    if (voted) {
      add(t.voters, row.inputId, row.voterKey);
      add(t.byVoter, row.voterKey, row.inputId);
    } else {
      t.voters.get(row.inputId)?.delete(row.voterKey);
      t.byVoter.get(row.voterKey)?.delete(row.inputId);
    }
    add(this.dirty, forumId, row.inputId);
    return t.voters.get(row.inputId)?.size ?? 0;
  }

  async counts(forumId: string, inputIds: string[]): Promise<Map<string, number>> {
    const t = this.forums.get(forumId);
    return new Map(inputIds.map((id) => [id, t?.voters.get(id)?.size ?? 0]));
  }

  async votedBy(forumId: string, voterKey: string): Promise<Set<string>> {
    return new Set(this.forums.get(forumId)?.byVoter.get(voterKey) ?? []);
  }

  async addParticipant(forumId: string, key: string): Promise<boolean | null> {
    const t = this.forums.get(forumId);
    if (!t) return null;
    if (t.participants.has(key)) return false;
    t.participants.add(key);
    return true;
  }

  async participants(forumId: string): Promise<number> {
    return this.forums.get(forumId)?.participants.size ?? 0;
  }

  async takeDirty(max: number): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const [forumId, ids] of this.dirty) {
      if (out.size >= max) break;
      out.set(forumId, [...ids]);
      this.dirty.delete(forumId);
    }
    return out;
  }

  async markDirty(forumId: string, inputIds: string[]): Promise<void> {
    for (const id of inputIds) add(this.dirty, forumId, id);
  }

  async drop(forumId: string): Promise<void> {
    this.forums.delete(forumId);
  }
}

/** Coordination inside one process: what `REDIS_URL` spreads across several. */
export class MemoryCoordinator implements Coordinator {
  readonly kind = 'memory' as const;
  readonly tally = new MemoryTally();
  private mutex = new KeyedMutex();
  private seqs = new Map<string, number>();
  private seqInit = new Map<string, Promise<number>>();
  private handlers: ((msg: CacheMessage) => void)[] = [];

  async withLock<T>(key: string, fn: () => Promise<T>, opts: LockOptions = {}): Promise<T> {
    const waitMs = opts.waitMs ?? 10_000;
    let started = false;
    let timedOut = false;
    const timer = new Promise<never>((_, reject) => {
      const t = setTimeout(() => {
        if (started) return;
        timedOut = true;
        reject(new LockTimeoutError(key));
      }, waitMs);
      t.unref();
    });
    const run = this.mutex.run(key, async () => {
      if (timedOut) return undefined as T;
      started = true;
      return fn();
    });
    return Promise.race([run, timer]);
  }

  async nextSeq(key: string, init: () => Promise<number>): Promise<number> {
    if (!this.seqs.has(key)) {
      let p = this.seqInit.get(key);
      if (!p) {
        p = init().finally(() => this.seqInit.delete(key));
        this.seqInit.set(key, p);
      }
      const start = await p;
      if (!this.seqs.has(key)) this.seqs.set(key, start);
    }
    const next = this.seqs.get(key)! + 1;
    this.seqs.set(key, next);
    return next;
  }

  async peekSeq(key: string): Promise<number | null> {
    return this.seqs.get(key) ?? null;
  }

  async publish(msg: CacheMessage): Promise<void> {
    for (const h of this.handlers) h(msg);
  }

  subscribe(handler: (msg: CacheMessage) => void): void {
    this.handlers.push(handler);
  }

  limiter(opts: LimiterOptions): RateLimiterAbstract {
    return new RateLimiterMemory(opts);
  }

  async presence(_forumId: string, local: number): Promise<number> {
    return local;
  }

  async close(): Promise<void> {
    this.handlers = [];
  }
}
