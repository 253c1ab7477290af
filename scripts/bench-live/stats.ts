/** Turns what the clients recorded and what the store holds into the reported figures. */
import type { Collected, Counter, JoinSummary, SubmitRecord, VoteRecord } from './ipc';

/** Nearest-rank percentile of ascending values; null when it falls on a never-seen (Infinity). */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  const v =
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return Number.isFinite(v) ? Math.round(v * 10) / 10 : null;
}

const asc = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

/** What the store (database, or the floor's memory) holds after the run. */
export interface StoreTruth {
  /** Per input: number of vote documents (floor: voter-set size) and the stored counter. */
  inputs: Record<string, { voteDocs: number; votesField: number }>;
  /** Stored inputs per idempotency key. */
  keys: Record<string, number>;
}

export interface RunFigures {
  joined: number;
  joinFailures: Counter;
  joinP50Ms: number | null;
  joinP99Ms: number | null;
  joinMaxMs: number | null;
  joinsPerSecond: number;
  votesSent: number;
  votesAcked: number;
  votesTimedOut: number;
  votesErrored: Counter;
  votesSkipped: number;
  voteAckP50Ms: number | null;
  voteAckP95Ms: number | null;
  voteAckP99Ms: number | null;
  voteAckMaxMs: number | null;
  voteToAllP50Ms: number | null;
  voteToAllP95Ms: number | null;
  voteToAllP99Ms: number | null;
  voteToAllMaxMs: number | null;
  votesNotSeenByAll: number;
  submitsSent: number;
  submitsAcked: number;
  submitsTimedOut: number;
  submitsErrored: Counter;
  submitAckP50Ms: number | null;
  submitAckP99Ms: number | null;
  lostUpdates: number;
  lost: { storedVotes: number; storedCounters: number; clientViews: number; submissions: number };
  /** Client views that differ from the stored count (diagnostic; not in lostUpdates). */
  viewsNotMatchingStore: number;
  disconnects: number;
  messages: Counter;
  malformed: Counter;
  /** Every input with a mismatch, for the run folder (not in the result line). */
  mismatches: Mismatch[];
}

export interface Mismatch {
  inputId: string;
  acked: number;
  unanswered: number;
  voteDocs: number;
  votesField: number;
  /** Final count → number of clients showing it. */
  views: Record<string, number>;
}

const bump = (c: Counter, k: string): void => {
  c[k] = (c[k] ?? 0) + 1;
};

/** Distance of x from the range [lo, hi]. */
const outside = (x: number, lo: number, hi: number): number =>
  x < lo ? lo - x : x > hi ? x - hi : 0;

