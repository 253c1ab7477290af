import express from 'express';
import { z } from 'zod';
import { ADMIN_ROLES } from '../../shared/domain/roles';
import { ServiceInput } from '../../shared/schemas/catalog';
import type { Api } from '../http/api';
import { platformData, platformOnly } from '../http/policy';
import * as catalog from './catalog.service';
import { exportCatalogCsv, exportCatalogJson } from './importExport';

/**
 * The service catalog is platform data: one national catalog of services and their standards,
 * read by every admin, changed by platform admins only (docs/SECURITY.md, "Platform data").
 */
export function catalogAdminRoutes(api: Api): void {
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
      handler: async () => ({ services: await catalog.allServices() }),
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
      handler: async ({ user, body }) => ({ service: await catalog.createService(user, body) }),
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
      handler: async ({ user, params, body }) => ({
        service: await catalog.updateService(user, params.code, body),
      }),
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
      handler: ({ req, user, query }) =>
        catalog.importCatalog(user, req.body, query.format, query.mode === 'apply'),
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
        const services = await catalog.allServices();
        res.setHeader(
          'Content-Disposition',
          `attachment; filename="katalog-layanan.${params.format}"`,
        );
        if (params.format === 'csv')
          res.type('text/csv; charset=utf-8').send(exportCatalogCsv(services));
        else res.type('application/json').send(exportCatalogJson(services));
      },
    });
}
