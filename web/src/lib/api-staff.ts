/**
 * The staff workspaces' API calls (admin, routing, inbox, notifications, catalog, audit), apart
 * from lib/api.ts so that the citizen's page does not load them. Types come from the shared
 * contract (shared/api/contract.ts).
 */
import type { BodyOf, QueryOf, ResponseOf } from '$shared/api/contract';
import { call } from './api';

const id = (x: string) => ({ params: { id: x } });

export const adminApi = {
  agencies: () => call('agency.list'),
  createAgency: (body: BodyOf<'agency.create'>) => call('agency.create', { body }),
  upps: () => call('upp.list'),
  createUpp: (body: BodyOf<'upp.create'>) => call('upp.create', { body }),
  users: () => call('staff.list'),
  createUser: (body: BodyOf<'staff.create'>) => call('staff.create', { body }),
  updateUser: (userId: string, body: BodyOf<'staff.update'>) =>
    call('staff.update', { ...id(userId), body }),
};

export type TrainingState = ResponseOf<'routing.models'>;

export const routingApi = {
  classify: (text: string, forumId?: string) =>
    call('routing.classify', { body: forumId ? { text, forumId } : { text } }),
  triage: (order: NonNullable<QueryOf<'routing.triage'>>['order'] = 'uncertain') =>
    call('routing.triage', { query: { order } }),
  route: (inputId: string, body: BodyOf<'input.route'>) =>
    call('input.route', { ...id(inputId), body }),
  corrections: () => call('routing.corrections'),
  models: () => call('routing.models'),
  train: () => call('routing.train'),
  activate: (versionId: string) => call('routing.activate', { params: { versionId } }),
};

export type InboxFilter = QueryOf<'inbox.list'>;

export const inboxApi = {
  list: (query: InboxFilter, signal?: AbortSignal) => call('inbox.list', { query, signal }),
  get: (caseId: string) => call('inbox.get', id(caseId)),
  setStatus: (caseId: string, body: BodyOf<'inbox.status'>) =>
    call('inbox.status', { ...id(caseId), body }),
  bulk: (body: BodyOf<'inbox.bulk'>) => call('inbox.bulk', { body }),
  reply: (caseId: string, body: BodyOf<'inbox.reply'>) =>
    call('inbox.reply', { ...id(caseId), body }),
  reroute: (caseId: string, body: BodyOf<'inbox.reroute'>) =>
    call('inbox.reroute', { ...id(caseId), body }),
  followUp: (inputId: string, body: BodyOf<'input.followup'>) =>
    call('input.followup', { ...id(inputId), body }),
};

export const notificationApi = {
  list: () => call('notification.list'),
  markRead: () => call('notification.read', { body: {} }),
};

export type ImportFormat = 'csv' | 'json';
export type ImportReport = ResponseOf<'catalog.import'>;
export type Holiday = ResponseOf<'holiday.list'>['holidays'][number];

export const catalogAdminApi = {
  list: () => call('catalog.list'),
  create: (body: BodyOf<'catalog.create'>) => call('catalog.create', { body }),
  update: (code: string, body: BodyOf<'catalog.update'>) =>
    call('catalog.update', { params: { code }, body }),
  import: (text: string, format: ImportFormat, mode: 'preview' | 'apply') =>
    call('catalog.import', { text, query: { format, mode } }),
  exportUrl: (format: ImportFormat) => `/api/admin/catalog/export.${format}`,
};

export const auditApi = {
  list: (query: QueryOf<'audit.list'>) => call('audit.list', { query }),
  holidays: () => call('holiday.list'),
  addHoliday: (body: BodyOf<'holiday.create'>) => call('holiday.create', { body }),
  deleteHoliday: (date: string) => call('holiday.delete', { params: { date } }),
};
