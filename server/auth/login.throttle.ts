import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ErrorReason } from '../../shared/errors';
import { AppError } from '../http/errors';
import type { Coordinator } from '../live/coordinator';
import { take } from '../live/limits';

const MINUTES_15 = 15 * 60;

/**
 * Failed sign-ins are counted three ways, in the coordinator (every process):
 * - per account and address (`perPair`, default 10 per 15 minutes): the guesser is stopped,
 *   everyone else behind the same address (a venue's Wi-Fi) signs in as usual;
 * - per account from every address (50 per hour): guessing spread over many addresses, or
 *   over forged X-Forwarded-For values, is slowed just the same;
 * - per address (300 per 15 minutes): one address trying many accounts.
 * A successful sign-in clears its pair and gives its points back. The same for a password
 * change (10 failures per account per 15 minutes).
 */
export class LoginThrottle {
  private readonly pair: RateLimiterAbstract;
  private readonly account: RateLimiterAbstract;
  private readonly address: RateLimiterAbstract;
  private readonly password: RateLimiterAbstract;

  constructor(coord: Coordinator, perPair: number) {
    this.pair = coord.limiter({
      keyPrefix: 'rl:login:pair',
      points: perPair,
      duration: MINUTES_15,
    });
    this.account = coord.limiter({ keyPrefix: 'rl:login:account', points: 50, duration: 3600 });
    this.address = coord.limiter({
      keyPrefix: 'rl:login:address',
      points: 300,
      duration: MINUTES_15,
    });
    this.password = coord.limiter({ keyPrefix: 'rl:password', points: 10, duration: MINUTES_15 });
  }

  /** Runs a sign-in attempt under the limits; a wrong password keeps its points. */
  async login<T>(email: string, address: string, attempt: () => Promise<T>): Promise<T> {
    const account = email.trim().toLowerCase();
    const pairKey = `${account}|${address}`;
    const taken: [RateLimiterAbstract, string][] = [];
    const step = async (l: RateLimiterAbstract, key: string, reason: ErrorReason) => {
      await take(l, key, reason, 'login');
      taken.push([l, key]);
    };
    try {
      await step(this.pair, pairKey, 'rate_login_account');
      await step(this.account, account, 'rate_login_account');
      await step(this.address, address, 'rate_login_address');
    } catch (err) {
      await this.giveBack(taken);
      throw err;
    }
    try {
      const result = await attempt();
      await this.pair.delete(pairKey).catch(() => undefined);
      await this.giveBack(taken.slice(1));
      return result;
    } catch (err) {
      // Only a wrong password counts; anything else (a database hiccup) gives the points back.
      if (!(err instanceof AppError && err.status === 401)) await this.giveBack(taken);
      throw err;
    }
  }

  /** Runs a password change under the per-account limit; a wrong current password counts. */
  async passwordChange<T>(userId: string, attempt: () => Promise<T>): Promise<T> {
    await take(this.password, userId, 'rate_password', 'password');
    try {
      const result = await attempt();
      await this.password.reward(userId).catch(() => undefined);
      return result;
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'validation')) {
        await this.password.reward(userId).catch(() => undefined);
      }
      throw err;
    }
  }

  private async giveBack(taken: [RateLimiterAbstract, string][]): Promise<void> {
    for (const [l, key] of taken) await l.reward(key).catch(() => undefined);
  }
}
