// FerretDB as a supervised child process, on PostgreSQL (the default) or on SQLite (migration).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { portOpen, sleep } from './procs';
import { launchCommand } from './runAs';
import { Supervisor } from './supervisor';

export type FerretBackend = { postgresqlUrl: string } | { sqliteDir: string };

export interface FerretOptions {
  bin: string;
  backend: FerretBackend;
  port: number;
  stateDir: string;
  log: (line: string) => void;
  supervise?: boolean;
  restartDelayMs?: number;
  onPid?: (pid: number | undefined) => void;
}

export interface FerretProcess {
  port: number;
  pid(): number | undefined;
  stop(): Promise<void>;
  signalNow(signal: NodeJS.Signals): void;
}

/**
 * FerretDB's PostgreSQL URL: plan_cache_mode is also set per connection here (pgx passes unknown
 * URL parameters to the server), so the pushdown indexes are used on an external PostgreSQL too.
 */
export function ferretPostgresUrl(url: string): string {
  const u = new URL(url);
  if (!u.searchParams.has('plan_cache_mode'))
    u.searchParams.set('plan_cache_mode', 'force_custom_plan');
  return u.toString();
}

export function ferretArgs(o: Pick<FerretOptions, 'backend' | 'port' | 'stateDir'>): string[] {
  const backend =
    'postgresqlUrl' in o.backend
      ? ['--handler=postgresql', `--postgresql-url=${ferretPostgresUrl(o.backend.postgresqlUrl)}`]
      : ['--handler=sqlite', `--sqlite-url=file:${o.backend.sqliteDir}/`];
  return [
    ...backend,
    `--listen-addr=127.0.0.1:${o.port}`,
    '--telemetry=disable',
    `--state-dir=${o.stateDir}`,
    '--debug-addr=-',
    '--log-level=warn',
  ];
}

/**
 * A FerretDB error line fit for our log, or undefined for routine ones. Query errors carry the
 * query's arguments (documents: personal data), so only PostgreSQL's message is kept; a unique
 * index violation is routine (the app handles E11000).
 */
export function ferretErrorSummary(line: string): string | undefined {
  if (/"Code":"23505"/.test(line)) return undefined;
  const [, level, source, op] = line.split('\t');
  if (line.includes('"args"')) {
    const message = /"Message":"((?:[^"\\]|\\.)*)"/.exec(line)?.[1] ?? 'query failed';
    return `${level} ${source} ${op}: ${message}`;
  }
  return line.trim();
}

async function waitForPort(port: number, timeoutMs: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error('exited during start-up');
    if (await portOpen(port)) return;
    await sleep(50);
  }
  throw new Error(`did not listen on port ${port} within ${timeoutMs} ms`);
}

export async function startFerret(opts: FerretOptions): Promise<FerretProcess> {
  mkdirSync(opts.stateDir, { recursive: true });
  if ('sqliteDir' in opts.backend) mkdirSync(opts.backend.sqliteDir, { recursive: true });
  const args = ferretArgs(opts);
  // While PostgreSQL is down FerretDB logs an error per request: pass on one line per 10 s.
  let lastAt = 0;
  let skipped = 0;
  const errorLine = (raw: string): void => {
    const line = ferretErrorSummary(raw);
    if (line === undefined) return;
    const now = Date.now();
    if (now - lastAt < 10_000) {
      skipped += 1;
      return;
    }
    const more = skipped ? ` (and ${skipped} more errors)` : '';
    opts.log(`[db] ferretdb: ${line.slice(0, 300)}${more}`);
    lastAt = now;
    skipped = 0;
  };
  const sup = new Supervisor({
    name: 'FerretDB',
    log: opts.log,
    supervise: opts.supervise,
    restartDelayMs: opts.restartDelayMs,
    onPid: opts.onPid,
    // FerretDB keeps no data of its own (PostgreSQL or SQLite does).
    stopSteps: [
      ['SIGTERM', 5_000],
      ['SIGKILL', 5_000],
    ],
    launch: () => {
      const l = launchCommand(opts.bin, args, undefined, 'SIGKILL');
      // Own session (detached): Ctrl-C in a terminal reaches only the server, which stops us.
      const c = spawn(l.command, l.args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
      c.stderr?.on('data', (d: Buffer) => {
        for (const line of d.toString().split('\n')) {
          if (/\t(ERROR|DPANIC|PANIC|FATAL)\t|^panic:/.test(line)) errorLine(line);
        }
      });
      return c;
    },
    waitReady: (alive) => waitForPort(opts.port, 30_000, alive),
  });
  await sup.start();
  return {
    port: opts.port,
    pid: () => sup.pid(),
    stop: () => sup.stop(),
    signalNow: (s) => sup.signalNow(s),
  };
}
