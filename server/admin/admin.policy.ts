import { ADMIN_ROLES, roleScope, type Role } from '../../shared/domain/roles';
import type { StaffCreate, StaffUpdate } from '../../shared/schemas/admin';
import { policies, scopeOf, type StaffScope } from '../auth/policies';
import type { AuthUser } from '../auth/types';
import { User, type UserDoc } from '../auth/user.model';
import { badRequest, notFound } from '../http/errors';
import type { UserPolicy } from '../http/policy';
import { Agency, type AgencyDoc } from './agency.model';
import { Upp, type UppDoc } from './upp.model';

/** The agency in `params.id`, for its admins and platform admins. */
export function agencyManagers(
  rule = 'admins of the agency, platform admins',
): UserPolicy<AgencyDoc, { params: { id: string } }> {
  return {
    gate: ADMIN_ROLES,
    resource: 'agency',
    rule,
    load: async ({ params }) => {
      const a = await Agency.findById(params.id);
      if (!a) throw notFound('agency_not_found');
      return a;
    },
    allow: (u, a) => policies.manageAgency(u, a._id.toString()),
  };
}

/** The agency named in the body (a new UPP), for its admins and platform admins. */
export function bodyAgencyManagers(): UserPolicy<AgencyDoc, { body: { agencyId: string } }> {
  return {
    gate: ADMIN_ROLES,
    resource: 'agency',
    rule: 'admins of the agency in the body, platform admins',
    load: async ({ body }) => {
      const a = await Agency.findById(body.agencyId);
      if (!a) throw badRequest('agency_not_found');
      return a;
    },
    allow: (u, a) => policies.manageAgency(u, a._id.toString()),
  };
}

/** The UPP in `params.id`, for the admins of its agency and platform admins. */
export function uppManagers(): UserPolicy<UppDoc, { params: { id: string } }> {
  return {
    gate: ADMIN_ROLES,
    resource: 'upp',
    rule: "admins of the UPP's agency, platform admins",
    load: async ({ params }) => {
      const u = await Upp.findById(params.id);
      if (!u) throw notFound('upp_not_found');
      return u;
    },
    allow: (user, upp) => policies.manageAgency(user, upp.agencyId.toString()),
  };
}

/** The UPP in `params.id`, for those who read its inbox (its staff, its agency's admins). */
export function uppReaders(): UserPolicy<UppDoc, { params: { id: string } }> {
  return {
    gate: ['platform_admin', 'agency_admin', 'facilitator', 'upp_head'],
    resource: 'upp',
    rule: "the UPP's facilitators and head, admins of its agency, platform admins",
    load: async ({ params }) => {
      const u = await Upp.findById(params.id);
      if (!u) throw notFound('upp_not_found');
      return u;
    },
    allow: (user, upp) => policies.readUppInbox(user, upp._id.toString(), upp.agencyId.toString()),
  };
}

/** What a staff account reaches, described by role, agency and UPPs (with their agencies). */
export interface StaffTarget {
  role: Role;
  agencyId: string | null;
  uppIds: string[];
  /** Agency of each of those UPPs. */
  uppAgencies: Map<string, string>;
}

async function uppAgencies(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const upps = await Upp.find({ _id: { $in: unique } }, { agencyId: 1 });
  if (upps.length !== unique.length) throw badRequest('some_upps_not_found');
  return new Map(upps.map((u) => [u._id.toString(), u.agencyId.toString()]));
}

/**
 * Whether an admin's scope covers an account entirely: a platform admin covers every staff
 * account; an agency admin covers the admins of its agency and UPP staff whose UPPs all belong
 * to it. Accounts that span agencies, platform admins and citizens are the platform's.
 */
export function coversAccount(scope: StaffScope, t: StaffTarget): boolean {
  if (t.role === 'citizen') return false;
  if (scope.kind === 'platform') return true;
  if (scope.kind !== 'agency') return false;
  const s = roleScope(t.role);
  if (s === 'agency') return t.agencyId === scope.agencyId;
  if (s === 'upp') {
    return t.uppIds.length > 0 && t.uppIds.every((id) => t.uppAgencies.get(id) === scope.agencyId);
  }
  return false;
}

