/** Memory and CPU of processes, read from /proc (Linux). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let clkTck = 0;
function ticksPerSecond(): number {
  if (!clkTck) {
    try {
      clkTck = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      clkTck = 100;
    }
  }
  return clkTck;
}

/** Resident memory (VmRSS) in KB, 0 when the process is gone. */
export function rssKb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** User + system CPU seconds used so far by a process (all its threads). */
export function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at state (field 3).
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(rest[11]);
    const stime = Number(rest[12]);
    return (utime + stime) / ticksPerSecond();
  } catch {
    return 0;
  }
}

/** Measures CPU% of a set of processes between `start()` and `stop()` (100% = one core). */
export class CpuMeter {
  private startCpu = 0;
  private startAt = 0;
  constructor(private readonly pids: () => (number | undefined)[]) {}
  start(): void {
    this.startCpu = this.total();
    this.startAt = performance.now();
  }
  stop(): number {
    const secs = (performance.now() - this.startAt) / 1000;
    return secs > 0 ? Math.round(((this.total() - this.startCpu) / secs) * 1000) / 10 : 0;
  }
  private total(): number {
    return this.pids().reduce((s: number, p) => s + cpuSeconds(p), 0);
  }
}
