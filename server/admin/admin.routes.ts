import { z } from 'zod';
import {
  Agency,
  AgencyCreate,
  AgencyUpdate,
  IdParams,
  StaffCreate,
  StaffUpdate,
  StaffUser,
  Upp,
  UppCreate,
  UppUpdate,
} from '../../shared/schemas/admin';
import type { Api } from '../http/api';
import { STAFF_ROLES } from '../../shared/domain/roles';
import * as admin from './admin.service';

const ADMIN = ['admin'] as const;

export interface AdminRouteDeps {
  /** Ends every session and socket of a user (deactivation, password or role change). */
  endUserSessions: (userId: string) => Promise<void>;
}

export function adminRoutes(api: Api, deps: AdminRouteDeps): void {
  const tag = 'admin';
  api
    .route({
      method: 'get',
      path: '/admin/agencies',
      name: 'agency.list',
      summary: 'List agencies (instansi)',
      tag,
      access: ADMIN,
      response: z.object({ agencies: z.array(Agency) }),
      handler: async ({ user }) => ({ agencies: await admin.listAgencies(user!) }),
    })
    .route({
      method: 'post',
      path: '/admin/agencies',
      name: 'agency.create',
      summary: 'Create an agency',
      tag,
      access: ADMIN,
      body: AgencyCreate,
      status: 201,
      response: z.object({ agency: Agency }),
      handler: async ({ user, body }) => ({ agency: await admin.createAgency(user!, body) }),
    })
    .route({
      method: 'patch',
      path: '/admin/agencies/:id',
      name: 'agency.update',
      summary: 'Update an agency',
      tag,
      access: ADMIN,
      params: IdParams,
      body: AgencyUpdate,
      response: z.object({ agency: Agency }),
      handler: async ({ user, params, body }) => ({
        agency: await admin.updateAgency(user!, params.id, body),
      }),
    })
    .route({
      method: 'get',
      path: '/admin/upps',
      name: 'upp.list',
      summary:
        'List UPPs with the services they deliver (read-only for all staff: routing pickers)',
      tag,
      access: STAFF_ROLES,
      response: z.object({ upps: z.array(Upp) }),
      handler: async ({ user }) => ({ upps: await admin.listUpps(user!) }),
    })
    .route({
      method: 'post',
      path: '/admin/upps',
      name: 'upp.create',
      summary: 'Create a UPP under an agency',
      tag,
      access: ADMIN,
      body: UppCreate,
      status: 201,
      response: z.object({ upp: Upp }),
      handler: async ({ user, body }) => ({ upp: await admin.createUpp(user!, body) }),
    })
    .route({
      method: 'patch',
      path: '/admin/upps/:id',
      name: 'upp.update',
      summary: 'Update a UPP',
      tag,
      access: ADMIN,
      params: IdParams,
      body: UppUpdate,
      response: z.object({ upp: Upp }),
      handler: async ({ user, params, body }) => ({
        upp: await admin.updateUpp(user!, params.id, body),
      }),
    })
    .route({
      method: 'get',
      path: '/admin/users',
      name: 'staff.list',
      summary: 'List staff accounts',
      tag,
      access: ADMIN,
      response: z.object({ users: z.array(StaffUser) }),
      handler: async ({ user }) => ({ users: await admin.listStaff(user!) }),
    })
    .route({
      method: 'post',
      path: '/admin/users',
      name: 'staff.create',
      summary: 'Create a staff account and assign it to UPPs',
      tag,
      access: ADMIN,
      body: StaffCreate,
      status: 201,
      response: z.object({ user: StaffUser }),
      handler: async ({ user, body }) => ({ user: await admin.createStaff(user!, body) }),
    })
    .route({
      method: 'patch',
      path: '/admin/users/:id',
      name: 'staff.update',
      summary: 'Update a staff account (role, UPPs, active, password)',
      tag,
      access: ADMIN,
      params: IdParams,
      body: StaffUpdate,
      response: z.object({ user: StaffUser }),
      handler: async ({ user, params, body }) => {
        const r = await admin.updateStaff(user!, params.id, body);
        if (r.endSessions) await deps.endUserSessions(params.id);
        return { user: r.user };
      },
    });
}
