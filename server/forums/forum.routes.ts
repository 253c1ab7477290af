import QRCode from 'qrcode';
import { z } from 'zod';
import { STAFF_ROLES } from '../../shared/domain/roles';
import {
  Forum,
  ForumCreate,
  ForumListQuery,
  ForumStatusChange,
  ForumUpdate,
  JoinCode,
} from '../../shared/schemas/forum';
import { ForumSnapshot, ModerationLogEntry, SpotlightBody } from '../../shared/schemas/input';
import { IdParams } from '../../shared/schemas/admin';
import type { Api } from '../http/api';
import type { ServiceContext } from './context';
import * as forums from './forum.service';
import { publicLog } from './moderation.log';

const tag = 'forums';
const ForumRes = z.object({ forum: Forum });

export function forumRoutes(api: Api, ctx: ServiceContext): void {
  api
    .route({
      method: 'get',
      path: '/forums',
      name: 'forum.list',
      summary: 'List forums (default: open and live ones)',
      tag,
      access: 'public',
      query: ForumListQuery,
      response: z.object({ forums: z.array(Forum) }),
      handler: async ({ user, query }) => ({ forums: await forums.listForums(user, query) }),
    })
    .route({
      method: 'post',
      path: '/forums',
      name: 'forum.create',
      summary: 'Create a forum (draft) for a UPP',
      tag,
      access: STAFF_ROLES,
      body: ForumCreate,
      status: 201,
      response: ForumRes,
      handler: async ({ user, body }) => ({ forum: await forums.createForum(ctx, user!, body) }),
    })
    .route({
      method: 'get',
      path: '/forums/by-code/:code',
      name: 'forum.byCode',
      summary: 'Find a forum by its join code',
      tag,
      access: 'public',
      params: z.strictObject({ code: JoinCode }),
      response: ForumRes,
      handler: async ({ req, params }) => ({
        forum: await forums.getByCode(
          ctx,
          { user: req.user, participantId: req.participantId },
          params.code,
        ),
      }),
    })
    .route({
      method: 'get',
      path: '/forums/:id',
      name: 'forum.get',
      summary: 'A forum with its visible inputs and the resync cursor',
      tag,
      access: 'public',
      params: IdParams,
      response: ForumSnapshot,
      handler: ({ req, params }) =>
        forums.snapshot(ctx, { user: req.user, participantId: req.participantId }, params.id),
    })
    .route({
      method: 'patch',
      path: '/forums/:id',
      name: 'forum.update',
      summary: 'Edit a forum',
      tag,
      access: STAFF_ROLES,
      params: IdParams,
      body: ForumUpdate,
      response: ForumRes,
      handler: async ({ user, params, body }) => ({
        forum: await forums.updateForum(ctx, user!, params.id, body),
      }),
    })
    .route({
      method: 'post',
      path: '/forums/:id/status',
      name: 'forum.status',
      summary: 'Change the forum status (open, live, close, archive)',
      tag,
      access: STAFF_ROLES,
      params: IdParams,
      body: ForumStatusChange,
      response: ForumRes,
      handler: async ({ user, params, body }) => ({
        forum: await forums.changeStatus(ctx, user!, params.id, body),
      }),
    })
    .route({
      method: 'post',
      path: '/forums/:id/spotlight',
      name: 'forum.spotlight',
      summary: 'Put one input "now discussing" (or clear it)',
      tag,
      access: STAFF_ROLES,
      params: IdParams,
      body: SpotlightBody,
      response: ForumRes,
      handler: async ({ user, params, body }) => ({
        forum: await forums.spotlight(ctx, user!, params.id, body),
      }),
    })
    .route({
      method: 'get',
      path: '/forums/:id/log',
      name: 'forum.log',
      summary: 'Public moderation log (reason codes, no personal data)',
      tag,
      access: 'public',
      params: IdParams,
      response: z.object({ entries: z.array(ModerationLogEntry) }),
      handler: async ({ params }) => {
        await forums.findForum(params.id);
        return { entries: await publicLog(params.id) };
      },
    })
    .route({
      method: 'get',
      path: '/forums/:id/qr.svg',
      name: 'forum.qr',
      summary: 'QR code (SVG) that opens the join page',
      tag,
      access: 'public',
      params: IdParams,
      handler: async ({ req, res, params }) => {
        const f = await forums.findForum(params.id);
        const url = `${req.protocol}://${req.get('host')}/j/${f.code}`;
        const svg = await QRCode.toString(url, {
          type: 'svg',
          margin: 1,
          errorCorrectionLevel: 'M',
        });
        res.type('image/svg+xml').setHeader('Cache-Control', 'public, max-age=300');
        res.send(svg);
      },
    });
}
