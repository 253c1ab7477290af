import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config';
import { startEmbeddedDb } from '../../server/db/embedded';
import { readLock } from '../../server/db/lock';
import { isAlive } from '../../server/db/procs';
import { startServer, tempDataDir, type Proc } from '../helpers/dbProcess';
import { eventually } from '../helpers/sockets';

const dir = tempDataDir('forum-lifecycle-');
const copy = tempDataDir('forum-lifecycle-copy-');
const started: Proc[] = [];

afterAll(async () => {
  for (const p of started) {
    if (p.child.exitCode === null && p.child.signalCode === null) {
      p.child.kill('SIGTERM');
      await p.exited;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(copy, { recursive: true, force: true });
});

describe('embedded database lifecycle', () => {
  it('runs once per data folder and never outlives the server, kill -9 included', async () => {
    const first = await startServer(dir);
    started.push(first);
    const lock = readLock(dir)!;
    expect(lock.pid).toBe(first.child.pid);
    const { postgresPid, ferretdbPid } = lock;
    expect(isAlive(postgresPid)).toBe(true);
    expect(isAlive(ferretdbPid)).toBe(true);
    expect((await fetch(`${first.baseUrl}/api/health`)).status).toBe(200);

    // A second server on the same folder refuses to start and names the one that runs.
    const second = await startServer(dir).then(
      () => undefined,
      (err: Error) => err.message,
    );
    expect(second).toMatch(new RegExp(`in use by process ${first.child.pid}`));
    expect(second).toMatch(/sedang dipakai oleh proses/);
    expect(isAlive(postgresPid)).toBe(true);

    // kill -9 of the server: the kernel ends its PostgreSQL and FerretDB.
    first.child.kill('SIGKILL');
    await first.exited;
    await eventually(() => !isAlive(postgresPid) && !isAlive(ferretdbPid), 30_000);

    // A new server takes the stale lock over and starts on the same folder.
    const third = await startServer(dir);
    started.push(third);
    const lock3 = readLock(dir)!;
    expect(lock3.pid).toBe(third.child.pid);
    expect(lock3.postgresPid).not.toBe(postgresPid);
    expect((await fetch(`${third.baseUrl}/api/health`)).status).toBe(200);

    // A normal stop ends both children and releases the lock.
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
    expect(isAlive(lock3.postgresPid)).toBe(false);
    expect(isAlive(lock3.ferretdbPid)).toBe(false);
    expect(readLock(dir)).toBeUndefined();
  });

  it('starts on a copy of a stopped data folder made by another user (cp -r as root)', async () => {
    // Made by this (test) process, as a backup script or a cache of test data would.
    cpSync(path.join(dir, 'pg'), path.join(copy, 'pg'), { recursive: true });
    const logs: string[] = [];
    const db = await startEmbeddedDb({
      toolsDir: process.env.TOOLS_DIR ?? path.join(projectRoot, '.tools'),
      dataDir: copy,
      log: (l) => logs.push(l),
    });
    try {
      const client = await new mongoose.mongo.MongoClient(db.uri).connect();
      // The copied database holds what the server created: the service catalog.
      expect(await client.db().collection('services').countDocuments()).toBeGreaterThan(0);
      await client.close();
    } finally {
      await db.stop();
    }
  });
});
