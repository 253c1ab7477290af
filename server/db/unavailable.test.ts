import { describe, expect, it } from 'vitest';
import { isDbUnavailable } from './unavailable';

/** FerretDB's error when its PostgreSQL was killed mid-query (seen in the outage test). */
const POSTMASTER_GONE =
  '[msg_find.go:344 handler.handleMaxTimeMSError] [query_iterator.go:92 postgresql.(*queryIterator).Next] FATAL: terminating connection due to unexpected postmaster exit (SQLSTATE 57P01)';

function serverError(message: string, code?: number): Error {
  return Object.assign(new Error(message), { name: 'MongoServerError', code });
}

describe('an unreachable database, told apart from other errors', () => {
  it('recognises PostgreSQL going away under FerretDB, however it went', () => {
    expect(isDbUnavailable(serverError(POSTMASTER_GONE))).toBe(true);
    expect(
      isDbUnavailable(serverError('FATAL: terminating connection due to administrator command')),
    ).toBe(true);
    expect(isDbUnavailable(serverError('connection to server lost (SQLSTATE 08006)'))).toBe(true);
    expect(isDbUnavailable(serverError('the database system is starting up'))).toBe(true);
  });

  it('recognises the driver losing the server, also wrapped in a cause', () => {
    const lost = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), {
      name: 'MongoServerSelectionError',
    });
    expect(isDbUnavailable(lost)).toBe(true);
    expect(isDbUnavailable(new Error('could not store', { cause: lost }))).toBe(true);
  });

  it('leaves real errors alone: a duplicate key or a bad query is not an outage', () => {
    expect(isDbUnavailable(serverError('E11000 duplicate key error', 11000))).toBe(false);
    expect(isDbUnavailable(serverError('unknown operator: $foo (SQLSTATE 42601)'))).toBe(false);
    expect(isDbUnavailable(new TypeError('x is undefined'))).toBe(false);
  });
});
