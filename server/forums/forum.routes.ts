import QRCode from 'qrcode';
import { z } from 'zod';
import {
  Forum,
  ForumCreate,
  ForumSignal,
  ForumListQuery,
  ForumStatusChange,
  ForumUpdate,
  JoinCode,
} from '../../shared/schemas/forum';
import { ForumSnapshot, ModerationLogEntry, SpotlightBody } from '../../shared/schemas/input';
import { IdParams } from '../../shared/schemas/admin';
import type { Api } from '../http/api';
import { anyone } from '../http/policy';
import type { ServiceContext } from '../context';
import { forumModerators, forumViewers, hostUppRunners } from './forum.policy';
import * as forums from './forum.service';
import { publicLog } from './moderation.log';
import { presentSignal } from './signals';
import { viewerOf } from './viewer';

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
      policy: anyone('anyone; drafts listed only to their moderators'),
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
      policy: hostUppRunners(),
      body: ForumCreate,
      status: 201,
      response: ForumRes,
      handler: async ({ user, resource, body }) => ({
        forum: await forums.createForum(ctx, user, resource, body),
      }),
    })
    .route({
      method: 'get',
      path: '/forums/by-code/:code',
      name: 'forum.byCode',
      summary: 'Find a forum by its join code',
      tag,
      policy: anyone('anyone; drafts are not found, archived forums are gone (410)'),
      params: z.strictObject({ code: JoinCode }),
      response: ForumRes,
      handler: async ({ req, params }) => ({
        forum: await forums.getByCode(ctx, viewerOf(req), params.code),
      }),
    })
    .route({
      method: 'get',
      path: '/forums/:id',
      name: 'forum.get',
      summary: 'A forum with its visible inputs and the resync cursor',
      tag,
      policy: forumViewers(ctx, 'anyone'),
      params: IdParams,
      response: ForumSnapshot,
      handler: ({ req, params }) => forums.snapshot(ctx, viewerOf(req), params.id),
    })
    .route({
      method: 'patch',
      path: '/forums/:id',
      name: 'forum.update',
      summary: 'Edit a forum',
      tag,
      policy: forumModerators(ctx),
      params: IdParams,
      body: ForumUpdate,
      response: ForumRes,
      handler: async ({ user, params, body }) => ({
        forum: await forums.updateForum(ctx, user, params.id, body),
      }),
    })
    .route({
      method: 'post',
      path: '/forums/:id/status',
      name: 'forum.status',
      summary: 'Change the forum status (open, live, close, archive)',
      tag,
      policy: forumModerators(ctx),
      params: IdParams,
      body: ForumStatusChange,
      response: ForumRes,
      handler: async ({ user, params, body }) => ({
        forum: await forums.changeStatus(ctx, user, params.id, body),
      }),
    })
    .route({
      method: 'post',
      path: '/forums/:id/spotlight',
      name: 'forum.spotlight',
      summary: 'Put one input "now discussing" (or clear it)',
      tag,
      policy: forumModerators(ctx),
      params: IdParams,
      body: SpotlightBody,
      response: ForumRes,
      handler: async ({ user, params, body }) => ({
        forum: await forums.spotlight(ctx, user, params.id, body),
      }),
    })
    .route({
      method: 'get',
      path: '/forums/:id/signals',
      name: 'forum.signals',
      summary: 'Vote-stuffing signals: fresh participants behind one address voting alike',
      tag,
      policy: forumModerators(ctx),
      params: IdParams,
      response: z.object({ signals: z.array(ForumSignal) }),
      handler: async ({ resource: forum }) => {
        const e = await ctx.live.cache.get(forum._id.toString());
        const rows = await ctx.signals.list(forum);
        return {
          signals: rows.map((s) =>
            presentSignal(s, s.inputId ? (e.inputs.get(s.inputId.toString())?.text ?? null) : null),
          ),
        };
      },
    })
    .route({
      method: 'get',
      path: '/forums/:id/log',
      name: 'forum.log',
      summary: 'Public moderation log (reason codes, no personal data)',
      tag,
      policy: forumViewers(ctx, 'anyone'),
      params: IdParams,
      response: z.object({ entries: z.array(ModerationLogEntry) }),
      handler: async ({ params }) => ({ entries: await publicLog(params.id) }),
    })
    .route({
      method: 'get',
      path: '/forums/:id/qr.svg',
      name: 'forum.qr',
      summary: 'QR code (SVG) that opens the join page',
      tag,
      policy: forumViewers(ctx, 'anyone'),
      params: IdParams,
      handler: async ({ req, res, resource: f }) => {
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
