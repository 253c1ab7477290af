import express from 'express';
import { z } from 'zod';
import { ADMIN_ROLES } from '../../shared/domain/roles';
import { ServiceInput } from '../../shared/schemas/catalog';
import { AuditList, AuditQuery } from '../../shared/schemas/inbox';
import { audit, listAudit } from '../audit/audit.service';
import type { AuthUser } from '../auth/types';
import { cleanService, cleanServiceOrThrow } from './clean';
import { ServiceModel, type ServiceDoc } from './service.model';
import {
  exportCatalogCsv,
  exportCatalogJson,
  parseCatalogCsv,
  parseCatalogJson,
} from './importExport';
import type { Api } from '../http/api';
import { badRequest, conflict, notFound } from '../http/errors';
import { platformData, platformOnly, scopedTo } from '../http/policy';

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

/**
 * The service catalog is platform data: one national catalog of services and their standards,
 * read by every admin, changed by platform admins only (docs/SECURITY.md, "Platform data").
 */
export function adminExtraRoutes(api: Api): void {
  const tag = 'admin';
  api
    .route({
      method: 'get',
      path: '/admin/catalog',
      name: 'catalog.list',
      summary: 'The full service catalog with standards',
      tag,
      policy: platformData(ADMIN_ROLES, 'admins read the national catalog'),
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
      policy: platformOnly(),
      body: ServiceInput,
      status: 201,
      response: z.object({ service: ServiceInput }),
      handler: async ({ user, body }) => {
        if (await ServiceModel.exists({ code: body.code }))
          throw conflict(`Kode ${body.code} sudah ada.`);
        const service = cleanServiceOrThrow(body);
        await upsert(user, service, 'catalog.create');
        return { service };
      },
    })
    .route({
      method: 'put',
      path: '/admin/catalog/:code',
      name: 'catalog.update',
      audit: false,
      summary: 'Edit a service and its standard',
      tag,
      policy: platformOnly(),
      params: z.strictObject({ code: z.string().regex(/^[A-Z]{3}-\d{4}-\d{2}$/) }),
      body: ServiceInput,
      response: z.object({ service: ServiceInput }),
      handler: async ({ user, params, body }) => {
        if (body.code !== params.code) throw badRequest('Kode layanan tidak dapat diubah.');
        if (!(await ServiceModel.exists({ code: params.code }))) throw notFound('Layanan');
        const service = cleanServiceOrThrow(body);
        await upsert(user, service, 'catalog.update');
        return { service };
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
      policy: platformOnly(),
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
        const parsed =
          query.format === 'csv' ? parseCatalogCsv(req.body) : parseCatalogJson(req.body);
        // What people typed becomes plain text; a row that was only markup is rejected.
        const valid: ServiceInput[] = [];
        const rejected = [...parsed.rejected];
        for (const s of parsed.valid) {
          const c = cleanService(s);
          if (c.ok) valid.push(c.service);
          else rejected.push({ row: 0, code: s.code, errors: c.errors });
        }
        const apply = query.mode === 'apply' && valid.length > 0;
        if (apply) {
          for (const s of valid) await upsert(user, s, 'catalog.import');
        }
        return { valid: valid.length, rejected, applied: apply };
      },
    })
    .route({
      method: 'get',
      path: '/admin/catalog/export.:format',
      name: 'catalog.export',
      summary: 'Download the catalog as CSV or JSON (formula-injection safe)',
      tag,
      policy: platformData(ADMIN_ROLES, 'admins read the national catalog'),
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
      summary:
        'Audit log of staff actions (platform admins: all; agency admins: their agency), ' +
        'filtered by actor, action and days (WIB)',
      tag,
      policy: scopedTo(ADMIN_ROLES, "admins: every entry (platform) or their agency's"),
      query: AuditQuery,
      response: AuditList,
      handler: ({ resource, query }) => listAudit(resource, query),
    });
}
