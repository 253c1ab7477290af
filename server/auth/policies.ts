import { roleScope, type Role } from '../../shared/domain/roles';
import type { AuthUser } from './types';

/** What a staff account may reach: everything, one agency, or some UPPs (citizens: nothing). */
export type StaffScope =
  | { kind: 'platform' }
  | { kind: 'agency'; agencyId: string }
  | { kind: 'upp'; uppIds: string[] }
  | { kind: 'none' };

export function scopeOf(u: AuthUser | undefined): StaffScope {
  if (!u) return { kind: 'none' };
  const s = roleScope(u.role);
  if (s === 'platform') return { kind: 'platform' };
  if (s === 'agency')
    return u.agencyId ? { kind: 'agency', agencyId: u.agencyId } : { kind: 'none' };
  if (s === 'upp') return { kind: 'upp', uppIds: u.uppIds };
  return { kind: 'none' };
}

const has = (u: AuthUser | undefined, ...roles: Role[]): boolean => !!u && roles.includes(u.role);

/**
 * Who may do what. Routes (through their registry policy), socket handlers and services ask
 * these functions; nothing else checks roles. Platform admins manage everything; an agency
 * admin manages one agency (its `agencyId`, always set: a schema invariant); facilitators and
 * UPP heads act for the UPPs in their `uppIds`.
 */
export const policies = {
  isStaff: (u: AuthUser | undefined): u is AuthUser =>
    !!u && has(u, 'platform_admin', 'agency_admin', 'facilitator', 'upp_head'),

  isPlatformAdmin: (u: AuthUser | undefined): boolean => has(u, 'platform_admin'),

  /** Platform data: catalog, holidays, routing models and corpus, agencies. */
  managePlatform: (u: AuthUser | undefined): boolean => has(u, 'platform_admin'),

  manageAgency: (u: AuthUser | undefined, agencyId: string): boolean =>
    has(u, 'platform_admin') ||
    (has(u, 'agency_admin') && !!u?.agencyId && u.agencyId === agencyId),

  createAgency: (u: AuthUser | undefined): boolean => has(u, 'platform_admin'),

  /** Facilitators run forums for their own UPPs; admins for the UPPs of their agency. */
  runForumsFor: (u: AuthUser | undefined, uppId: string, uppAgencyId: string): boolean =>
    (has(u, 'facilitator') && !!u?.uppIds.includes(uppId)) || policies.manageAgency(u, uppAgencyId),

  /** UPP heads (and facilitators assigned to the UPP) see feedback routed to it. */
  readUppInbox: (u: AuthUser | undefined, uppId: string, uppAgencyId: string): boolean =>
    (has(u, 'upp_head', 'facilitator') && !!u?.uppIds.includes(uppId)) ||
    policies.manageAgency(u, uppAgencyId),

  /** Whether a scope covers a UPP of an agency. */
  covers: (scope: StaffScope, uppId: string | null, agencyId: string | null): boolean =>
    scope.kind === 'platform' ||
    (scope.kind === 'agency' && agencyId !== null && scope.agencyId === agencyId) ||
    (scope.kind === 'upp' && uppId !== null && scope.uppIds.includes(uppId)),
};
