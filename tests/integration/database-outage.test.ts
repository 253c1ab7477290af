import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/app';
import { loadConfig, projectRoot } from '../../server/config';
import { connectDb, ensureIndexes } from '../../server/db/connect';
import { startEmbeddedDb, type EmbeddedDb } from '../../server/db/embedded';
import { InputModel } from '../../server/forums/input.model';
import { VoteModel } from '../../server/forums/vote.model';
import { buildForum, buildWorld } from '../helpers/factories';
import { Client } from '../helpers/http';
import { eventually } from '../helpers/sockets';
import { resendAll, runLoad, seedInputs, Writer, type Attempt } from '../helpers/writeLoad';

let db: EmbeddedDb;
let app: App;
let dir: string;
let client: Client;
const logs: string[] = [];

const startDb = (ports: { port?: number; postgresPort?: number } = {}) =>
  startEmbeddedDb({
    toolsDir: process.env.TOOLS_DIR ?? path.join(projectRoot, '.tools'),
    dataDir: dir,
    log: (l) => logs.push(l),
    // Long enough that the outage is observable, short enough for a quick test.
    restartDelayMs: 1500,
    ...ports,
  });

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'forum-outage-'));
  chmodSync(dir, 0o755);
  db = await startDb();
  await connectDb(db.uri);
  await ensureIndexes();
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

/** Every attempt that failed, grouped by how (`socket db_unavailable retryable`, ...). */
function failures(attempts: Attempt[]): Map<string, number> {
  const by = new Map<string, number>();
  for (const a of attempts) {
    if (a.outcome.ok) continue;
    const o = a.outcome;
    const how =
      a.via === 'http'
        ? `http ${o.status ?? '-'} ${o.code} retry-after=${o.retryAfter ?? 'none'}`
        : `socket ${o.code} retryable=${o.retryable ?? false}`;
    by.set(how, (by.get(how) ?? 0) + 1);
  }
  return by;
}

/** A post-moderated forum with 4 inputs, and 6 writers (4 sockets, 2 HTTP) voting and submitting. */
async function forumUnderLoad(pauseMs: number) {
  const world = await buildWorld();
  const forum = await buildForum(world.upp, { settings: { moderation: 'post' } });
  const forumId = forum._id.toString();
  const inputIds = await seedInputs(client.baseUrl, forumId, 4);
  const writers = await Promise.all(
    Array.from({ length: 6 }, (_, n) => Writer.open(client.baseUrl, n, n < 4 ? 'socket' : 'http')),
  );
  const load = runLoad(writers, forumId, inputIds, { pauseMs, maxOps: 16 });
  return { forumId, inputIds, writers, load };
}

