import { describe, expect, it } from 'vitest';
import { FORUM_TRANSITIONS, FORUM_STATUSES } from '$shared/domain/forum';
import { transitionLabel } from './forum-status';

describe('status change labels', () => {
  it('never offers "open the forum" on a live forum, and names each change by its effect', () => {
    expect(transitionLabel('live', 'open')).toBe('status.do.endLive');
    expect(transitionLabel('closed', 'open')).toBe('status.do.reopen');
    expect(transitionLabel('draft', 'open')).toBe('status.do.open');
  });

  it('gives every allowed change a label that differs from the other buttons of that status', () => {
    for (const from of FORUM_STATUSES) {
      const labels = FORUM_TRANSITIONS[from].map((to) => transitionLabel(from, to));
      expect(new Set(labels).size).toBe(labels.length);
    }
  });
});
