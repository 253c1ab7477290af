import { z } from 'zod';
import { IdParams } from '../../shared/schemas/admin';
import { Dashboard, Scoreboard } from '../../shared/schemas/inbox';
import { Agency } from '../admin/agency.model';
import { Upp } from '../admin/upp.model';
import { policies } from '../auth/policies';
import type { ServiceContext } from '../forums/context';
import { canModerate } from '../forums/forum.policy';
import { findForum } from '../forums/forum.service';
import type { Api } from '../http/api';
import { forbidden, notFound } from '../http/errors';
import { ServiceModel } from '../catalog/service.model';
import { renderBeritaAcara } from './beritaAcara';
import { inputsToCsv, inputsToJson } from './exports';
import { forumReportData } from './forumReport';
import { buildDashboard, caseFigures, median } from './stats';

const STAFF = ['admin', 'facilitator', 'upp_head'] as const;

export function reportRoutes(api: Api, ctx: ServiceContext): void {
  const baseUrl = (req: { protocol: string; get(h: string): string | undefined }) =>
    `${req.protocol}://${req.get('host')}`;
  api
    .route({
      method: 'get',
      path: '/reports/upp/:id',
      name: 'report.upp',
      summary: 'Dashboard of one UPP',
      tag: 'reports',
      access: STAFF,
      params: IdParams,
      response: Dashboard,
      handler: async ({ user, params }) => {
        const upp = await Upp.findById(params.id);
        if (!upp) throw notFound('UPP');
        if (!policies.readUppInbox(user, params.id, upp.agencyId.toString())) throw forbidden();
        return buildDashboard(
          { type: 'upp', id: params.id, name: upp.name },
          { uppId: upp._id },
          ctx.clock.now(),
        );
      },
    })
    .route({
      method: 'get',
      path: '/reports/agency/:id',
      name: 'report.agency',
      summary: 'Dashboard of one agency (all its UPPs)',
      tag: 'reports',
      access: ['admin'],
      params: IdParams,
      response: Dashboard,
      handler: async ({ user, params }) => {
        const agency = await Agency.findById(params.id);
        if (!agency) throw notFound('Instansi');
        if (!policies.manageAgency(user, params.id)) throw forbidden();
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
      access: 'public',
      response: z.object({
        upps: z.array(
          z.object({ id: z.string(), slug: z.string(), name: z.string(), agencyName: z.string() }),
        ),
      }),
      handler: async () => {
        const [upps, agencies] = await Promise.all([Upp.find().sort({ name: 1 }), Agency.find()]);
        const names = new Map(agencies.map((a) => [a._id.toString(), a.name]));
        return {
          upps: upps.map((u) => ({
            id: u._id.toString(),
            slug: u.slug,
            name: u.name,
            agencyName: names.get(u.agencyId.toString()) ?? '',
          })),
        };
      },
    })
    .route({
      method: 'get',
      path: '/public/scoreboard/:slug',
      name: 'scoreboard.get',
      summary: 'Public scoreboard of a UPP: received, answered within standard, median time',
      tag: 'public',
      access: 'public',
      params: z.strictObject({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) }),
      response: Scoreboard,
      handler: async ({ params }) => {
        const upp = await Upp.findOne({ slug: params.slug });
        if (!upp) throw notFound('UPP');
        const agency = await Agency.findById(upp.agencyId);
        const now = ctx.clock.now();
        const f = await caseFigures({ uppId: upp._id, type: 'input' }, now);
        const byService = new Map<string, typeof f.cases>();
        for (const c of f.cases) {
          if (!c.serviceCode) continue;
          byService.set(c.serviceCode, [...(byService.get(c.serviceCode) ?? []), c]);
        }
        const names = new Map(
          (await ServiceModel.find({ code: { $in: [...byService.keys()] } })).map((s) => [
            s.code,
            s.name,
          ]),
        );
        return {
          upp: {
            id: upp._id.toString(),
            slug: upp.slug,
            name: upp.name,
            agencyName: agency?.name ?? '',
          },
          received: f.total,
          answered: f.answered,
          answeredWithinStandard: f.within,
          medianResponseHours: f.medianHours,
          perService: [...byService].map(([code, list]) => {
            const answered = list.filter((c) => c.firstReplyAt);
            const hours = answered.map(
              (c) => (c.firstReplyAt!.getTime() - c.receivedAt.getTime()) / 3_600_000,
            );
            const m = median(hours);
            return {
              serviceCode: code,
              serviceName: names.get(code) ?? code,
              received: list.length,
              answeredWithinStandard: answered.filter((c) => c.firstReplyAt! <= c.deadline).length,
              medianResponseHours: m === null ? null : Math.round(m * 10) / 10,
            };
          }),
        };
      },
    })
    .route({
      method: 'get',
      path: '/forums/:id/berita-acara.pdf',
      name: 'forum.beritaAcara',
      summary: 'Minutes (berita acara) as PDF: public once the forum is closed, staff any time',
      tag: 'reports',
      access: 'public',
      params: IdParams,
      handler: async ({ req, res, user, params }) => {
        await ctx.live.settle(params.id);
        const f = await findForum(params.id);
        const published = f.status === 'closed' || f.status === 'archived';
        if (!published && !canModerate(user, f)) {
          throw forbidden('Berita acara tersedia setelah forum ditutup.');
        }
        const { data } = await forumReportData(f, baseUrl(req), ctx.clock.now());
        const pdf = await renderBeritaAcara(data);
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
      access: STAFF,
      params: z.strictObject({ id: IdParams.shape.id, format: z.enum(['csv', 'json']) }),
      handler: async ({ req, res, user, params }) => {
        await ctx.live.settle(params.id);
        const f = await findForum(params.id);
        if (!canModerate(user, f)) throw forbidden();
        const { rows } = await forumReportData(f, baseUrl(req), ctx.clock.now());
        const name = `masukan-${f.code}.${params.format}`;
        res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
        if (params.format === 'csv') res.type('text/csv; charset=utf-8').send(inputsToCsv(rows));
        else res.type('application/json').send(inputsToJson(rows));
      },
    });
}