describe('a database outage under load', () => {
  it('answers writes with 503 db_unavailable + Retry-After and retryable acks; resent with the same keys after recovery, each lands exactly once', async () => {
    const { forumId, inputIds, writers, load } = await forumUnderLoad(900);
    await eventually(
      () =>
        new Set(load.attempts.filter((a) => a.outcome.ok).map((a) => a.client)).size ===
        writers.length,
      20_000,
    );

    // Stop the whole embedded database (FerretDB and PostgreSQL) for about 10 seconds.
    const port = db.port;
    const postgresPort = Number(new URL(db.postgresUrl).port);
    await db.stop();
    const downAt = load.attempts.length;
    await eventually(async () => (await client.get('/api/health')).status === 503, 10_000);
    expect((await client.get('/api/health')).body).toEqual({ status: 'degraded', db: 'down' });
    // A write while it is down: 503, the stable code, a message in Indonesian, Retry-After.
    const probe = await writers[4]!.http.post<{ error: { code: string; message: string } }>(
      `/api/forums/${forumId}/inputs`,
      {
        text: 'Masukan saat basis data mati',
        kind: 'suggestion',
        idempotencyKey: 'outage-probe-1',
      },
    );
    expect(probe.status).toBe(503);
    expect(probe.body.error.code).toBe('db_unavailable');
    expect(probe.body.error.message).toMatch(/Basis data sedang tidak tersedia/);
    expect(Number(probe.headers.get('retry-after'))).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 10_000));
    db = await startDb({ port, postgresPort });
    await eventually(async () => (await client.get('/api/health')).status === 200, 30_000);
    await load.stop();

    const during = load.attempts.slice(downAt);
    const failed = failures(load.attempts);
    console.log('[outage] attempts', load.attempts.length, 'failures', Object.fromEntries(failed));
    // The outage was felt by both kinds of clients...
    expect(during.some((a) => a.via === 'socket' && !a.outcome.ok)).toBe(true);
    expect(during.some((a) => a.via === 'http' && !a.outcome.ok)).toBe(true);
    // ...and every failure was the retryable kind: no `internal`, no request left hanging.
    for (const how of failed.keys()) {
      expect(how).toMatch(
        /^(http 503 db_unavailable retry-after=\d+|socket db_unavailable retryable=true)$/,
      );
    }

    // After recovery every client sends everything again with the same keys.
    const refused = await resendAll(writers, forumId);
    expect(refused).toEqual([]);
    for (const w of writers) w.close();
    const keys = writers.flatMap((w) => w.ops.flatMap((o) => (o.kind === 'submit' ? [o.key] : [])));
    for (const key of keys) {
      expect(await InputModel.countDocuments({ idempotencyKey: key })).toBe(1);
    }
    expect(await InputModel.countDocuments({ forumId })).toBe(inputIds.length + keys.length);
    for (const w of writers) {
      for (const op of w.ops) {
        if (op.kind !== 'vote') continue;
        expect(await VoteModel.countDocuments({ inputId: op.inputId, voterKey: w.voterKey })).toBe(
          1,
        );
      }
    }
    // Stored counts follow the vote records, and so does what a client sees.
    await eventually(async () => {
      for (const id of inputIds) {
        const stored = (await InputModel.findById(id))?.votes;
        if (stored !== (await VoteModel.countDocuments({ inputId: id }))) return false;
      }
      return true;
    }, 10_000);
    const snap = await client.get<{ inputs: { id: string; votes: number }[] }>(
      `/api/forums/${forumId}`,
    );
    for (const i of snap.body.inputs.filter((x) => inputIds.includes(x.id))) {
      expect(i.votes).toBe(await VoteModel.countDocuments({ inputId: i.id }));
    }
  }, 120_000);
});

describe('the embedded database killed under load', () => {
  it('is restarted by the supervisor and the app serves writes again without a restart; nothing lands twice', async () => {
    const { forumId, inputIds, writers, load } = await forumUnderLoad(400);
    const okCount = () => load.attempts.filter((a) => a.outcome.ok).length;
    await eventually(() => okCount() >= 6, 20_000);

    for (const which of ['FerretDB', 'PostgreSQL'] as const) {
      const pid = which === 'FerretDB' ? db.pid() : db.postgresPid();
      expect(pid).toBeTypeOf('number');
      process.kill(pid!, 'SIGKILL');
      await eventually(async () => (await client.get('/api/health')).status === 503, 10_000);
      await eventually(async () => (await client.get('/api/health')).status === 200, 30_000);
      expect(which === 'FerretDB' ? db.pid() : db.postgresPid()).not.toBe(pid);
      // The same app process takes writes again.
      const before = okCount();
      await eventually(() => okCount() > before, 20_000);
    }
    await load.stop();
    const failed = failures(load.attempts);
    console.log('[kill] attempts', load.attempts.length, 'failures', Object.fromEntries(failed));
    for (const how of failed.keys()) {
      expect(how).toMatch(
        /^(http 503 db_unavailable retry-after=\d+|socket db_unavailable retryable=true)$/,
      );
    }
    expect(await resendAll(writers, forumId)).toEqual([]);
    for (const w of writers) w.close();
    const keys = writers.flatMap((w) => w.ops.flatMap((o) => (o.kind === 'submit' ? [o.key] : [])));
    for (const key of keys) {
      expect(await InputModel.countDocuments({ idempotencyKey: key })).toBe(1);
    }
    await eventually(async () => {
      for (const id of inputIds) {
        const stored = (await InputModel.findById(id))?.votes;
        if (stored !== (await VoteModel.countDocuments({ inputId: id }))) return false;
      }
      return true;
    }, 10_000);
  }, 150_000);
});
