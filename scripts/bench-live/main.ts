/**
 * `npm run bench:live`: starts a fresh database and the server as in production, drives N
 * phones through the real join flow from a separate process, runs the same load against a
 * bare Socket.IO floor, and prints a table and, as the last line, one JSON object.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { projectRoot } from '../../server/config';
import { connectDb, ensureIndexes } from '../../server/db/connect';
import { ensurePushdownIndexes } from '../../server/db/pushdownIndexes';
import { startBenchDb, type BenchDb } from './db';
import { parseOptions, UsageError, type BenchOptions } from './options';
import {
  killAll,
  serverCommand,
  startAppServer,
  startFloor,
  startRedis,
  type Proc,
  type Target,
} from './procs';
import { table } from './report';
import { measure, type RunMeasure } from './run';
import { describeServerMetrics, readServerMetrics, type ServerMetrics } from './serverMetrics';
import {
  HISTORY_SCHEMA_VERSION,
  HISTORY_SOURCES,
  randomRunId,
  seedHistory,
  seedLiveForum,
} from './seed';
import { databaseStore, floorStore } from './store';

const log = (l: string): void => console.log(l);
const benchDir = path.join(projectRoot, '.bench');

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: projectRoot })
      .toString()
      .trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: projectRoot,
    })
      .toString()
      .trim();
    return dirty ? `${sha}-dirty` : sha;
  } catch {
    return 'unknown';
  }
}

function machine() {
  const cpuModel = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1];
  return {
    cpus: os.availableParallelism(),
    cpuModel: cpuModel ?? os.cpus()[0]?.model ?? 'unknown',
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
}

/** Votes need unvoted inputs: with K inputs, N phones can cast at most N*K votes. */
function inputsNeeded(o: BenchOptions): number {
  const votes = o.votes * o.duration;
  return Math.max(o.inputs, Math.ceil((2 * votes) / o.clients));
}

function historyCacheDir(forums: number, backend: string): string {
  const h = createHash('sha256');
  h.update(`${HISTORY_SCHEMA_VERSION}:${backend}:${forums}`);
  for (const f of HISTORY_SOURCES) h.update(readFileSync(path.join(projectRoot, f)));
  return path.join(benchDir, 'cache', `history-${forums}-${h.digest('hex').slice(0, 10)}`);
}

/** Starts the database with F history forums, from the cache when it has them. */
async function prepareDatabase(
  opts: BenchOptions,
  dataDir: string,
): Promise<{ db: BenchDb; history: string }> {
  let db = await startBenchDb(dataDir, log);
  const history = opts.history ? 'seeded' : 'none';
  if (opts.history && db.embedded) {
    const cache = historyCacheDir(opts.history, db.backend);
    if (existsSync(path.join(cache, 'meta.json'))) {
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
      cpSync(path.join(cache, 'data'), dataDir, { recursive: true });
      log(
        `[db] history: ${opts.history} forums from the cache ${path.relative(projectRoot, cache)}`,
      );
      db = await startBenchDb(dataDir, log);
      await connectDb(db.uri);
      return { db, history: 'cached' };
    }
    await connectDb(db.uri);
    await ensureIndexes();
    await ensurePushdownIndexes(db.postgresUrl);
    const started = Date.now();
    log(`[db] seeding ${opts.history} closed forums of history (cached afterwards)`);
    await seedHistory(opts.history, log);
    await mongoose.disconnect();
    await db.stop();
    const tmp = `${cache}.tmp-${randomBytes(3).toString('hex')}`;
    cpSync(dataDir, path.join(tmp, 'data'), { recursive: true });
    writeFileSync(
      path.join(tmp, 'meta.json'),
      JSON.stringify({ forums: opts.history, seconds: (Date.now() - started) / 1000 }),
    );
    rmSync(cache, { recursive: true, force: true });
    renameSync(tmp, cache);
    log(`[db] history cached in ${path.relative(projectRoot, cache)}`);
    db = await startBenchDb(dataDir, log);
    await connectDb(db.uri);
    return { db, history };
  }
  await connectDb(db.uri);
  await ensureIndexes();
  await ensurePushdownIndexes(db.postgresUrl);
  if (opts.history) {
    log(`[db] seeding ${opts.history} closed forums of history (not cached: external MongoDB)`);
    await seedHistory(opts.history, log);
  }
  return { db, history };
}

