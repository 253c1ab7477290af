import mongoose, { type Types } from 'mongoose';
import { ACCEPTING_STATUSES, INPUT_KIND_LABELS } from '../../shared/domain/forum';
import { FORUM_LIMITS } from '../../shared/schemas/forum';
import type { Input, InputCreate, SimilarInput } from '../../shared/schemas/input';
import { AppError, badRequest, conflict, notFound } from '../http/errors';
import { cleanLine, cleanText } from '../lib/sanitize';
import type { ServiceContext } from './context';
import { ForumModel, type ForumDoc } from './forum.model';
import { canModerate } from './forum.policy';
import { findForum } from './forum.service';
import { nextSeq, presentFor } from './input.queries';
import { InputModel, type InputDoc } from './input.model';
import { mostSimilar } from './similarity';
import { forumLock } from '../lib/keyedMutex';
import { ForumParticipantModel, VoteModel } from './vote.model';
import { viewerKey, type Viewer } from './viewer';

function requireKey(viewer: Viewer): string {
  const key = viewerKey(viewer);
  if (!key) {
    throw new AppError(400, 'bad_request', 'Cookie peserta tidak ada. Muat ulang halaman forum.');
  }
  return key;
}

function assertAccepting(f: ForumDoc): void {
  if (!ACCEPTING_STATUSES.includes(f.status)) {
    throw new AppError(409, 'closed', 'Forum tidak sedang menerima masukan.');
  }
}

/** Counts a participant once per forum. */
async function markParticipant(forumId: Types.ObjectId, key: string): Promise<void> {
  try {
    await ForumParticipantModel.create({ forumId, key });
    await ForumModel.updateOne({ _id: forumId }, { $inc: { 'counts.participants': 1 } });
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
  }
}

async function findInput(id: string): Promise<InputDoc> {
  if (!mongoose.isValidObjectId(id)) throw new AppError(400, 'invalid_id', 'ID masukan tidak sah.');
  const i = await InputModel.findById(id);
  if (!i) throw notFound('Masukan');
  return i;
}

/**
 * Stores a citizen's input, routes it, and only then acknowledges and broadcasts it.
 * A retry with the same idempotency key returns the stored input instead of a second one.
 */
export function submitInput(
  ctx: ServiceContext,
  viewer: Viewer,
  forumId: string,
  body: InputCreate,
): Promise<{ input: Input; replay: boolean }> {
  return forumLock.run(forumId, () => submitLocked(ctx, viewer, forumId, body));
}

async function submitLocked(
  ctx: ServiceContext,
  viewer: Viewer,
  forumId: string,
  body: InputCreate,
): Promise<{ input: Input; replay: boolean }> {
  const key = requireKey(viewer);
  const existing = await InputModel.findOne({ idempotencyKey: body.idempotencyKey });
  if (existing) {
    if (existing.authorKey !== key || existing.forumId.toString() !== forumId) {
      throw conflict('Kunci idempoten sudah dipakai untuk masukan lain.');
    }
    return { input: (await presentFor(viewer, [existing], false))[0]!, replay: true };
  }
  const forum = await findForum(forumId);
  assertAccepting(forum);
  if (!forum.settings.kinds.includes(body.kind)) {
    throw badRequest(
      `Jenis masukan "${INPUT_KIND_LABELS[body.kind].id}" tidak dibuka di forum ini.`,
    );
  }
  const text = cleanText(body.text);
  if (text.length < FORUM_LIMITS.inputMinDefault) {
    throw new AppError(
      400,
      'validation',
      `Masukan minimal ${FORUM_LIMITS.inputMinDefault} karakter.`,
    );
  }
  if (text.length > forum.settings.maxInputLength) {
    throw new AppError(
      400,
      'validation',
      `Masukan terlalu panjang (${text.length} karakter, maksimal ${forum.settings.maxInputLength}).`,
    );
  }
  const displayName = cleanLine(body.displayName || viewer.user?.displayName || '').slice(0, 80);
  if (!forum.settings.allowAnonymous && !displayName) {
    throw new AppError(400, 'validation', 'Forum ini meminta nama Anda dicantumkan.');
  }
  const status = forum.settings.moderation === 'post' ? 'published' : 'pending';
  const routing = await ctx.routing
    .route({ text, serviceCode: body.serviceCode, forum })
    .catch((err: unknown) => {
      console.error('[routing] failed, input goes to triage', err);
      return null;
    });
  const seq = await nextSeq(forum._id);
  let doc: InputDoc;
  try {
    doc = await InputModel.create({
      forumId: forum._id,
      text,
      kind: body.kind,
      serviceCode: body.serviceCode,
      displayName,
      authorKey: key,
      idempotencyKey: body.idempotencyKey,
      contactEmail: body.contactEmail || null,
      status,
      seq,
      routing,
      publishedAt: status === 'published' ? ctx.clock.now() : null,
    });
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    // A concurrent retry stored it first.
    const again = await InputModel.findOne({ idempotencyKey: body.idempotencyKey });
    if (!again || again.authorKey !== key) throw conflict('Kunci idempoten sudah dipakai.');
    return { input: (await presentFor(viewer, [again], false))[0]!, replay: true };
  }
  await ForumModel.updateOne({ _id: forum._id }, { $inc: { [`counts.${status}`]: 1 } });
  await markParticipant(forum._id, key);
  if (doc.status === 'published') await ctx.onPublished(doc);
  ctx.realtime.inputCreated(doc);
  return { input: (await presentFor(viewer, [doc], false))[0]!, replay: false };
}

