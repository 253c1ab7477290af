/** Seconds a client is told to wait (`Retry-After`) while the database is unreachable. */
export const DB_RETRY_AFTER_S = 5;

/** Driver and mongoose errors that mean "the database cannot be reached", by class name. */
const UNREACHABLE_NAMES = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoPoolClearedError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoOperationTimeoutError',
]);

/**
 * Messages of the same situation where the class says less: mongoose's buffering timeout while
 * disconnected, and FerretDB answering while its PostgreSQL is down or starting.
 */
const UNREACHABLE_MESSAGES = [
  /buffering timed out after/i,
  /Client must be connected/i,
  /before initial connection is complete/i,
  /connection (?:refused|reset|closed)/i,
  /ECONNREFUSED|ECONNRESET|EPIPE/,
  /failed to connect to/i,
  /the database system is (?:starting up|shutting down|in recovery mode)/i,
  // PostgreSQL ending FerretDB's connection: an administrator, a crash of another backend, or
  // its postmaster killed (SQLSTATE 57P01-57P03: operator intervention; 08xxx: connection).
  /terminating connection due to/i,
  /SQLSTATE (?:57P0[1-3]|08[0-9A-Z]{3})\b/,
  /Connection pool .* (?:cleared|closed)/i,
];

/**
 * True when `err` (or an error it wraps through `cause`) says the database is unreachable.
 * This is the one place such errors are recognised: the HTTP error handler and socket acks
 * turn them into `db_unavailable` (503, retryable) instead of `internal`.
 */
export function isDbUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth += 1) {
    if (typeof e !== 'object') return false;
    const { name, message, cause } = e as { name?: unknown; message?: unknown; cause?: unknown };
    if (typeof name === 'string' && UNREACHABLE_NAMES.has(name)) return true;
    if (typeof message === 'string' && UNREACHABLE_MESSAGES.some((re) => re.test(message))) {
      return true;
    }
    e = cause;
  }
  return false;
}
