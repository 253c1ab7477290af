import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/app';
import { loadConfig, projectRoot } from '../../server/config';
import { connectDb } from '../../server/db/connect';
import { startEmbeddedDb, type EmbeddedDb } from '../../server/db/embedded';
import { Client } from '../helpers/http';
import { eventually } from '../helpers/sockets';

let db: EmbeddedDb;
let app: App;
let dir: string;
let client: Client;
const logs: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'forum-outage-'));
  chmodSync(dir, 0o755);
  db = await startEmbeddedDb({
    toolsDir: process.env.TOOLS_DIR ?? path.join(projectRoot, '.tools'),
    dataDir: dir,
    log: (l) => logs.push(l),
    // Long enough that the outage is observable, short enough for a quick test.
    restartDelayMs: 1500,
  });
  await connectDb(db.uri);
  // Like any app database, this one holds data (FerretDB's ping reaches PostgreSQL only then).
  await mongoose.connection.db!.collection('probe').insertOne({ at: new Date() });
  app = createApp({ config: loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(40) }) });
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  client = new Client(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
});

afterAll(async () => {
  await app.close();
  await mongoose.disconnect();
  await db.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('embedded database supervision', () => {
  it('reports 503 while FerretDB is down and 200 once the supervisor restarted it', async () => {
    expect((await client.get('/api/health')).status).toBe(200);
    const pid = db.pid();
    expect(pid).toBeTypeOf('number');
    process.kill(pid!, 'SIGKILL');
    await eventually(async () => (await client.get('/api/health')).status === 503, 10_000);
    const down = await client.get('/api/health');
    expect(down.body).toEqual({ status: 'degraded', db: 'down' });
    await eventually(async () => (await client.get('/api/health')).status === 200, 20_000);
    expect(db.pid()).not.toBe(pid);
    expect(logs.some((l) => /FerretDB stopped .*restarting/.test(l))).toBe(true);
  });

  it('reports 503 while PostgreSQL is down and 200 once it was restarted under FerretDB', async () => {
    expect((await client.get('/api/health')).status).toBe(200);
    const pid = db.postgresPid();
    const ferret = db.pid();
    expect(pid).toBeTypeOf('number');
    process.kill(pid!, 'SIGKILL');
    await eventually(async () => (await client.get('/api/health')).status === 503, 10_000);
    await eventually(async () => (await client.get('/api/health')).status === 200, 30_000);
    expect(db.postgresPid()).not.toBe(pid);
    // FerretDB reconnected by itself: same process as before the outage.
    expect(db.pid()).toBe(ferret);
    expect(logs.some((l) => /PostgreSQL stopped .*restarting/.test(l))).toBe(true);
  });
});
