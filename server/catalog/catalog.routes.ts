import { z } from 'zod';
import { SECTORS } from '../../shared/domain/sectors';
import type { Api } from '../http/api';
import { anyone } from '../http/policy';
import { serviceSummaries } from './catalog.service';

const ServiceSummary = z.object({ code: z.string(), name: z.string(), sector: z.enum(SECTORS) });

export function catalogRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/catalog/services',
    name: 'service.list',
    summary: 'Service catalog (codes, names, sectors) for pickers',
    tag: 'catalog',
    policy: anyone('anyone (the catalog is public)'),
    response: z.object({ services: z.array(ServiceSummary) }),
    handler: async () => ({ services: await serviceSummaries() }),
  });
}
