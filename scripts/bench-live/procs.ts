/**
 * The processes the benchmark starts (server, Redis, floor, load generator): started with
 * their output in log files, tracked, and always stopped, however the benchmark ends.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { projectRoot } from '../../server/config';
import { freePort } from '../../server/db/embedded';
import { HEALTH_PATH, httpGet } from './protocol';

export interface Proc {
  name: string;
  child: ChildProcess;
  pid: number | undefined;
  logFile: string;
  stop(): Promise<void>;
}

const running = new Set<Proc>();

/** Kills whatever is still running (sync, for `exit` handlers). */
export function killAll(): void {
  for (const p of running) p.child.kill('SIGKILL');
  running.clear();
}

export function startProc(
  name: string,
  command: string,
  args: string[],
  runDir: string,
  opts: SpawnOptions & { ipc?: boolean } = {},
): Proc {
  const logFile = path.join(runDir, `${name}.log`);
  const fd = openSync(logFile, 'a');
  const { ipc, ...spawnOpts } = opts;
  const child = spawn(command, args, {
    cwd: projectRoot,
    ...spawnOpts,
    stdio: ipc ? ['ignore', fd, fd, 'ipc'] : ['ignore', fd, fd],
  });
  const proc: Proc = {
    name,
    child,
    pid: child.pid,
    logFile,
    stop: () =>
      new Promise<void>((resolve) => {
        running.delete(proc);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
  running.add(proc);
  return proc;
}

export function logTail(p: Proc, lines = 20): string {
  try {
    return readFileSync(p.logFile, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

const alive = (p: Proc): boolean => p.child.exitCode === null && p.child.signalCode === null;

/** Waits for GET /api/health to answer 200. */
export async function waitHealthy(p: Proc, baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(p)) throw new Error(`${p.name} exited during start-up:\n${logTail(p)}`);
    const ok = await httpGet(baseUrl, HEALTH_PATH, null, 2000).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${p.name} not healthy within ${timeoutMs} ms:\n${logTail(p)}`);
}

/** How the server is started: the production build when there is one, else tsx. */
export function serverCommand(): { args: string[]; kind: 'dist' | 'tsx' } {
  const dist = path.join(projectRoot, 'dist', 'server', 'main.js');
  return existsSync(dist)
    ? { args: [dist], kind: 'dist' }
    : { args: ['--import', 'tsx', path.join(projectRoot, 'server', 'main.ts')], kind: 'tsx' };
}

export interface Target {
  proc: Proc;
  baseUrl: string;
}

export async function startAppServer(
  index: number,
  env: { mongodbUri: string; redisUrl: string | null; secret: string; dataDir: string },
  runDir: string,
  cpuProf: string | null = null,
): Promise<Target> {
  const port = await freePort();
  const { args } = serverCommand();
  const prof = cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProf)}`] : [];
  const proc = startProc(`server-${index}`, process.execPath, [...prof, ...args], runDir, {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      SESSION_SECRET: env.secret,
      HOST: '127.0.0.1',
      PORT: String(port),
      MONGODB_URI: env.mongodbUri,
      SEED_DEMO: 'false',
      DATA_DIR: env.dataDir,
      ...(env.redisUrl ? { REDIS_URL: env.redisUrl } : {}),
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitHealthy(proc, baseUrl, 120_000);
  return { proc, baseUrl };
}

async function waitPort(port: number, p: Proc, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(p)) throw new Error(`${p.name} exited during start-up:\n${logTail(p)}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${p.name} did not listen on ${port}`);
}

/** A throwaway redis-server on a free port, no persistence. */
export async function startRedis(runDir: string): Promise<{ proc: Proc; url: string }> {
  const port = await freePort();
  const proc = startProc(
    'redis',
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    runDir,
  );
  await waitPort(port, proc, 20_000);
  return { proc, url: `redis://127.0.0.1:${port}` };
}

/** The bare Socket.IO floor (scripts/bench-live/floor-server.ts). */
export async function startFloor(
  opts: { code: string; inputs: number; moderation: 'pre' | 'post'; secret: string },
  runDir: string,
): Promise<Target> {
  const port = await freePort();
  const proc = startProc(
    'floor',
    process.execPath,
    ['--import', 'tsx', path.join(projectRoot, 'scripts', 'bench-live', 'floor-server.ts')],
    runDir,
    {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PORT: String(port),
        FLOOR_CODE: opts.code,
        FLOOR_INPUTS: String(opts.inputs),
        FLOOR_MODERATION: opts.moderation,
        SESSION_SECRET: opts.secret,
      },
    },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitHealthy(proc, baseUrl, 60_000);
  return { proc, baseUrl };
}
