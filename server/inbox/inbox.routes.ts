import { z } from 'zod';
import { IdParams } from '../../shared/schemas/admin';
import {
  CaseBulkBody,
  CaseReplyBody,
  CaseRerouteBody,
  CaseStatusBody,
  FollowUpBody,
  InboxItem,
  InboxList,
  InboxQuery,
  Notification,
  ReopenBody,
} from '../../shared/schemas/inbox';
import { Input } from '../../shared/schemas/input';
import { STAFF_ROLES } from '../../shared/domain/roles';
import type { ServiceContext } from '../context';
import { inputAuthor, inputModerators } from '../forums/forum.policy';
import { findInput } from '../forums/input.service';
import { presentFor } from '../forums/input.queries';
import { viewerKey, viewerOf } from '../forums/viewer';
import type { Api } from '../http/api';
import { badRequest } from '../http/errors';
import { scopedTo, signedIn } from '../http/policy';
import { latestNotifications, markAllRead } from '../notify/notify.service';
import type { ManualRouting } from '../routing/routing.service';
import { routeByHand } from '../routing/routing.service';
import { caseReaders, casesReaders } from './case.policy';
import * as cases from './case.service';
import { listInbox, presentCases } from './inbox.queries';

const tag = 'inbox';
const ItemRes = z.object({ item: InboxItem });

export function inboxRoutes(api: Api, ctx: ServiceContext, routing: ManualRouting): void {
  const one = async (doc: Awaited<ReturnType<typeof cases.loadCase>>) => ({
    item: (await presentCases([doc], ctx.clock.now()))[0]!,
  });
  api
    .route({
      method: 'get',
      path: '/inbox',
      name: 'inbox.list',
      summary: 'Feedback routed to the UPPs the user works for (filters, search, sort, pages)',
      tag,
      policy: scopedTo(STAFF_ROLES, 'staff: the inboxes their scope covers'),
      query: InboxQuery,
      response: InboxList,
      handler: ({ resource, query }) => listInbox(resource, query, ctx.clock.now()),
    })
    .route({
      method: 'get',
      path: '/inbox/:id',
      name: 'inbox.get',
      summary: 'One item (an open case panel follows it live, whatever the list filter)',
      tag,
      policy: caseReaders(),
      params: IdParams,
      response: ItemRes,
      handler: ({ resource }) => one(resource),
    })
    .route({
      method: 'post',
      path: '/inbox/bulk',
      name: 'inbox.bulk',
      audit: false,
      summary: 'Set the status of several items at once',
      tag,
      policy: casesReaders(),
      body: CaseBulkBody,
      response: z.object({ items: z.array(InboxItem) }),
      handler: async ({ user, body }) => ({
        items: await presentCases(await cases.bulkStatus(ctx, user, body), ctx.clock.now()),
      }),
    })
    .route({
      method: 'post',
      path: '/inbox/:id/status',
      name: 'inbox.status',
      audit: false,
      summary: 'Set the status (verified, in progress, resolved, postponed with reason)',
      tag,
      policy: caseReaders(),
      params: IdParams,
      body: CaseStatusBody,
      response: ItemRes,
      handler: async ({ user, params, body }) =>
        one(await cases.setStatus(ctx, user, params.id, body)),
    })
    .route({
      method: 'post',
      path: '/inbox/:id/reply',
      name: 'inbox.reply',
      audit: false,
      summary: 'Reply to the citizen (shown under the input; e-mailed when they left an address)',
      tag,
      policy: caseReaders(),
      params: IdParams,
      body: CaseReplyBody,
      response: ItemRes,
      handler: async ({ user, params, body }) => one(await cases.reply(ctx, user, params.id, body)),
    })
    .route({
      method: 'post',
      path: '/inbox/:id/reroute',
      name: 'inbox.reroute',
      audit: false,
      summary: 'Not our authority (bukan wewenang): send to another UPP, recorded as a correction',
      tag,
      policy: caseReaders(),
      params: IdParams,
      body: CaseRerouteBody,
      response: ItemRes,
      handler: async ({ user, resource: c, params, body }) => {
        if (!c.inputId || c.type !== 'input') throw badRequest('only_citizen_inputs_reroute');
        await routeByHand(ctx, routing, user, c.inputId.toString(), body, 'not_our_authority');
        return one(await cases.loadCaseUnchecked(params.id));
      },
    })
    .route({
      method: 'post',
      path: '/inputs/:id/followup',
      name: 'input.followup',
      audit: false,
      summary: 'Turn an input answered in the forum into a follow-up commitment (who, what, when)',
      tag,
      policy: inputModerators(ctx),
      params: IdParams,
      body: FollowUpBody,
      status: 201,
      response: ItemRes,
      handler: async ({ user, params, body }) =>
        one(await cases.createFollowUp(ctx, user, params.id, body)),
    })
    .route({
      method: 'post',
      path: '/inputs/:id/confirm',
      name: 'input.confirm',
      audit: false,
      summary: "The citizen confirms the UPP's answer resolved their issue",
      tag: 'citizen',
      policy: inputAuthor(ctx, 'the author of the input (cookie or account)'),
      params: IdParams,
      limit: 'citizen',
      response: z.object({ input: Input }),
      handler: async ({ req, params }) => {
        const viewer = viewerOf(req);
        await cases.citizenConfirm(ctx, viewerKey(viewer), params.id);
        return { input: (await presentFor(viewer, [await findInput(params.id)], false))[0]! };
      },
    })
    .route({
      method: 'post',
      path: '/inputs/:id/reopen',
      name: 'input.reopen',
      audit: false,
      summary: 'The citizen reopens a resolved input, once, with a reason',
      tag: 'citizen',
      policy: inputAuthor(ctx, 'the author of the input (cookie or account)'),
      params: IdParams,
      body: ReopenBody,
      limit: 'citizen',
      response: z.object({ input: Input }),
      handler: async ({ req, params, body }) => {
        const viewer = viewerOf(req);
        await cases.citizenReopen(ctx, viewerKey(viewer), params.id, body.reason);
        return { input: (await presentFor(viewer, [await findInput(params.id)], false))[0]! };
      },
    })
    .route({
      method: 'get',
      path: '/notifications',
      name: 'notification.list',
      summary: "The user's latest notifications",
      tag,
      policy: signedIn(),
      response: z.object({ notifications: z.array(Notification), unread: z.number().int() }),
      handler: ({ user }) => latestNotifications(user.id),
    })
    .route({
      method: 'post',
      path: '/notifications/read',
      name: 'notification.read',
      audit: false,
      summary: 'Mark all notifications read',
      tag,
      policy: signedIn(),
      body: z.strictObject({}),
      handler: async ({ user }) => {
        await markAllRead(user.id);
        return undefined;
      },
    });
}
