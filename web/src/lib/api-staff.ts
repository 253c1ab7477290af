/**
 * The staff workspaces' API calls (admin, routing, inbox, notifications, catalog, audit), apart
 * from lib/api.ts so that the citizen's page does not load them. Types come from the shared
 * contract (shared/api/contract.ts).
 */
import type { BodyOf, QueryOf, ResponseOf } from '$shared/api/contract';
import { call } from './api';

const id = (x: string) => ({ params: { id: x } });

export const adminApi = {
  agencies: () => call('agency.list', ['GET', '/admin/agencies']),
  createAgency: (body: BodyOf<'agency.create'>) =>
    call('agency.create', ['POST', '/admin/agencies'], { body }),
  upps: () => call('upp.list', ['GET', '/admin/upps']),
  createUpp: (body: BodyOf<'upp.create'>) => call('upp.create', ['POST', '/admin/upps'], { body }),
  updateUpp: (uppId: string, body: BodyOf<'upp.update'>) =>
    call('upp.update', ['PATCH', '/admin/upps/:id'], { ...id(uppId), body }),
  users: () => call('staff.list', ['GET', '/admin/users']),
  createUser: (body: BodyOf<'staff.create'>) =>
    call('staff.create', ['POST', '/admin/users'], { body }),
  updateUser: (userId: string, body: BodyOf<'staff.update'>) =>
    call('staff.update', ['PATCH', '/admin/users/:id'], { ...id(userId), body }),
};

export type TrainingState = ResponseOf<'routing.models'>;

export const routingApi = {
  classify: (text: string, forumId?: string) =>
    call('routing.classify', ['POST', '/routing/classify'], {
      body: forumId ? { text, forumId } : { text },
    }),
  triage: (order: NonNullable<QueryOf<'routing.triage'>>['order'] = 'uncertain') =>
    call('routing.triage', ['GET', '/routing/triage'], { query: { order } }),
  route: (inputId: string, body: BodyOf<'input.route'>) =>
    call('input.route', ['POST', '/inputs/:id/route'], { ...id(inputId), body }),
  corrections: () => call('routing.corrections', ['GET', '/routing/corrections']),
  models: () => call('routing.models', ['GET', '/routing/models']),
  train: () => call('routing.train', ['POST', '/routing/models/train']),
  activate: (versionId: string) =>
    call('routing.activate', ['POST', '/routing/models/:versionId/activate'], {
      params: { versionId },
    }),
};

export type InboxFilter = QueryOf<'inbox.list'>;

export const inboxApi = {
  list: (query: InboxFilter, signal?: AbortSignal) =>
    call('inbox.list', ['GET', '/inbox'], { query, signal }),
  get: (caseId: string) => call('inbox.get', ['GET', '/inbox/:id'], id(caseId)),
  setStatus: (caseId: string, body: BodyOf<'inbox.status'>) =>
    call('inbox.status', ['POST', '/inbox/:id/status'], { ...id(caseId), body }),
  bulk: (body: BodyOf<'inbox.bulk'>) => call('inbox.bulk', ['POST', '/inbox/bulk'], { body }),
  reply: (caseId: string, body: BodyOf<'inbox.reply'>) =>
    call('inbox.reply', ['POST', '/inbox/:id/reply'], { ...id(caseId), body }),
  reroute: (caseId: string, body: BodyOf<'inbox.reroute'>) =>
    call('inbox.reroute', ['POST', '/inbox/:id/reroute'], { ...id(caseId), body }),
  followUp: (inputId: string, body: BodyOf<'input.followup'>) =>
    call('input.followup', ['POST', '/inputs/:id/followup'], { ...id(inputId), body }),
};

export const notificationApi = {
  list: () => call('notification.list', ['GET', '/notifications']),
  markRead: () => call('notification.read', ['POST', '/notifications/read'], { body: {} }),
};

export type ImportFormat = 'csv' | 'json';
export type ImportReport = ResponseOf<'catalog.import'>;
export type Holiday = ResponseOf<'holiday.list'>['holidays'][number];

export const catalogAdminApi = {
  list: () => call('catalog.list', ['GET', '/admin/catalog']),
  create: (body: BodyOf<'catalog.create'>) =>
    call('catalog.create', ['POST', '/admin/catalog'], { body }),
  update: (code: string, body: BodyOf<'catalog.update'>) =>
    call('catalog.update', ['PUT', '/admin/catalog/:code'], { params: { code }, body }),
  import: (text: string, format: ImportFormat, mode: 'preview' | 'apply') =>
    call('catalog.import', ['POST', '/admin/catalog/import'], { text, query: { format, mode } }),
  exportUrl: (format: ImportFormat) => `/api/admin/catalog/export.${format}`,
};

export const auditApi = {
  list: (query: QueryOf<'audit.list'>) => call('audit.list', ['GET', '/admin/audit'], { query }),
  holidays: () => call('holiday.list', ['GET', '/admin/holidays']),
  addHoliday: (body: BodyOf<'holiday.create'>) =>
    call('holiday.create', ['POST', '/admin/holidays'], { body }),
  deleteHoliday: (date: string) =>
    call('holiday.delete', ['DELETE', '/admin/holidays/:date'], { params: { date } }),
};
