import { metrics } from '../metrics/metrics';
import { log } from '../lib/logger';
import mongoose, { Types } from 'mongoose';
import { ACCEPTING_STATUSES, INPUT_KIND_LABELS } from '../../shared/domain/forum';
import { FORUM_LIMITS } from '../../shared/schemas/forum';
import type { Input, InputCreate, SimilarInput } from '../../shared/schemas/input';
import {
  AppError,
  badRequest,
  conflict,
  forbidden,
  forumClosed,
  invalid,
  notFound,
} from '../http/errors';
import { cleanLine, cleanText } from '../lib/sanitize';
import type { ForumEntry } from '../live/forumCache';
import type { ServiceContext } from '../context';
import type { ForumDoc } from './forum.model';
import { canModerate } from './forum.rules';
import { presentInputs } from './forum.view';
import { InputModel, type InputDoc } from './input.model';
import { mostSimilar } from './similarity';
import { VoteModel } from './vote.model';
import { viewerKey, type Viewer } from './viewer';

function requireKey(viewer: Viewer): string {
  const key = viewerKey(viewer);
  if (!key) {
    throw badRequest('participant_cookie_missing');
  }
  return key;
}

function assertAccepting(f: ForumDoc): void {
  if (!ACCEPTING_STATUSES.includes(f.status)) {
    throw forumClosed('forum_not_accepting');
  }
}

async function findInput(id: string): Promise<InputDoc> {
  if (!mongoose.isValidObjectId(id)) throw new AppError(400, 'invalid_id', 'invalid_input_id');
  const i = await InputModel.findById(id);
  if (!i) throw notFound('input_not_found');
  return i;
}

const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;

/** A retried submission: the stored input when the key is the same author's, else a conflict. */
async function replay(
  ctx: ServiceContext,
  viewer: Viewer,
  key: string,
  forumId: string,
  idempotencyKey: string,
): Promise<{ input: Input; replay: boolean }> {
  const existing = await InputModel.findOne({ idempotencyKey });
  if (!existing || existing.authorKey !== key || existing.forumId.toString() !== forumId) {
    throw conflict('idempotency_key_taken');
  }
  const e = await ctx.live.cache.get(forumId);
  return { input: (await presentInputs(ctx.live, e, viewer, [existing], false))[0]!, replay: true };
}

function checkText(forum: ForumDoc, body: InputCreate): string {
  if (!forum.settings.kinds.includes(body.kind)) {
    throw badRequest('input_kind_closed', { kind: INPUT_KIND_LABELS[body.kind].id });
  }
  const text = cleanText(body.text);
  if (text.length < FORUM_LIMITS.inputMinDefault) {
    throw invalid('input_too_short', { min: FORUM_LIMITS.inputMinDefault });
  }
  if (text.length > forum.settings.maxInputLength) {
    throw invalid('input_too_long', {
      length: text.length,
      max: forum.settings.maxInputLength,
    });
  }
  return text;
}

/**
 * Stores a citizen's input, routes it, and only then acknowledges and broadcasts it. No forum
 * lock: the unique idempotency key makes a retry (on any process) return the stored input.
 */
export async function submitInput(
  ctx: ServiceContext,
  viewer: Viewer,
  forumId: string,
  body: InputCreate,
): Promise<{ input: Input; replay: boolean }> {
  const key = requireKey(viewer);
  const e = await ctx.live.cache.get(forumId);
  const forum = e.forum;
  assertAccepting(forum);
  const text = checkText(forum, body);
  const displayName = cleanLine(body.displayName || viewer.user?.displayName || '').slice(0, 80);
  if (!forum.settings.allowAnonymous && !displayName) {
    throw invalid('name_required_by_forum');
  }
  // Slow mode: one input per participant every N seconds (moderators are not slowed).
  const slow = forum.settings.slowModeSeconds ?? 0;
  let giveBack: (() => void) | null = null;
  if (slow > 0 && !canModerate(viewer.user, forum)) {
    try {
      giveBack = await ctx.limits.slowMode(forumId, key, slow);
    } catch (err) {
      // A retry of an input already stored answers with it, slow mode or not.
      const stored = await InputModel.exists({ idempotencyKey: body.idempotencyKey });
      if (stored) return replay(ctx, viewer, key, forumId, body.idempotencyKey);
      throw err;
    }
  }
  try {
    const stored = await storeInput(ctx, viewer, e, key, { text, displayName }, body);
    if (!stored.replay) metrics.inputs.inc();
    return stored;
  } catch (err) {
    giveBack?.();
    throw err;
  }
}

