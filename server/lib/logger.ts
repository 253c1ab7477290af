import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';

/**
 * The server's logger (pino). JSON lines in production; short lines in development; silent in
 * tests unless LOG_LEVEL says otherwise. The request id of the HTTP request, socket event or
 * background job being served is added to every line from AsyncLocalStorage.
 *
 * No personal data: log ids, codes and counts, never input text, e-mail addresses or
 * passwords; client addresses only with LOG_IPS=true. The paths below are redacted anyway.
 */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogContext {
  /** Request id of the HTTP request, socket event or job run. */
  reqId: string;
}

const als = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with `reqId` attached to every log line written while it (and what it awaits) runs. */
export function withLogContext<T>(ctx: LogContext, fn: () => T): T {
  return als.run(ctx, fn);
}

export function currentRequestId(): string | undefined {
  return als.getStore()?.reqId;
}

const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-forwarded-for"]',
  'res.headers["set-cookie"]',
  'password',
  'email',
  'text',
  'contactEmail',
  '*.password',
  '*.email',
  '*.text',
  '*.contactEmail',
];

/** Development: `12:03:04 INFO  message key=value` instead of JSON. */
function shortLines(out: NodeJS.WritableStream): DestinationStream {
  const names: Record<number, string> = {
    10: 'TRACE',
    20: 'DEBUG',
    30: 'INFO ',
    40: 'WARN ',
    50: 'ERROR',
    60: 'FATAL',
  };
  return {
    write(line: string) {
      try {
        const {
          level,
          time,
          msg,
          err,
          pid: _p,
          hostname: _h,
          ...rest
        } = JSON.parse(line) as {
          level: number;
          time: number;
          msg?: string;
          err?: { stack?: string; message?: string };
          pid?: number;
          hostname?: string;
        } & Record<string, unknown>;
        const t = new Date(time).toISOString().slice(11, 19);
        const extra = Object.entries(rest)
          .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
          .join(' ');
        const stack = err ? `\n  ${err.stack ?? err.message ?? ''}` : '';
        out.write(
          `${t} ${names[level] ?? level} ${msg ?? ''}${extra ? ` ${extra}` : ''}${stack}\n`,
        );
      } catch {
        out.write(line);
      }
    },
  };
}

export interface LoggerOptions {
  level: LogLevel;
  /** `json` (production) or `short` (development). */
  format: 'json' | 'short';
  destination?: DestinationStream;
}

export function createLogger(opts: LoggerOptions): Logger {
  const destination =
    opts.destination ??
    (opts.format === 'short' ? shortLines(process.stdout) : pino.destination(1));
  return pino(
    {
      level: opts.level,
      base: { pid: process.pid },
      redact: { paths: REDACT, censor: '[redacted]' },
      mixin: () => {
        const reqId = currentRequestId();
        return reqId ? { reqId } : {};
      },
    },
    destination,
  );
}

function levelFromEnv(env: NodeJS.ProcessEnv): LogLevel {
  const raw = env.LOG_LEVEL?.trim();
  if (raw && (LOG_LEVELS as readonly string[]).includes(raw)) return raw as LogLevel;
  return env.NODE_ENV === 'test' || env.VITEST ? 'silent' : 'info';
}

/** The root logger; `useLogger` replaces it (at start from the config, in tests to read lines). */
export let log: Logger = createLogger({
  level: levelFromEnv(process.env),
  format: process.env.NODE_ENV === 'production' ? 'json' : 'short',
});

export function useLogger(next: Logger): void {
  log = next;
}

/**
 * Lets a promise run on without awaiting it: a rejection is logged (never an unhandled
 * rejection). Use instead of a bare `void promise`.
 */
export function detach(p: Promise<unknown> | void, what: string, level: Level = 'error'): void {
  if (p && typeof p.then === 'function') {
    p.catch((err: unknown) => log[level]({ err, scope: what }, `${what} failed`));
  }
}
