import { policies } from '../auth/policies';
import type { AuthUser } from '../auth/types';
import type { ForumDoc } from './forum.model';

/** Facilitators of the host (or a co-host) UPP, and admins of the forum's agency, moderate. */
export function canModerate(user: AuthUser | undefined, forum: ForumDoc): boolean {
  if (!user) return false;
  const upps = [forum.hostUppId, ...forum.coHostUppIds].map((id) => id.toString());
  return upps.some((uppId) => policies.runForumsFor(user, uppId, forum.agencyId.toString()));
}