/** Routes and stores a checked input, then acknowledges and broadcasts it. */
async function storeInput(
  ctx: ServiceContext,
  viewer: Viewer,
  e: ForumEntry,
  key: string,
  clean: { text: string; displayName: string },
  body: InputCreate,
): Promise<{ input: Input; replay: boolean }> {
  const { forum } = e;
  const { text, displayName } = clean;
  const forumId = forum._id.toString();
  const status = forum.settings.moderation === 'post' ? 'published' : 'pending';
  const routing = await ctx.routing
    .route({ text, serviceCode: body.serviceCode, forum })
    .catch((err: unknown) => {
      log.error({ scope: 'routing', err }, 'routing failed, input goes to triage');
      return null;
    });
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
      seq: await ctx.live.nextSeq(forumId),
      routing,
      publishedAt: status === 'published' ? ctx.clock.now() : null,
    });
  } catch (err) {
    if (!isDuplicate(err)) throw err;
    return replay(ctx, viewer, key, forumId, body.idempotencyKey);
  }
  await ctx.live.addParticipant(forumId, key);
  if (doc.status === 'published') await ctx.onPublished(doc);
  await ctx.live.cache.changed(forumId, { inputs: [doc], cases: doc.status === 'published' });
  await ctx.live.touch(forumId);
  ctx.realtime.inputCreated(doc);
  await ctx.signals
    .submitted(forum, viewer)
    .catch((err: unknown) => log.error({ scope: 'signals', err }, 'could not record a submission'));
  return { input: (await presentInputs(ctx.live, e, viewer, [doc], false))[0]!, replay: false };
}

/** The cached input, checked for a vote. */
function votable(e: ForumEntry, inputId: string, key: string): void {
  const input = e.inputs.get(inputId);
  if (!input) throw notFound('input_not_found');
  assertAccepting(e.forum);
  if (!e.forum.settings.voting) throw conflict('voting_off');
  if (e.forum.settings.voteRequiresAccount && !key.startsWith('u:')) {
    throw new AppError(401, 'account_required', 'vote_requires_account');
  }
  if (input.status !== 'published') {
    throw conflict('not_votable');
  }
  if (input.authorKey === key) {
    throw conflict('own_input_vote');
  }
}

/**
 * Upvotes (or withdraws the upvote of) a published input; one vote per participant. The vote
 * document is stored first (its unique index is the truth), then applied to the tally, whose
 * count is returned. Only the same voter on the same input is serialized, on every process.
 */
export async function voteInput(
  ctx: ServiceContext,
  viewer: Viewer,
  inputId: string,
  voted: boolean,
) {
  const key = requireKey(viewer);
  const forumId = await ctx.live.cache.forumIdOfInput(inputId);
  const e = await ctx.live.cache.get(forumId);
  votable(e, inputId, key);
  const stored = ctx.live.coord.withLock(`vote:${inputId}:${key}`, async () => {
    const row = { inputId: new Types.ObjectId(inputId), voterKey: key };
    if (voted) {
      await ctx.live.writers.votes.submit({ ...row, forumId: e.forum._id, createdAt: new Date() });
    } else {
      await VoteModel.collection.deleteOne(row);
    }
    return ctx.live.applyVote(forumId, { inputId, voterKey: key }, voted);
  });
  // A first vote also makes the voter a participant: stored beside the vote, not after it.
  const [votes] = await Promise.all([
    stored,
    voted ? ctx.live.addParticipant(forumId, key) : null,
    voted
      ? ctx.signals
          .voted(e.forum, inputId, viewer)
          .catch((err: unknown) => log.error({ scope: 'signals', err }, 'could not record a vote'))
      : null,
  ]);
  ctx.realtime.voteCount(forumId, inputId);
  metrics.votes.inc({ action: voted ? 'add' : 'withdraw' });
  return { inputId, votes, voted };
}

/** The viewer's own inputs in a forum, every status. */
export async function myInputs(ctx: ServiceContext, viewer: Viewer, forumId: string) {
  const key = viewerKey(viewer);
  const e = await ctx.live.cache.get(forumId);
  if (!key) return [];
  const docs = [...e.inputs.values()]
    .filter((d) => d.authorKey === key)
    .sort(
      (a, b) => (b.get('createdAt') as Date).getTime() - (a.get('createdAt') as Date).getTime(),
    );
  return presentInputs(ctx.live, e, viewer, docs, false);
}

/** Published inputs similar to what the citizen is typing. */
export async function similarInputs(
  ctx: ServiceContext,
  forumId: string,
  text: string,
): Promise<SimilarInput[]> {
  const e = await ctx.live.cache.get(forumId);
  // Bounded cost: the newest published inputs only, the draft's first characters only, and
  // live counts for the few results rather than for every candidate.
  const docs = [...e.inputs.values()]
    .filter((d) => d.status === 'published')
    .sort((a, b) => b.seq - a.seq)
    .slice(0, FORUM_LIMITS.similarCandidatesMax);
  const best = mostSimilar(cleanText(text.slice(0, FORUM_LIMITS.similarTextMax)), docs);
  const counts = await ctx.live.counts(
    e,
    best.map(({ item }) => item._id.toString()),
  );
  return best.map(({ item, score }) => ({
    id: item._id.toString(),
    text: item.text,
    votes: counts.get(item._id.toString()) ?? item.votes,
    score: Math.round(score * 100) / 100,
  }));
}

/** Pending inputs for the moderation queue. */
export async function moderationQueue(ctx: ServiceContext, viewer: Viewer, forumId: string) {
  const e = await ctx.live.cache.get(forumId);
  if (!canModerate(viewer.user, e.forum)) throw forbidden('not_authorized');
  const docs = [...e.inputs.values()]
    .filter((d) => d.status === 'pending')
    .sort(
      (a, b) => (a.get('createdAt') as Date).getTime() - (b.get('createdAt') as Date).getTime(),
    );
  return presentInputs(ctx.live, e, viewer, docs, true);
}

export { findInput };
