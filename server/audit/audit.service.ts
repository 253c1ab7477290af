import type { AuditEntry } from '../../shared/schemas/inbox';
import type { AuthUser } from '../auth/types';
import { AuditModel } from './audit.model';

/** Records a staff action. `system` actions (escalation job) pass null. */
export async function audit(
  actor: AuthUser | null,
  action: string,
  target: string,
  detail = '',
): Promise<void> {
  await AuditModel.create({
    actorId: actor?.id ?? null,
    actorName: actor?.displayName ?? 'Sistem',
    actorRole: actor?.role ?? 'system',
    action,
    target,
    detail: detail.slice(0, 1000),
  });
}

export async function listAudit(page: number, pageSize = 50) {
  const [rows, total] = await Promise.all([
    AuditModel.find()
      .sort({ createdAt: -1 })
      .skip((page - 1) * pageSize)
      .limit(pageSize),
    AuditModel.countDocuments(),
  ]);
  const entries: AuditEntry[] = rows.map((r) => ({
    id: r._id.toString(),
    at: r.createdAt.toISOString(),
    actorId: r.actorId ? r.actorId.toString() : null,
    actorName: r.actorName,
    actorRole: r.actorRole,
    action: r.action,
    target: r.target,
    detail: r.detail,
  }));
  return { entries, total };
}
