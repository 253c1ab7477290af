import type { ForumStatus } from '$shared/domain/forum';
import type { MessageKey } from './i18n.svelte';

/**
 * The button label of a status change, by where the forum is now: "Buka forum" never appears on
 * a live forum (there it would end the live session), closing is "Tutup", reopening "Buka kembali".
 */
export function transitionLabel(from: ForumStatus, to: ForumStatus): MessageKey {
  switch (to) {
    case 'open':
      if (from === 'live') return 'status.do.endLive';
      if (from === 'closed') return 'status.do.reopen';
      return 'status.do.open';
    case 'live':
      return 'status.do.live';
    case 'closed':
      return 'status.do.close';
    case 'archived':
      return 'status.do.archive';
    case 'draft':
      return 'status.do.draft';
    case 'scheduled':
      return 'status.do.schedule';
  }
}

/** A line that says what the change does, when the label alone may not. */
export function transitionHint(from: ForumStatus, to: ForumStatus): MessageKey | null {
  if (from === 'live' && to === 'open') return 'status.hint.endLive';
  return null;
}

/** Changes that need a confirmation (they stop citizens, or cannot be undone). */
export function needsConfirmation(to: ForumStatus): to is 'closed' | 'archived' {
  return to === 'closed' || to === 'archived';
}
