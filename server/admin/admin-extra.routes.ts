import express from 'express';
import { z } from 'zod';
import { ServiceInput } from '../../shared/schemas/catalog';
import { AuditEntry } from '../../shared/schemas/inbox';
import { audit, listAudit } from '../audit/audit.service';
import type { AuthUser } from '../auth/types';
import { ServiceModel, type ServiceDoc } from '../catalog/service.model';
import {
  exportCatalogCsv,
  exportCatalogJson,
  parseCatalogCsv,
  parseCatalogJson,
} from '../catalog/importExport';
import type { Api } from '../http/api';
import { badRequest, conflict, notFound } from '../http/errors';
import { HolidayModel, type CalendarStore } from '../inbox/holiday';

const ADMIN = ['admin'] as const;
const Holiday = z.object({ date: z.string(), name: z.string() });

/** Catalog rows as plain ServiceInput objects (the shape of import and export). */
function toInput(s: ServiceDoc): ServiceInput {
  const o = s.toObject() as ServiceInput & {
    _id?: unknown;
    __v?: unknown;
    createdAt?: unknown;
    updatedAt?: unknown;
  };
  return ServiceInput.parse({
    code: o.code,
    name: o.name,
    stage: o.stage,
    sector: o.sector,
    ralCode: o.ralCode ?? null,
    ralName: o.ralName ?? null,
    uppType: o.uppType,
    governmentLevel: o.governmentLevel,
    keywords: o.keywords,
    standard: {
      ...o.standard,
      responseTime: o.standard.responseTime?.value ? o.standard.responseTime : null,
    },
  });
}

async function allServices(): Promise<ServiceInput[]> {
  return (await ServiceModel.find().sort({ code: 1 })).map(toInput);
}

async function upsert(actor: AuthUser, s: ServiceInput, action: string) {
  await ServiceModel.updateOne(
    { code: s.code },
    { $set: s },
    { upsert: true, runValidators: true },
  );
  await audit(actor, action, `service:${s.code}`, s.name);
}