export function computeFigures(a: {
  join: JoinSummary;
  votes: VoteRecord[];
  submits: SubmitRecord[];
  votesSkipped: number;
  collected: Collected;
  truth: StoreTruth;
  ackTimeoutMs: number;
}): RunFigures {
  const { join, votes, submits, collected, truth } = a;
  const joined = join.joinMs.length;
  const joinSorted = asc(join.joinMs);
  const joinSpan = (join.lastEnd - join.firstStart) / 1000;

  const ackMs = (r: { ms: number | null }): number => r.ms ?? a.ackTimeoutMs;
  const votesErrored: Counter = {};
  let votesTimedOut = 0;
  const acked = new Map<string, number>();
  const unsure = new Map<string, number>();
  const toAll: number[] = [];
  let notSeen = 0;
  for (const v of votes) {
    if (v.status === 'ok') {
      acked.set(v.inputId, (acked.get(v.inputId) ?? 0) + 1);
      const lv = collected.levels[v.inputId];
      const k = (v.votes ?? 0) - 1;
      if (lv && k >= 0 && (lv.seen[k] ?? 0) >= joined) {
        toAll.push(Math.max(0, lv.maxT[k]! - v.t0));
      } else {
        toAll.push(Infinity);
        notSeen += 1;
      }
    } else {
      // Timed out or refused: it may or may not be stored; either is accepted.
      unsure.set(v.inputId, (unsure.get(v.inputId) ?? 0) + 1);
      if (v.status === 'timeout') votesTimedOut += 1;
      else bump(votesErrored, v.status);
    }
  }
  const voteAck = asc(votes.map(ackMs));
  const toAllSorted = asc(toAll);

  const lost = { storedVotes: 0, storedCounters: 0, clientViews: 0, submissions: 0 };
  let viewsNotMatchingStore = 0;
  const mismatches: Mismatch[] = [];
  const inputIds = new Set([
    ...Object.keys(truth.inputs),
    ...acked.keys(),
    ...Object.keys(collected.finals),
  ]);
  for (const id of inputIds) {
    const lo = acked.get(id) ?? 0;
    const hi = lo + (unsure.get(id) ?? 0);
    const stored = truth.inputs[id] ?? { voteDocs: 0, votesField: 0 };
    const before = lost.storedVotes + lost.storedCounters + lost.clientViews;
    lost.storedVotes += outside(stored.voteDocs, lo, hi);
    lost.storedCounters += outside(stored.votesField, lo, hi);
    const finals = collected.finals[id];
    const noteMismatch = (): void => {
      if (lost.storedVotes + lost.storedCounters + lost.clientViews === before) return;
      mismatches.push({
        inputId: id,
        acked: lo,
        unanswered: hi - lo,
        voteDocs: stored.voteDocs,
        votesField: stored.votesField,
        views: finals ?? {},
      });
    };
    if (!finals) {
      // No client knows this input: every client's view of it is missing.
      if (lo > 0) lost.clientViews += joined;
      noteMismatch();
      continue;
    }
    let clientsWithView = 0;
    for (const [value, n] of Object.entries(finals)) {
      clientsWithView += n;
      if (outside(Number(value), lo, hi) > 0) lost.clientViews += n;
      if (Number(value) !== stored.voteDocs) viewsNotMatchingStore += n;
    }
    if (lo > 0) lost.clientViews += Math.max(0, joined - clientsWithView);
    noteMismatch();
  }

  const submitsErrored: Counter = {};
  let submitsTimedOut = 0;
  let submitsAcked = 0;
  for (const s of submits) {
    const stored = truth.keys[s.key] ?? 0;
    if (s.status === 'ok') {
      submitsAcked += 1;
      lost.submissions += Math.abs(stored - 1);
    } else {
      if (s.status === 'timeout') submitsTimedOut += 1;
      else bump(submitsErrored, s.status);
      lost.submissions += Math.max(0, stored - 1);
    }
  }
  const submitAck = asc(submits.map(ackMs));

  return {
    joined,
    joinFailures: join.failures,
    joinP50Ms: percentile(joinSorted, 50),
    joinP99Ms: percentile(joinSorted, 99),
    joinMaxMs: percentile(joinSorted, 100),
    joinsPerSecond: joinSpan > 0 ? Math.round((joined / joinSpan) * 100) / 100 : 0,
    votesSent: votes.length,
    votesAcked:
      votes.length - votesTimedOut - Object.values(votesErrored).reduce((s, n) => s + n, 0),
    votesTimedOut,
    votesErrored,
    votesSkipped: a.votesSkipped,
    voteAckP50Ms: percentile(voteAck, 50),
    voteAckP95Ms: percentile(voteAck, 95),
    voteAckP99Ms: percentile(voteAck, 99),
    voteAckMaxMs: percentile(voteAck, 100),
    voteToAllP50Ms: percentile(toAllSorted, 50),
    voteToAllP95Ms: percentile(toAllSorted, 95),
    voteToAllP99Ms: percentile(toAllSorted, 99),
    voteToAllMaxMs: percentile(toAllSorted, 100),
    votesNotSeenByAll: notSeen,
    submitsSent: submits.length,
    submitsAcked,
    submitsTimedOut,
    submitsErrored,
    submitAckP50Ms: percentile(submitAck, 50),
    submitAckP99Ms: percentile(submitAck, 99),
    lostUpdates: lost.storedVotes + lost.storedCounters + lost.clientViews + lost.submissions,
    lost,
    viewsNotMatchingStore,
    disconnects: collected.disconnects,
    messages: collected.events,
    malformed: collected.malformed,
    mismatches,
  };
}
