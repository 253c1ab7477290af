/**
 * One worker thread of the load generator: runs its share of the phones through the real join
 * flow, then sends its share of the votes and submissions open-loop (at the set rate, never
 * waiting for acks), and records what every client saw and when.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import {
  Command,
  WorkerConfig,
  emptyProgress,
  type Counter,
  type Finals,
  type LoadCommand,
  type Levels,
  type Report,
  type SubmitRecord,
  type VoteRecord,
} from './ipc';
import {
  CookieJar,
  ProtoError,
  findForumByCode,
  joinForum,
  listen,
  now,
  openSocket,
  submit,
  vote,
  type ProtoSocket,
} from './protocol';
import { pick, rng, shuffle } from './rng';
import { KINDS, citizenText, displayName } from './texts';

const cfg = WorkerConfig.parse(workerData);
const port = parentPort!;
const send = (r: Report): void => port.postMessage(r);
const random = rng(cfg.seed * 7919 + cfg.index + 1);
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

interface Client {
  socket: ProtoSocket | null;
  /** Highest count seen per input (from the snapshot, then `vote.counts`). */
  counts: Map<string, number>;
  voted: Set<string>;
  joined: boolean;
  connected: boolean;
}

const clients: Client[] = [];
const progress = emptyProgress();
const failures: Counter = {};
const joinMs: number[] = [];
const events: Counter = {};
const malformed: Counter = {};
const levels = new Map<string, { maxT: number[]; seen: number[] }>();
/** Published inputs this worker's clients know of, in order of discovery. */
const published: string[] = [];
const publishedSet = new Set<string>();
let disconnects = 0;
/** The forum id the join code resolved to (the same for every client). */
let forumIdOfCode = '';
let firstStart = Infinity;
let lastEnd = 0;

const bump = (c: Counter, k: string, n = 1): void => {
  c[k] = (c[k] ?? 0) + n;
};

function learn(inputId: string): void {
  if (publishedSet.has(inputId)) return;
  publishedSet.add(inputId);
  published.push(inputId);
}

/** Marks count levels (from, to] of an input as seen by one more client at time `at`. */
function seenLevels(inputId: string, from: number, to: number, at: number): void {
  let lv = levels.get(inputId);
  if (!lv) levels.set(inputId, (lv = { maxT: [], seen: [] }));
  for (let c = from + 1; c <= to; c += 1) {
    const k = c - 1;
    while (lv.maxT.length <= k) {
      lv.maxT.push(0);
      lv.seen.push(0);
    }
    if (lv.maxT[k]! < at) lv.maxT[k] = at;
    lv.seen[k]! += 1;
  }
}

async function joinOne(g: number, client: Client): Promise<void> {
  const base = cfg.targets[g % cfg.targets.length]!;
  const jar = new CookieJar();
  const t0 = now();
  firstStart = Math.min(firstStart, t0);
  try {
    const { forumId } = await findForumByCode(base, cfg.code, jar, cfg.ackTimeoutMs);
    forumIdOfCode = forumId;
    const socket = await openSocket(base, jar, cfg.ackTimeoutMs, (s) => {
      client.socket = s;
      s.on('disconnect', () => {
        if (client.connected) disconnects += 1;
        client.connected = false;
      });
      listen(s, forumId, {
        counts: (counts, at) => {
          for (const [id, v] of Object.entries(counts)) {
            const prev = client.counts.get(id) ?? 0;
            if (v > prev) {
              seenLevels(id, prev, v, at);
              client.counts.set(id, v);
            } else if (!client.counts.has(id)) client.counts.set(id, v);
          }
        },
        published: (id) => {
          learn(id);
          if (!client.counts.has(id)) client.counts.set(id, 0);
        },
        any: (event) => bump(events, event),
        malformed: (event) => bump(malformed, event),
      });
    });
    client.connected = true;
    const res = await joinForum(socket, forumId, cfg.ackTimeoutMs);
    if (!res.ok) throw new ProtoError(`join_${res.reason}`);
    const at = now();
    for (const i of res.value.inputs) {
      learn(i.id);
      const prev = client.counts.get(i.id) ?? 0;
      // Counts that arrived before the ack are newer than the snapshot.
      if (i.votes > prev) {
        seenLevels(i.id, prev, i.votes, at);
        client.counts.set(i.id, i.votes);
      } else if (!client.counts.has(i.id)) client.counts.set(i.id, i.votes);
    }
    client.joined = true;
    joinMs.push(at - t0);
    lastEnd = Math.max(lastEnd, at);
    progress.joined += 1;
  } catch (err) {
    bump(failures, err instanceof ProtoError ? err.reason : 'error');
    progress.joinFailed += 1;
    client.connected = false;
    client.socket?.close();
    lastEnd = Math.max(lastEnd, now());
  }
}

async function joinAll(): Promise<void> {
  const start = now();
  const pending: Promise<void>[] = [];
  for (let k = 0; k < cfg.clients; k += 1) {
    const due = start + (k * 1000) / cfg.joinRate;
    const wait = due - now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const client: Client = {
      socket: null,
      counts: new Map(),
      voted: new Set(),
      joined: false,
      connected: false,
    };
    clients.push(client);
    pending.push(joinOne(cfg.firstClient + k, client));
  }
  await Promise.all(pending);
  send({
    type: 'joined',
    summary: {
      joinMs,
      failures,
      firstStart: Number.isFinite(firstStart) ? firstStart : 0,
      lastEnd,
    },
  });
}

