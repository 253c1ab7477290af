import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLock, DatabaseLockedError, lockPath, readLock } from './lock';

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'forum-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

describe('data folder lock', () => {
  it('refuses a second holder while the first lives, naming its pid', async () => {
    const dir = tmp();
    const lock = await DataDirLock.acquire(dir);
    expect(readLock(dir)?.pid).toBe(process.pid);
    const second = DataDirLock.acquire(dir);
    await expect(second).rejects.toBeInstanceOf(DatabaseLockedError);
    await expect(DataDirLock.acquire(dir)).rejects.toThrow(`in use by process ${process.pid}`);
    lock.release();
    expect(readLock(dir)).toBeUndefined();
    (await DataDirLock.acquire(dir)).release();
  });

  it('takes over the lock of a process that is gone, and hands it to the caller', async () => {
    const dir = tmp();
    const pid = deadPid();
    writeFileSync(
      lockPath(dir),
      JSON.stringify({ pid, startedAt: 'earlier', host: os.hostname(), ferretdbPid: 42 }),
    );
    const lock = await DataDirLock.acquire(dir);
    expect(lock.stale?.pid).toBe(pid);
    expect(lock.stale?.ferretdbPid).toBe(42);
    expect(readLock(dir)?.pid).toBe(process.pid);
    lock.update({ postgresPid: 7 });
    expect(readLock(dir)?.postgresPid).toBe(7);
    lock.release();
  });

  it('takes over an unreadable lock file', async () => {
    const dir = tmp();
    writeFileSync(lockPath(dir), 'not json');
    const lock = await DataDirLock.acquire(dir);
    expect(lock.stale).toBeUndefined();
    expect(readLock(dir)?.pid).toBe(process.pid);
    lock.release();
  });
});
