import { z } from 'zod';
import { IdParams } from '../../shared/schemas/admin';
import { Dashboard, Scoreboard } from '../../shared/schemas/inbox';
import { agencyManagers, uppReaders } from '../admin/admin.policy';
import type { ServiceContext } from '../context';
import { forumModerators, forumViewers } from '../forums/forum.policy';
import { canModerate } from '../forums/forum.rules';
import { findForum } from '../forums/forum.service';
import type { Api } from '../http/api';
import { forbidden } from '../http/errors';
import { anyone } from '../http/policy';
import { createHash } from 'node:crypto';
import { renderBeritaAcara } from './beritaAcara';
import { inputsToCsv, inputsToJson } from './exports';
import { forumReportData } from './forumReport';
import * as reports from './reports.service';
import { buildDashboard } from './stats';

export function reportRoutes(api: Api, ctx: ServiceContext, publicUrl?: string): void {
  const baseUrl = (req: { protocol: string; get(h: string): string | undefined }) =>
    publicUrl ?? `${req.protocol}://${req.get('host')}`;
  api
    .route({
      method: 'get',
      path: '/reports/upp/:id',
      name: 'report.upp',
      summary: 'Dashboard of one UPP',
      tag: 'reports',
      policy: uppReaders(),
      params: IdParams,
      response: Dashboard,
      handler: async ({ resource: upp, params }) => {
        return buildDashboard(
          { type: 'upp', id: params.id, name: upp.name },
          { uppId: upp._id },
          ctx.clock.now(),
          upp.timeZone,
        );
      },
    })
    .route({
      method: 'get',
      path: '/reports/agency/:id',
      name: 'report.agency',
      summary: 'Dashboard of one agency (all its UPPs)',
      tag: 'reports',
      policy: agencyManagers(),
      params: IdParams,
      response: Dashboard,
      handler: async ({ resource: agency, params }) => {
        return buildDashboard(
          { type: 'agency', id: params.id, name: agency.name },
          { agencyId: agency._id },
          ctx.clock.now(),
        );
      },
    })
    .route({
      method: 'get',
      path: '/public/upps',
      name: 'scoreboard.list',
      summary: 'UPPs with a public scoreboard',
      tag: 'public',
      policy: anyone(),
      response: z.object({
        upps: z.array(
          z.object({ id: z.string(), slug: z.string(), name: z.string(), agencyName: z.string() }),
        ),
      }),
      handler: async () => ({ upps: await reports.publicUpps() }),
    })
    .route({
      method: 'get',
      path: '/public/scoreboard/:slug',
      name: 'scoreboard.get',
      summary: 'Public scoreboard of a UPP: received, answered within standard, median time',
      tag: 'public',
      policy: anyone(),
      params: z.strictObject({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) }),
      response: Scoreboard,
      handler: ({ params }) => reports.scoreboard(params.slug, ctx.clock.now()),
    })
    .route({
      method: 'get',
      path: '/forums/:id/berita-acara.pdf',
      name: 'forum.beritaAcara',
      summary: 'Minutes (berita acara) as PDF: public once the forum is closed, staff any time',
      tag: 'reports',
      policy: forumViewers(ctx, 'anyone once the forum is closed; its moderators any time'),
      params: IdParams,
      limit: 'pdf',
      handler: async ({ req, res, user, params }) => {
        // Refused before anything is computed: settling a live forum writes its counts.
        const before = await findForum(params.id);
        const published = before.status === 'closed' || before.status === 'archived';
        if (!published && !canModerate(user, before)) {
          throw forbidden('minutes_after_close');
        }
        await ctx.live.settle(params.id);
        const f = await findForum(params.id);
        const key = await reports.minutesKey(f, baseUrl(req));
        const etag = `"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;
        res.setHeader('ETag', etag);
        res.setHeader('Cache-Control', published ? 'public, max-age=60' : 'private, no-store');
        if (req.get('if-none-match') === etag) {
          res.status(304).end();
          return;
        }
        const pdf = await ctx.pdfs.get(key, async () => {
          const { data } = await forumReportData(f, baseUrl(req), ctx.clock.now());
          return renderBeritaAcara(data);
        });
        res.type('application/pdf');
        res.setHeader('Content-Disposition', `inline; filename="berita-acara-${f.code}.pdf"`);
        res.send(pdf);
      },
    })
    .route({
      method: 'get',
      path: '/forums/:id/export.:format',
      name: 'forum.export',
      summary: 'Inputs of a forum as CSV or JSON, personal data removed',
      tag: 'reports',
      policy: forumModerators(ctx),
      params: z.strictObject({ id: IdParams.shape.id, format: z.enum(['csv', 'json']) }),
      handler: async ({ req, res, params }) => {
        await ctx.live.settle(params.id);
        const f = await findForum(params.id);
        const { rows } = await forumReportData(f, baseUrl(req), ctx.clock.now());
        const name = `masukan-${f.code}.${params.format}`;
        res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
        if (params.format === 'csv') res.type('text/csv; charset=utf-8').send(inputsToCsv(rows));
        else res.type('application/json').send(inputsToJson(rows));
      },
    });
}
