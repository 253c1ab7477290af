import mongoose from 'mongoose';
import {
  ACCEPTING_STATUSES,
  FORUM_STATUS_LABELS,
  FORUM_TRANSITIONS,
  type ForumStatus,
} from '../../shared/domain/forum';
import type {
  ForumCreate,
  ForumListQuery,
  ForumStatusChange,
  ForumUpdate,
} from '../../shared/schemas/forum';
import type { ForumSnapshot, SpotlightBody } from '../../shared/schemas/input';
import { liveSnapshot, presentLiveForum } from './forum.view';
import { Upp, type UppDoc } from '../admin/upp.model';
import { policies } from '../auth/policies';
import type { AuthUser } from '../auth/types';
import { AppError, badRequest, conflict, forbidden, forumClosed, notFound } from '../http/errors';
import { cleanLine, cleanText } from '../lib/sanitize';
import type { ServiceContext } from '../context';
import { ForumModel, type ForumDoc } from './forum.model';
import { canModerate, canSee } from './forum.rules';
import { presentForum } from './forum.presenter';
import { InputModel } from './input.model';
import { newJoinCode } from './joinCode';
import { recordModeration } from './moderation.log';
import type { Viewer } from './viewer';

export async function uppNames(ids: string[]): Promise<Map<string, string>> {
  const upps = await Upp.find({ _id: { $in: [...new Set(ids)] } }, { name: 1 });
  return new Map(upps.map((u) => [u._id.toString(), u.name]));
}

export async function findForum(id: string): Promise<ForumDoc> {
  if (!mongoose.isValidObjectId(id)) throw new AppError(400, 'invalid_id', 'invalid_forum_id');
  const f = await ForumModel.findById(id);
  if (!f) throw notFound('forum_not_found');
  return f;
}

export async function presentForums(forums: ForumDoc[], user: AuthUser | undefined) {
  const names = await uppNames(forums.flatMap((f) => [f.hostUppId, ...f.coHostUppIds].map(String)));
  return forums.map((f) => presentForum(f, names, canModerate(user, f)));
}

export async function presentOne(f: ForumDoc, user: AuthUser | undefined) {
  return (await presentForums([f], user))[0]!;
}

function checkSchedule(s: {
  opensAt: string;
  closesAt: string;
  liveStartAt: string | null;
  liveEndAt: string | null;
}) {
  if (new Date(s.closesAt) <= new Date(s.opensAt)) {
    throw badRequest('closes_before_opens');
  }
  if (s.liveStartAt && s.liveEndAt && new Date(s.liveEndAt) <= new Date(s.liveStartAt)) {
    throw badRequest('live_ends_before_start');
  }
}

