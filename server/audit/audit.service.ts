import { Types } from 'mongoose';
import type { AuditEntry } from '../../shared/schemas/inbox';
import { Upp } from '../admin/upp.model';
import type { StaffScope } from '../auth/policies';
import type { AuthUser } from '../auth/types';
import { AuditModel } from './audit.model';

/** The agencies an actor works in: an agency admin's, or those of a staff member's UPPs. */
async function actorAgencies(actor: AuthUser | null): Promise<string[]> {
  if (!actor) return [];
  if (actor.agencyId) return [actor.agencyId];
  if (!actor.uppIds.length) return [];
  const upps = await Upp.find({ _id: { $in: actor.uppIds } }, { agencyId: 1 }).lean();
  return upps.map((u) => u.agencyId.toString());
}

/**
 * Records a staff action. `system` actions (escalation job) pass null. `agencyIds` names the
 * agencies the target belongs to, so their admins see the entry too.
 */
export async function audit(
  actor: AuthUser | null,
  action: string,
  target: string,
  detail = '',
  agencyIds: string[] = [],
): Promise<void> {
  const agencies = new Set([...(await actorAgencies(actor)), ...agencyIds]);
  await AuditModel.create({
    actorId: actor?.id ?? null,
    actorName: actor?.displayName ?? 'Sistem',
    actorRole: actor?.role ?? 'system',
    action,
    target,
    detail: detail.slice(0, 1000),
    agencyIds: [...agencies].map((id) => new Types.ObjectId(id)),
  });
}

/** A page of the audit log within the scope: all of it, or one agency's entries. */
export async function listAudit(scope: StaffScope, page: number, pageSize = 50) {
  if (scope.kind !== 'platform' && scope.kind !== 'agency') return { entries: [], total: 0 };
  const filter = scope.kind === 'agency' ? { agencyIds: new Types.ObjectId(scope.agencyId) } : {};
  const [rows, total] = await Promise.all([
    AuditModel.find(filter)
      .sort({ createdAt: -1 })
      .skip((page - 1) * pageSize)
      .limit(pageSize),
    AuditModel.countDocuments(filter),
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
