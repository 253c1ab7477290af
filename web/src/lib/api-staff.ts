/**
 * The staff workspaces' API calls (admin, routing, inbox, notifications, catalog, audit), apart
 * from lib/api.ts so that the citizen's page does not load them.
 */
import type {
  Agency,
  AgencyCreate,
  StaffCreate,
  StaffUpdate,
  StaffUser,
  Upp,
  UppCreate,
  UppUpdate,
} from '$shared/schemas/admin';
import type { ServiceInput } from '$shared/schemas/catalog';
import type {
  AuditList,
  AuditQuery,
  CaseBulkBody,
  CaseReplyBody,
  CaseRerouteBody,
  CaseStatusBody,
  FollowUpBody,
  InboxItem,
  InboxList,
  InboxQuery,
  Notification,
} from '$shared/schemas/inbox';
import type {
  ClassifyResponse,
  Correction,
  ModelVersion,
  RouteBody,
  RoutedInput,
  TrainingStatus,
  TriageQuery,
} from '$shared/schemas/routing';
import { api, enc, type InputRes } from './api';

export const adminApi = {
  agencies: () => api.get<{ agencies: Agency[] }>('/admin/agencies'),
  createAgency: (b: AgencyCreate) => api.post<{ agency: Agency }>('/admin/agencies', b),
  upps: () => api.get<{ upps: Upp[] }>('/admin/upps'),
  createUpp: (b: UppCreate) => api.post<{ upp: Upp }>('/admin/upps', b),
  updateUpp: (id: string, b: UppUpdate) => api.patch<{ upp: Upp }>(`/admin/upps/${enc(id)}`, b),
  users: () => api.get<{ users: StaffUser[] }>('/admin/users'),
  createUser: (b: StaffCreate) => api.post<{ user: StaffUser }>('/admin/users', b),
  updateUser: (id: string, b: StaffUpdate) =>
    api.patch<{ user: StaffUser }>(`/admin/users/${enc(id)}`, b),
};

export type TrainingState = { versions: ModelVersion[]; training: TrainingStatus };

export const routingApi = {
  classify: (text: string, forumId?: string) =>
    api.post<ClassifyResponse>('/routing/classify', forumId ? { text, forumId } : { text }),
  triage: (order: TriageQuery['order'] = 'uncertain') =>
    api.get<{ inputs: RoutedInput[] }>(`/routing/triage?order=${enc(order)}`),
  route: (inputId: string, body: RouteBody): InputRes =>
    api.post(`/inputs/${enc(inputId)}/route`, body),
  corrections: () => api.get<{ corrections: Correction[] }>('/routing/corrections'),
  models: () => api.get<TrainingState>('/routing/models'),
  train: () => api.post<{ training: TrainingStatus }>('/routing/models/train'),
  activate: (versionId: string) =>
    api.post<{ versions: ModelVersion[] }>(`/routing/models/${enc(versionId)}/activate`),
};

export type InboxFilter = Partial<InboxQuery>;

type ItemRes = Promise<{ item: InboxItem }>;

export const inboxApi = {
  list: (f: InboxFilter, signal?: AbortSignal) => api.get<InboxList>('/inbox', f, signal),
  get: (id: string): ItemRes => api.get(`/inbox/${enc(id)}`),
  setStatus: (id: string, body: CaseStatusBody): ItemRes =>
    api.post(`/inbox/${enc(id)}/status`, body),
  bulk: (body: CaseBulkBody) => api.post<{ items: InboxItem[] }>('/inbox/bulk', body),
  reply: (id: string, body: CaseReplyBody): ItemRes => api.post(`/inbox/${enc(id)}/reply`, body),
  reroute: (id: string, body: CaseRerouteBody): ItemRes =>
    api.post(`/inbox/${enc(id)}/reroute`, body),
  followUp: (inputId: string, body: FollowUpBody): ItemRes =>
    api.post(`/inputs/${enc(inputId)}/followup`, body),
};

export const notificationApi = {
  list: () => api.get<{ notifications: Notification[]; unread: number }>('/notifications'),
  markRead: () => api.post<unknown>('/notifications/read', {}),
};

export type ImportFormat = 'csv' | 'json';

export type ImportReport = {
  valid: number;
  rejected: { row: number; code?: string; errors: string[] }[];
  applied: boolean;
};

export type Holiday = { date: string; name: string };

export const catalogAdminApi = {
  list: () => api.get<{ services: ServiceInput[] }>('/admin/catalog'),
  create: (s: ServiceInput) => api.post<{ service: ServiceInput }>('/admin/catalog', s),
  update: (code: string, s: ServiceInput) =>
    api.put<{ service: ServiceInput }>(`/admin/catalog/${enc(code)}`, s),
  import: (text: string, format: ImportFormat, mode: 'preview' | 'apply') =>
    api.postText<ImportReport>('/admin/catalog/import', text, { format, mode }),
  exportUrl: (format: ImportFormat) => `/api/admin/catalog/export.${format}`,
};

export const auditApi = {
  list: (q: Partial<AuditQuery>) => api.get<AuditList>('/admin/audit', q),
  holidays: () => api.get<{ holidays: Holiday[] }>('/admin/holidays'),
  addHoliday: (h: Holiday) => api.post<{ holidays: Holiday[] }>('/admin/holidays', h),
  deleteHoliday: (date: string) => api.del<{ holidays: Holiday[] }>(`/admin/holidays/${enc(date)}`),
};
