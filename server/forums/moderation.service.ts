import type { Input, MergeBody, RejectBody } from '../../shared/schemas/input';
import type { AuthUser } from '../auth/types';
import { badRequest, forbidden, forumClosed, notFound } from '../http/errors';
import { cleanText } from '../lib/sanitize';
import type { ServiceContext } from '../context';
import { ForumModel, type ForumDoc } from './forum.model';
import { canModerate } from './forum.rules';
import { findForum } from './forum.service';
import { presentInput } from './forum.presenter';
import { findInput } from './input.service';
import { InputModel, type InputDoc } from './input.model';
import { recordModeration } from './moderation.log';
import { VoteModel } from './vote.model';

async function load(
  user: AuthUser,
  inputId: string,
): Promise<{ input: InputDoc; forum: ForumDoc }> {
  const input = await findInput(inputId);
  const forum = await findForum(input.forumId.toString());
  if (!canModerate(user, forum)) throw forbidden('not_forum_facilitator');
  if (forum.status === 'archived') throw forumClosed('forum_archived');
  return { input, forum };
}

function staffView(doc: InputDoc): Input {
  return presentInput(doc, { staff: true });
}

/** Stamps the input with the forum's next change sequence and stores it. */
async function save(ctx: ServiceContext, forum: ForumDoc, input: InputDoc): Promise<void> {
  input.seq = await ctx.live.nextSeq(forum._id.toString());
  await input.save();
}

/** After a stored change: the cache of every process, and the forum's counters. */
async function stored(ctx: ServiceContext, forum: ForumDoc, inputs: InputDoc[], cases = false) {
  const forumId = forum._id.toString();
  await ctx.live.cache.changed(forumId, { inputs, cases });
  await ctx.live.touch(forumId);
}

async function clearSpotlightIf(ctx: ServiceContext, forum: ForumDoc, input: InputDoc) {
  if (forum.spotlightInputId?.toString() !== input._id.toString()) return;
  const forumId = forum._id.toString();
  const f = await ForumModel.findByIdAndUpdate(
    forum._id,
    { $set: { spotlightInputId: null, seq: await ctx.live.nextSeq(forumId) } },
    { returnDocument: 'after' },
  );
  if (f) await ctx.live.cache.changed(forumId, { forum: f });
  ctx.realtime.spotlight(forumId, null);
}

async function approveLocked(ctx: ServiceContext, user: AuthUser, inputId: string) {
  const { input, forum } = await load(user, inputId);
  if (input.status === 'published') return staffView(input);
  if (input.status === 'merged') throw badRequest('merged_cannot_approve');
  input.status = 'published';
  input.rejectReason = null;
  input.publishedAt ??= ctx.clock.now();
  await save(ctx, forum, input);
  await recordModeration(user, { forumId: forum._id, inputId: input._id, action: 'approve' });
  await ctx.onPublished(input);
  await stored(ctx, forum, [input], true);
  ctx.realtime.inputPublished(input);
  ctx.realtime.inputMine(input);
  return staffView(input);
}

/** Rejects (from the queue) or hides (from the feed) an input, with a reason code. */
async function removeLocked(
  ctx: ServiceContext,
  user: AuthUser,
  inputId: string,
  body: RejectBody,
  action: 'reject' | 'hide',
) {
  const { input, forum } = await load(user, inputId);
  if (input.status === 'merged') throw badRequest('already_merged');
  if (input.status === 'rejected' || input.status === 'hidden') return staffView(input);
  const wasPublished = input.status === 'published';
  input.status = action === 'reject' ? 'rejected' : 'hidden';
  input.rejectReason = body.reason;
  input.rejectNote = cleanText(body.note);
  await save(ctx, forum, input);
  await stored(ctx, forum, [input]);
  await recordModeration(user, {
    forumId: forum._id,
    inputId: input._id,
    action,
    reason: body.reason,
    note: input.rejectNote,
  });
  if (wasPublished) {
    ctx.realtime.inputRemoved(input);
    await clearSpotlightIf(ctx, forum, input);
  }
  ctx.realtime.inputMine(input);
  return staffView(input);
}

/** Privacy edit (e.g. removes a phone number); the original text is kept for audit. */
async function editLocked(
  ctx: ServiceContext,
  user: AuthUser,
  inputId: string,
  text: string,
  reason: string,
) {
  const { input, forum } = await load(user, inputId);
  const clean = cleanText(text);
  if (clean.length < 5) throw badRequest('edit_too_short');
  if (clean.length > forum.settings.maxInputLength) throw badRequest('edit_too_long');
  if (clean === input.text) return staffView(input);
  input.originalText ??= input.text;
  input.text = clean;
  input.edited = true;
  await save(ctx, forum, input);
  await stored(ctx, forum, [input]);
  await recordModeration(user, {
    forumId: forum._id,
    inputId: input._id,
    action: 'edit',
    reason: 'privacy',
    note: cleanText(reason),
  });
  if (input.status === 'published') ctx.realtime.inputUpdated(input);
  ctx.realtime.inputMine(input);
  return staffView(input);
}

async function answerLocked(ctx: ServiceContext, user: AuthUser, inputId: string, note: string) {
  const { input, forum } = await load(user, inputId);
  if (input.status !== 'published') throw badRequest('answer_needs_published');
  input.set('answered', { note: cleanText(note).slice(0, 1000), at: ctx.clock.now() });
  await save(ctx, forum, input);
  await stored(ctx, forum, [input]);
  await recordModeration(user, { forumId: forum._id, inputId: input._id, action: 'answer' });
  ctx.realtime.inputUpdated(input);
  ctx.realtime.inputMine(input);
  return staffView(input);
}

