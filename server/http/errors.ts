import type { ErrorRequestHandler, RequestHandler } from 'express';
import { errorMessage, type ErrorParams, type ErrorReason } from '../../shared/errors';
import type { ErrorCode } from '../../shared/schemas/common';
import { DB_RETRY_AFTER_S, isDbUnavailable } from '../db/unavailable';
import { log } from '../lib/logger';
import { metrics } from '../metrics/metrics';

/**
 * An error meant for the client: status, coarse code (what programs branch on), a reason from
 * shared/errors.ts with the values its text needs, and the Indonesian message made from them.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly reason: ErrorReason,
    readonly params: ErrorParams = {},
    readonly details?: unknown,
  ) {
    super(errorMessage(reason, params, 'id'));
  }

  /** The `error` object of a response body, a socket ack or a citizen page. */
  toJSON(): ErrorObject {
    return errorObject(this.code, this.reason, this.params, this.details);
  }
}

export interface ErrorObject {
  code: ErrorCode;
  reason: ErrorReason;
  params: ErrorParams;
  message: string;
  details?: unknown;
}

export function errorObject(
  code: ErrorCode,
  reason: ErrorReason,
  params: ErrorParams = {},
  details?: unknown,
): ErrorObject {
  return {
    code,
    reason,
    params,
    message: errorMessage(reason, params, 'id'),
    ...(details !== undefined ? { details } : {}),
  };
}

/** What any thrown value becomes for a client (a stack trace never leaves the server). */
export const INTERNAL: ErrorObject = errorObject('internal', 'internal');

export const notFound = (reason: ErrorReason = 'not_found', params?: ErrorParams): AppError =>
  new AppError(404, 'not_found', reason, params);
export const forbidden = (reason: ErrorReason = 'forbidden', params?: ErrorParams): AppError =>
  new AppError(403, 'forbidden', reason, params);
export const unauthenticated = (reason: ErrorReason = 'unauthenticated'): AppError =>
  new AppError(401, 'unauthenticated', reason);
export const conflict = (reason: ErrorReason, params?: ErrorParams): AppError =>
  new AppError(409, 'conflict', reason, params);
export const badRequest = (
  reason: ErrorReason,
  params?: ErrorParams,
  details?: unknown,
): AppError => new AppError(400, 'bad_request', reason, params, details);
/** 400 `validation`: the data broke a rule (field details as `{ path, message }[]`). */
export const invalid = (reason: ErrorReason, params?: ErrorParams, details?: unknown): AppError =>
  new AppError(400, 'validation', reason, params, details);
/** 409 (or 410) `closed`: the forum does not take this now. */
export const forumClosed = (reason: ErrorReason, status = 409): AppError =>
  new AppError(status, 'closed', reason);

/** The 503 answered while the database is unreachable (server/db/unavailable.ts says when). */
export function dbUnavailable(): AppError {
  return new AppError(
    503,
    'db_unavailable',
    'db_unavailable',
    { seconds: DB_RETRY_AFTER_S },
    { retryAfter: DB_RETRY_AFTER_S, retryable: true },
  );
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(notFound('route_not_found', { method: req.method, path: req.path }));
};

interface MaybeHttpError {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: number | string;
}

/** Turns any error into `{ error: { code, reason, params, message } }`; never leaks a stack trace. */
export const errorHandler: ErrorRequestHandler = (caught: unknown, _req, res, next) => {
  if (res.headersSent) return next(caught);
  const send = (status: number, error: ErrorObject) => res.status(status).json({ error });
  const unavailable = isDbUnavailable(caught);
  if (unavailable) metrics.dbUnavailable.inc({ via: 'http' });
  const err = unavailable ? dbUnavailable() : caught;
  if (err instanceof AppError) {
    const retryAfter = (err.details as { retryAfter?: number } | undefined)?.retryAfter;
    if (retryAfter) res.set('Retry-After', String(retryAfter));
    send(err.status, err.toJSON());
    return;
  }
  const e = (err ?? {}) as MaybeHttpError;
  if (e.type === 'entity.parse.failed') return void send(400, errorObject('bad_json', 'bad_json'));
  if (e.type === 'entity.too.large') return void send(413, errorObject('too_large', 'too_large'));
  if (e.code === 11000) return void send(409, errorObject('conflict', 'duplicate'));
  if (err instanceof Error && err.name === 'ValidationError') {
    // A schema invariant the route did not check first: refused, nothing stored.
    return void send(400, errorObject('validation', 'invalid_data'));
  }
  if (err instanceof Error && err.name === 'CastError') {
    return void send(400, errorObject('invalid_id', 'invalid_id'));
  }
  const status = e.status ?? e.statusCode;
  if (status && status >= 400 && status < 500) {
    return void send(status, errorObject('bad_request', 'bad_request'));
  }
  log.error({ err }, 'request failed');
  send(500, INTERNAL);
};
