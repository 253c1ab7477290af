/** Who may see and moderate a forum: domain checks used by policies, services and broadcasts. */
import { policies } from '../auth/policies';
import type { AuthUser } from '../auth/types';
import type { ForumDoc } from './forum.model';

/** Facilitators of the host (or a co-host) UPP, and admins over the forum's agency, moderate. */
export function canModerate(user: AuthUser | undefined, forum: ForumDoc): boolean {
  if (!user) return false;
  const upps = [forum.hostUppId, ...forum.coHostUppIds].map((id) => id.toString());
  return upps.some((uppId) => policies.runForumsFor(user, uppId, forum.agencyId.toString()));
}

/** Statuses anyone may see; drafts and scheduled forums only for those who run them. */
export const PUBLIC_FORUM_STATUSES: readonly string[] = ['open', 'live', 'closed', 'archived'];

export function canSee(user: AuthUser | undefined, forum: ForumDoc): boolean {
  return PUBLIC_FORUM_STATUSES.includes(forum.status) || canModerate(user, forum);
}
