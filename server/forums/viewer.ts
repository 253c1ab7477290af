import type { Request } from 'express';
import type { AuthUser } from '../auth/types';

/** Whoever looks at or acts in a forum: a signed-in user and/or an anonymous participant. */
export interface Viewer {
  user?: AuthUser;
  participantId?: string | null;
  /** The client's address (vote-stuffing signals; never shown, only a salted hash). */
  address?: string | null;
}

/** The viewer of an HTTP request. */
export function viewerOf(req: Request): Viewer {
  return { user: req.user, participantId: req.participantId, address: req.ip ?? null };
}

/** The identity used for authorship and votes: the account when signed in, else the cookie. */
export function viewerKey(v: Viewer): string | null {
  if (v.user) return `u:${v.user.id}`;
  if (v.participantId) return `p:${v.participantId}`;
  return null;
}
