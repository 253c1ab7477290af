// The embedded PostgreSQL: created with initdb on first use, run as a supervised child process.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  lchownSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { PostgresBinaries } from './postgresBinary';
import { cmdlineOf, findProcesses, isAlive, sleep, stopPid } from './procs';
import { launchCommand, type ServiceUser } from './runAs';
import { Supervisor } from './supervisor';

/** The database FerretDB keeps its data in (one PostgreSQL schema per MongoDB database). */
export const FERRETDB_DATABASE = 'ferretdb';

/**
 * Server settings, passed on the command line (they win over postgresql.conf). Modest memory for
 * a small machine shared with the app (sized for 2 cores and a few GB of RAM):
 * - shared_buffers 256MB: PostgreSQL's page cache (the OS cache does the rest);
 * - effective_cache_size 1GB: a planner hint, allocates nothing;
 * - work_mem 16MB per sort/hash, maintenance_work_mem 128MB for index builds;
 * - max_connections 100 (FerretDB's pool uses at most 50).
 * Durability stays at PostgreSQL's defaults: fsync on and synchronous_commit on, so a write that
 * FerretDB acknowledged survives a crash of the app, of FerretDB, or of PostgreSQL itself.
 * plan_cache_mode=force_custom_plan is required: FerretDB sends the field name of an equality
 * filter as a parameter (`_jsonb->$1 @> $2`), and only a custom plan can match it to the
 * expression indexes made by ensurePushdownIndexes().
 */
export const POSTGRES_SETTINGS: Readonly<Record<string, string>> = {
  listen_addresses: '127.0.0.1',
  // No Unix socket: nothing to clash with a system PostgreSQL's socket in /var/run/postgresql.
  unix_socket_directories: '',
  plan_cache_mode: 'force_custom_plan',
  shared_buffers: '256MB',
  effective_cache_size: '1GB',
  work_mem: '16MB',
  maintenance_work_mem: '128MB',
  max_connections: '100',
  fsync: 'on',
  synchronous_commit: 'on',
  jit: 'off',
  log_min_messages: 'warning',
  // Statements carry personal data: never copy them into the log.
  log_min_error_statement: 'panic',
  log_checkpoints: 'off',
};

export interface EmbeddedPostgresOptions {
  bins: PostgresBinaries;
  /** The PostgreSQL data folder (created by initdb on first start). */
  dir: string;
  port: number;
  user: ServiceUser | undefined;
  log: (line: string) => void;
  supervise?: boolean;
  restartDelayMs?: number;
  /** Extra or changed settings (tests). */
  settings?: Record<string, string>;
  onPid?: (pid: number | undefined) => void;
}

export interface EmbeddedPostgres {
  /** URL of the database FerretDB uses. */
  url: string;
  port: number;
  pid(): number | undefined;
  stop(): Promise<void>;
  signalNow(signal: NodeJS.Signals): void;
}

const childEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PG')) env[k] = v;
  return { ...env, LC_ALL: 'C', LANG: 'C' };
};

function runAsUser(
  bin: string,
  args: string[],
  user: ServiceUser | undefined,
): ReturnType<typeof spawnSync> {
  const l = launchCommand(bin, args, user, 'SIGKILL');
  return spawnSync(l.command, l.args, {
    uid: l.uid,
    gid: l.gid,
    env: childEnv(),
    encoding: 'utf8',
    cwd: '/',
  });
}

/** Creates the data folder with initdb unless it exists (into a temporary folder, then renamed). */
export function initPostgres(opts: EmbeddedPostgresOptions): boolean {
  if (existsSync(path.join(opts.dir, 'PG_VERSION'))) return false;
  if (existsSync(opts.dir)) {
    throw new Error(
      `${opts.dir} exists but is not a PostgreSQL data folder (no PG_VERSION): move it away.`,
    );
  }
  const started = Date.now();
  opts.log(`[db] Creating the PostgreSQL database in ${opts.dir} (first run only)...`);
  const tmp = `${opts.dir}.init-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true, mode: 0o700 });
  if (opts.user) chownSync(tmp, opts.user.uid, opts.user.gid);
  const base = ['-D', tmp, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions'];
  let r = runAsUser(opts.bins.initdb, [...base, '--locale=C.UTF-8'], opts.user);
  if (r.status !== 0 && /locale/i.test(String(r.stderr))) {
    // No C.UTF-8 locale on this system: plain C sorts the same way (by code point).
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true, mode: 0o700 });
    if (opts.user) chownSync(tmp, opts.user.uid, opts.user.gid);
    r = runAsUser(opts.bins.initdb, [...base, '--locale=C'], opts.user);
  }
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`initdb failed (exit ${r.status}):\n${String(r.stderr).trim()}`);
  }
  renameSync(tmp, opts.dir);
  opts.log(
    `[db] PostgreSQL data folder created in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return true;
}

export function adminUrl(port: number, database = 'postgres'): string {
  return `postgres://postgres@127.0.0.1:${port}/${database}`;
}

