import type { Role } from '$shared/domain/roles';
import type { SessionUser } from '$shared/schemas/auth';
import { authApi, errorMessage } from './api';

interface SessionState {
  user: SessionUser | null;
  participantId: string | null;
  loaded: boolean;
  error: string | null;
}

/** Who is signed in, from GET /api/auth/me. */
export const session = $state<SessionState>({
  user: null,
  participantId: null,
  loaded: false,
  error: null,
});

let pending: Promise<void> | null = null;

export function loadSession(force = false): Promise<void> {
  if (pending && !force) return pending;
  pending = authApi
    .me()
    .then((me) => {
      session.user = me.user;
      session.participantId = me.participantId;
      session.error = null;
    })
    .catch((err: unknown) => {
      session.user = null;
      session.error = errorMessage(err);
    })
    .finally(() => {
      session.loaded = true;
    });
  return pending;
}

export function setUser(user: SessionUser | null): void {
  session.user = user;
  session.loaded = true;
}

export function hasRole(roles: readonly Role[]): boolean {
  return session.user !== null && roles.includes(session.user.role);
}

/** A same-site path to return to after login, or null. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
    return null;
  return next;
}