async function pinLocked(ctx: ServiceContext, user: AuthUser, inputId: string, pinned: boolean) {
  const { input, forum } = await load(user, inputId);
  if (input.status !== 'published') throw badRequest('pin_needs_published');
  input.pinned = pinned;
  await save(ctx, forum, input);
  await stored(ctx, forum, [input]);
  await recordModeration(user, {
    forumId: forum._id,
    inputId: input._id,
    action: pinned ? 'pin' : 'unpin',
  });
  ctx.realtime.inputUpdated(input);
  return staffView(input);
}

/** Runs a moderation action on an input under its forum's write lock (every process). */
async function onInput<T>(ctx: ServiceContext, inputId: string, task: () => Promise<T>) {
  const forumId = await ctx.live.cache.forumIdOfInput(inputId);
  return ctx.live.lock(forumId, task);
}

export const approve = (ctx: ServiceContext, user: AuthUser, inputId: string) =>
  onInput(ctx, inputId, () => approveLocked(ctx, user, inputId));
export const remove = (
  ctx: ServiceContext,
  user: AuthUser,
  inputId: string,
  body: RejectBody,
  action: 'reject' | 'hide',
) => onInput(ctx, inputId, () => removeLocked(ctx, user, inputId, body, action));
export const edit = (
  ctx: ServiceContext,
  user: AuthUser,
  inputId: string,
  text: string,
  reason: string,
) => onInput(ctx, inputId, () => editLocked(ctx, user, inputId, text, reason));
export const answer = (ctx: ServiceContext, user: AuthUser, inputId: string, note: string) =>
  onInput(ctx, inputId, () => answerLocked(ctx, user, inputId, note));
export const pin = (ctx: ServiceContext, user: AuthUser, inputId: string, pinned: boolean) =>
  onInput(ctx, inputId, () => pinLocked(ctx, user, inputId, pinned));

export function merge(ctx: ServiceContext, user: AuthUser, forumId: string, body: MergeBody) {
  return ctx.live.lock(forumId, () => mergeLocked(ctx, user, forumId, body));
}

async function mergeLocked(ctx: ServiceContext, user: AuthUser, forumId: string, body: MergeBody) {
  const forum = await findForum(forumId);
  if (!canModerate(user, forum)) throw forbidden('not_forum_facilitator');
  if (body.sourceIds.includes(body.targetId)) throw badRequest('merge_into_self');
  const target = await InputModel.findOne({ _id: body.targetId, forumId: forum._id });
  if (!target) throw notFound('target_input_not_found');
  if (target.status !== 'published' && target.status !== 'pending')
    throw badRequest('merge_target_unavailable');
  const sources = await InputModel.find({
    _id: { $in: body.sourceIds },
    forumId: forum._id,
    status: { $in: ['pending', 'published'] },
  });
  if (sources.length !== new Set(body.sourceIds).size) {
    throw badRequest('merge_sources_unavailable');
  }
  // A pending target is approved in the same step (duplicates found in the queue).
  const publishTarget = target.status === 'pending';
  if (publishTarget) {
    target.status = 'published';
    target.publishedAt ??= ctx.clock.now();
    await save(ctx, forum, target);
  }
  // Sources stop taking votes before their votes move.
  for (const s of sources) {
    s.status = 'merged';
    s.mergedInto = target._id;
    s.pinned = false;
    await save(ctx, forum, s);
  }
  await ctx.live.cache.changed(forumId, { inputs: [target, ...sources] });
  for (const s of sources) await moveVotes(ctx, forum, s, target);
  await recordModeration(user, {
    forumId: forum._id,
    inputId: target._id,
    action: 'merge',
    reason: 'duplicate',
    data: { sourceIds: body.sourceIds },
  });
  if (publishTarget) {
    await ctx.onPublished(target);
    await stored(ctx, forum, [target], true);
    ctx.realtime.inputPublished(target);
  } else {
    await stored(ctx, forum, [target]);
    ctx.realtime.inputUpdated(target);
  }
  for (const s of sources) {
    ctx.realtime.inputRemoved(s);
    await clearSpotlightIf(ctx, forum, s);
    ctx.realtime.inputMine(s);
  }
  ctx.realtime.inputMine(target);
  ctx.realtime.voteCount(forumId, target._id.toString());
  return staffView(target);
}

/** Moves a merged input's votes to the target: each voter counted once. */
async function moveVotes(ctx: ServiceContext, forum: ForumDoc, from: InputDoc, to: InputDoc) {
  const forumId = forum._id.toString();
  const votes = await VoteModel.find({ inputId: from._id }, { voterKey: 1, _id: 0 }).lean();
  if (!votes.length) return;
  await VoteModel.collection
    .insertMany(
      votes.map((v) => ({
        inputId: to._id,
        forumId: forum._id,
        voterKey: v.voterKey,
        createdAt: ctx.clock.now(),
      })),
      { ordered: false },
    )
    .catch((err: { code?: number; writeErrors?: { code?: number }[] }) => {
      const dupsOnly = (err.writeErrors ?? [err]).every((e) => e.code === 11000);
      if (!dupsOnly) throw err;
    });
  await VoteModel.collection.deleteMany({ inputId: from._id });
  for (const v of votes) {
    await ctx.live.applyVote(forumId, { inputId: to._id.toString(), voterKey: v.voterKey }, true);
    await ctx.live.applyVote(
      forumId,
      { inputId: from._id.toString(), voterKey: v.voterKey },
      false,
    );
  }
}
