import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorCode } from '../../shared/schemas/common';
import { dbUnavailable, isDbUnavailable } from '../db/unavailable';
import { log } from '../lib/logger';
import { metrics } from '../metrics/metrics';

/** An error meant for the client: status, stable code, message in Bahasa Indonesia. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Data'): AppError =>
  new AppError(404, 'not_found', `${what} tidak ditemukan.`);
export const forbidden = (message = 'Anda tidak berwenang melakukan ini.'): AppError =>
  new AppError(403, 'forbidden', message);
export const unauthenticated = (): AppError =>
  new AppError(401, 'unauthenticated', 'Silakan masuk terlebih dahulu.');
export const conflict = (message: string): AppError => new AppError(409, 'conflict', message);
export const badRequest = (message: string, details?: unknown): AppError =>
  new AppError(400, 'bad_request', message, details);

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'not_found', `Rute ${req.method} ${req.path} tidak ada.`));
};

interface MaybeHttpError {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: number | string;
}

/** Turns any error into `{ error: { code, message } }`; never leaks a stack trace. */
export const errorHandler: ErrorRequestHandler = (caught: unknown, _req, res, next) => {
  if (res.headersSent) return next(caught);
  const unavailable = isDbUnavailable(caught);
  if (unavailable) metrics.dbUnavailable.inc({ via: 'http' });
  const err = unavailable ? dbUnavailable() : caught;
  if (err instanceof AppError) {
    const retryAfter = (err.details as { retryAfter?: number } | undefined)?.retryAfter;
    if (retryAfter) res.set('Retry-After', String(retryAfter));
    res.status(err.status).json({
      error: {
        code: err.code,
        message: err.message,
        ...(err.details ? { details: err.details } : {}),
      },
    });
    return;
  }
  const e = (err ?? {}) as MaybeHttpError;
  if (e.type === 'entity.parse.failed') {
    res
      .status(400)
      .json({ error: { code: 'bad_json', message: 'Isi permintaan bukan JSON yang sah.' } });
    return;
  }
  if (e.type === 'entity.too.large') {
    res
      .status(413)
      .json({ error: { code: 'too_large', message: 'Isi permintaan terlalu besar.' } });
    return;
  }
  if (e.code === 11000) {
    res.status(409).json({ error: { code: 'conflict', message: 'Data yang sama sudah ada.' } });
    return;
  }
  if (err instanceof Error && err.name === 'ValidationError') {
    // A schema invariant the route did not check first: refused, nothing stored.
    res.status(400).json({ error: { code: 'validation', message: 'Data tidak sah.' } });
    return;
  }
  if (err instanceof Error && err.name === 'CastError') {
    res.status(400).json({ error: { code: 'invalid_id', message: 'ID tidak sah.' } });
    return;
  }
  const status = e.status ?? e.statusCode;
  if (status && status >= 400 && status < 500) {
    res.status(status).json({ error: { code: 'bad_request', message: 'Permintaan tidak sah.' } });
    return;
  }
  log.error({ err }, 'request failed');
  res.status(500).json({
    error: { code: 'internal', message: 'Terjadi kesalahan di server. Silakan coba lagi.' },
  });
};