async function main(): Promise<void> {
  let opts: BenchOptions;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const runId = randomRunId();
  const runDir = path.join(
    benchDir,
    'runs',
    `${new Date().toISOString().replace(/[:.]/g, '-')}-${runId}`,
  );
  mkdirSync(runDir, { recursive: true });
  const commit = gitCommit();
  const inputs = inputsNeeded(opts);
  if (inputs > opts.inputs) {
    log(
      `[bench] ${opts.votes * opts.duration} votes from ${opts.clients} phones need more than ` +
        `${opts.inputs} inputs: seeding ${inputs}`,
    );
  }
  const perMinute = (opts.votes * 60) / opts.clients;
  if (perMinute > 100) {
    log(
      `[bench] note: ${perMinute.toFixed(0)} votes per phone per minute; the server allows 120 ` +
        'per socket per minute, so refusals (rate_limited) are expected',
    );
  }
  const cmd = serverCommand();
  log(
    `[bench] server command: node ${cmd.kind === 'dist' ? 'dist/server/main.js (production build)' : '--import tsx server/main.ts (no dist/ build found)'}`,
  );
  log(`[bench] logs in ${path.relative(projectRoot, runDir)}`);

  const procs: Proc[] = [];
  let db: BenchDb | undefined;
  let ours: RunMeasure;
  let floor: RunMeasure | null = null;
  let serverMetrics: ServerMetrics | null = null;
  let history = 'none';
  const secret = randomBytes(32).toString('hex');
  try {
    const prepared = await prepareDatabase(opts, path.join(runDir, 'db'));
    db = prepared.db;
    history = prepared.history;
    const live = await seedLiveForum({ inputs, moderation: opts.moderation, seed: opts.seed });
    log(
      `[db] ${db.backend}: live forum ${live.code} with ${live.inputIds.length} published inputs`,
    );

    let redisUrl: string | null = null;
    if (opts.processes === 2) {
      const redis = await startRedis(runDir);
      procs.push(redis.proc);
      redisUrl = redis.url;
      log(`[bench] redis-server on ${redis.url}`);
    }
    const targets: Target[] = [];
    for (let i = 0; i < opts.processes; i += 1) {
      const t = await startAppServer(
        i,
        {
          mongodbUri: db.uri,
          redisUrl,
          secret,
          dataDir: path.join(runDir, `server-${i}-data`),
        },
        runDir,
        opts.cpuProf,
      );
      procs.push(t.proc);
      targets.push(t);
      log(`[bench] server ${i} healthy on ${t.baseUrl} (pid ${t.proc.pid})`);
    }
    const dbRef = db;
    ours = await measure({
      name: 'server',
      targets: targets.map((t) => t.baseUrl),
      code: live.code,
      opts,
      runId,
      runDir,
      serverPids: () => targets.map((t) => t.proc.pid),
      dbPids: () => dbRef.pids(),
      store: databaseStore(live.forumId),
      log,
    });
    serverMetrics = await readServerMetrics(targets.map((t) => t.baseUrl));
    for (const line of serverMetrics ? describeServerMetrics(serverMetrics) : []) log(line);
    for (const p of procs.splice(0).reverse()) await p.stop();

    if (opts.floor) {
      const f = await startFloor(
        { code: live.code, inputs, moderation: opts.moderation, secret },
        runDir,
      );
      procs.push(f.proc);
      log(`[bench] floor healthy on ${f.baseUrl} (pid ${f.proc.pid})`);
      floor = await measure({
        name: 'floor',
        targets: [f.baseUrl],
        code: live.code,
        opts,
        runId,
        runDir,
        serverPids: () => [f.proc.pid],
        dbPids: () => [],
        store: floorStore(f.baseUrl),
        log,
      });
      for (const p of procs.splice(0).reverse()) await p.stop();
    }
  } finally {
    for (const p of procs.reverse()) await p.stop();
    if (db && !db.embedded) await mongoose.connection.dropDatabase().catch(() => undefined);
    await mongoose.disconnect().catch(() => undefined);
    await db?.stop();
    // Keep the logs; drop the data (the database copy can be large with --history).
    rmSync(path.join(runDir, 'db'), { recursive: true, force: true });
    for (let i = 0; i < opts.processes; i += 1) {
      rmSync(path.join(runDir, `server-${i}-data`), { recursive: true, force: true });
    }
  }

  const ratio =
    ours.voteToAllP99Ms !== null && floor?.voteToAllP99Ms
      ? Math.round((ours.voteToAllP99Ms / floor.voteToAllP99Ms) * 100) / 100
      : null;
  console.log('');
  console.log(table(ours, floor));
  console.log('');
  const result = {
    clients: opts.clients,
    processes: opts.processes,
    history: opts.history,
    voteAckP50Ms: ours.voteAckP50Ms,
    voteAckP99Ms: ours.voteAckP99Ms,
    voteToAllP50Ms: ours.voteToAllP50Ms,
    voteToAllP99Ms: ours.voteToAllP99Ms,
    floorVoteToAllP99Ms: floor?.voteToAllP99Ms ?? null,
    ratioP99: ratio,
    submitAckP99Ms: ours.submitAckP99Ms,
    joinP99Ms: ours.joinP99Ms,
    joinsPerSecond: ours.joinsPerSecond,
    votesAcked: ours.votesAcked,
    votesSent: ours.votesSent,
    submitsAcked: ours.submitsAcked,
    submitsSent: ours.submitsSent,
    lostUpdates: ours.lostUpdates,
    rssPerConnKb: ours.rssPerConnKb,
    serverCpuPct: ours.serverCpuPct,
    floorLostUpdates: floor?.lostUpdates ?? null,
    floorVoteAckP99Ms: floor?.voteAckP99Ms ?? null,
    floorJoinP99Ms: floor?.joinP99Ms ?? null,
    floorRssPerConnKb: floor?.rssPerConnKb ?? null,
    server: ours,
    serverMetrics,
    floor,
    options: { ...opts, inputs },
    historyDb: history,
    serverCommand: serverCommand().kind,
    dbBackend: db?.backend ?? 'unknown',
    commit,
    date: new Date().toISOString(),
    machine: machine(),
    label: opts.label,
  };
  const line = JSON.stringify(result);
  if (opts.out) appendFileSync(path.resolve(opts.out), line + '\n');
  console.log(line);
}

const stopNow = (signal: string): void => {
  console.error(`[bench] ${signal}: stopping everything`);
  killAll();
  process.exit(130);
};
process.on('SIGINT', () => stopNow('SIGINT'));
process.on('SIGTERM', () => stopNow('SIGTERM'));
process.on('exit', killAll);

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('[bench] failed:', err instanceof Error ? err.message : err);
    killAll();
    process.exit(1);
  },
);
