import { randomBytes } from 'node:crypto';
import type { Types } from 'mongoose';
import type { ForumStatus } from '../../shared/domain/forum';
import type { Role } from '../../shared/domain/roles';
import type { UppTimeZone } from '../../shared/domain/timezones';
import { Agency } from '../../server/admin/agency.model';
import { Upp } from '../../server/admin/upp.model';
import { hashPassword } from '../../server/auth/password';
import { User } from '../../server/auth/user.model';
import { ForumModel, type ForumFields } from '../../server/forums/forum.model';
import { newJoinCode } from '../../server/forums/joinCode';

const uid = () => randomBytes(4).toString('hex');
export const PASSWORD = 'password-for-tests-123';

export async function buildAgency(over: Partial<{ name: string; slug: string }> = {}) {
  const id = uid();
  return Agency.create({
    name: over.name ?? `Pemkot Uji ${id}`,
    slug: over.slug ?? `pemkot-${id}`,
    level: 'kab/kota',
    region: 'Kota Uji',
  });
}

export async function buildUpp(
  agencyId: Types.ObjectId,
  over: { name?: string; serviceCodes?: string[]; timeZone?: UppTimeZone } = {},
) {
  const id = uid();
  return Upp.create({
    agencyId,
    name: over.name ?? `UPP Uji ${id}`,
    slug: `upp-${id}`,
    uppType: 'Dinas Uji',
    region: 'Kota Uji',
    serviceCodes: over.serviceCodes ?? [],
    ...(over.timeZone ? { timeZone: over.timeZone } : {}),
  });
}

export async function buildUser(
  role: Role,
  over: { uppIds?: Types.ObjectId[]; agencyId?: Types.ObjectId; email?: string } = {},
) {
  return User.create({
    email: over.email ?? `${role}-${uid()}@uji.test`,
    displayName: `${role} ${uid()}`,
    role,
    passwordHash: await hashPassword(PASSWORD),
    uppIds: over.uppIds ?? [],
    agencyId: over.agencyId,
  });
}

export async function buildForum(
  hostUpp: { _id: Types.ObjectId; agencyId: Types.ObjectId },
  over: Partial<Pick<ForumFields, 'type' | 'title'>> & {
    status?: ForumStatus;
    settings?: Partial<ForumFields['settings']>;
  } = {},
) {
  const now = Date.now();
  return ForumModel.create({
    code: newJoinCode(),
    title: over.title ?? `Forum uji ${uid()}`,
    type: over.type ?? 'live',
    status: over.status ?? 'live',
    hostUppId: hostUpp._id,
    agencyId: hostUpp.agencyId,
    schedule: { opensAt: new Date(now - 3600_000), closesAt: new Date(now + 86_400_000) },
    settings: { moderation: 'pre', ...over.settings },
  });
}

/**
 * An agency with two UPPs and one account per staff role: a platform admin, the agency's admin,
 * a facilitator and a head of the first UPP, a facilitator of the other.
 */
export async function buildWorld() {
  const agency = await buildAgency();
  const upp = await buildUpp(agency._id);
  const otherUpp = await buildUpp(agency._id);
  const admin = await buildUser('platform_admin');
  const agencyAdmin = await buildUser('agency_admin', { agencyId: agency._id });
  const facilitator = await buildUser('facilitator', { uppIds: [upp._id] });
  const otherFacilitator = await buildUser('facilitator', { uppIds: [otherUpp._id] });
  const head = await buildUser('upp_head', { uppIds: [upp._id] });
  return { agency, upp, otherUpp, admin, agencyAdmin, facilitator, otherFacilitator, head };
}