/** Cycles through the joined clients in a shuffled order, reshuffled every round. */
function cycler(): () => Client | undefined {
  let order: Client[] = [];
  let pos = 0;
  return () => {
    if (pos >= order.length) {
      order = shuffle(
        random,
        clients.filter((c) => c.joined && c.connected),
      );
      pos = 0;
    }
    return order[pos++];
  };
}

const voteRecords: VoteRecord[] = [];
const submitRecords: SubmitRecord[] = [];

function unvotedInput(c: Client): string | undefined {
  for (let tries = 0; tries < 8 && published.length; tries += 1) {
    const id = pick(random, published);
    if (!c.voted.has(id) && c.counts.has(id)) return id;
  }
  return published.find((id) => !c.voted.has(id) && c.counts.has(id));
}

function sendVote(nextClient: () => Client | undefined, pending: Promise<void>[]): void {
  const joinedCount = clients.filter((c) => c.joined && c.connected).length;
  for (let tries = 0; tries < joinedCount; tries += 1) {
    const c = nextClient();
    if (!c?.socket) continue;
    const inputId = unvotedInput(c);
    if (!inputId) continue;
    c.voted.add(inputId);
    progress.votesSent += 1;
    const t0 = now();
    pending.push(
      vote(c.socket, inputId, cfg.ackTimeoutMs).then((r) => {
        progress.votesDone += 1;
        voteRecords.push({
          inputId,
          t0,
          ms: r.ok || !r.timedOut ? now() - t0 : null,
          status: r.ok ? 'ok' : r.reason,
          votes: r.ok ? r.value.votes : null,
        });
      }),
    );
    return;
  }
  progress.votesSkipped += 1;
}

let submitSeq = 0;
function sendSubmit(nextClient: () => Client | undefined, pending: Promise<void>[]): void {
  const c = nextClient();
  if (!c?.socket) return;
  const kind = pick(random, KINDS);
  const key = `${cfg.runId}-w${cfg.index}-${(submitSeq += 1)}`;
  progress.submitsSent += 1;
  const t0 = now();
  pending.push(
    submit(
      c.socket,
      {
        forumId: forumIdOfCode,
        kind,
        text: citizenText(random, kind),
        idempotencyKey: key,
        displayName: displayName(random),
      },
      cfg.ackTimeoutMs,
    ).then((r) => {
      progress.submitsDone += 1;
      submitRecords.push({
        key,
        ms: r.ok || !r.timedOut ? now() - t0 : null,
        status: r.ok ? 'ok' : r.reason,
      });
    }),
  );
}

async function runLoad(cmd: LoadCommand): Promise<void> {
  const share = (total: number): number => total / cmd.workers;
  const votesPerMs = share(cmd.votesPerSec) / 1000;
  const submitsPerMs = share(cmd.submitsPerSec) / 1000;
  const voter = cycler();
  const submitter = cycler();
  const pending: Promise<void>[] = [];
  const wait = cmd.startAt - now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  let votesIssued = 0;
  let submitsIssued = 0;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const elapsed = Math.min(now() - cmd.startAt, cmd.durationMs);
      while (votesIssued < Math.floor(elapsed * votesPerMs)) {
        votesIssued += 1;
        sendVote(voter, pending);
      }
      while (submitsIssued < Math.floor(elapsed * submitsPerMs)) {
        submitsIssued += 1;
        sendSubmit(submitter, pending);
      }
      if (elapsed >= cmd.durationMs) {
        clearInterval(timer);
        resolve();
      }
    };
    const timer = setInterval(tick, 5);
  });
  send({ type: 'loadEnded' });
  await Promise.all(pending);
  send({
    type: 'acksDone',
    votes: voteRecords,
    submits: submitRecords,
    votesSkipped: progress.votesSkipped,
  });
}

function collect(): void {
  const lv: Levels = {};
  for (const [id, l] of levels) lv[id] = l;
  const finals: Finals = {};
  const joined = clients.filter((c) => c.joined);
  for (const id of published) {
    const h: Record<string, number> = {};
    for (const c of joined) bump(h, String(c.counts.get(id) ?? 0));
    finals[id] = h;
  }
  send({
    type: 'collected',
    collected: {
      levels: lv,
      finals,
      events,
      malformed,
      disconnects,
      connectedAtEnd: joined.filter((c) => c.connected).length,
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    },
  });
}

const progressTimer = setInterval(() => send({ type: 'progress', progress }), 1000);

port.on('message', (raw: unknown) => {
  const cmd = Command.parse(raw);
  if (cmd.type === 'load') {
    loopDelay.reset();
    runLoad(cmd).catch((err: unknown) => send({ type: 'fatal', message: String(err) }));
  } else if (cmd.type === 'collect') collect();
  else if (cmd.type === 'close') {
    clearInterval(progressTimer);
    for (const c of clients) c.socket?.close();
    send({ type: 'closed' });
    setTimeout(() => process.exit(0), 100).unref();
  }
});

void joinAll().catch((err: unknown) => send({ type: 'fatal', message: String(err) }));
