import type { ForumStatus } from '../../shared/domain/forum';
import { audit } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import { ForumModel } from './forum.model';

/**
 * Moves one forum from `from` to `to` under its lock (every process runs the schedule job, and
 * FerretDB's conditional updates are not atomic); false when another process did it first.
 */
async function transition(
  ctx: ServiceContext,
  forumId: string,
  from: ForumStatus,
  to: ForumStatus,
): Promise<boolean> {
  return ctx.live.lock(forumId, async () => {
    const f = await ForumModel.findById(forumId, { status: 1 }).lean();
    if (f?.status !== from) return false;
    if (to === 'closed') await ctx.live.flushAll(forumId);
    const now = ctx.clock.now();
    const updated = await ForumModel.findByIdAndUpdate(
      forumId,
      {
        $set: {
          status: to,
          seq: await ctx.live.nextSeq(forumId),
          ...(to === 'closed' ? { closedAt: now, spotlightInputId: null } : {}),
        },
      },
      { returnDocument: 'after' },
    );
    if (!updated) return false;
    await ctx.live.cache.changed(forumId, { forum: updated });
    if (to === 'closed') await ctx.live.flushAll(forumId);
    ctx.realtime.forumStatus(forumId, to);
    await audit(null, to === 'open' ? 'forum.open' : 'forum.close', `forum:${forumId}`, 'jadwal', [
      updated.agencyId.toString(),
    ]);
    return true;
  });
}

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
  const toOpen = await ForumModel.find(
    { status: 'scheduled', 'schedule.opensAt': { $lte: now } },
    { _id: 1 },
  ).lean();
  for (const f of toOpen) {
    if (await transition(ctx, f._id.toString(), 'scheduled', 'open')) opened += 1;
  }
  const toClose = await ForumModel.find(
    { status: { $in: ['open', 'live'] }, 'schedule.closesAt': { $lte: now } },
    { _id: 1, status: 1 },
  ).lean();
  for (const f of toClose) {
    if (await transition(ctx, f._id.toString(), f.status, 'closed')) closed += 1;
  }
  return { opened, closed };
}
