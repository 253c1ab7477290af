import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { log, withLogContext } from '../lib/logger';
import { metrics } from '../metrics/metrics';

/** A request id a client or proxy may send (`X-Request-Id`): 8–128 safe characters. */
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request's id: the client's `X-Request-Id` when well-formed, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && WELL_FORMED.test(given) ? given : randomUUID();
}

/**
 * Access log and request id: every request gets an id (echoed in `X-Request-Id`), carried by
 * AsyncLocalStorage into every log line written while it is served; one line per finished
 * request with method, path (no query string: it may hold search text), status and time.
 * Client addresses only with LOG_IPS=true; headers (cookies, authorization) never.
 */
export function requestLogging(opts: { logIps: boolean }): RequestHandler[] {
  const access = pinoHttp({
    logger: log,
    genReqId: (req, res) => {
      const id = requestIdOf(req);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customAttributeKeys: { reqId: 'reqId' },
    quietReqLogger: true,
    customLogLevel: (req, res, err) => {
      if (err || res.statusCode >= 500) return 'error';
      // Load balancers poll the health check every few seconds.
      if (req.url?.startsWith('/api/health')) return 'debug';
      return 'info';
    },
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
    serializers: {
      req: (req: { method: string; url: string; remoteAddress?: string }) => ({
        method: req.method,
        path: req.url.split('?')[0],
        ...(opts.logIps ? { ip: req.remoteAddress } : {}),
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
  });
  const timing: RequestHandler = (req, res, next) => {
    const end = metrics.httpLatency.startTimer({ method: req.method });
    res.once('finish', () => end({ status: `${Math.floor(res.statusCode / 100)}xx` }));
    next();
  };
  const context: RequestHandler = (req, _res, next) => {
    withLogContext({ reqId: String(req.id) }, next);
  };
  return [access as RequestHandler, timing, context];
}
