import { errorMessage } from '../../shared/errors';
import { errorObject } from './errors';
import type { RequestHandler } from 'express';

/** The error every request and socket event gets once the process is shutting down. */
export const SHUTTING_DOWN_MESSAGE = errorMessage('shutting_down');
/** Seconds a client is told to wait before retrying (another process will answer by then). */
export const SHUTTING_DOWN_RETRY_S = 2;

/**
 * Counts the HTTP requests and socket handlers in flight, and refuses new ones once draining
 * (SIGTERM): HTTP answers 503 `shutting_down` with `Connection: close` (the health route says
 * `draining`, so a load balancer stops sending), socket events ack a retryable `shutting_down`.
 * `settled()` resolves when nothing is in flight any more.
 */
export class Drain {
  private active = 0;
  private waiters: (() => void)[] = [];
  draining = false;

  get inFlight(): number {
    return this.active;
  }

  /** Marks one unit of work started; the returned function marks it done (once). */
  begin(): () => void {
    this.active += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.active -= 1;
      if (this.active === 0) for (const w of this.waiters.splice(0)) w();
    };
  }

  /** Runs `work` counted as in flight. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    const end = this.begin();
    try {
      return await work();
    } finally {
      end();
    }
  }

  /** Resolves true when nothing is in flight, false when `timeoutMs` passed first. */
  settled(timeoutMs: number): Promise<boolean> {
    if (this.active === 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      timer.unref();
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /**
   * First middleware of the app: counts the request until its response is finished or the
   * connection closed; refuses it while draining (except `passPaths`, the health check).
   */
  middleware(passPaths: string[] = []): RequestHandler {
    return (req, res, next) => {
      if (this.draining) {
        res.setHeader('Connection', 'close');
        res.locals.draining = true;
        if (!passPaths.includes(req.path)) {
          res.setHeader('Retry-After', String(SHUTTING_DOWN_RETRY_S));
          res.status(503).json({
            error: errorObject(
              'shutting_down',
              'shutting_down',
              {},
              {
                retryAfter: SHUTTING_DOWN_RETRY_S,
                retryable: true,
              },
            ),
          });
          return;
        }
      }
      const end = this.begin();
      res.once('finish', end);
      res.once('close', end);
      next();
    };
  }
}
