/**
 * Messages between the orchestrator, the load generator process and its worker threads.
 * Everything that crosses a process or thread boundary is parsed with these schemas.
 */
import { z } from 'zod';

/** One worker thread's share of the clients and of the load. */
export const WorkerConfig = z.object({
  index: z.number().int(),
  /** Global index of this worker's first client and how many it runs. */
  firstClient: z.number().int(),
  clients: z.number().int(),
  /** Server base URLs; client g uses targets[g % targets.length]. */
  targets: z.array(z.string()),
  code: z.string(),
  /** This worker's share of the joins per second. */
  joinRate: z.number(),
  ackTimeoutMs: z.number(),
  seed: z.number().int(),
  runId: z.string(),
});
export type WorkerConfig = z.infer<typeof WorkerConfig>;

export const LoadCommand = z.object({
  type: z.literal('load'),
  startAt: z.number(),
  durationMs: z.number(),
  /** Totals over all workers; each worker takes its share. */
  votesPerSec: z.number(),
  submitsPerSec: z.number(),
  workers: z.number().int(),
});
export type LoadCommand = z.infer<typeof LoadCommand>;

/** Commands going down (orchestrator → load generator → workers). */
export const Command = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('join'),
    targets: z.array(z.string()),
    code: z.string(),
    clients: z.number().int(),
    workers: z.number().int(),
    joinRate: z.number(),
    ackTimeoutMs: z.number(),
    seed: z.number().int(),
    runId: z.string(),
  }),
  LoadCommand,
  z.object({ type: z.literal('collect') }),
  z.object({ type: z.literal('close') }),
]);
export type Command = z.infer<typeof Command>;

export const VoteRecord = z.object({
  inputId: z.string(),
  /** Send time (epoch ms). */
  t0: z.number(),
  /** Ack latency in ms (null: timed out). */
  ms: z.number().nullable(),
  /** `ok`, `timeout`, or the error code of the ack. */
  status: z.string(),
  /** The count the ack reported. */
  votes: z.number().nullable(),
});
export type VoteRecord = z.infer<typeof VoteRecord>;

export const SubmitRecord = z.object({
  key: z.string(),
  ms: z.number().nullable(),
  status: z.string(),
});
export type SubmitRecord = z.infer<typeof SubmitRecord>;

/** Per input: for each count level c (index c-1), the latest first-seen time and by how many. */
export const Levels = z.record(
  z.string(),
  z.object({ maxT: z.array(z.number()), seen: z.array(z.number()) }),
);
export type Levels = z.infer<typeof Levels>;

/** Per input: final count → number of clients showing it. */
export const Finals = z.record(z.string(), z.record(z.string(), z.number()));
export type Finals = z.infer<typeof Finals>;

export const Counter = z.record(z.string(), z.number());
export type Counter = z.infer<typeof Counter>;

export const JoinSummary = z.object({
  joinMs: z.array(z.number()),
  failures: Counter,
  firstStart: z.number(),
  lastEnd: z.number(),
});
export type JoinSummary = z.infer<typeof JoinSummary>;

export const Collected = z.object({
  levels: Levels,
  finals: Finals,
  /** Messages received by all clients, per event name. */
  events: Counter,
  malformed: Counter,
  disconnects: z.number().int(),
  connectedAtEnd: z.number().int(),
  loopDelayP99Ms: z.number(),
});
export type Collected = z.infer<typeof Collected>;

export const Progress = z.object({
  joined: z.number().int(),
  joinFailed: z.number().int(),
  votesSent: z.number().int(),
  votesDone: z.number().int(),
  submitsSent: z.number().int(),
  submitsDone: z.number().int(),
  votesSkipped: z.number().int(),
});
export type Progress = z.infer<typeof Progress>;

/** Reports going up (workers → load generator → orchestrator). */
export const Report = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), progress: Progress }),
  z.object({ type: z.literal('joined'), summary: JoinSummary }),
  z.object({ type: z.literal('loadEnded') }),
  z.object({
    type: z.literal('acksDone'),
    votes: z.array(VoteRecord),
    submits: z.array(SubmitRecord),
    votesSkipped: z.number().int(),
  }),
  z.object({ type: z.literal('collected'), collected: Collected }),
  z.object({ type: z.literal('closed') }),
  z.object({ type: z.literal('fatal'), message: z.string() }),
]);
export type Report = z.infer<typeof Report>;

export const emptyProgress = (): Progress => ({
  joined: 0,
  joinFailed: 0,
  votesSent: 0,
  votesDone: 0,
  submitsSent: 0,
  submitsDone: 0,
  votesSkipped: 0,
});
