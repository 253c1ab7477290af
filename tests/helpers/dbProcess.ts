import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../server/config';

/** A temporary data folder the embedded PostgreSQL's user can enter. */
export function tempDataDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

export interface Proc {
  child: ChildProcess;
  /** Everything written on stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
}

/** Runs a TypeScript entry point of this project (e.g. server/main.ts) as its own process. */
export function runTs(file: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: projectRoot,
    env: { ...process.env, MONGODB_URI: '', FERRETDB_POSTGRES_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return { child, output: () => out, exited };
}

/** Resolves with the process's output once `pattern` appears; rejects if it exits first. */
export async function waitForOutput(
  p: Proc,
  pattern: RegExp,
  timeoutMs = 120_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let ended: number | string | undefined;
  p.exited.then(
    (c) => (ended = c),
    (err: unknown) => (ended = String(err)),
  );
  while (Date.now() < deadline) {
    const m = pattern.exec(p.output());
    if (m) return m[0];
    if (ended !== undefined) throw new Error(`exited (${ended}) before ${pattern}:\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${p.output()}`);
}

/** Starts the real server (server/main.ts) on `dataDir` and waits until it serves. */
export async function startServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<Proc & { baseUrl: string }> {
  const p = runTs('server/main.ts', [], {
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    SESSION_SECRET: 'lifecycle-secret-0123456789-0123456789',
    // The "ready" line is waited for below.
    LOG_LEVEL: 'info',
    ...env,
  });
  const line = await waitForOutput(p, /ready: http:\/\/localhost:(\d+)/);
  const port = /:(\d+)$/.exec(line)![1];
  return { ...p, baseUrl: `http://127.0.0.1:${port}` };
}
