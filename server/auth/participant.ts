import { randomBytes } from 'node:crypto';
import cookieParser from 'cookie-parser';
import type { RequestHandler } from 'express';

export const PARTICIPANT_COOKIE = 'fp_pid';
const YEAR_MS = 365 * 24 * 3600 * 1000;

/** A new random participant id (128 bits, url-safe). */
export function newParticipantId(): string {
  return randomBytes(16).toString('base64url');
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
