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
import { ADMIN_ROLES, STAFF_ROLES } from '../../shared/domain/roles';
import { platformOnly, scopedTo } from '../http/policy';
import {
  agencyManagers,
  bodyAgencyManagers,
  staffCreators,
  staffEditors,
  uppManagers,
} from './admin.policy';
import * as admin from './admin.service';

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
      policy: scopedTo(ADMIN_ROLES, 'admins: every agency (platform) or their own (agency)'),
      response: z.object({ agencies: z.array(Agency) }),
      handler: async ({ resource }) => ({ agencies: await admin.listAgencies(resource) }),
    })
    .route({
      method: 'post',
      path: '/admin/agencies',
      name: 'agency.create',
      summary: 'Create an agency',
      tag,
      policy: platformOnly(),
      body: AgencyCreate,
      status: 201,
      response: z.object({ agency: Agency }),
      handler: async ({ body }) => ({ agency: await admin.createAgency(body) }),
    })
    .route({
      method: 'patch',
      path: '/admin/agencies/:id',
      name: 'agency.update',
      summary: 'Update an agency',
      tag,
      policy: agencyManagers(),
      params: IdParams,
      body: AgencyUpdate,
      response: z.object({ agency: Agency }),
      handler: async ({ resource, body }) => ({
        agency: await admin.updateAgency(resource, body),
      }),
    })
    .route({
      method: 'get',
      path: '/admin/upps',
      name: 'upp.list',
      summary:
        'List UPPs with the services they deliver (read-only for all staff: routing pickers)',
      tag,
      policy: scopedTo(STAFF_ROLES, 'staff (UPP names and services are public)'),
      response: z.object({ upps: z.array(Upp) }),
      handler: async () => ({ upps: await admin.listUpps() }),
    })
    .route({
      method: 'get',
      path: '/upps/mine',
      name: 'upp.mine',
      summary: 'UPPs the signed-in staff member works for (or manages)',
      tag: 'catalog',
      policy: scopedTo(STAFF_ROLES, 'staff: the UPPs their scope covers'),
      response: z.object({ upps: z.array(z.object({ id: z.string(), name: z.string() })) }),
      handler: async ({ resource: scope }) => ({ upps: await admin.uppsInScope(scope) }),
    })
    .route({
      method: 'post',
      path: '/admin/upps',
      name: 'upp.create',
      summary: 'Create a UPP under an agency',
      tag,
      policy: bodyAgencyManagers(),
      body: UppCreate,
      status: 201,
      response: z.object({ upp: Upp }),
      handler: async ({ resource, body }) => ({ upp: await admin.createUpp(resource, body) }),
    })
    .route({
      method: 'patch',
      path: '/admin/upps/:id',
      name: 'upp.update',
      summary: 'Update a UPP',
      tag,
      policy: uppManagers(),
      params: IdParams,
      body: UppUpdate,
      response: z.object({ upp: Upp }),
      handler: async ({ user, resource, body }) => ({
        upp: await admin.updateUpp(user, resource, body),
      }),
    })
    .route({
      method: 'get',
      path: '/admin/users',
      name: 'staff.list',
      summary: 'List staff accounts',
      tag,
      policy: scopedTo(ADMIN_ROLES, "admins: every account (platform) or their agency's staff"),
      response: z.object({ users: z.array(StaffUser) }),
      handler: async ({ resource }) => ({ users: await admin.listStaff(resource) }),
    })
    .route({
      method: 'post',
      path: '/admin/users',
      name: 'staff.create',
      summary: 'Create a staff account and assign it to UPPs',
      tag,
      policy: staffCreators(),
      body: StaffCreate,
      status: 201,
      response: z.object({ user: StaffUser }),
      handler: async ({ resource, body }) => ({ user: await admin.createStaff(resource, body) }),
    })
    .route({
      method: 'patch',
      path: '/admin/users/:id',
      name: 'staff.update',
      summary: 'Update a staff account (role, UPPs, active, password)',
      tag,
      policy: staffEditors(),
      params: IdParams,
      body: StaffUpdate,
      response: z.object({ user: StaffUser }),
      handler: async ({ user, resource, params, body }) => {
        const r = await admin.updateStaff(user, resource, body);
        if (r.endSessions) await deps.endUserSessions(params.id);
        return { user: r.user };
      },
    });
}
