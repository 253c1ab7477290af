import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { restoreDatabase } from '../../server/db/backup';
import { readLock } from '../../server/db/lock';
import { buildForum, buildWorld, PASSWORD } from '../helpers/factories';
import { Client } from '../helpers/http';
import { runTs, startServer, tempDataDir, type Proc } from '../helpers/dbProcess';
import { startTestApp, type TestApp } from '../helpers/testApp';

const { MongoClient } = mongoose.mongo;
let app: TestApp;
let world: Awaited<ReturnType<typeof buildWorld>>;
const work = tempDataDir('forum-backup-');
const fresh = path.join(work, 'data');
const file = path.join(work, 'forum.jsonl.gz');
let server: (Proc & { baseUrl: string }) | undefined;

beforeAll(async () => {
  app = await startTestApp({ routing: false });
  world = await buildWorld();
  await buildForum(world.upp, { title: 'Forum yang dicadangkan' });
  // Enough documents for several batches, with a unique index to carry over.
  const probe = mongoose.connection.db!.collection('restore_probe');
  await probe.insertMany(Array.from({ length: 2500 }, (_, i) => ({ n: i, at: new Date(i) })));
  await probe.createIndex({ n: 1 }, { unique: true });
});

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  await app.stop();
  rmSync(work, { recursive: true, force: true });
});

async function run(script: string, args: string[], env: Record<string, string>) {
  const p = runTs(script, args, env);
  return { code: await p.exited, output: p.output() };
}

describe('backup and restore', () => {
  it('restores a backup into a fresh data folder, and the app starts on it with the data', async () => {
    const backup = await run('scripts/backup.ts', [file], {
      MONGODB_URI: `${inject('mongoBaseUri')}/${app.dbName}`,
    });
    expect(backup.output).toMatch(/restore_probe: 2,500 documents/);
    expect(backup.code).toBe(0);

    const restore = await run('scripts/restore.ts', [file], { DATA_DIR: fresh });
    expect(restore.output).toMatch(/restore_probe: 2,500 documents, 1 indexes/);
    expect(restore.code).toBe(0);

    // Restoring over data is refused unless --drop.
    const again = await run('scripts/restore.ts', [file], { DATA_DIR: fresh });
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/is not empty/);

    server = await startServer(fresh);
    const c = new Client(server.baseUrl);
    await c.login(world.facilitator.email, PASSWORD);
    const list = await c.get<{ forums: { title: string }[] }>('/api/forums');
    expect(list.body.forums.map((f) => f.title)).toContain('Forum yang dicadangkan');

    const client = await new MongoClient(readLock(fresh)!.mongodbUri!).connect();
    try {
      const probe = client.db().collection('restore_probe');
      expect(await probe.countDocuments()).toBe(2500);
      const dup = await probe.insertOne({ n: 7 }).then(
        () => 'inserted',
        (err: { code?: number }) => err.code,
      );
      expect(dup).toBe(11000);
    } finally {
      await client.close();
    }
  });

  it('refuses a truncated backup file', async () => {
    const lines = gunzipSync(readFileSync(file)).toString().trimEnd().split('\n');
    const cut = path.join(work, 'cut.jsonl.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, -2).join('\n') + '\n'));
    const client = await new MongoClient(`${inject('mongoBaseUri')}`).connect();
    try {
      const target = client.db(`${app.dbName}_cut`);
      await expect(restoreDatabase(target, cut)).rejects.toThrow(/truncated|does not match/);
      await target.dropDatabase();
    } finally {
      await client.close();
    }
  });
});
