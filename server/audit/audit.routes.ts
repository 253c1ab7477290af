import { ADMIN_ROLES } from '../../shared/domain/roles';
import { AuditList, AuditQuery } from '../../shared/schemas/inbox';
import type { Api } from '../http/api';
import { scopedTo } from '../http/policy';
import { listAudit } from './audit.service';

export function auditRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/admin/audit',
    name: 'audit.list',
    summary:
      'Audit log of staff actions (platform admins: all; agency admins: their agency), ' +
      'filtered by actor, action and days (WIB)',
    tag: 'admin',
    policy: scopedTo(ADMIN_ROLES, "admins: every entry (platform) or their agency's"),
    query: AuditQuery,
    response: AuditList,
    handler: ({ resource, query }) => listAudit(resource, query),
  });
}
