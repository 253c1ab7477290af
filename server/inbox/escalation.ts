import { OPEN_CASE_STATUSES } from '../../shared/domain/inbox';
import { audit } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import { computeDeadline, LAPOR_VERIFY_DAYS } from './deadline';
import { CaseModel } from './case.model';

/**
 * Escalates overdue cases: level 1 (UPP head) when the deadline passes, level 2 (agency admin)
 * when it is still open 3 working days later. Each level is reached once: the update only matches
 * cases still at the previous level, so running the job again changes nothing.
 */
export async function runEscalation(
  ctx: ServiceContext,
): Promise<{ level1: number; level2: number }> {
  const now = ctx.clock.now();
  let level1 = 0;
  let level2 = 0;
  const overdue = await CaseModel.find({
    status: { $in: OPEN_CASE_STATUSES },
    deadline: { $lt: now },
    escalationLevel: { $lt: 2 },
  }).limit(500);
  for (const c of overdue) {
    const second = computeDeadline(c.deadline, LAPOR_VERIFY_DAYS, ctx.calendar());
    const target = now >= second ? 2 : 1;
    if (c.escalationLevel >= target) continue;
    const r = await CaseModel.updateOne(
      { _id: c._id, escalationLevel: c.escalationLevel },
      { $set: { escalationLevel: target }, $push: { escalations: { level: target, at: now } } },
    );
    if (r.modifiedCount !== 1) continue;
    const text = `Lewat batas waktu: ${c.text.slice(0, 80)}`;
    if (target >= 1 && c.escalationLevel < 1) {
      level1 += 1;
      const heads = await ctx.notifier.uppStaff(c.uppId, ['upp_head']);
      await ctx.notifier.toUsers(heads, 'case.overdue', text, c._id);
    }
    if (target === 2) {
      level2 += 1;
      const admins = await ctx.notifier.agencyAdmins(c.agencyId);
      await ctx.notifier.toUsers(
        admins,
        'case.escalated',
        `Eskalasi ke admin instansi: ${c.text.slice(0, 80)}`,
        c._id,
      );
    }
    ctx.notifier.inboxChanged(c.uppId, c._id);
    await audit(null, `case.escalate.${target}`, `case:${c._id}`, '', [c.agencyId.toString()]);
  }
  return { level1, level2 };
}
