/**
 * The schemas of every route in ./paths.ts: what the body, the query and the answer are. The web
 * client takes its request and response types from here (type-only: no zod in the browser), the
 * server registers the same schemas, and tests/integration/api-contract.test.ts fails when the
 * two differ. Change an answer's schema here and every page that reads a changed field fails
 * `npm run check`.
 */
import { z } from 'zod';
import {
  Agency,
  AgencyCreate,
  StaffCreate,
  StaffUpdate,
  StaffUser,
  Upp,
  UppCreate,
  UppUpdate,
} from '../schemas/admin';
import {
  LoginBody,
  MeResponse,
  PasswordChangeBody,
  RegisterBody,
  SessionUser,
} from '../schemas/auth';
import {
  CatalogImportQuery,
  Holiday,
  HolidayCreate,
  ImportReport,
  ServiceInput,
  ServiceSummary,
} from '../schemas/catalog';
import {
  Forum,
  ForumCreate,
  ForumListQuery,
  ForumSignal,
  ForumStatusChange,
  ForumUpdate,
  UppRef,
} from '../schemas/forum';
import {
  AuditList,
  AuditQuery,
  CaseBulkBody,
  CaseReplyBody,
  CaseRerouteBody,
  CaseStatusBody,
  Dashboard,
  FollowUpBody,
  InboxItem,
  InboxList,
  InboxQuery,
  Notification,
  PublicUpp,
  ReopenBody,
  Scoreboard,
} from '../schemas/inbox';
import {
  AnswerBody,
  EditBody,
  ForumSnapshot,
  HideBody,
  Input,
  InputCreate,
  MergeBody,
  ModerationLogEntry,
  PinBody,
  RejectBody,
  SimilarInput,
  SimilarQuery,
  SpotlightBody,
  VoteBody,
  VoteResult,
} from '../schemas/input';
import {
  ClassifyBody,
  ClassifyResponse,
  Correction,
  ModelVersion,
  RouteBody,
  RoutedInput,
  TrainingStatus,
  TriageQuery,
} from '../schemas/routing';
import type { ApiName } from './paths';

const ForumRes = z.object({ forum: Forum });
const InputRes = z.object({ input: Input });
const ItemRes = z.object({ item: InboxItem });
const Holidays = z.object({ holidays: z.array(Holiday) });
const Empty = z.strictObject({});

export type RouteSchemas = {
  body?: z.ZodType;
  query?: z.ZodType;
  /** The answer's body on success; none for routes that answer without one. */
  response?: z.ZodType;
};

