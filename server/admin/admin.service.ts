import type {
  AgencyCreate,
  AgencyUpdate,
  StaffCreate,
  StaffUpdate,
  UppCreate,
  UppUpdate,
} from '../../shared/schemas/admin';
import { hashPassword } from '../auth/password';
import { policies, type StaffScope } from '../auth/policies';
import type { AuthUser } from '../auth/types';
import { User } from '../auth/user.model';
import { badRequest, conflict, forbidden } from '../http/errors';
import { cleanLine } from '../lib/sanitize';
import { Agency, type AgencyDoc } from './agency.model';
import { presentAgency, presentStaff, presentUpp } from './admin.presenter';
import type { StaffEdit, StaffTarget } from './admin.policy';
import { Upp, uppFilter, type UppDoc } from './upp.model';

/** Names people typed: plain text, long enough after cleaning. */
function name(s: string, what = 'Nama'): string {
  const clean = cleanLine(s);
  if (clean.length < 2) throw badRequest('too_short', { what });
  return clean;
}

function cleanAgency<T extends AgencyUpdate>(body: T): T {
  return {
    ...body,
    ...(body.name !== undefined ? { name: name(body.name) } : {}),
    ...(body.region !== undefined ? { region: name(body.region, 'Wilayah') } : {}),
  };
}

function cleanUpp<T extends UppUpdate>(body: T): T {
  return {
    ...body,
    ...(body.name !== undefined ? { name: name(body.name) } : {}),
    ...(body.uppType !== undefined ? { uppType: name(body.uppType, 'Jenis UPP') } : {}),
    ...(body.region !== undefined ? { region: name(body.region, 'Wilayah') } : {}),
    ...(body.address !== undefined ? { address: cleanLine(body.address) } : {}),
  };
}

/** Agencies in the scope: all for a platform admin, else the admin's own. */
export async function listAgencies(scope: StaffScope) {
  if (scope.kind !== 'platform' && scope.kind !== 'agency') return [];
  const filter = scope.kind === 'agency' ? { _id: scope.agencyId } : {};
  const agencies = await Agency.find(filter).sort({ name: 1 });
  const counts = await Upp.aggregate<{ _id: unknown; n: number }>([
    { $group: { _id: '$agencyId', n: { $sum: 1 } } },
  ]);
  const byId = new Map(counts.map((c) => [String(c._id), c.n]));
  return agencies.map((a) => presentAgency(a, byId.get(a._id.toString()) ?? 0));
}

export async function createAgency(body: AgencyCreate) {
  if (await Agency.exists({ slug: body.slug })) throw conflict('slug_taken', { slug: body.slug });
  return presentAgency(await Agency.create(cleanAgency(body)), 0);
}

export async function updateAgency(agency: AgencyDoc, body: AgencyUpdate) {
  if (body.slug && (await Agency.exists({ slug: body.slug, _id: { $ne: agency._id } }))) {
    throw conflict('slug_taken', { slug: body.slug });
  }
  agency.set(cleanAgency(body));
  await agency.save();
  return presentAgency(agency, await Upp.countDocuments({ agencyId: agency._id }));
}

/**
 * Every UPP with its services (names are public on the scoreboard): staff pick routing and
 * follow-up targets from it. What an admin may change is decided per UPP by `uppManagers`.
 */
export async function listUpps() {
  const [upps, agencies] = await Promise.all([Upp.find().sort({ name: 1 }), Agency.find()]);
  const names = new Map(agencies.map((a) => [a._id.toString(), a.name]));
  return upps.map((u) => presentUpp(u, names.get(u.agencyId.toString()) ?? null));
}

/** Names of the UPPs a staff member's scope covers (all, an agency's, or their own). */
export async function uppsInScope(scope: StaffScope): Promise<{ id: string; name: string }[]> {
  const filter = uppFilter(scope);
  if (!filter) return [];
  const upps = await Upp.find(filter, { name: 1 }).sort({ name: 1 });
  return upps.map((u) => ({ id: u._id.toString(), name: u.name }));
}

export async function createUpp(agency: AgencyDoc, body: UppCreate) {
  if (await Upp.exists({ slug: body.slug })) throw conflict('slug_taken', { slug: body.slug });
  return presentUpp(await Upp.create(cleanUpp(body)), agency.name);
}

/** Updates a UPP; moving it to another agency needs the right over that agency too. */
export async function updateUpp(actor: AuthUser, upp: UppDoc, body: UppUpdate) {
  if (body.agencyId && body.agencyId !== upp.agencyId.toString()) {
    if (!(await Agency.exists({ _id: body.agencyId }))) throw badRequest('agency_not_found');
    if (!policies.manageAgency(actor, body.agencyId)) throw forbidden();
  }
  if (body.slug && (await Upp.exists({ slug: body.slug, _id: { $ne: upp._id } }))) {
    throw conflict('slug_taken', { slug: body.slug });
  }
  upp.set(cleanUpp(body));
  await upp.save();
  const agency = await Agency.findById(upp.agencyId);
  return presentUpp(upp, agency?.name ?? null);
}

/** Staff in the scope: everyone for a platform admin; for an agency admin its admins and the
 * staff of its UPPs (an account shared with another agency is listed, and changed by the
 * platform). */
export async function listStaff(scope: StaffScope) {
  const filter: Record<string, unknown> = { role: { $ne: 'citizen' } };
  if (scope.kind === 'agency') {
    const upps = await Upp.find({ agencyId: scope.agencyId }, { _id: 1 });
    filter.$or = [{ agencyId: scope.agencyId }, { uppIds: { $in: upps.map((u) => u._id) } }];
  } else if (scope.kind !== 'platform') return [];
  return (await User.find(filter).sort({ role: 1, displayName: 1 })).map(presentStaff);
}

export async function createStaff(target: StaffTarget, body: StaffCreate) {
  if (await User.exists({ email: body.email })) throw conflict('email_taken');
  const doc = await User.create({
    email: body.email,
    displayName: name(body.displayName),
    role: target.role,
    uppIds: target.uppIds,
    agencyId: target.agencyId ?? undefined,
    passwordHash: await hashPassword(body.password),
  });
  return presentStaff(doc);
}

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * Updates a staff account the admin covers before and after (checked by the route's policy);
 * returns it and whether its sessions must end: any change of what it may do (role, agency,
 * UPPs, active) or of its password ends every session and socket at once.
 */
export async function updateStaff(actor: AuthUser, edit: StaffEdit, body: StaffUpdate) {
  const { user, before, after } = edit;
  const scopeChanged =
    before.role !== after.role ||
    before.agencyId !== after.agencyId ||
    !sameSet(before.uppIds, after.uppIds);
  if (user._id.toString() === actor.id && (body.active === false || scopeChanged)) {
    throw badRequest('own_account_change');
  }
  const activeChanged = body.active !== undefined && body.active !== user.active;
  if (body.displayName !== undefined) user.displayName = name(body.displayName);
  if (body.active !== undefined) user.active = body.active;
  user.role = after.role;
  user.set('agencyId', after.agencyId ?? undefined);
  user.set('uppIds', after.uppIds);
  if (body.password) user.passwordHash = await hashPassword(body.password);
  await user.save();
  const endSessions = scopeChanged || activeChanged || !!body.password;
  return { user: presentStaff(user), endSessions };
}
