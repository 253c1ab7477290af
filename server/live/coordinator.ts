import type { RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * What must hold across app processes goes through a Coordinator: locks, sequence counters, the
 * live vote tally, the "dirty" marks of the count flusher, cache invalidation messages and rate
 * limits. `MemoryCoordinator` serves a single process; `RedisCoordinator` (REDIS_URL) serves
 * several. The database stays the truth for what was stored: vote documents under a unique
 * index, inputs under a unique idempotency key. FerretDB applies `$inc` and conditional updates
 * without isolation, so correctness never rests on them.
 */
export interface Coordinator {
  readonly kind: 'memory' | 'redis';
  /** Runs `fn` while holding `key` (every process); waits up to `waitMs` for the lock. */
  withLock<T>(key: string, fn: () => Promise<T>, opts?: LockOptions): Promise<T>;
  /** Next value of a monotonic counter; `init` gives the last value used when it is unknown. */
  nextSeq(key: string, init: () => Promise<number>): Promise<number>;
  /** Current value of a counter without changing it (null when unknown). */
  peekSeq(key: string): Promise<number | null>;
  readonly tally: Tally;
  /** Tells every process (this one included) that cached forum state changed. */
  publish(msg: CacheMessage): Promise<void>;
  subscribe(handler: (msg: CacheMessage) => void): void;
  /** A rate limiter shared by every process. */
  limiter(opts: LimiterOptions): RateLimiterAbstract;
  /** Presence: this process's count of people in a forum; returns the total of all processes. */
  presence(forumId: string, local: number): Promise<number>;
  close(): Promise<void>;
}

export interface LockOptions {
  /** How long the lock is held at most if its holder dies (default 15 s). */
  ttlMs?: number;
  /** How long to wait for it (default 10 s); then `LockTimeoutError`. */
  waitMs?: number;
}

export class LockTimeoutError extends Error {
  constructor(key: string) {
    super(`lock ${key} not acquired in time`);
  }
}

export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  /** Window in seconds. */
  duration: number;
  /** Seconds a key stays blocked after exceeding (default: until the window ends). */
  blockDuration?: number;
}

/** A cached forum (or some of its inputs) changed; receivers reload what is named. */
export interface CacheMessage {
  forumId: string;
  /** Reload the forum document. */
  forum?: boolean;
  /** Reload these inputs. */
  inputIds?: string[];
  /** Reload the inbox cases of these inputs too. */
  cases?: boolean;
  /** Vote counts of these inputs changed (sockets of every process get the new counts). */
  votes?: string[];
  /** The forum's state is gone (closed and flushed): drop it. */
  drop?: boolean;
  /** Process that sent it (receivers skip their own messages). */
  origin?: string;
}

export interface VoteRow {
  inputId: string;
  voterKey: string;
}

/**
 * The live vote tally of accepting forums: for each input the set of its voters, for each voter
 * the set of inputs they voted for, and the forum's participants. Sets make every operation
 * idempotent, so a reload racing with writes cannot double count. Loaded once per forum from the
 * vote documents (the truth); applied after each stored vote.
 */
export interface Tally {
  /** Loads the forum's votes and participants unless already loaded. */
  ensure(forumId: string, load: () => Promise<TallyLoad>): Promise<void>;
  /**
   * Applies a stored vote (voted) or a stored withdrawal; returns the input's new count, or null
   * when the forum's tally is not loaded (call `ensure` and apply again: it is idempotent).
   */
  apply(forumId: string, row: VoteRow, voted: boolean): Promise<number | null>;
  /** Counts of these inputs. */
  counts(forumId: string, inputIds: string[]): Promise<Map<string, number>>;
  /** Inputs of the forum this voter voted for. */
  votedBy(forumId: string, voterKey: string): Promise<Set<string>>;
  /** Adds a participant; true when new, null when the forum's tally is not loaded. */
  addParticipant(forumId: string, key: string): Promise<boolean | null>;
  participants(forumId: string): Promise<number>;
  /** Inputs whose stored count may be behind, grouped by forum; they are unmarked. */
  takeDirty(max: number): Promise<Map<string, string[]>>;
  /** Marks inputs again (a flush failed). */
  markDirty(forumId: string, inputIds: string[]): Promise<void>;
  /** Forgets a forum's tally (after its final flush). */
  drop(forumId: string): Promise<void>;
}

export interface TallyLoad {
  votes: VoteRow[];
  participants: string[];
}
