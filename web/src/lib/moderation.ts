import type { RejectReason } from '$shared/domain/forum';
import type { Input } from '$shared/schemas/input';
import { forumApi, inputApi } from './api';
import type { ForumLive } from './forum-live.svelte';
import { t, tn } from './i18n.svelte';

export type ModForm = 'reject' | 'hide' | 'answer' | 'edit';

export type ModAction =
  | { type: 'approve' }
  | { type: 'reject'; reason: RejectReason; note: string }
  | { type: 'hide'; reason: RejectReason; note: string }
  | { type: 'edit'; text: string; reason: string }
  | { type: 'answer'; note: string }
  | { type: 'pin'; pinned: boolean }
  | { type: 'spotlight'; on: boolean };

/** Runs one moderation action, applies the result locally and returns a status message. */
export async function runModAction(
  live: ForumLive,
  input: Input,
  action: ModAction,
): Promise<string> {
  switch (action.type) {
    case 'approve': {
      const r = await inputApi.approve(input.id);
      live.upsert(r.input, false);
      return t('mod.done.approve');
    }
    case 'reject': {
      const r = await inputApi.reject(input.id, action.reason, action.note);
      live.upsert(r.input, false);
      live.remove(input.id);
      return t('mod.done.reject');
    }
    case 'hide': {
      const r = await inputApi.hide(input.id, action.reason, action.note);
      live.upsert(r.input, false);
      live.remove(input.id);
      return t('mod.done.hide');
    }
    case 'edit': {
      const r = await inputApi.edit(input.id, action.text, action.reason);
      live.upsert(r.input, false);
      return t('mod.done.edit');
    }
    case 'answer': {
      const r = await inputApi.answer(input.id, action.note);
      live.upsert(r.input, false);
      return t('mod.done.answer');
    }
    case 'pin': {
      const r = await inputApi.pin(input.id, action.pinned);
      live.upsert(r.input, false);
      return action.pinned ? t('mod.done.pin') : t('mod.done.unpin');
    }
    case 'spotlight': {
      const r = await forumApi.spotlight(live.forumId, action.on ? input.id : null);
      live.setForum(r.forum);
      if (action.on && !live.spotlight) live.spotlight = { ...input };
      return action.on ? t('mod.done.spotlight') : t('mod.done.unspotlight');
    }
  }
}

/** Merges `sourceIds` into `targetId`; the sources leave the lists. */
export async function runMerge(
  live: ForumLive,
  targetId: string,
  sourceIds: string[],
): Promise<string> {
  const approving = live.byId[targetId]?.status === 'pending';
  const r = await forumApi.merge(live.forumId, targetId, sourceIds);
  for (const id of sourceIds) live.remove(id);
  live.upsert(r.input, false);
  return approving
    ? tn('mod.done.approveMerge', sourceIds.length)
    : tn('mod.done.merge', sourceIds.length);
}
