import { z } from 'zod';
import { STAFF_ROLES } from '../domain/roles';
import { DEFAULT_TIME_ZONE, UPP_TIME_ZONES } from '../domain/timezones';
import { Email, Password, UserCore } from './auth';
import { ObjectIdString } from './common';
import { LIMITS } from './limits';
import { patchOf } from './patch';

const Name = z.string().trim().min(2, { message: 'Nama terlalu pendek' }).max(LIMITS.nameMax);
const Slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'Slug hanya huruf kecil, angka dan tanda -' })
  .max(LIMITS.slugMax);
const Region = z.string().trim().min(2).max(LIMITS.regionMax);

/** POST /api/admin/agencies: an instansi. */
export const AgencyCreate = z.strictObject({
  name: Name,
  slug: Slug,
  /** Government level of the agency. */
  level: z.enum(['pusat', 'provinsi', 'kab/kota']),
  /** Province or regency/city name. */
  region: Region,
});
export type AgencyCreate = z.infer<typeof AgencyCreate>;
/** PATCH /api/admin/agencies/:id: only the fields sent change. */
export const AgencyUpdate = patchOf(AgencyCreate);
export type AgencyUpdate = z.infer<typeof AgencyUpdate>;

export const Agency = AgencyCreate.extend({ id: z.string(), uppCount: z.number().int() });
export type Agency = z.infer<typeof Agency>;

/** POST /api/admin/upps */
export const UppCreate = z.strictObject({
  agencyId: ObjectIdString,
  name: Name,
  slug: Slug,
  /** Kind of unit, e.g. "Puskesmas", "Dinas Dukcapil kab/kota". */
  uppType: z.string().trim().min(2).max(LIMITS.nameMax),
  region: Region,
  address: z.string().trim().max(LIMITS.addressMax).default(''),
  /** Catalog service codes this UPP delivers. */
  serviceCodes: z
    .array(z.string().regex(/^[A-Z]{3}-\d{4}-\d{2}$/))
    .max(200)
    .default([]),
  /** IANA time zone of the unit: its working days, deadlines and minutes use this wall clock. */
  timeZone: z
    .enum(UPP_TIME_ZONES, {
      message:
        'Zona waktu harus Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT).',
    })
    .default(DEFAULT_TIME_ZONE),
});
export type UppCreate = z.infer<typeof UppCreate>;
/** PATCH /api/admin/upps/:id: only the fields sent change (a new name keeps the services). */
export const UppUpdate = patchOf(UppCreate);
export type UppUpdate = z.infer<typeof UppUpdate>;

export const Upp = UppCreate.extend({ id: z.string(), agencyName: z.string().nullable() });
export type Upp = z.infer<typeof Upp>;

/**
 * POST /api/admin/users: a staff account. The role says its scope: `agency_admin` needs
 * `agencyId` (an agency admin creating one may omit it: its own agency), `facilitator` and
 * `upp_head` need at least one of `uppIds`, `platform_admin` neither.
 */
export const StaffCreate = z.strictObject({
  email: Email,
  displayName: z.string().trim().min(1).max(LIMITS.displayNameMax),
  role: z.enum(STAFF_ROLES),
  password: Password,
  /** UPPs a facilitator or UPP head works for. */
  uppIds: z.array(ObjectIdString).max(50).default([]),
  /** The agency an agency admin manages. */
  agencyId: ObjectIdString.nullable().default(null),
});
export type StaffCreate = z.infer<typeof StaffCreate>;

/** PATCH /api/admin/users/:id */
export const StaffUpdate = z.strictObject({
  displayName: z.string().trim().min(1).max(LIMITS.displayNameMax).optional(),
  role: z.enum(STAFF_ROLES).optional(),
  uppIds: z.array(ObjectIdString).max(50).optional(),
  agencyId: ObjectIdString.nullable().optional(),
  active: z.boolean().optional(),
  password: Password.optional(),
});
export type StaffUpdate = z.infer<typeof StaffUpdate>;

export const StaffUser = UserCore.extend({ active: z.boolean() });
export type StaffUser = z.infer<typeof StaffUser>;

export const IdParams = z.strictObject({ id: ObjectIdString });
