import { LEGACY_ADMIN_ROLE } from '../../shared/domain/roles';
import { User } from './user.model';

export interface RoleMigration {
  /** Admins with an agency, now agency admins. */
  agencyAdmins: number;
  /** Admins without an agency, now platform admins (their e-mails, to be reviewed). */
  platformAdmins: string[];
  /** Accounts whose stray agency or UPPs were dropped to fit their role. */
  cleaned: number;
}

/**
 * Turns the accounts of before explicit scopes into today's roles: an `admin` with an agency
 * becomes `agency_admin`, one without becomes `platform_admin` (what it could already do; the
 * start-up log lists them for review). Fields a role does not have are dropped. Idempotent:
 * a second run changes nothing. Runs at start-up under the coordinator's start-up lock.
 */
export async function migrateRoles(): Promise<RoleMigration> {
  const users = User.collection;
  const agency = await users.updateMany(
    { role: LEGACY_ADMIN_ROLE, agencyId: { $ne: null } },
    { $set: { role: 'agency_admin', uppIds: [] } },
  );
  const legacy = await users
    .find({ role: LEGACY_ADMIN_ROLE }, { projection: { email: 1 } })
    .toArray();
  if (legacy.length) {
    await users.updateMany(
      { role: LEGACY_ADMIN_ROLE },
      { $set: { role: 'platform_admin', uppIds: [] }, $unset: { agencyId: '' } },
    );
  }
  const strayAgency = await users.updateMany(
    {
      role: { $in: ['platform_admin', 'facilitator', 'upp_head', 'citizen'] },
      agencyId: { $exists: true },
    },
    { $unset: { agencyId: '' } },
  );
  const strayUpps = await users.updateMany(
    { role: { $in: ['platform_admin', 'agency_admin', 'citizen'] }, 'uppIds.0': { $exists: true } },
    { $set: { uppIds: [] } },
  );
  return {
    agencyAdmins: agency.modifiedCount,
    platformAdmins: legacy.map((u) => String(u.email)),
    cleaned: strayAgency.modifiedCount + strayUpps.modifiedCount,
  };
}
