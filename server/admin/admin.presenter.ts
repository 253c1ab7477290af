import { DEFAULT_TIME_ZONE, isUppTimeZone } from '../../shared/domain/timezones';
import type { Agency, StaffUser, Upp } from '../../shared/schemas/admin';
import type { UserDoc } from '../auth/user.model';
import type { AgencyDoc } from './agency.model';
import { toAuthUser } from '../auth/passport';
import type { UppDoc } from './upp.model';

export const presentAgency = (a: AgencyDoc, uppCount: number): Agency => ({
  id: a._id.toString(),
  name: a.name,
  slug: a.slug,
  level: a.level,
  region: a.region,
  uppCount,
});

export const presentUpp = (u: UppDoc, agencyName: string | null): Upp => ({
  id: u._id.toString(),
  agencyId: u.agencyId.toString(),
  agencyName,
  name: u.name,
  slug: u.slug,
  uppType: u.uppType,
  region: u.region,
  address: u.address,
  serviceCodes: u.serviceCodes,
  timeZone: isUppTimeZone(u.timeZone) ? u.timeZone : DEFAULT_TIME_ZONE,
});

export const presentStaff = (u: UserDoc): StaffUser => ({ ...toAuthUser(u), active: u.active });
