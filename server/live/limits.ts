import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ErrorParams, ErrorReason } from '../../shared/errors';
import { AppError } from '../http/errors';
import type { Coordinator } from './coordinator';

/** Who a limit counts: the participant (cookie or account), the address, the socket, the user. */
export type LimitScope = 'participant' | 'address' | 'socket' | 'user';

/** [points, seconds]: at most `points` actions per `seconds`. */
type Rate = readonly [number, number];

/**
 * Every abuse limit, held in the coordinator (memory for one process, Redis for several), so a
 * limit holds across processes, reconnects and new sockets. Per participant: what one person
 * may do. Per address: NAT-tolerant backstops sized for a hall of 2,000 people behind one
 * address doing, in one minute, three joins, ten reads, two submissions, twenty votes and ten
 * similarity checks each (tests/integration/abuse-limits.test.ts proves the arithmetic). Per
 * socket: one connection cannot flood (an anonymous socket has no participant to count).
 */
export const LIMIT_TABLE = {
  submit: { participant: [20, 60], address: [6_000, 60], socket: [20, 60] },
  vote: { participant: [120, 60], address: [60_000, 60], socket: [120, 60] },
  join: { participant: [60, 60], address: [10_000, 60], socket: [30, 60] },
  read: { participant: [300, 60], address: [30_000, 60] },
  similar: { participant: [30, 60], address: [30_000, 60] },
  pdf: { participant: [10, 60], address: [600, 60] },
  citizen: { participant: [20, 60], address: [6_000, 60] },
  register: { participant: [5, 3600], address: [500, 3600] },
  leave: { socket: [120, 60] },
  ping: { socket: [60, 60] },
  connect: { address: [10_000, 60] },
  account: { user: [1_200, 60] },
} as const satisfies Record<string, Partial<Record<LimitScope, Rate>>>;

export type LimitKind = keyof typeof LIMIT_TABLE;

/** The error reason of each limit (shared/errors.ts); its text says how many seconds to wait. */
const REASONS: Record<LimitKind, ErrorReason> = {
  submit: 'rate_submit',
  vote: 'rate_vote',
  join: 'rate_join',
  read: 'rate_read',
  similar: 'rate_similar',
  pdf: 'rate_pdf',
  citizen: 'rate_requests',
  register: 'rate_register',
  leave: 'rate_requests',
  ping: 'rate_requests',
  connect: 'rate_connect',
  account: 'rate_account',
};

/**
 * The 429 every limit answers with: seconds to wait in `params.seconds`, `Retry-After` and
 * `details.retryAfter`.
 */
export function rateLimited(
  reason: ErrorReason,
  msBeforeNext: number | undefined,
  kind: string,
  params: ErrorParams = {},
) {
  const retryAfter = Math.max(1, Math.ceil((msBeforeNext ?? 60_000) / 1000));
  return new AppError(
    429,
    'rate_limited',
    reason,
    { ...params, seconds: retryAfter },
    { retryAfter, limit: kind },
  );
}

/** Takes `points` from a limiter for `key`; a 429 when it is used up. */
export async function take(
  limiter: RateLimiterAbstract,
  key: string,
  reason: ErrorReason,
  kind: string,
  points = 1,
  params: ErrorParams = {},
): Promise<void> {
  try {
    await limiter.consume(key, points);
  } catch (res) {
    if (res instanceof Error) throw res;
    throw rateLimited(reason, (res as { msBeforeNext?: number }).msBeforeNext, kind, params);
  }
}

export type LimitKeys = Partial<Record<LimitScope, string | null | undefined>>;

/** The abuse limits of one app (every process shares them through the coordinator). */
export class AbuseLimits {
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private readonly slow = new Map<number, RateLimiterAbstract>();

  constructor(private readonly coord: Coordinator) {
    for (const [kind, scopes] of Object.entries(LIMIT_TABLE)) {
      for (const [scope, [points, duration]] of Object.entries(scopes as Record<string, Rate>)) {
        this.limiters.set(
          `${kind}:${scope}`,
          coord.limiter({ keyPrefix: `rl:${kind}:${scope}`, points, duration }),
        );
      }
    }
  }

  /** The limiter of one kind and scope (tests read their state). */
  limiter(kind: LimitKind, scope: LimitScope): RateLimiterAbstract | undefined {
    return this.limiters.get(`${kind}:${scope}`);
  }

  /** Takes one point in every scope the kind has and a key is given for; 429 on the first full one. */
  async take(kind: LimitKind, keys: LimitKeys): Promise<void> {
    // The scopes are consumed at once (one round trip to Redis, not four in a row); the first
    // refusal in scope order is the one reported.
    const takes: Promise<void>[] = [];
    for (const scope of ['socket', 'participant', 'user', 'address'] as const) {
      const key = keys[scope];
      const limiter = this.limiters.get(`${kind}:${scope}`);
      if (key && limiter) takes.push(take(limiter, key, REASONS[kind], kind));
    }
    const results = await Promise.allSettled(takes);
    const refused = results.find((r) => r.status === 'rejected');
    if (refused) throw refused.reason;
  }

  /**
   * Slow mode of a forum: one input per participant every `seconds`. Returns a function that
   * gives the point back (the submission was refused for another reason).
   */
  async slowMode(forumId: string, participant: string, seconds: number): Promise<() => void> {
    let limiter = this.slow.get(seconds);
    if (!limiter) {
      limiter = this.coord.limiter({
        keyPrefix: `rl:slow:${seconds}`,
        points: 1,
        duration: seconds,
      });
      this.slow.set(seconds, limiter);
    }
    const key = `${forumId}:${participant}`;
    await take(limiter, key, 'slow_mode', 'slow_mode', 1, { interval: seconds });
    return () => void limiter.reward(key).catch(() => undefined);
  }
}

/** Kept for callers that think in participants (ctx.limits). */
export type ParticipantLimits = AbuseLimits;

export function participantLimits(coord: Coordinator): AbuseLimits {
  return new AbuseLimits(coord);
}

/** Takes one point of a kind for a participant; a 429 with the seconds to wait when used up. */
export function consume(limits: AbuseLimits, which: LimitKind, key: string): Promise<void> {
  return limits.take(which, { participant: key });
}
