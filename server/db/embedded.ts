import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensureFerretdb } from './ferretdbBinary';

export interface EmbeddedDbOptions {
  toolsDir: string;
  /** Folder that holds the SQLite files and FerretDB's state. */
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  log?: (line: string) => void;
  /** Restart FerretDB when it exits unexpectedly (default true). */
  supervise?: boolean;
  /** First restart delay in ms, doubled on repeated failures up to 5 s (default 250). */
  restartDelayMs?: number;
}

export interface EmbeddedDb {
  uri: string;
  port: number;
  /** PID of the running FerretDB process, or undefined while it is down. */
  pid(): number | undefined;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject()));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error('FerretDB exited during start-up');
    const ok = await new Promise<boolean>((resolve) => {
      const sock = net.connect(port, '127.0.0.1');
      sock.once('connect', () => (sock.destroy(), resolve(true)));
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`FerretDB did not listen on port ${port} within ${timeoutMs} ms`);
}

/** Starts FerretDB (SQLite backend) and keeps it running until `stop()`. */
export async function startEmbeddedDb(opts: EmbeddedDbOptions): Promise<EmbeddedDb> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const bin = await ensureFerretdb(opts.toolsDir, log);
  const port = opts.port || (await freePort());
  const sqliteDir = path.join(opts.dataDir, 'sqlite');
  const stateDir = path.join(opts.dataDir, 'state');
  mkdirSync(sqliteDir, { recursive: true });
  mkdirSync(stateDir, { recursive: true });
  const args = [
    '--handler=sqlite',
    `--sqlite-url=file:${sqliteDir}/`,
    `--listen-addr=127.0.0.1:${port}`,
    '--telemetry=disable',
    `--state-dir=${stateDir}`,
    '--debug-addr=-',
    '--log-level=warn',
  ];
  let child: ChildProcess | undefined;
  let stopping = false;
  let restarts = 0;

  const launch = (): ChildProcess => {
    const c = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    c.stderr?.on('data', (d: Buffer) => {
      const text = d.toString().trim();
      if (/\t(ERROR|DPANIC|PANIC|FATAL)\t|^panic:/m.test(text))
        log(`[db] ferretdb: ${text.slice(0, 400)}`);
    });
    c.on('exit', (code, signal) => {
      if (child === c) child = undefined;
      if (stopping || opts.supervise === false) return;
      restarts += 1;
      const delay = Math.min(5000, (opts.restartDelayMs ?? 250) * 2 ** Math.min(restarts - 1, 4));
      log(`[db] FerretDB stopped (code ${code}, signal ${signal}); restarting in ${delay} ms`);
      setTimeout(() => {
        if (stopping) return;
        child = launch();
        waitForPort(port, 20_000, () => child !== undefined)
          .then(() => {
            log('[db] FerretDB is back');
            restarts = 0;
          })
          .catch((err: Error) => log(`[db] FerretDB restart failed: ${err.message}`));
      }, delay);
    });
    return c;
  };

  child = launch();
  // Never leave FerretDB running when this process ends, however it ends.
  const killOnExit = (): void => {
    stopping = true;
    child?.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  await waitForPort(port, 30_000, () => child !== undefined);
  return {
    uri: `mongodb://127.0.0.1:${port}/forum`,
    port,
    pid: () => child?.pid,
    stop: async () => {
      stopping = true;
      process.off('exit', killOnExit);
      const c = child;
      if (!c || c.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => (c.kill('SIGKILL'), resolve()), 5000);
        c.once('exit', () => (clearTimeout(t), resolve()));
        c.kill('SIGTERM');
      });
    },
  };
}
