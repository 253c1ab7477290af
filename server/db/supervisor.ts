// Keeps one child process running: starts it, waits until it is ready, restarts it with backoff
// when it dies, and stops it with a sequence of signals.
import { detach } from '../lib/logger';
import type { ChildProcess } from 'node:child_process';
import { isAlive, stopPid } from './procs';

export interface SupervisedSpec {
  /** Shown in log lines, e.g. "PostgreSQL". */
  name: string;
  launch: () => ChildProcess;
  /** Resolves once the process serves; rejects on timeout or when `alive()` turns false. */
  waitReady: (alive: () => boolean) => Promise<void>;
  /** Signals tried in turn by stop(), each with the time to wait for the exit. */
  stopSteps: ReadonlyArray<readonly [NodeJS.Signals, number]>;
  log: (line: string) => void;
  /** Restart when the process dies unexpectedly (default true). */
  supervise?: boolean;
  /** First restart delay in ms, doubled on repeated failures up to 5 s (default 250). */
  restartDelayMs?: number;
  /** Called with the new pid after each (re)start, and undefined when it exited. */
  onPid?: (pid: number | undefined) => void;
  /** Called after a restart once the process is ready again. */
  onRestarted?: () => Promise<void>;
}

export class Supervisor {
  private child: ChildProcess | undefined;
  private stopping = false;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Last lines the process wrote on stderr, for error messages. */
  readonly tail: string[] = [];

  constructor(private readonly spec: SupervisedSpec) {}

  pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process and waits until it is ready; on failure stops it and throws. */
  async start(): Promise<void> {
    const c = this.spawn();
    try {
      await this.spec.waitReady(() => this.child === c && c.exitCode === null && !c.signalCode);
    } catch (err) {
      this.stopping = true;
      await this.kill(c);
      const tail = this.tail.length ? `\n${this.tail.slice(-15).join('\n')}` : '';
      throw new Error(`${this.spec.name} did not start: ${(err as Error).message}${tail}`);
    }
  }

  private spawn(): ChildProcess {
    const c = this.spec.launch();
    this.child = c;
    c.stderr?.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n')) {
        if (!line.trim()) continue;
        this.tail.push(line.slice(0, 500));
        if (this.tail.length > 50) this.tail.shift();
      }
    });
    c.stdout?.resume();
    c.on('error', (err) => this.spec.log(`[db] ${this.spec.name}: ${err.message}`));
    c.on('exit', (code, signal) => this.exited(c, code, signal));
    if (c.pid) this.spec.onPid?.(c.pid);
    return c;
  }

  private exited(c: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== c) return;
    this.child = undefined;
    this.spec.onPid?.(undefined);
    if (this.stopping || this.spec.supervise === false) return;
    this.failures += 1;
    const base = this.spec.restartDelayMs ?? 250;
    const delay = Math.min(5000, base * 2 ** Math.min(this.failures - 1, 5));
    this.spec.log(
      `[db] ${this.spec.name} stopped (code ${code}, signal ${signal}); restarting in ${delay} ms`,
    );
    this.timer = setTimeout(() => detach(this.restart(), `${this.spec.name} restart`), delay);
  }

  private async restart(): Promise<void> {
    this.timer = undefined;
    if (this.stopping) return;
    const c = this.spawn();
    try {
      await this.spec.waitReady(() => this.child === c && c.exitCode === null && !c.signalCode);
      await this.spec.onRestarted?.();
      this.failures = 0;
      this.spec.log(`[db] ${this.spec.name} is back (pid ${c.pid})`);
    } catch (err) {
      if (this.stopping) return;
      this.spec.log(`[db] ${this.spec.name} restart failed: ${(err as Error).message}`);
      // Still running but not serving: end it; its exit schedules the next attempt.
      if (this.child === c) c.kill('SIGKILL');
    }
  }

  private async kill(c: ChildProcess): Promise<void> {
    if (!c.pid || c.exitCode !== null || c.signalCode) return;
    const exited = new Promise<void>((r) => c.once('exit', () => r()));
    const stopped = await stopPid(c.pid, this.spec.stopSteps);
    // Wait for Node to reap it so no zombie is left behind.
    if (stopped && c.exitCode === null && !c.signalCode) await exited;
  }

  /** Stops the process (and any pending restart). */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    const c = this.child;
    if (c) await this.kill(c);
  }

  /** Synchronous last resort for process 'exit': signal without waiting. */
  signalNow(signal: NodeJS.Signals): void {
    this.stopping = true;
    clearTimeout(this.timer);
    const pid = this.child?.pid;
    if (pid && isAlive(pid)) {
      try {
        process.kill(pid, signal);
      } catch {
        // already gone
      }
    }
  }
}