/** Upvotes (or withdraws the upvote of) a published input; one vote per participant. */
export async function voteInput(
  ctx: ServiceContext,
  viewer: Viewer,
  inputId: string,
  voted: boolean,
) {
  const found = await findInput(inputId);
  return forumLock.run(found.forumId.toString(), () => voteLocked(ctx, viewer, inputId, voted));
}

async function voteLocked(ctx: ServiceContext, viewer: Viewer, inputId: string, voted: boolean) {
  const key = requireKey(viewer);
  const input = await findInput(inputId);
  const forum = await findForum(input.forumId.toString());
  assertAccepting(forum);
  if (!forum.settings.voting)
    throw new AppError(409, 'conflict', 'Pemungutan suara dimatikan di forum ini.');
  if (input.status !== 'published') {
    throw new AppError(409, 'conflict', 'Masukan ini tidak dapat didukung.');
  }
  let changed = false;
  if (voted) {
    try {
      await VoteModel.create({ inputId: input._id, forumId: forum._id, voterKey: key });
      changed = true;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  } else {
    const r = await VoteModel.deleteOne({ inputId: input._id, voterKey: key });
    changed = r.deletedCount === 1;
  }
  let votes = input.votes;
  if (changed) {
    const delta = voted ? 1 : -1;
    const updated = await InputModel.findByIdAndUpdate(
      input._id,
      { $inc: { votes: delta } },
      { returnDocument: 'after' },
    );
    votes = updated?.votes ?? votes + delta;
    await ForumModel.updateOne({ _id: forum._id }, { $inc: { 'counts.votes': delta } });
    if (voted) await markParticipant(forum._id, key);
    ctx.realtime.voteCount(forum._id.toString(), inputId);
  }
  return { inputId, votes, voted };
}

/** The viewer's own inputs in a forum, every status. */
export async function myInputs(viewer: Viewer, forumId: string): Promise<Input[]> {
  const key = viewerKey(viewer);
  if (!key) return [];
  const forum = await findForum(forumId);
  const docs = await InputModel.find({ forumId: forum._id, authorKey: key }).sort({
    createdAt: -1,
  });
  return presentFor(viewer, docs, false);
}

/** Published inputs similar to what the citizen is typing. */
export async function similarInputs(forumId: string, text: string): Promise<SimilarInput[]> {
  const forum = await findForum(forumId);
  const docs = await InputModel.find(
    { forumId: forum._id, status: 'published' },
    { text: 1, votes: 1 },
  ).limit(2000);
  return mostSimilar(cleanText(text), docs).map(({ item, score }) => ({
    id: item._id.toString(),
    text: item.text,
    votes: item.votes,
    score: Math.round(score * 100) / 100,
  }));
}

/** Pending inputs for the moderation queue. */
export async function moderationQueue(viewer: Viewer, forumId: string): Promise<Input[]> {
  const forum = await findForum(forumId);
  if (!canModerate(viewer.user, forum))
    throw new AppError(403, 'forbidden', 'Anda tidak berwenang.');
  const docs = await InputModel.find({ forumId: forum._id, status: 'pending' }).sort({
    createdAt: 1,
  });
  return presentFor(viewer, docs, true);
}

export { findInput };
