import type { Input, MergeBody, RejectBody } from '../../shared/schemas/input';
import type { AuthUser } from '../auth/types';
import { AppError, badRequest, forbidden, notFound } from '../http/errors';
import { cleanText } from '../lib/sanitize';
import type { ServiceContext } from './context';
import { ForumModel, type ForumDoc } from './forum.model';
import { canModerate } from './forum.policy';
import { findForum } from './forum.service';
import { presentInput } from './forum.presenter';
import { findInput } from './input.service';
import { InputModel, type InputDoc } from './input.model';
import { nextSeq } from './input.queries';
import { recordModeration } from './moderation.log';
import { VoteModel } from './vote.model';
import { forumLock } from '../lib/keyedMutex';

async function load(
  user: AuthUser,
  inputId: string,
): Promise<{ input: InputDoc; forum: ForumDoc }> {
  const input = await findInput(inputId);
  const forum = await findForum(input.forumId.toString());
  if (!canModerate(user, forum)) throw forbidden('Anda bukan fasilitator forum ini.');
  if (forum.status === 'archived') throw new AppError(409, 'closed', 'Forum sudah diarsipkan.');
  return { input, forum };
}

function staffView(doc: InputDoc): Input {
  return presentInput(doc, { staff: true });
}

async function counts(forum: ForumDoc, inc: Record<string, number>): Promise<void> {
  await ForumModel.updateOne({ _id: forum._id }, { $inc: inc });
}

async function clearSpotlightIf(ctx: ServiceContext, forum: ForumDoc, input: InputDoc) {
  if (forum.spotlightInputId?.toString() !== input._id.toString()) return;
  await ForumModel.updateOne({ _id: forum._id }, { $set: { spotlightInputId: null } });
  ctx.realtime.spotlight(forum._id.toString(), null);
}

async function approveLocked(ctx: ServiceContext, user: AuthUser, inputId: string) {
  const { input, forum } = await load(user, inputId);
  if (input.status === 'published') return staffView(input);
  if (input.status === 'merged')
    throw badRequest('Masukan yang sudah digabung tidak dapat disetujui.');
  const from = input.status;
  input.status = 'published';
  input.rejectReason = null;
  input.publishedAt ??= ctx.clock.now();
  input.seq = await nextSeq(forum._id);
  await input.save();
  await counts(
    forum,
    from === 'pending'
      ? { 'counts.pending': -1, 'counts.published': 1 }
      : { 'counts.published': 1 },
  );
  await recordModeration(user, { forumId: forum._id, inputId: input._id, action: 'approve' });
  await ctx.onPublished(input);
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
  if (input.status === 'merged') throw badRequest('Masukan ini sudah digabung.');
  if (input.status === 'rejected' || input.status === 'hidden') return staffView(input);
  const wasPublished = input.status === 'published';
  input.status = action === 'reject' ? 'rejected' : 'hidden';
  input.rejectReason = body.reason;
  input.rejectNote = cleanText(body.note);
  input.seq = await nextSeq(forum._id);
  await input.save();
  await counts(forum, { [wasPublished ? 'counts.published' : 'counts.pending']: -1 });
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
  if (clean.length < 5) throw badRequest('Teks hasil suntingan terlalu pendek.');
  if (clean.length > forum.settings.maxInputLength)
    throw badRequest('Teks hasil suntingan terlalu panjang.');
  if (clean === input.text) return staffView(input);
  input.originalText ??= input.text;
  input.text = clean;
  input.edited = true;
  input.seq = await nextSeq(forum._id);
  await input.save();
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
  if (input.status !== 'published')
    throw badRequest('Hanya masukan yang tayang dapat ditandai dijawab.');
  input.set('answered', { note: cleanText(note).slice(0, 1000), at: ctx.clock.now() });
  input.seq = await nextSeq(forum._id);
  await input.save();
  await recordModeration(user, { forumId: forum._id, inputId: input._id, action: 'answer' });
  ctx.realtime.inputUpdated(input);
  ctx.realtime.inputMine(input);
  return staffView(input);
}

