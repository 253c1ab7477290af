/**
 * The load generator process (started by the orchestrator with an IPC channel): spreads the
 * clients over worker threads, relays commands down and merges their reports up.
 */
import { Worker } from 'node:worker_threads';
import {
  Command,
  Report,
  emptyProgress,
  type Collected,
  type Counter,
  type JoinSummary,
  type Progress,
  type SubmitRecord,
  type VoteRecord,
} from './ipc';

const up = (r: Report): void => {
  process.send?.(r);
};

let workers: Worker[] = [];
const progress = new Map<number, Progress>();
const waiting = new Map<Report['type'], Report[]>();

function addCounter(into: Counter, from: Counter): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

/** Resolves once every worker has sent a report of this type. */
function fromAll<T extends Report['type']>(type: T): Promise<Extract<Report, { type: T }>[]> {
  return new Promise((resolve) => {
    const check = (): void => {
      const got = waiting.get(type) ?? [];
      if (got.length >= workers.length) {
        waiting.delete(type);
        resolve(got.filter((r): r is Extract<Report, { type: T }> => r.type === type));
      } else setTimeout(check, 20);
    };
    check();
  });
}

function onWorkerReport(index: number, raw: unknown): void {
  const r = Report.parse(raw);
  if (r.type === 'progress') progress.set(index, r.progress);
  else if (r.type === 'fatal') up(r);
  else waiting.set(r.type, [...(waiting.get(r.type) ?? []), r]);
}

function sumProgress(): Progress {
  const total = emptyProgress();
  for (const p of progress.values()) {
    for (const k of Object.keys(total) as (keyof Progress)[]) total[k] += p[k];
  }
  return total;
}

async function start(cmd: Extract<Command, { type: 'join' }>): Promise<void> {
  const per = Math.floor(cmd.clients / cmd.workers);
  let first = 0;
  workers = [];
  for (let i = 0; i < cmd.workers; i += 1) {
    const count = i < cmd.workers - 1 ? per : cmd.clients - first;
    const w = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: {
        index: i,
        firstClient: first,
        clients: count,
        targets: cmd.targets,
        code: cmd.code,
        joinRate: (cmd.joinRate * count) / cmd.clients,
        ackTimeoutMs: cmd.ackTimeoutMs,
        seed: cmd.seed,
        runId: cmd.runId,
      },
    });
    w.on('message', (m: unknown) => onWorkerReport(i, m));
    w.on('error', (err) => up({ type: 'fatal', message: `worker ${i}: ${err.message}` }));
    workers.push(w);
    first += count;
  }
  const ticker = setInterval(() => up({ type: 'progress', progress: sumProgress() }), 1000);
  const joined = await fromAll('joined');
  const summary: JoinSummary = {
    joinMs: joined.flatMap((j) => j.summary.joinMs),
    failures: {},
    firstStart: Math.min(...joined.map((j) => j.summary.firstStart).filter((t) => t > 0)),
    lastEnd: Math.max(...joined.map((j) => j.summary.lastEnd)),
  };
  for (const j of joined) addCounter(summary.failures, j.summary.failures);
  up({ type: 'joined', summary });
  process.once('exit', () => clearInterval(ticker));
}

async function load(cmd: Extract<Command, { type: 'load' }>): Promise<void> {
  for (const w of workers) w.postMessage({ ...cmd, workers: workers.length });
  await fromAll('loadEnded');
  up({ type: 'loadEnded' });
  const done = await fromAll('acksDone');
  const votes: VoteRecord[] = done.flatMap((d) => d.votes);
  const submits: SubmitRecord[] = done.flatMap((d) => d.submits);
  const votesSkipped = done.reduce((n, d) => n + d.votesSkipped, 0);
  up({ type: 'acksDone', votes, submits, votesSkipped });
}

async function collect(): Promise<void> {
  for (const w of workers) w.postMessage({ type: 'collect' });
  const all = await fromAll('collected');
  const merged: Collected = {
    levels: {},
    finals: {},
    events: {},
    malformed: {},
    disconnects: 0,
    connectedAtEnd: 0,
    loopDelayP99Ms: 0,
  };
  for (const { collected: c } of all) {
    for (const [id, l] of Object.entries(c.levels)) {
      const m = (merged.levels[id] ??= { maxT: [], seen: [] });
      l.maxT.forEach((t, k) => {
        m.maxT[k] = Math.max(m.maxT[k] ?? 0, t);
        m.seen[k] = (m.seen[k] ?? 0) + (l.seen[k] ?? 0);
      });
    }
    for (const [id, h] of Object.entries(c.finals)) addCounter((merged.finals[id] ??= {}), h);
    addCounter(merged.events, c.events);
    addCounter(merged.malformed, c.malformed);
    merged.disconnects += c.disconnects;
    merged.connectedAtEnd += c.connectedAtEnd;
    merged.loopDelayP99Ms = Math.max(merged.loopDelayP99Ms, c.loopDelayP99Ms);
  }
  up({ type: 'collected', collected: merged });
}

async function close(): Promise<void> {
  for (const w of workers) w.postMessage({ type: 'close' });
  await Promise.race([fromAll('closed'), new Promise((r) => setTimeout(r, 3000))]);
  await Promise.all(workers.map((w) => w.terminate()));
  up({ type: 'closed' });
  process.exit(0);
}

process.on('message', (raw: unknown) => {
  const cmd = Command.parse(raw);
  const run =
    cmd.type === 'join'
      ? start(cmd)
      : cmd.type === 'load'
        ? load(cmd)
        : cmd.type === 'collect'
          ? collect()
          : close();
  run.catch((err: unknown) => up({ type: 'fatal', message: String(err) }));
});
// The orchestrator going away ends the load generator too.
process.on('disconnect', () => process.exit(1));