/** Resolves once PostgreSQL accepts queries on `url`. */
export async function waitForPostgres(
  url: string,
  timeoutMs: number,
  alive: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`exited during start-up${last ? ` (${last})` : ''}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (err) {
      last = (err as Error).message;
    } finally {
      await client.end().catch(() => undefined);
    }
    await sleep(100);
  }
  throw new Error(`not ready within ${timeoutMs} ms (${last})`);
}

async function ensureFerretDatabase(port: number): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl(port) });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      FERRETDB_DATABASE,
    ]);
    if (r.rowCount === 0) await client.query(`CREATE DATABASE ${FERRETDB_DATABASE}`);
  } finally {
    await client.end();
  }
}

/** Stops a PostgreSQL left running on `dir` by a server that died (per its postmaster.pid). */
export async function stopLeftoverPostgres(
  dir: string,
  log: (line: string) => void,
): Promise<void> {
  const pids = new Set<number>();
  try {
    const pid = Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (isAlive(pid) && /postgres/.test(cmdlineOf(pid))) pids.add(pid);
  } catch {
    // no postmaster.pid: not running
  }
  for (const pid of findProcesses((cmd) => /postgres/.test(cmd) && cmd.includes(`-D ${dir} `)))
    pids.add(pid);
  for (const pid of pids) {
    log(`[db] stopping a PostgreSQL left running on ${dir} (pid ${pid})`);
    const children = childrenOf(pid);
    // Fast shutdown, then immediate shutdown; SIGKILL only if neither worked.
    await stopPid(pid, [
      ['SIGINT', 30_000],
      ['SIGQUIT', 5_000],
      ['SIGKILL', 5_000],
    ]);
    // Its backends hold the shared memory until they are gone.
    for (const c of children) await stopPid(c, [['SIGKILL', 5_000]]);
  }
}

function childrenOf(pid: number): number[] {
  return findProcesses(() => true).filter((p) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
    } catch {
      return false;
    }
  });
}

/** Starts PostgreSQL on `opts.dir` (initialising it first if needed) and keeps it running. */
/** Server log lines worth passing on (routine start-up and shutdown messages are not). */
const SERIOUS = /\b(PANIC|FATAL):/;
const ROUTINE =
  /the database system is (starting up|shutting down|in recovery mode)|terminating connection due to (administrator command|unexpected postmaster exit)/;

/**
 * A data folder copied or restored by root (cp -r, a cache of test data) belongs to root, which
 * PostgreSQL refuses: give it back to the service user, and close it to others.
 */
function ownDataFolder(dir: string, user: ServiceUser | undefined, log: (l: string) => void): void {
  const st = statSync(dir);
  if ((st.mode & 0o027) !== 0) chmodSync(dir, 0o700);
  if (!user || st.uid === user.uid) return;
  log(`[db] ${dir} belongs to uid ${st.uid}: giving it to the user "${user.name}"`);
  const walk = (p: string): void => {
    lchownSync(p, user.uid, user.gid);
    if (lstatSync(p).isDirectory()) for (const name of readdirSync(p)) walk(path.join(p, name));
  };
  walk(dir);
}

export async function startPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  initPostgres(opts);
  ownDataFolder(opts.dir, opts.user, opts.log);
  let lastAt = 0;
  const serious = (line: string): void => {
    if (ROUTINE.test(line) || Date.now() - lastAt < 10_000) return;
    lastAt = Date.now();
    opts.log(`[db] postgres: ${line.trim().slice(0, 300)}`);
  };
  const settings = { ...POSTGRES_SETTINGS, ...opts.settings };
  const args = ['-D', opts.dir, '-p', String(opts.port)];
  for (const [k, v] of Object.entries(settings)) args.push('-c', `${k}=${v}`);
  const sup = new Supervisor({
    name: 'PostgreSQL',
    log: opts.log,
    supervise: opts.supervise,
    restartDelayMs: opts.restartDelayMs,
    onPid: opts.onPid,
    // Fast shutdown (ends sessions, writes a checkpoint); immediate shutdown if that hangs.
    stopSteps: [
      ['SIGINT', 30_000],
      ['SIGQUIT', 5_000],
      ['SIGKILL', 5_000],
    ],
    launch: () => {
      // If the server dies, PostgreSQL gets SIGINT from the kernel: a fast, clean shutdown.
      const l = launchCommand(opts.bins.postgres, args, opts.user, 'SIGINT');
      const c = spawn(l.command, l.args, {
        uid: l.uid,
        gid: l.gid,
        env: childEnv(),
        cwd: '/',
        stdio: ['ignore', 'pipe', 'pipe'],
        // Own session: Ctrl-C in a terminal reaches the server, which stops PostgreSQL in order.
        detached: true,
      });
      c.stderr?.on('data', (d: Buffer) => {
        for (const line of d.toString().split('\n')) if (SERIOUS.test(line)) serious(line);
      });
      return c;
    },
    // Crash recovery after a kill can take a while on a large database.
    waitReady: (alive) => waitForPostgres(adminUrl(opts.port), 120_000, alive),
  });
  await sup.start();
  await ensureFerretDatabase(opts.port);
  return {
    url: adminUrl(opts.port, FERRETDB_DATABASE),
    port: opts.port,
    pid: () => sup.pid(),
    stop: () => sup.stop(),
    signalNow: (s) => sup.signalNow(s),
  };
}