export function adminExtraRoutes(api: Api, calendar: CalendarStore): void {
  const tag = 'admin';
  api
    .route({
      method: 'get',
      path: '/admin/catalog',
      name: 'catalog.list',
      summary: 'The full service catalog with standards',
      tag,
      access: ADMIN,
      response: z.object({ services: z.array(ServiceInput) }),
      handler: async () => ({ services: await allServices() }),
    })
    .route({
      method: 'post',
      path: '/admin/catalog',
      name: 'catalog.create',
      audit: false,
      summary: 'Add a service to the catalog',
      tag,
      access: ADMIN,
      body: ServiceInput,
      status: 201,
      response: z.object({ service: ServiceInput }),
      handler: async ({ user, body }) => {
        if (await ServiceModel.exists({ code: body.code }))
          throw conflict(`Kode ${body.code} sudah ada.`);
        await upsert(user!, body, 'catalog.create');
        return { service: body };
      },
    })
    .route({
      method: 'put',
      path: '/admin/catalog/:code',
      name: 'catalog.update',
      audit: false,
      summary: 'Edit a service and its standard',
      tag,
      access: ADMIN,
      params: z.strictObject({ code: z.string().regex(/^[A-Z]{3}-\d{4}-\d{2}$/) }),
      body: ServiceInput,
      response: z.object({ service: ServiceInput }),
      handler: async ({ user, params, body }) => {
        if (body.code !== params.code) throw badRequest('Kode layanan tidak dapat diubah.');
        if (!(await ServiceModel.exists({ code: params.code }))) throw notFound('Layanan');
        await upsert(user!, body, 'catalog.update');
        return { service: body };
      },
    })
    .route({
      method: 'post',
      path: '/admin/catalog/import',
      name: 'catalog.import',
      audit: false,
      summary:
        'Import a CSV or JSON catalog: preview reports rejected rows, apply stores valid ones',
      tag,
      access: ADMIN,
      before: [express.text({ type: ['text/*', 'application/csv'], limit: '5mb' })],
      query: z.strictObject({
        format: z.enum(['csv', 'json']),
        mode: z.enum(['preview', 'apply']).default('preview'),
      }),
      response: z.object({
        valid: z.number().int(),
        rejected: z.array(
          z.object({ row: z.number(), code: z.string().optional(), errors: z.array(z.string()) }),
        ),
        applied: z.boolean(),
      }),
      handler: async ({ req, user, query }) => {
        if (typeof req.body !== 'string' || !req.body.trim()) {
          throw badRequest('Kirim isi berkas sebagai teks (Content-Type: text/plain).');
        }
        const result =
          query.format === 'csv' ? parseCatalogCsv(req.body) : parseCatalogJson(req.body);
        const apply = query.mode === 'apply' && result.valid.length > 0;
        if (apply) {
          for (const s of result.valid) await upsert(user!, s, 'catalog.import');
        }
        return { valid: result.valid.length, rejected: result.rejected, applied: apply };
      },
    })
    .route({
      method: 'get',
      path: '/admin/catalog/export.:format',
      name: 'catalog.export',
      summary: 'Download the catalog as CSV or JSON',
      tag,
      access: ADMIN,
      params: z.strictObject({ format: z.enum(['csv', 'json']) }),
      handler: async ({ res, params }) => {
        const services = await allServices();
        res.setHeader(
          'Content-Disposition',
          `attachment; filename="katalog-layanan.${params.format}"`,
        );
        if (params.format === 'csv')
          res.type('text/csv; charset=utf-8').send(exportCatalogCsv(services));
        else res.type('application/json').send(exportCatalogJson(services));
      },
    })
    .route({
      method: 'get',
      path: '/admin/audit',
      name: 'audit.list',
      summary: 'Audit log of staff actions',
      tag,
      access: ADMIN,
      query: z.strictObject({ page: z.coerce.number().int().min(1).max(10_000).default(1) }),
      response: z.object({ entries: z.array(AuditEntry), total: z.number().int() }),
      handler: ({ query }) => listAudit(query.page),
    })
    .route({
      method: 'get',
      path: '/admin/holidays',
      name: 'holiday.list',
      summary: 'Public holidays skipped by working-day deadlines',
      tag,
      access: ['admin', 'facilitator', 'upp_head'],
      response: z.object({ holidays: z.array(Holiday) }),
      handler: async () => ({ holidays: await listHolidays() }),
    })
    .route({
      method: 'post',
      path: '/admin/holidays',
      name: 'holiday.create',
      audit: false,
      summary: 'Add a public holiday',
      tag,
      access: ADMIN,
      body: z.strictObject({
        date: z.iso.date({ message: 'Tanggal harus YYYY-MM-DD' }),
        name: z.string().trim().min(2).max(120),
      }),
      status: 201,
      response: z.object({ holidays: z.array(Holiday) }),
      handler: async ({ user, body }) => {
        if (await HolidayModel.exists({ date: body.date }))
          throw conflict('Tanggal itu sudah terdaftar.');
        await HolidayModel.create(body);
        await calendar.reload();
        await audit(user!, 'holiday.create', `holiday:${body.date}`, body.name);
        return { holidays: await listHolidays() };
      },
    })
    .route({
      method: 'delete',
      path: '/admin/holidays/:date',
      name: 'holiday.delete',
      audit: false,
      summary: 'Remove a public holiday',
      tag,
      access: ADMIN,
      params: z.strictObject({ date: z.iso.date() }),
      response: z.object({ holidays: z.array(Holiday) }),
      handler: async ({ user, params }) => {
        const r = await HolidayModel.deleteOne({ date: params.date });
        if (!r.deletedCount) throw notFound('Hari libur');
        await calendar.reload();
        await audit(user!, 'holiday.delete', `holiday:${params.date}`);
        return { holidays: await listHolidays() };
      },
    });
}

async function listHolidays() {
  return (await HolidayModel.find().sort({ date: 1 })).map((h) => ({ date: h.date, name: h.name }));
}
