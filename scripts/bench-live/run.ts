/**
 * One measured run against a set of targets (the real server's processes, or the floor):
 * start the load generator, join everyone, read memory, drive the load, let it settle,
 * compare what clients saw and what the store holds with what was acknowledged.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../server/config';
import {
  Report,
  type Collected,
  type Command,
  type JoinSummary,
  type Progress,
  type SubmitRecord,
  type VoteRecord,
} from './ipc';
import type { BenchOptions } from './options';
import { CpuMeter, rssKb } from './proc';
import { logTail, startProc, type Proc } from './procs';
import { computeFigures, type RunFigures, type StoreTruth } from './stats';

/** Read access to whatever holds the truth after the run. */
export interface Store {
  /**
   * A fingerprint of the stored votes and inputs (unchanged = nothing is being written), and
   * whether the stored counters agree with the stored votes (they may be written later).
   */
  state(): Promise<{ fingerprint: string; consistent: boolean }>;
  truth(): Promise<StoreTruth>;
}

export interface RunMeasure extends Omit<RunFigures, 'mismatches'> {
  rssBeforeKb: number;
  rssAfterKb: number;
  rssPerConnKb: number | null;
  serverCpuPct: number;
  dbCpuPct: number | null;
  loadgenCpuPct: number;
  loadgenLoopDelayP99Ms: number;
  /** False when the store still changed (or its counters lagged) after --drain seconds. */
  drained: boolean;
  /** Seconds from the last ack until the store was stable for --settle s and consistent. */
  storeSettleS: number;
  loadSeconds: number;
  /** 1-minute load average of the machine when the load ended (everything, not only us). */
  machineLoadAvg1: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

class LoadGen {
  private reports: Report[] = [];
  private waiters: (() => void)[] = [];
  progress: Progress | null = null;
  readonly proc: Proc;

  constructor(runDir: string, name: string) {
    this.proc = startProc(
      name,
      process.execPath,
      ['--import', 'tsx', path.join(projectRoot, 'scripts', 'bench-live', 'loadgen.ts')],
      runDir,
      { ipc: true, env: { PATH: process.env.PATH, NODE_ENV: 'production' } },
    );
    this.proc.child.on('message', (raw: unknown) => {
      const r = Report.parse(raw);
      if (r.type === 'progress') this.progress = r.progress;
      else this.reports.push(r);
      for (const w of this.waiters.splice(0)) w();
    });
    this.proc.child.on('exit', () => {
      for (const w of this.waiters.splice(0)) w();
    });
  }

  send(c: Command): void {
    this.proc.child.send(c);
  }

  /** The next report of this type (a fatal report or an exit fails). */
  async next<T extends Report['type']>(type: T): Promise<Extract<Report, { type: T }>> {
    for (;;) {
      const fatal = this.reports.find((r) => r.type === 'fatal');
      if (fatal && fatal.type === 'fatal') throw new Error(`load generator: ${fatal.message}`);
      const i = this.reports.findIndex((r) => r.type === type);
      if (i >= 0) {
        const [r] = this.reports.splice(i, 1);
        if (r && r.type === type) return r as Extract<Report, { type: T }>;
      }
      if (this.proc.child.exitCode !== null) {
        throw new Error(`load generator exited:\n${logTail(this.proc)}`);
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 1000);
      });
    }
  }
}

