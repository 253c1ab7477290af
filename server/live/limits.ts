import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../http/errors';
import type { Coordinator } from './coordinator';

/** Per-participant limits shared by HTTP and sockets, held in the coordinator (every process). */
export interface ParticipantLimits {
  submit: RateLimiterAbstract;
  vote: RateLimiterAbstract;
  join: RateLimiterAbstract;
}

export function participantLimits(coord: Coordinator): ParticipantLimits {
  return {
    submit: coord.limiter({ keyPrefix: 'rl:submit', points: 20, duration: 60 }),
    vote: coord.limiter({ keyPrefix: 'rl:vote', points: 120, duration: 60 }),
    join: coord.limiter({ keyPrefix: 'rl:join', points: 60, duration: 60 }),
  };
}

const MESSAGES = {
  submit: 'Terlalu banyak masukan dalam satu menit. Tunggu sebentar.',
  vote: 'Terlalu banyak dukungan dalam satu menit. Tunggu sebentar.',
  join: 'Terlalu sering membuka forum dalam satu menit. Tunggu sebentar.',
} as const;

/** Takes one point for `key`; a 429 with the seconds to wait when the limit is reached. */
export async function consume(
  limits: ParticipantLimits,
  which: keyof ParticipantLimits,
  key: string,
): Promise<void> {
  try {
    await limits[which].consume(key);
  } catch (res) {
    if (res instanceof Error) throw res;
    const ms = (res as { msBeforeNext?: number }).msBeforeNext ?? 60_000;
    throw new AppError(429, 'rate_limited', MESSAGES[which], {
      retryAfter: Math.ceil(ms / 1000),
    });
  }
}
