import type { AuthUser } from './types';

/**
 * Who may do what. Routes and socket handlers ask these functions; nothing else checks roles.
 * A platform admin has no agencyId and manages everything; an agency admin manages one agency.
 */
export const policies = {
  isStaff: (u: AuthUser | undefined): u is AuthUser =>
    !!u && (u.role === 'admin' || u.role === 'facilitator' || u.role === 'upp_head'),

  isPlatformAdmin: (u: AuthUser | undefined): boolean => u?.role === 'admin' && !u.agencyId,

  manageAgency: (u: AuthUser | undefined, agencyId: string): boolean =>
    u?.role === 'admin' && (!u.agencyId || u.agencyId === agencyId),

  createAgency: (u: AuthUser | undefined): boolean => policies.isPlatformAdmin(u),

  /** Facilitators run forums for their own UPPs; admins for the UPPs of their agency. */
  runForumsFor: (u: AuthUser | undefined, uppId: string, uppAgencyId: string): boolean =>
    !!u &&
    ((u.role === 'facilitator' && u.uppIds.includes(uppId)) ||
      policies.manageAgency(u, uppAgencyId)),

  /** UPP heads (and staff assigned to the UPP) see feedback routed to it. */
  readUppInbox: (u: AuthUser | undefined, uppId: string, uppAgencyId: string): boolean =>
    !!u &&
    (((u.role === 'upp_head' || u.role === 'facilitator') && u.uppIds.includes(uppId)) ||
      policies.manageAgency(u, uppAgencyId)),
};