export const API_CONTRACT = {
  'auth.me': { response: MeResponse },
  'auth.login': { body: LoginBody, response: z.object({ user: SessionUser }) },
  'auth.register': { body: RegisterBody, response: z.object({ user: SessionUser }) },
  'auth.logout': {},
  'auth.password': { body: PasswordChangeBody },

  'forum.list': { query: ForumListQuery, response: z.object({ forums: z.array(Forum) }) },
  'forum.create': { body: ForumCreate, response: ForumRes },
  'forum.get': { response: ForumSnapshot },
  'forum.byCode': { response: ForumRes },
  'forum.update': { body: ForumUpdate, response: ForumRes },
  'forum.status': { body: ForumStatusChange, response: ForumRes },
  'forum.spotlight': { body: SpotlightBody, response: ForumRes },
  'forum.signals': { response: z.object({ signals: z.array(ForumSignal) }) },
  'forum.log': { response: z.object({ entries: z.array(ModerationLogEntry) }) },

  'input.create': { body: InputCreate, response: InputRes },
  'input.mine': { response: z.object({ inputs: z.array(Input) }) },
  'input.similar': { query: SimilarQuery, response: z.object({ similar: z.array(SimilarInput) }) },
  'input.queue': { response: z.object({ inputs: z.array(Input) }) },
  'input.merge': { body: MergeBody, response: InputRes },
  'input.vote': { body: VoteBody, response: VoteResult },
  'input.approve': { body: Empty, response: InputRes },
  'input.reject': { body: RejectBody, response: InputRes },
  'input.hide': { body: HideBody, response: InputRes },
  'input.edit': { body: EditBody, response: InputRes },
  'input.answer': { body: AnswerBody, response: InputRes },
  'input.pin': { body: PinBody, response: InputRes },
  'input.route': { body: RouteBody, response: InputRes },
  'input.confirm': { response: InputRes },
  'input.reopen': { body: ReopenBody, response: InputRes },
  'input.followup': { body: FollowUpBody, response: ItemRes },

  'service.list': { response: z.object({ services: z.array(ServiceSummary) }) },
  'upp.mine': { response: z.object({ upps: z.array(UppRef) }) },

  'agency.list': { response: z.object({ agencies: z.array(Agency) }) },
  'agency.create': { body: AgencyCreate, response: z.object({ agency: Agency }) },
  'upp.list': { response: z.object({ upps: z.array(Upp) }) },
  'upp.create': { body: UppCreate, response: z.object({ upp: Upp }) },
  'upp.update': { body: UppUpdate, response: z.object({ upp: Upp }) },
  'staff.list': { response: z.object({ users: z.array(StaffUser) }) },
  'staff.create': { body: StaffCreate, response: z.object({ user: StaffUser }) },
  'staff.update': { body: StaffUpdate, response: z.object({ user: StaffUser }) },

  'catalog.list': { response: z.object({ services: z.array(ServiceInput) }) },
  'catalog.create': { body: ServiceInput, response: z.object({ service: ServiceInput }) },
  'catalog.update': { body: ServiceInput, response: z.object({ service: ServiceInput }) },
  'catalog.import': { query: CatalogImportQuery, response: ImportReport },
  'audit.list': { query: AuditQuery, response: AuditList },
  'holiday.list': { response: Holidays },
  'holiday.create': { body: HolidayCreate, response: Holidays },
  'holiday.delete': { response: Holidays },

  'routing.classify': { body: ClassifyBody, response: ClassifyResponse },
  'routing.triage': { query: TriageQuery, response: z.object({ inputs: z.array(RoutedInput) }) },
  'routing.corrections': { response: z.object({ corrections: z.array(Correction) }) },
  'routing.models': {
    response: z.object({ versions: z.array(ModelVersion), training: TrainingStatus }),
  },
  'routing.train': { response: z.object({ training: TrainingStatus }) },
  'routing.activate': { response: z.object({ versions: z.array(ModelVersion) }) },

  'inbox.list': { query: InboxQuery, response: InboxList },
  'inbox.get': { response: ItemRes },
  'inbox.bulk': { body: CaseBulkBody, response: z.object({ items: z.array(InboxItem) }) },
  'inbox.status': { body: CaseStatusBody, response: ItemRes },
  'inbox.reply': { body: CaseReplyBody, response: ItemRes },
  'inbox.reroute': { body: CaseRerouteBody, response: ItemRes },
  'notification.list': {
    response: z.object({ notifications: z.array(Notification), unread: z.number().int() }),
  },
  'notification.read': { body: Empty },

  'report.upp': { response: Dashboard },
  'report.agency': { response: Dashboard },
  'scoreboard.list': { response: z.object({ upps: z.array(PublicUpp) }) },
  'scoreboard.get': { response: Scoreboard },
} as const satisfies Record<ApiName, RouteSchemas>;

export type ApiContract = typeof API_CONTRACT;

type Field<K extends ApiName, F extends keyof RouteSchemas> =
  ApiContract[K] extends Record<F, infer S extends z.ZodType> ? S : undefined;

/** What the client sends as the body of route K (before defaults are applied). */
export type BodyOf<K extends ApiName> =
  Field<K, 'body'> extends z.ZodType ? z.input<Field<K, 'body'>> : undefined;
/** The query of route K. */
export type QueryOf<K extends ApiName> =
  Field<K, 'query'> extends z.ZodType ? Partial<z.input<Field<K, 'query'>>> : undefined;
/** The answer of route K. */
export type ResponseOf<K extends ApiName> =
  Field<K, 'response'> extends z.ZodType ? z.output<Field<K, 'response'>> : undefined;
