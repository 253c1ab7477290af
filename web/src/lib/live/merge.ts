import type { Input } from '$shared/schemas/input';

/**
 * Merging a snapshot into the state events already built, by change sequence: a snapshot is a
 * picture at `cursor`; anything an event brought that is newer than that picture stays.
 */
export interface MergeState {
  /** Visible inputs by id. */
  byId: Record<string, Input>;
  /** Inputs removed by events, with the sequence of the removal. */
  removed: Record<string, number>;
  /** The highest change sequence seen (snapshots and events). */
  cursor: number;
}

/** The inputs to show after a snapshot taken at `cursor` arrives. */
export function mergeSnapshot(
  state: MergeState,
  inputs: readonly Input[],
  cursor: number,
  keep: (local: Input) => boolean = () => false,
): Record<string, Input> {
  const next: Record<string, Input> = {};
  for (const s of inputs) {
    const local = state.byId[s.id];
    const removedAt = state.removed[s.id];
    if (removedAt !== undefined && removedAt > s.seq) continue;
    next[s.id] = local && local.seq > s.seq ? local : s;
  }
  for (const [id, local] of Object.entries(state.byId)) {
    if (next[id]) continue;
    // Newer than the snapshot (an event after it was taken), or kept by the caller.
    if (local.seq > cursor || keep(local)) next[id] = local;
  }
  return next;
}

/** Whether an event's input should replace the one held (never going back in sequence). */
export function isNewer(held: Input | undefined, incoming: Input): boolean {
  return !held || incoming.seq >= held.seq;
}
