import { z } from 'zod';

/**
 * Stable coarse error codes of `{ error: { code, reason, params, message } }` (programs branch on
 * them; the precise reason is a key of shared/errors.ts ERROR_TEXTS).
 */
export const ERROR_CODES = [
  'bad_request',
  'bad_json',
  'validation',
  'invalid_id',
  'unauthenticated',
  'account_required',
  'forbidden',
  'csrf',
  'not_found',
  'conflict',
  'rate_limited',
  'too_large',
  'closed',
  'db_unavailable',
  'shutting_down',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The body of every error response. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    /** The precise reason: a key of shared/errors.ts ERROR_TEXTS, translated by the client. */
    reason: z.string().optional(),
    /** The values the reason's text needs. */
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    /** Human-readable message, in Bahasa Indonesia. */
    message: z.string(),
    /** Field-level details for validation errors. */
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** A MongoDB ObjectId as 24 hex characters. */
export const ObjectIdString = z.string().regex(/^[a-f0-9]{24}$/i, 'ID tidak sah');

/** Acknowledgement envelope for socket events: `{ data }` or `{ error }`. */
export type Ack<T> =
  | { data: T }
  | {
      error: {
        code: ErrorCode;
        message: string;
        reason?: string;
        params?: Record<string, string | number>;
        retryable?: boolean;
      };
    };