/** Creates a draft forum for a host UPP the user runs forums for (checked by the route). */
export async function createForum(
  _ctx: ServiceContext,
  user: AuthUser,
  host: UppDoc,
  body: ForumCreate,
) {
  if (!policies.runForumsFor(user, host._id.toString(), host.agencyId.toString())) {
    throw forbidden('forum_create_forbidden');
  }
  const coHosts = await Upp.countDocuments({ _id: { $in: body.coHostUppIds } });
  if (coHosts !== new Set(body.coHostUppIds).size) throw badRequest('partner_upp_not_found');
  checkSchedule(body.schedule);
  const fields = {
    title: cleanLine(body.title),
    description: cleanText(body.description),
    agenda: body.agenda.map(cleanLine).filter(Boolean),
    type: body.type,
    status: 'draft' as const,
    location: cleanLine(body.location),
    hostUppId: host._id,
    coHostUppIds: body.coHostUppIds,
    agencyId: host.agencyId,
    region: host.region,
    schedule: body.schedule,
    settings: body.settings,
    createdBy: user.id,
  };
  if (fields.title.length < 5) throw badRequest('forum_title_too_short');
  for (let attempt = 0; attempt < 8; attempt += 1) {
    try {
      const f = await ForumModel.create({ ...fields, code: newJoinCode() });
      return presentOne(f, user);
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  }
  throw conflict('join_code_failed');
}

export async function updateForum(
  ctx: ServiceContext,
  user: AuthUser,
  id: string,
  body: ForumUpdate,
) {
  const f = await findForum(id);
  if (!canModerate(user, f)) throw forbidden();
  if (f.status === 'archived') throw forumClosed('forum_archived');
  if (body.title !== undefined) f.title = cleanLine(body.title);
  if (body.description !== undefined) f.description = cleanText(body.description);
  if (body.agenda !== undefined) f.agenda = body.agenda.map(cleanLine).filter(Boolean);
  if (body.location !== undefined) f.location = cleanLine(body.location);
  if (body.coHostUppIds !== undefined) f.set('coHostUppIds', body.coHostUppIds);
  if (body.schedule) {
    // Times not sent keep their stored value; the whole schedule is checked after the merge.
    const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
    const s = f.schedule;
    const merged = {
      opensAt: body.schedule.opensAt ?? iso(s.opensAt) ?? '',
      closesAt: body.schedule.closesAt ?? iso(s.closesAt) ?? '',
      liveStartAt:
        body.schedule.liveStartAt !== undefined ? body.schedule.liveStartAt : iso(s.liveStartAt),
      liveEndAt: body.schedule.liveEndAt !== undefined ? body.schedule.liveEndAt : iso(s.liveEndAt),
    };
    checkSchedule(merged);
    for (const [k, v] of Object.entries(body.schedule)) f.set(`schedule.${k}`, v);
  }
  // One setting at a time: settings not sent keep their stored value ($set of dotted paths).
  for (const [k, v] of Object.entries(body.settings ?? {})) {
    if (v !== undefined) f.set(`settings.${k}`, v);
  }
  f.seq = await ctx.live.nextSeq(id);
  await f.save();
  await ctx.live.cache.changed(id, { forum: f });
  // Facilitators of a co-host that was removed stop moderating at once (open sockets too).
  if (body.coHostUppIds !== undefined) await ctx.realtime.recheckStaffRoom(f);
  return presentOne(f, user);
}

export function changeStatus(
  ctx: ServiceContext,
  user: AuthUser,
  id: string,
  body: ForumStatusChange,
) {
  return ctx.live.lock(id, () => changeStatusLocked(ctx, user, id, body));
}

async function changeStatusLocked(
  ctx: ServiceContext,
  user: AuthUser,
  id: string,
  body: ForumStatusChange,
) {
  const f = await findForum(id);
  if (!canModerate(user, f)) throw forbidden();
  const to: ForumStatus = body.status;
  if (!FORUM_TRANSITIONS[f.status].includes(to)) {
    throw conflict('forum_status_transition', {
      from: FORUM_STATUS_LABELS[f.status].id,
      to: FORUM_STATUS_LABELS[to].id,
    });
  }
  // Votes stop with the status change: store the final counts first.
  if (!ACCEPTING_STATUSES.includes(to)) await ctx.live.flushAll(id);
  const updated = await ForumModel.findOneAndUpdate(
    { _id: f._id, status: f.status },
    {
      $set: {
        status: to,
        seq: await ctx.live.nextSeq(id),
        ...(to === 'closed' ? { closedAt: ctx.clock.now(), spotlightInputId: null } : {}),
      },
    },
    { returnDocument: 'after' },
  );
  if (!updated) throw conflict('forum_status_changed');
  await ctx.live.cache.changed(id, { forum: updated });
  if (!ACCEPTING_STATUSES.includes(to)) await ctx.live.flushAll(id);
  await recordModeration(user, { forumId: f._id, action: 'forum.status', reason: to });
  ctx.realtime.forumStatus(id, to);
  if (to === 'closed' && f.spotlightInputId) ctx.realtime.spotlight(id, null);
  return presentOne(updated, user);
}

export async function listForums(user: AuthUser | undefined, q: ForumListQuery) {
  const filter: Record<string, unknown> = {};
  if (q.status === 'active') filter.status = { $in: ACCEPTING_STATUSES };
  else if (q.status !== 'all') filter.status = q.status;
  if (q.type) filter.type = q.type;
  const mine = q.mine === 'true';
  const docs = await ForumModel.find(filter).sort({ 'schedule.opensAt': -1 }).limit(200);
  const visible = docs.filter((f) => (mine ? canModerate(user, f) : canSee(user, f)));
  return presentForums(visible, user);
}

export async function getByCode(ctx: ServiceContext, viewer: Viewer, code: string) {
  const e = await ctx.live.cache.byCode(code).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 400) throw notFound('forum_code_not_found');
    throw err;
  });
  const f = e.forum;
  if (f.status === 'draft') throw notFound('forum_code_not_found');
  if (f.status === 'archived') throw forumClosed('forum_gone', 410);
  return presentLiveForum(ctx.live, e, viewer);
}

/** Everything a viewer needs to show a forum, with the cursor for resync. */
export function snapshot(ctx: ServiceContext, viewer: Viewer, id: string): Promise<ForumSnapshot> {
  return liveSnapshot(ctx.live, viewer, id);
}

export function spotlight(ctx: ServiceContext, user: AuthUser, id: string, body: SpotlightBody) {
  return ctx.live.lock(id, () => spotlightLocked(ctx, user, id, body));
}

async function spotlightLocked(
  ctx: ServiceContext,
  user: AuthUser,
  id: string,
  body: SpotlightBody,
) {
  const f = await findForum(id);
  if (!canModerate(user, f)) throw forbidden();
  let input = null;
  if (body.inputId) {
    input = await InputModel.findOne({ _id: body.inputId, forumId: f._id });
    if (!input) throw notFound('input_not_found');
    if (input.status !== 'published') throw badRequest('spotlight_needs_published');
  }
  const updated = await ForumModel.findByIdAndUpdate(
    f._id,
    { $set: { spotlightInputId: input?._id ?? null, seq: await ctx.live.nextSeq(id) } },
    { returnDocument: 'after' },
  );
  await ctx.live.cache.changed(id, { forum: updated! });
  await recordModeration(user, {
    forumId: f._id,
    inputId: input?._id ?? null,
    action: 'spotlight',
  });
  ctx.realtime.spotlight(id, input);
  return presentOne(updated!, user);
}
