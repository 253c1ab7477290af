import { audit } from '../audit/audit.service';
import type { ServiceContext } from './context';
import { ForumModel } from './forum.model';

/**
 * Applies forum schedules: a scheduled forum opens at its opening time, and an open or live
 * forum closes at its closing time. Returns how many forums changed.
 */
export async function applySchedules(
  ctx: ServiceContext,
): Promise<{ opened: number; closed: number }> {
  const now = ctx.clock.now();
  let opened = 0;
  let closed = 0;
  for (const f of await ForumModel.find({
    status: 'scheduled',
    'schedule.opensAt': { $lte: now },
  })) {
    const r = await ForumModel.updateOne(
      { _id: f._id, status: 'scheduled' },
      { $set: { status: 'open' }, $inc: { seq: 1 } },
    );
    if (r.modifiedCount) {
      opened += 1;
      ctx.realtime.forumStatus(f._id.toString(), 'open');
      await audit(null, 'forum.open', `forum:${f._id}`, 'jadwal');
    }
  }
  for (const f of await ForumModel.find({
    status: { $in: ['open', 'live'] },
    'schedule.closesAt': { $lte: now },
  })) {
    const r = await ForumModel.updateOne(
      { _id: f._id, status: f.status },
      { $set: { status: 'closed', closedAt: now, spotlightInputId: null }, $inc: { seq: 1 } },
    );
    if (r.modifiedCount) {
      closed += 1;
      ctx.realtime.forumStatus(f._id.toString(), 'closed');
      await audit(null, 'forum.close', `forum:${f._id}`, 'jadwal');
    }
  }
  return { opened, closed };
}
