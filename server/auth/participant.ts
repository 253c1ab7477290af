import { randomBytes } from 'node:crypto';
import cookieParser from 'cookie-parser';
import type { RequestHandler } from 'express';

export const PARTICIPANT_COOKIE = 'fp_pid';
const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * A new participant id: 128 random bits (22 url-safe characters), `T`, and the time it was
 * issued (base 36 ms). The cookie is signed, so the time cannot be forged: a vote from an id
 * issued minutes ago is a "fresh" one (vote-stuffing signals).
 */
export function newParticipantId(now = Date.now()): string {
  return `${randomBytes(16).toString('base64url')}T${now.toString(36)}`;
}

/** When a participant id was issued, or null for ids of the older format (no time). */
export function participantIssuedAt(pid: string | null | undefined): number | null {
  const m = pid ? /^[A-Za-z0-9_-]{22}T([0-9a-z]{6,10})$/.exec(pid) : null;
  if (!m) return null;
  const t = parseInt(m[1]!, 36);
  return Number.isFinite(t) ? t : null;
}

/**
 * Gives every browser an anonymous participant id in a signed, httpOnly cookie, so citizens
 * can submit and vote without an account.
 */
export function participantCookie(secure: boolean): RequestHandler {
  return (req, res, next) => {
    const signed = req.signedCookies as Record<string, string | false | undefined>;
    let pid = signed[PARTICIPANT_COOKIE];
    if (!pid || !/^[A-Za-z0-9_-]{16,64}$/.test(pid)) {
      pid = newParticipantId();
      res.cookie(PARTICIPANT_COOKIE, pid, {
        signed: true,
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: YEAR_MS,
        path: '/',
      });
    }
    req.participantId = pid;
    next();
  };
}

/** Reads the participant id from a raw Cookie header (socket handshakes). */
export function participantFromCookieHeader(
  header: string | undefined,
  secret: string,
): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== PARTICIPANT_COOKIE) continue;
    const raw = decodeURIComponent(rest.join('='));
    const value = cookieParser.signedCookie(raw, secret);
    return typeof value === 'string' && value ? value : undefined;
  }
  return undefined;
}