async function pinLocked(ctx: ServiceContext, user: AuthUser, inputId: string, pinned: boolean) {
  const { input, forum } = await load(user, inputId);
  if (input.status !== 'published') throw badRequest('Hanya masukan yang tayang dapat disematkan.');
  input.pinned = pinned;
  input.seq = await nextSeq(forum._id);
  await input.save();
  await recordModeration(user, {
    forumId: forum._id,
    inputId: input._id,
    action: pinned ? 'pin' : 'unpin',
  });
  ctx.realtime.inputUpdated(input);
  return staffView(input);
}

/** Merges duplicates into a target: votes combined, each voter counted once. */
/** Runs a moderation action on an input under its forum's write lock. */
async function onInput<T>(inputId: string, task: () => Promise<T>): Promise<T> {
  const input = await findInput(inputId);
  return forumLock.run(input.forumId.toString(), task);
}

export const approve = (ctx: ServiceContext, user: AuthUser, inputId: string) =>
  onInput(inputId, () => approveLocked(ctx, user, inputId));
export const remove = (
  ctx: ServiceContext,
  user: AuthUser,
  inputId: string,
  body: RejectBody,
  action: 'reject' | 'hide',
) => onInput(inputId, () => removeLocked(ctx, user, inputId, body, action));
export const edit = (
  ctx: ServiceContext,
  user: AuthUser,
  inputId: string,
  text: string,
  reason: string,
) => onInput(inputId, () => editLocked(ctx, user, inputId, text, reason));
export const answer = (ctx: ServiceContext, user: AuthUser, inputId: string, note: string) =>
  onInput(inputId, () => answerLocked(ctx, user, inputId, note));
export const pin = (ctx: ServiceContext, user: AuthUser, inputId: string, pinned: boolean) =>
  onInput(inputId, () => pinLocked(ctx, user, inputId, pinned));

export function merge(ctx: ServiceContext, user: AuthUser, forumId: string, body: MergeBody) {
  return forumLock.run(forumId, () => mergeLocked(ctx, user, forumId, body));
}

async function mergeLocked(ctx: ServiceContext, user: AuthUser, forumId: string, body: MergeBody) {
  const forum = await findForum(forumId);
  if (!canModerate(user, forum)) throw forbidden('Anda bukan fasilitator forum ini.');
  if (body.sourceIds.includes(body.targetId))
    throw badRequest('Masukan tidak dapat digabung ke dirinya sendiri.');
  const target = await InputModel.findOne({ _id: body.targetId, forumId: forum._id });
  if (!target) throw notFound('Masukan tujuan');
  if (target.status !== 'published') throw badRequest('Masukan tujuan harus sudah tayang.');
  const sources = await InputModel.find({
    _id: { $in: body.sourceIds },
    forumId: forum._id,
    status: { $in: ['pending', 'published'] },
  });
  if (sources.length !== new Set(body.sourceIds).size) {
    throw badRequest('Ada masukan sumber yang tidak ditemukan, sudah digabung atau ditolak.');
  }
  const before = target.votes + sources.reduce((n, s) => n + s.votes, 0);
  for (const s of sources) {
    const votes = await VoteModel.find({ inputId: s._id }, { voterKey: 1 });
    for (const v of votes) {
      try {
        await VoteModel.create({ inputId: target._id, forumId: forum._id, voterKey: v.voterKey });
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
      }
    }
    await VoteModel.deleteMany({ inputId: s._id });
  }
  const targetVotes = await VoteModel.countDocuments({ inputId: target._id });
  target.votes = targetVotes;
  target.seq = await nextSeq(forum._id);
  await target.save();
  const published = sources.filter((s) => s.status === 'published').length;
  const pending = sources.length - published;
  for (const s of sources) {
    const wasPublished = s.status === 'published';
    s.status = 'merged';
    s.mergedInto = target._id;
    s.votes = 0;
    s.pinned = false;
    s.seq = await nextSeq(forum._id);
    await s.save();
    if (wasPublished) ctx.realtime.inputRemoved(s);
    await clearSpotlightIf(ctx, forum, s);
    ctx.realtime.inputMine(s);
  }
  await counts(forum, {
    'counts.published': -published,
    'counts.pending': -pending,
    'counts.votes': targetVotes - before,
  });
  await recordModeration(user, {
    forumId: forum._id,
    inputId: target._id,
    action: 'merge',
    reason: 'duplicate',
    data: { sourceIds: body.sourceIds },
  });
  ctx.realtime.inputUpdated(target);
  ctx.realtime.voteCount(forumId, target._id.toString());
  return staffView(target);
}
