import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { forbiddenKey } from '../lib/forbiddenKeys';
import { AppError, badRequest } from './errors';

/** helmet with a CSP that fits the SvelteKit app (inline bootstrap script, same-origin sockets). */
export function securityHeaders(isProd: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'script-src': ["'self'", "'unsafe-inline'"],
        'connect-src': ["'self'", 'ws:', 'wss:'],
        'img-src': ["'self'", 'data:', 'blob:'],
        'upgrade-insecure-requests': isProd ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // No referrer leaves the site; same-origin requests keep theirs, so a form post (a citizen
    // page without JavaScript) carries its real Origin instead of "null".
    referrerPolicy: { policy: 'same-origin' },
    hsts: isProd,
  });
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request protection for state-changing requests: cookies are SameSite=Lax, and a
 * request whose Origin (or Referer) names another site is refused. Requests without either header
 * come from non-browser clients, which cannot carry a victim's cookies.
 */
export function originCheck(allowed: string[]): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method)) return next();
    const origin = req.get('origin') ?? refererOrigin(req.get('referer'));
    const fetchSite = req.get('sec-fetch-site');
    if (!origin) {
      if (fetchSite === 'cross-site') return next(csrfError());
      return next();
    }
    const host = req.get('host');
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      return next(csrfError());
    }
    if (originHost === host || allowed.includes(origin)) return next();
    next(csrfError());
  };
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'invalid:';
  }
}

function csrfError(): AppError {
  return new AppError(403, 'csrf', 'csrf');
}

/**
 * Refuses bodies and query strings that carry MongoDB operators (`$gt`), dotted keys (`a.b`),
 * prototype-pollution keys (`__proto__`, `constructor`, `prototype`) or absurd nesting.
 */
export const rejectOperators: RequestHandler = (req, _res, next) => {
  const key = forbiddenKey(req.body) ?? forbiddenKey(req.query);
  if (key) {
    return next(badRequest('forbidden_key', {}, { key }));
  }
  next();
};
