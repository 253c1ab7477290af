import { Types } from 'mongoose';
import type { AuditEntry, AuditList, AuditQuery } from '../../shared/schemas/inbox';
import { Upp } from '../admin/upp.model';
import type { StaffScope } from '../auth/policies';
import type { AuthUser } from '../auth/types';
import { User } from '../auth/user.model';
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

/** The start of a day in Asia/Jakarta (the log is read in WIB days). */
const wibDay = (day: string) => new Date(`${day}T00:00:00+07:00`);

/** The query filter for who, what and when. */
function auditFilter(q: Omit<AuditQuery, 'page'>): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (q.actor === 'system') filter.actorId = null;
  else if (q.actor) filter.actorId = new Types.ObjectId(q.actor);
  if (q.action?.endsWith('.')) {
    const prefix = q.action.replace(/[.]/g, '\\.');
    filter.action = { $regex: `^${prefix}` };
  } else if (q.action) filter.action = q.action;
  const at: Record<string, Date> = {};
  if (q.from) at.$gte = wibDay(q.from);
  if (q.to) at.$lt = new Date(wibDay(q.to).getTime() + 86_400_000);
  if (at.$gte || at.$lt) filter.createdAt = at;
  return filter;
}

/** Everyone and every action in the log (within the scope), for the filter lists. */
async function auditFacets(
  scoped: Record<string, unknown>,
): Promise<Pick<AuditList, 'actors' | 'actions'>> {
  const [actions, actorIds] = await Promise.all([
    AuditModel.distinct('action', scoped),
    AuditModel.distinct('actorId', scoped),
  ]);
  const ids = actorIds.filter((id): id is Types.ObjectId => id instanceof Types.ObjectId);
  const users = new Map(
    (await User.find({ _id: { $in: ids } }, { displayName: 1, role: 1 })).map((u) => [
      u._id.toString(),
      { name: u.displayName, role: u.role as string },
    ]),
  );
  const actors: AuditList['actors'] = [];
  for (const id of ids) {
    // An account removed since: the name its entries were written with.
    const who =
      users.get(id.toString()) ??
      (await AuditModel.findOne({ actorId: id }, { actorName: 1, actorRole: 1 }).then((e) =>
        e ? { name: e.actorName, role: e.actorRole } : null,
      ));
    if (who) actors.push({ id: id.toString(), ...who });
  }
  if (actorIds.some((id) => id === null))
    actors.push({ id: 'system', name: 'Sistem', role: 'system' });
  return {
    actions: actions.map(String).sort(),
    actors: actors.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/**
 * A page of the audit log within the scope (all of it, or one agency's entries), filtered by
 * who, what and when.
 */
export async function listAudit(
  scope: StaffScope,
  q: AuditQuery,
  pageSize = 50,
): Promise<AuditList> {
  if (scope.kind !== 'platform' && scope.kind !== 'agency') {
    return { entries: [], total: 0, actors: [], actions: [] };
  }
  const scoped = scope.kind === 'agency' ? { agencyIds: new Types.ObjectId(scope.agencyId) } : {};
  const filter = { ...scoped, ...auditFilter(q) };
  const [rows, total, facets] = await Promise.all([
    AuditModel.find(filter)
      .sort({ createdAt: -1 })
      .skip((q.page - 1) * pageSize)
      .limit(pageSize),
    AuditModel.countDocuments(filter),
    auditFacets(scoped),
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
  return { entries, total, ...facets };
}
