import { z } from 'zod';
import { CASE_STATUSES, SETTABLE_CASE_STATUSES } from '../domain/inbox';
import { INPUT_KINDS } from '../domain/forum';
import { SECTORS } from '../domain/sectors';
import { UPP_TIME_ZONES } from '../domain/timezones';
import { ObjectIdString } from './common';

/** A reply from the UPP, shown to the citizen under the input. */
export const CaseReply = z.object({
  id: z.string(),
  text: z.string(),
  at: z.string(),
  /** Name of the UPP that answered (never the staff member's personal name). */
  uppName: z.string(),
});
export type CaseReply = z.infer<typeof CaseReply>;

/** One item of a UPP's inbox: a routed input or a follow-up commitment from a forum. */
export const InboxItem = z.object({
  id: z.string(),
  type: z.enum(['input', 'followup']),
  inputId: z.string().nullable(),
  forumId: z.string(),
  forumTitle: z.string(),
  uppId: z.string(),
  uppName: z.string(),
  text: z.string(),
  kind: z.enum(INPUT_KINDS).nullable(),
  sector: z.enum(SECTORS).nullable(),
  serviceCode: z.string().nullable(),
  serviceName: z.string().nullable(),
  votes: z.number().int(),
  status: z.enum(CASE_STATUSES),
  receivedAt: z.string(),
  /** Response deadline from the service standard (or the SP4N-LAPOR! default). */
  deadline: z.string(),
  /** The UPP's time zone: its working days and "today" decide the deadline. */
  timeZone: z.enum(UPP_TIME_ZONES),
  /** The deadline on the UPP's wall clock, ISO 8601 with its offset (`...T23:59:59+09:00`). */
  deadlineLocal: z.string(),
  overdue: z.boolean(),
  escalationLevel: z.number().int().min(0).max(2),
  replies: z.array(CaseReply),
  postponedReason: z.string().nullable(),
  citizen: z.object({
    confirmedAt: z.string().nullable(),
    reopenedAt: z.string().nullable(),
    reopenReason: z.string().nullable(),
  }),
  /** Follow-up commitments: who does it and by when. */
  owner: z.string().nullable(),
  dueAt: z.string().nullable(),
});
export type InboxItem = z.infer<typeof InboxItem>;

