import { createHmac, randomBytes } from 'node:crypto';
import { PARTICIPANT_COOKIE } from '../../../server/auth/participant';

const SECRET = 'test-secret-0123456789-0123456789-abcdef';

/**
 * The Cookie header of a participant whose cookie was issued `ageMs` ago, signed like
 * cookie-parser signs (the test apps' secret): a returning visitor, not a fresh one.
 */
export function oldParticipant(ageMs: number): string {
  const pid = `${randomBytes(16).toString('base64url')}T${(Date.now() - ageMs).toString(36)}`;
  const mac = createHmac('sha256', SECRET).update(pid).digest('base64').replace(/=+$/, '');
  return `${PARTICIPANT_COOKIE}=${encodeURIComponent(`s:${pid}.${mac}`)}`;
}
