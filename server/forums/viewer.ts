import type { AuthUser } from '../auth/types';

/** Whoever looks at or acts in a forum: a signed-in user and/or an anonymous participant. */
export interface Viewer {
  user?: AuthUser;
  participantId?: string | null;
}

/** The identity used for authorship and votes: the account when signed in, else the cookie. */
export function viewerKey(v: Viewer): string | null {
  if (v.user) return `u:${v.user.id}`;
  if (v.participantId) return `p:${v.participantId}`;
  return null;
}