export async function measure(a: {
  name: string;
  targets: string[];
  code: string;
  opts: BenchOptions;
  runId: string;
  runDir: string;
  serverPids: () => (number | undefined)[];
  dbPids: () => number[];
  store: Store;
  log: (l: string) => void;
}): Promise<RunMeasure> {
  const { opts, log } = a;
  const rssBeforeKb = a.serverPids().reduce((s: number, p) => s + rssKb(p), 0);
  const gen = new LoadGen(a.runDir, `loadgen-${a.name}`);
  try {
    gen.send({
      type: 'join',
      targets: a.targets,
      code: a.code,
      clients: opts.clients,
      workers: opts.workers,
      joinRate: opts.joinRate,
      ackTimeoutMs: opts.ackTimeout * 1000,
      seed: opts.seed,
      runId: `${a.runId}${a.name === 'floor' ? 'f' : ''}`,
    });
    const joinTicker = setInterval(() => {
      const p = gen.progress;
      if (p)
        log(
          `[${a.name}] joining ${p.joined + p.joinFailed}/${opts.clients} (failed ${p.joinFailed})`,
        );
    }, 2000);
    let join: JoinSummary;
    try {
      join = (await gen.next('joined')).summary;
    } finally {
      clearInterval(joinTicker);
    }
    const failed = Object.values(join.failures).reduce((s, n) => s + n, 0);
    log(
      `[${a.name}] joined ${join.joinMs.length}/${opts.clients}` +
        (failed ? ` (failed: ${JSON.stringify(join.failures)})` : '') +
        `; idle ${opts.idle} s before reading memory`,
    );
    await sleep(opts.idle * 1000);
    const rssAfterKb = a.serverPids().reduce((s: number, p) => s + rssKb(p), 0);

    const serverCpu = new CpuMeter(a.serverPids);
    const dbCpu = new CpuMeter(a.dbPids);
    const genCpu = new CpuMeter(() => [gen.proc.pid]);
    const startAt = performance.timeOrigin + performance.now() + 300;
    gen.send({
      type: 'load',
      startAt,
      durationMs: opts.duration * 1000,
      votesPerSec: opts.votes,
      submitsPerSec: opts.submits,
      workers: opts.workers,
    });
    await sleep(300);
    serverCpu.start();
    dbCpu.start();
    genCpu.start();
    const loadStarted = Date.now();
    const loadTicker = setInterval(() => {
      const p = gen.progress;
      if (!p) return;
      const secs = Math.min(opts.duration, Math.round((Date.now() - loadStarted) / 1000));
      log(
        `[${a.name}] load ${secs}/${opts.duration} s: votes ${p.votesDone}/${p.votesSent} answered,` +
          ` submissions ${p.submitsDone}/${p.submitsSent} answered`,
      );
    }, 5000);
    let serverCpuPct: number;
    let dbCpuPct: number | null;
    let loadgenCpuPct: number;
    let machineLoadAvg1 = 0;
    let done: Extract<Report, { type: 'acksDone' }>;
    try {
      await gen.next('loadEnded');
      machineLoadAvg1 = Math.round(os.loadavg()[0]! * 100) / 100;
      serverCpuPct = serverCpu.stop();
      dbCpuPct = a.dbPids().length ? dbCpu.stop() : null;
      loadgenCpuPct = genCpu.stop();
      const p = gen.progress;
      if (p && (p.votesDone < p.votesSent || p.submitsDone < p.submitsSent)) {
        log(
          `[${a.name}] load done; waiting for ${p.votesSent - p.votesDone + p.submitsSent - p.submitsDone}` +
            ` outstanding acks (at most ${opts.ackTimeout} s each)`,
        );
      }
      done = await gen.next('acksDone');
    } finally {
      clearInterval(loadTicker);
    }
    const loadSeconds = (Date.now() - loadStarted) / 1000;

    // Let the store stop changing (timed-out writes may still land) and its counters catch up
    // with its votes (at most --drain s), then give the last counts time to reach the phones.
    const acksDoneAt = Date.now();
    const drainUntil = acksDoneAt + opts.drain * 1000;
    let last = await a.store.state();
    let stableSince = Date.now();
    let drained = true;
    while (Date.now() - stableSince < opts.settle * 1000 || !last.consistent) {
      if (Date.now() > drainUntil) {
        drained = false;
        log(
          `[${a.name}] after ${opts.drain} s the store ${last.consistent ? 'still changes' : 'counters still differ from its votes'}; checking anyway`,
        );
        break;
      }
      await sleep(500);
      const st = await a.store.state();
      if (st.fingerprint !== last.fingerprint) stableSince = Date.now();
      last = st;
    }
    const storeSettleS = Math.round((Date.now() - acksDoneAt) / 100) / 10;
    await sleep(opts.settle * 1000);
    gen.send({ type: 'collect' });
    const collected: Collected = (await gen.next('collected')).collected;
    const truth = await a.store.truth();
    gen.send({ type: 'close' });
    await gen.next('closed').catch(() => undefined);
    await gen.proc.stop();

    const votes: VoteRecord[] = done.votes;
    const submits: SubmitRecord[] = done.submits;
    const { mismatches, ...figures } = computeFigures({
      join,
      votes,
      submits,
      votesSkipped: done.votesSkipped,
      collected,
      truth,
      ackTimeoutMs: opts.ackTimeout * 1000,
    });
    if (mismatches.length) {
      const file = path.join(a.runDir, `mismatches-${a.name}.json`);
      writeFileSync(file, JSON.stringify(mismatches, null, 1));
      log(`[${a.name}] ${mismatches.length} inputs with mismatches, listed in ${file}`);
    }
    return {
      ...figures,
      machineLoadAvg1,
      rssBeforeKb,
      rssAfterKb,
      rssPerConnKb: join.joinMs.length
        ? Math.round(((rssAfterKb - rssBeforeKb) / join.joinMs.length) * 10) / 10
        : null,
      serverCpuPct,
      dbCpuPct,
      loadgenCpuPct,
      loadgenLoopDelayP99Ms: Math.round(collected.loopDelayP99Ms * 10) / 10,
      drained,
      storeSettleS,
      loadSeconds: Math.round(loadSeconds * 10) / 10,
    };
  } finally {
    await gen.proc.stop();
  }
}
