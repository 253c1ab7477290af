import type { ErrorParams, ErrorReason } from './errors';
import type { ErrorCode } from './schemas/common';
import type { Forum } from './schemas/forum';
import type { ForumSnapshot, Input } from './schemas/input';

/**
 * A failure as the JSON API would answer it: HTTP status, stable code, reason and params
 * (shared/errors.ts, for the page to translate), message (Indonesian).
 */
export interface PortError {
  status: number;
  code: ErrorCode;
  reason: ErrorReason;
  params: ErrorParams;
  message: string;
  /** Field-level details of a validation error (`{ path, message }[]`), or `{ retryAfter }`. */
  details?: unknown;
}

export type PortResult<T> = { ok: true; data: T } | { ok: false; error: PortError };

/**
 * What the Express app lends SvelteKit's server side for one request of a citizen page
 * (`/j/[code]`, `/f/[id]`): the same services the JSON API and sockets call, bound to the
 * request's viewer (participant cookie and session), without a loopback HTTP call.
 * Set on the Node request (`platform.req`) and copied to `event.locals` by `hooks.server.ts`.
 */
export interface CitizenPort {
  /** The forum with its visible inputs and the viewer's own ones, as `GET /api/forums/:id`. */
  snapshot(forumId: string): Promise<PortResult<ForumSnapshot>>;
  /** The forum behind a join code, as `GET /api/forums/by-code/:code`. */
  forumByCode(code: string): Promise<PortResult<Forum>>;
  /**
   * Submits an input, as `POST /api/forums/:id/inputs`: the same schema, rate limit, service
   * and idempotency key (a repeated key returns the stored input with `replay: true`).
   */
  submitInput(
    forumId: string,
    body: unknown,
  ): Promise<PortResult<{ input: Input; replay: boolean }>>;
}

/** The property of the Node request that carries the port. */
export const CITIZEN_PORT = 'citizenPort';
export type WithCitizenPort = { [CITIZEN_PORT]?: CitizenPort };
