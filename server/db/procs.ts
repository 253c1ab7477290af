// Small helpers to look at and stop operating-system processes (Linux /proc where available).
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function procStat(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces.
    const close = text.lastIndexOf(')');
    return [text.slice(0, close + 1), ...text.slice(close + 2).split(' ')];
  } catch {
    return undefined;
  }
}

const hasProc = (() => {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
})();

/** True while `pid` runs. A zombie (exited, not yet reaped) counts as gone. */
export function isAlive(pid: number | undefined): boolean {
  if (!pid || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (!hasProc) return true;
  const stat = procStat(pid);
  return stat !== undefined && stat[1] !== 'Z' && stat[1] !== 'X';
}

/**
 * When the process started (clock ticks since boot, from /proc), to tell a process from a later
 * one that got the same pid. Undefined where /proc is missing.
 */
export function startTimeOf(pid: number): string | undefined {
  return procStat(pid)?.[20];
}

/** The command line of `pid` (arguments joined by spaces), or '' when unknown. */
export function cmdlineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** Live processes whose command line satisfies `match` (Linux only; [] elsewhere). */
export function findProcesses(match: (cmdline: string) => boolean): number[] {
  if (!hasProc) return [];
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    const cmd = cmdlineOf(pid);
    if (cmd && match(cmd) && isAlive(pid)) found.push(pid);
  }
  return found;
}

/** Resolves true once `pid` is gone, false if it still runs after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
  return true;
}

/**
 * Sends each signal in turn, waiting up to its time for the process to end; resolves true when it
 * ended. E.g. [['SIGINT', 30000], ['SIGQUIT', 5000], ['SIGKILL', 5000]].
 */
export async function stopPid(
  pid: number,
  steps: ReadonlyArray<readonly [NodeJS.Signals, number]>,
): Promise<boolean> {
  for (const [signal, waitMs] of steps) {
    if (!isAlive(pid)) return true;
    try {
      process.kill(pid, signal);
    } catch {
      return !isAlive(pid);
    }
    if (await waitForExit(pid, waitMs)) return true;
  }
  return !isAlive(pid);
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

/** True when something accepts TCP connections on 127.0.0.1:`port`. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    sock.once('connect', () => (sock.destroy(), resolve(true)));
    sock.once('error', () => resolve(false));
  });
}
