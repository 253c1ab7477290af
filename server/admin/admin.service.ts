import type {
  AgencyCreate,
  AgencyUpdate,
  StaffCreate,
  StaffUpdate,
  UppCreate,
  UppUpdate,
} from '../../shared/schemas/admin';
import { hashPassword } from '../auth/password';
import { policies } from '../auth/policies';
import type { AuthUser } from '../auth/types';
import { User } from '../auth/user.model';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { Agency } from './agency.model';
import { presentAgency, presentStaff, presentUpp } from './admin.presenter';
import { Upp } from './upp.model';

/** Agencies the admin may see: all for a platform admin, else their own. */
function agencyScope(actor: AuthUser): Record<string, unknown> {
  return actor.agencyId ? { _id: actor.agencyId } : {};
}

export async function listAgencies(actor: AuthUser) {
  const agencies = await Agency.find(agencyScope(actor)).sort({ name: 1 });
  const counts = await Upp.aggregate<{ _id: unknown; n: number }>([
    { $group: { _id: '$agencyId', n: { $sum: 1 } } },
  ]);
  const byId = new Map(counts.map((c) => [String(c._id), c.n]));
  return agencies.map((a) => presentAgency(a, byId.get(a._id.toString()) ?? 0));
}

export async function createAgency(actor: AuthUser, body: AgencyCreate) {
  if (!policies.createAgency(actor))
    throw forbidden('Hanya admin platform yang dapat membuat instansi.');
  if (await Agency.exists({ slug: body.slug }))
    throw conflict(`Slug "${body.slug}" sudah dipakai.`);
  return presentAgency(await Agency.create(body), 0);
}

export async function updateAgency(actor: AuthUser, id: string, body: AgencyUpdate) {
  if (!policies.manageAgency(actor, id)) throw forbidden();
  if (body.slug && (await Agency.exists({ slug: body.slug, _id: { $ne: id } }))) {
    throw conflict(`Slug "${body.slug}" sudah dipakai.`);
  }
  const a = await Agency.findByIdAndUpdate(
    id,
    { $set: body },
    { returnDocument: 'after', runValidators: true },
  );
  if (!a) throw notFound('Instansi');
  return presentAgency(a, await Upp.countDocuments({ agencyId: a._id }));
}

export async function listUpps(actor: AuthUser) {
  const filter = actor.agencyId ? { agencyId: actor.agencyId } : {};
  const [upps, agencies] = await Promise.all([
    Upp.find(filter).sort({ name: 1 }),
    Agency.find(agencyScope(actor)),
  ]);
  const names = new Map(agencies.map((a) => [a._id.toString(), a.name]));
  return upps.map((u) => presentUpp(u, names.get(u.agencyId.toString()) ?? null));
}

export async function createUpp(actor: AuthUser, body: UppCreate) {
  if (!policies.manageAgency(actor, body.agencyId)) throw forbidden();
  const agency = await Agency.findById(body.agencyId);
  if (!agency) throw badRequest('Instansi tidak ditemukan.');
  if (await Upp.exists({ slug: body.slug })) throw conflict(`Slug "${body.slug}" sudah dipakai.`);
  return presentUpp(await Upp.create(body), agency.name);
}

export async function updateUpp(actor: AuthUser, id: string, body: UppUpdate) {
  const upp = await Upp.findById(id);
  if (!upp) throw notFound('UPP');
  if (!policies.manageAgency(actor, upp.agencyId.toString())) throw forbidden();
  if (body.agencyId && !policies.manageAgency(actor, body.agencyId)) throw forbidden();
  if (body.slug && (await Upp.exists({ slug: body.slug, _id: { $ne: id } }))) {
    throw conflict(`Slug "${body.slug}" sudah dipakai.`);
  }
  upp.set(body);
  await upp.save();
  const agency = await Agency.findById(upp.agencyId);
  return presentUpp(upp, agency?.name ?? null);
}

/** Staff assigned to UPPs must belong to UPPs the admin manages. */
async function checkUppIds(actor: AuthUser, uppIds: string[]): Promise<void> {
  if (!uppIds.length) return;
  const upps = await Upp.find({ _id: { $in: uppIds } });
  if (upps.length !== new Set(uppIds).size) throw badRequest('Ada UPP yang tidak ditemukan.');
  for (const u of upps) {
    if (!policies.manageAgency(actor, u.agencyId.toString())) throw forbidden();
  }
}

export async function listStaff(actor: AuthUser) {
  const filter: Record<string, unknown> = { role: { $ne: 'citizen' } };
  if (actor.agencyId) {
    const upps = await Upp.find({ agencyId: actor.agencyId }, { _id: 1 });
    filter.$or = [{ agencyId: actor.agencyId }, { uppIds: { $in: upps.map((u) => u._id) } }];
  }
  return (await User.find(filter).sort({ role: 1, displayName: 1 })).map(presentStaff);
}

export async function createStaff(actor: AuthUser, body: StaffCreate) {
  if (
    body.role === 'admin' &&
    !policies.isPlatformAdmin(actor) &&
    body.agencyId !== actor.agencyId
  ) {
    throw forbidden();
  }
  await checkUppIds(actor, body.uppIds);
  if (await User.exists({ email: body.email })) throw conflict('Email ini sudah terdaftar.');
  const { password, ...rest } = body;
  const doc = await User.create({
    ...rest,
    agencyId: body.agencyId ?? actor.agencyId ?? undefined,
    passwordHash: await hashPassword(password),
  });
  return presentStaff(doc);
}

/** Updates a staff account; returns it and whether its sessions must end. */
export async function updateStaff(actor: AuthUser, id: string, body: StaffUpdate) {
  const user = await User.findById(id);
  if (!user || user.role === 'citizen') throw notFound('Akun staf');
  const inScope =
    policies.isPlatformAdmin(actor) ||
    (user.agencyId?.toString() ?? null) === actor.agencyId ||
    (await Upp.exists({ _id: { $in: user.uppIds }, agencyId: actor.agencyId }));
  if (!inScope) throw forbidden();
  if (user._id.toString() === actor.id && (body.active === false || body.role)) {
    throw badRequest('Anda tidak dapat menonaktifkan atau mengubah peran akun sendiri.');
  }
  if (body.uppIds) await checkUppIds(actor, body.uppIds);
  const { password, ...rest } = body;
  user.set(rest);
  if (password) user.passwordHash = await hashPassword(password);
  await user.save();
  const endSessions = body.active === false || !!password || !!body.role;
  return { user: presentStaff(user), endSessions };
}
