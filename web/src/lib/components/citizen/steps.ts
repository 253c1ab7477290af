import type { CitizenCase, InboxItem } from '$shared/schemas/inbox';

/** What the citizen did in a case thread (reopened with a reason, or confirmed). */
export interface CitizenStep {
  kind: 'reopened' | 'confirmed';
  at: string;
  reason?: string | null;
}

/** The citizen's own steps in a case thread, from the citizen's view of the case. */
export function citizenSteps(c: Pick<CitizenCase, 'reopenedAt' | 'reopenReason' | 'confirmedAt'>) {
  const steps: CitizenStep[] = [];
  if (c.reopenedAt) steps.push({ kind: 'reopened', at: c.reopenedAt, reason: c.reopenReason });
  if (c.confirmedAt) steps.push({ kind: 'confirmed', at: c.confirmedAt });
  return steps;
}

/** The same steps in a UPP's inbox item. */
export function staffSteps(item: InboxItem): CitizenStep[] {
  return citizenSteps(item.citizen);
}
