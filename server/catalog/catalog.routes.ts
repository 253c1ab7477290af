import { z } from 'zod';
import { SECTORS } from '../../shared/domain/sectors';
import { STAFF_ROLES } from '../../shared/domain/roles';
import { Upp } from '../admin/upp.model';
import type { Api } from '../http/api';
import { anyone, scopedTo } from '../http/policy';
import { ServiceModel } from './service.model';

const ServiceSummary = z.object({ code: z.string(), name: z.string(), sector: z.enum(SECTORS) });

export function catalogRoutes(api: Api): void {
  api
    .route({
      method: 'get',
      path: '/catalog/services',
      name: 'service.list',
      summary: 'Service catalog (codes, names, sectors) for pickers',
      tag: 'catalog',
      policy: anyone('anyone (the catalog is public)'),
      response: z.object({ services: z.array(ServiceSummary) }),
      handler: async () => {
        const rows = await ServiceModel.find({}, { code: 1, name: 1, sector: 1 }).sort({ code: 1 });
        return { services: rows.map((s) => ({ code: s.code, name: s.name, sector: s.sector })) };
      },
    })
    .route({
      method: 'get',
      path: '/upps/mine',
      name: 'upp.mine',
      summary: 'UPPs the signed-in staff member works for (or manages)',
      tag: 'catalog',
      policy: scopedTo(STAFF_ROLES, 'staff: the UPPs their scope covers'),
      response: z.object({ upps: z.array(z.object({ id: z.string(), name: z.string() })) }),
      handler: async ({ resource: scope }) => {
        const filter =
          scope.kind === 'platform'
            ? {}
            : scope.kind === 'agency'
              ? { agencyId: scope.agencyId }
              : scope.kind === 'upp'
                ? { _id: { $in: scope.uppIds } }
                : { _id: { $in: [] } };
        const upps = await Upp.find(filter, { name: 1 }).sort({ name: 1 });
        return { upps: upps.map((u) => ({ id: u._id.toString(), name: u.name })) };
      },
    });
}
