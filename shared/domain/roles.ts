/**
 * Account roles. Each says its scope: a platform admin the whole platform, an agency admin one
 * agency (instansi, `agencyId`), facilitators and UPP heads the UPPs in their `uppIds`, a citizen
 * their own inputs. Anonymous participants (signed cookie) have no account at all.
 */
export const ROLES = [
  'platform_admin',
  'agency_admin',
  'facilitator',
  'upp_head',
  'citizen',
] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = [
  'platform_admin',
  'agency_admin',
  'facilitator',
  'upp_head',
] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles that manage agencies, UPPs and staff (the admin screens). */
export const ADMIN_ROLES = ['platform_admin', 'agency_admin'] as const satisfies readonly Role[];

/** Roles that work in UPPs (their `uppIds`). */
export const UPP_ROLES = ['facilitator', 'upp_head'] as const satisfies readonly Role[];

/** Roles that run forums: facilitators of a host UPP and admins over its agency. */
export const FORUM_ROLES = [
  'platform_admin',
  'agency_admin',
  'facilitator',
] as const satisfies readonly Role[];

/** Whether the role needs an agency (agency admins), is bound to UPPs, or to nothing. */
export function roleScope(role: Role): 'platform' | 'agency' | 'upp' | 'own' {
  if (role === 'platform_admin') return 'platform';
  if (role === 'agency_admin') return 'agency';
  if (role === 'citizen') return 'own';
  return 'upp';
}

/** The page each role lands on after login. */
export const ROLE_HOME: Record<Role, string> = {
  platform_admin: '/admin',
  agency_admin: '/admin',
  facilitator: '/console',
  upp_head: '/upp',
  citizen: '/forums',
};

/** Role names of the accounts before roles said their scope (migrated at start-up). */
export const LEGACY_ADMIN_ROLE = 'admin';