/** The account a create would make: invariant checked (400), scope decided by `allow`. */
export async function targetOfCreate(actor: AuthUser, body: StaffCreate): Promise<StaffTarget> {
  const s = roleScope(body.role);
  const agencyId =
    s === 'agency'
      ? (body.agencyId ?? (actor.role === 'agency_admin' ? actor.agencyId : null))
      : null;
  checkShape(body.role, s === 'agency' ? agencyId : body.agencyId, body.uppIds);
  return {
    role: body.role,
    agencyId,
    uppIds: body.uppIds,
    uppAgencies: await uppAgencies(body.uppIds),
  };
}

/** 400 when role, agency and UPPs do not fit together (the schema invariant, said early). */
function checkShape(
  role: Role,
  agencyId: string | null | undefined,
  uppIds: string[],
  needsUpp = true,
): void {
  const s = roleScope(role);
  if (s === 'agency' && !agencyId) throw badRequest('agency_required');
  if (s !== 'agency' && agencyId) {
    throw badRequest('agency_only_for_agency_admins');
  }
  if (s !== 'upp' && uppIds.length) {
    throw badRequest('upps_only_for_upp_staff');
  }
  if (s === 'upp' && needsUpp && !uppIds.length) throw badRequest('upp_required');
}

export interface StaffEdit {
  user: UserDoc;
  before: StaffTarget;
  after: StaffTarget;
}

/** The account before and after an update; the admin must cover both. */
export async function targetOfUpdate(
  actor: AuthUser,
  id: string,
  body: StaffUpdate,
): Promise<StaffEdit> {
  const user = await User.findById(id);
  if (!user || user.role === 'citizen') throw notFound('staff_not_found');
  const beforeUpps = user.uppIds.map(String);
  const role = body.role ?? user.role;
  const roleChanged = body.role !== undefined && body.role !== user.role;
  const s = roleScope(role);
  // A role change drops what the old role had unless the body sets it again.
  const own = actor.role === 'agency_admin' ? actor.agencyId : null;
  const agencyId =
    body.agencyId !== undefined
      ? body.agencyId
      : roleChanged
        ? s === 'agency'
          ? own
          : null
        : (user.agencyId?.toString() ?? null);
  const afterUpps = body.uppIds ?? (roleChanged && s !== 'upp' ? [] : beforeUpps);
  checkShape(role, agencyId, afterUpps, roleChanged || body.uppIds !== undefined);
  const agencies = await uppAgencies([...beforeUpps, ...afterUpps]);
  return {
    user,
    before: {
      role: user.role,
      agencyId: user.agencyId?.toString() ?? null,
      uppIds: beforeUpps,
      uppAgencies: agencies,
    },
    after: { role, agencyId, uppIds: afterUpps, uppAgencies: agencies },
  };
}

const STAFF_RULE =
  'platform admins: every staff account; agency admins: accounts wholly inside their agency';

/** A new staff account, for the admins whose scope covers it (403 otherwise). */
export function staffCreators(): UserPolicy<StaffTarget, { body: StaffCreate }> {
  return {
    gate: ADMIN_ROLES,
    resource: 'staff',
    rule: STAFF_RULE,
    load: ({ user, body }) => targetOfCreate(user, body),
    allow: (u, target) => coversAccount(scopeOf(u), target),
  };
}

/** A staff account and its change, for admins who cover it before and after. */
export function staffEditors(): UserPolicy<
  StaffEdit,
  { params: { id: string }; body: StaffUpdate }
> {
  return {
    gate: ADMIN_ROLES,
    resource: 'staff',
    rule: `${STAFF_RULE}, before and after the change`,
    load: ({ user, params, body }) => targetOfUpdate(user, params.id, body),
    allow: (u, edit) => {
      const scope = scopeOf(u);
      return coversAccount(scope, edit.before) && coversAccount(scope, edit.after);
    },
  };
}
