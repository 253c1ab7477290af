// One embedded database per data folder: a lock file holding the owner's pid and start time.
import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAlive, sleep, startTimeOf } from './procs';
import { DatabaseSetupError } from './errors';

export interface LockInfo {
  /** The Node process that owns the embedded database. */
  pid: number;
  /** Its start time from /proc (tells it from a later process with the same pid). */
  procStart?: string;
  startedAt: string;
  host: string;
  ferretdbPid?: number;
  postgresPid?: number;
  /** Where clients (backup, create-admin) reach the running database. */
  mongodbUri?: string;
  postgresUrl?: string;
}

export const LOCK_FILE = 'db.lock';

export class DatabaseLockedError extends DatabaseSetupError {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      [
        `Database di ${dataDir} sedang dipakai oleh proses ${holder.pid} (sejak ${holder.startedAt}).`,
        `The database in ${dataDir} is in use by process ${holder.pid} (since ${holder.startedAt}).`,
        'Stop that server first (or use it), or set DATA_DIR to another folder.',
      ].join('\n'),
    );
  }
}

export function lockPath(dataDir: string): string {
  return path.join(dataDir, LOCK_FILE);
}

export function readLock(dataDir: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    return typeof info.pid === 'number' ? info : undefined;
  } catch {
    return undefined;
  }
}

/** True while the process that wrote `info` runs (same pid and same start time). */
export function holderAlive(info: LockInfo): boolean {
  if (info.host !== os.hostname()) return true;
  if (!isAlive(info.pid)) return false;
  const now = startTimeOf(info.pid);
  return info.procStart === undefined || now === undefined || now === info.procStart;
}

/** The lock of a running server on `dataDir`, if any. */
export function liveHolder(dataDir: string): LockInfo | undefined {
  const info = readLock(dataDir);
  return info && holderAlive(info) ? info : undefined;
}

function writeAtomically(file: string, info: LockInfo): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(info, null, 2) + '\n');
  renameSync(tmp, file);
}

export class DataDirLock {
  private info: LockInfo;
  private released = false;

  private constructor(
    private readonly file: string,
    info: LockInfo,
  ) {
    this.info = info;
  }

  /** The lock this one replaced, left by a server that died without releasing it. */
  stale: LockInfo | undefined;

  /**
   * Takes the lock on `dataDir`. A live holder: throws DatabaseLockedError. A stale one (its
   * process is gone) is taken over and kept in `stale`: the caller then stops what that server
   * left running.
   */
  static async acquire(dataDir: string): Promise<DataDirLock> {
    const file = lockPath(dataDir);
    const info: LockInfo = {
      pid: process.pid,
      procStart: startTimeOf(process.pid),
      startedAt: new Date().toISOString(),
      host: os.hostname(),
    };
    let stale: LockInfo | undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const fd = openSync(file, 'wx', 0o644);
        try {
          writeSync(fd, JSON.stringify(info, null, 2) + '\n');
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        const lock = new DataDirLock(file, info);
        lock.stale = stale;
        return lock;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      let raw = '';
      try {
        raw = readFileSync(file, 'utf8');
      } catch {
        continue; // released meanwhile
      }
      let holder = readLock(dataDir);
      if (!holder) {
        // Maybe being written right now by another starter.
        await sleep(300);
        holder = readLock(dataDir);
      }
      if (holder && holderAlive(holder)) throw new DatabaseLockedError(dataDir, holder);
      stale = holder;
      // Take it over unless someone else did meanwhile.
      try {
        if (readFileSync(file, 'utf8') !== raw) continue;
        rmSync(file);
      } catch {
        // gone already
      }
    }
    throw new DatabaseSetupError(
      `Could not take the lock ${file}: other processes keep taking it.`,
    );
  }

  get current(): LockInfo {
    return this.info;
  }

  update(patch: Partial<LockInfo>): void {
    if (this.released) return;
    this.info = { ...this.info, ...patch };
    writeAtomically(this.file, this.info);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    const now = (() => {
      try {
        return JSON.parse(readFileSync(this.file, 'utf8')) as LockInfo;
      } catch {
        return undefined;
      }
    })();
    if (now?.pid === process.pid) rmSync(this.file, { force: true });
  }
}