/** GET /api/inbox */
export const InboxQuery = z.strictObject({
  uppId: ObjectIdString.optional(),
  status: z.enum([...CASE_STATUSES, 'open']).optional(),
  kind: z.enum(INPUT_KINDS).optional(),
  serviceCode: z.string().max(20).optional(),
  forumId: ObjectIdString.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['deadline', 'votes', 'received']).default('deadline'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

export const InboxList = z.object({
  items: z.array(InboxItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Open and overdue counts for the badge. */
  open: z.number().int(),
  overdue: z.number().int(),
});
export type InboxList = z.infer<typeof InboxList>;

/** POST /api/inbox/:id/status */
export const CaseStatusBody = z.strictObject({
  status: z.enum(SETTABLE_CASE_STATUSES),
  /** Required when postponing (ditunda). */
  reason: z.string().trim().max(500).default(''),
});
export type CaseStatusBody = z.infer<typeof CaseStatusBody>;

/** POST /api/inbox/bulk */
export const CaseBulkBody = z.strictObject({
  ids: z.array(ObjectIdString).min(1).max(200),
  status: z.enum(SETTABLE_CASE_STATUSES),
  reason: z.string().trim().max(500).default(''),
});
export type CaseBulkBody = z.infer<typeof CaseBulkBody>;

/** POST /api/inbox/:id/reply: a reply the citizen sees; `resolve` also marks it resolved. */
export const CaseReplyBody = z.strictObject({
  text: z.string().max(4000),
  resolve: z.boolean().default(false),
});
export type CaseReplyBody = z.infer<typeof CaseReplyBody>;

/** POST /api/inbox/:id/reroute: "bukan wewenang", sent to another UPP (a routing correction). */
export const CaseRerouteBody = z.strictObject({
  uppId: ObjectIdString,
  sector: z.enum(SECTORS),
  serviceCode: z
    .string()
    .regex(/^[A-Z]{3}-\d{4}-\d{2}$/)
    .nullable(),
  reason: z.string().trim().min(3).max(500),
});
export type CaseRerouteBody = z.infer<typeof CaseRerouteBody>;

/** POST /api/inputs/:id/followup: a commitment made in the forum (rencana tindak lanjut). */
export const FollowUpBody = z.strictObject({
  uppId: ObjectIdString,
  /** Who will do it (unit or role, e.g. "Kasi Pelayanan Dukcapil"). */
  owner: z.string().trim().min(2).max(160),
  /** What was promised. */
  what: z.string().trim().min(5).max(1000),
  /** By when (ISO date-time). */
  dueAt: z.iso.datetime({ offset: true }),
});
export type FollowUpBody = z.infer<typeof FollowUpBody>;

/** POST /api/inputs/:id/reopen (the citizen who wrote it, once). */
export const ReopenBody = z.strictObject({ reason: z.string().max(1000) });
export type ReopenBody = z.infer<typeof ReopenBody>;

/** What the citizen sees of the case behind their input. */
export const CitizenCase = z.object({
  status: z.enum(CASE_STATUSES),
  uppName: z.string(),
  deadline: z.string(),
  replies: z.array(CaseReply),
  canConfirm: z.boolean(),
  canReopen: z.boolean(),
  /** When the author confirmed the answer solved it (shown in the thread). */
  confirmedAt: z.string().nullable(),
  /** When the author reopened the case, and why (the reason only for the author). */
  reopenedAt: z.string().nullable(),
  reopenReason: z.string().nullable(),
});
export type CitizenCase = z.infer<typeof CitizenCase>;

export const Notification = z.object({
  id: z.string(),
  kind: z.enum(['case.new', 'case.overdue', 'case.escalated', 'case.reopened', 'case.reply']),
  text: z.string(),
  caseId: z.string().nullable(),
  at: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof Notification>;

const Bucket = z.object({ key: z.string(), label: z.string(), count: z.number().int() });

/** GET /api/reports/upp/:id and /api/reports/agency/:id */
export const Dashboard = z.object({
  scope: z.object({ type: z.enum(['upp', 'agency']), id: z.string(), name: z.string() }),
  /** Items received per ISO week (last 12 weeks), oldest first. */
  volumeByWeek: z.array(z.object({ week: z.string(), count: z.number().int() })),
  topServices: z.array(Bucket),
  topSectors: z.array(Bucket),
  /** Median hours from receipt to the first reply (null when nothing was answered). */
  medianResponseHours: z.number().nullable(),
  /**
   * answeredWithinStandard / due (0..1, null when nothing is due): the same figure as the
   * public scoreboard's (server/reports/figures.ts).
   */
  withinStandardShare: z.number().nullable(),
  /** Items with at least one reply. */
  answered: z.number().int(),
  /** Items whose first reply came at or before the deadline. */
  answeredWithinStandard: z.number().int(),
  /** Items answered, or unanswered past their deadline: the base of the share. */
  due: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  /** Citizen inputs received. */
  total: z.number().int(),
});
export type Dashboard = z.infer<typeof Dashboard>;

/** GET /api/public/scoreboard/:slug: no personal data. */
export const Scoreboard = z.object({
  upp: z.object({ id: z.string(), slug: z.string(), name: z.string(), agencyName: z.string() }),
  received: z.number().int(),
  answered: z.number().int(),
  answeredWithinStandard: z.number().int(),
  /** The base of the share (see Dashboard.due). */
  due: z.number().int(),
  withinStandardShare: z.number().nullable(),
  medianResponseHours: z.number().nullable(),
  perService: z.array(
    z.object({
      serviceCode: z.string(),
      serviceName: z.string(),
      received: z.number().int(),
      answeredWithinStandard: z.number().int(),
      due: z.number().int(),
      withinStandardShare: z.number().nullable(),
      medianResponseHours: z.number().nullable(),
    }),
  ),
});
export type Scoreboard = z.infer<typeof Scoreboard>;

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  actorRole: z.string(),
  action: z.string(),
  target: z.string(),
  detail: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal YYYY-MM-DD');

/** GET /api/admin/audit: a page of the log, filtered by who, what and when (WIB days). */
export const AuditQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  /** The actor's account id, or `system` for the platform's own jobs. */
  actor: z.union([ObjectIdString, z.literal('system')]).optional(),
  /** An action code (`forum.status`), or a prefix ending in a dot (`case.`). */
  action: z
    .string()
    .regex(/^[a-z][a-zA-Z.]{0,60}$/)
    .optional(),
  /** First and last day included (Asia/Jakarta). */
  from: Day.optional(),
  to: Day.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditList = z.object({
  entries: z.array(AuditEntry),
  total: z.number().int(),
  /** Who and what appear in the log at all (for the filter lists). */
  actors: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  actions: z.array(z.string()),
});
export type AuditList = z.infer<typeof AuditList>;

/** A UPP with a public scoreboard (GET /api/public/upps). */
export const PublicUpp = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  agencyName: z.string(),
});
export type PublicUpp = z.infer<typeof PublicUpp>;
