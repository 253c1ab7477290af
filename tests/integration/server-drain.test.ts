import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { connectDb, ensureIndexes } from '../../server/db/connect';
import { InputModel } from '../../server/forums/input.model';
import { VoteModel } from '../../server/forums/vote.model';
import { buildForum, buildWorld } from '../helpers/factories';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { Client } from '../helpers/http';
import { eventually, openSocket } from '../helpers/sockets';
import { runLoad, seedInputs, Writer } from '../helpers/writeLoad';

let server: ServerProcess;
const dbName = `t_drain_${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  await connectDb(`${inject('mongoBaseUri')}/${dbName}`);
  await ensureIndexes();
  server = await startServerProcess({
    mongoUri: `${inject('mongoBaseUri')}/${dbName}`,
    env: { LOG_LEVEL: 'info' },
  });
}, 120_000);

afterAll(async () => {
  await server?.kill('SIGKILL');
  await mongoose.connection.dropDatabase().catch(() => undefined);
  await mongoose.disconnect();
});

describe('a draining process', () => {
  it('answers new requests 503 shutting_down with Connection: close, health says draining, socket events get a retryable refusal', async () => {
    const world = await buildWorld();
    const forum = await buildForum(world.upp, { settings: { moderation: 'post' } });
    const app = createApp({
      config: loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(40) }),
    });
    await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
    const client = new Client(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
    try {
      await client.get('/api/auth/me');
      const socket = await openSocket(client);
      expect((await client.get('/api/health')).body).toEqual({ status: 'ok', db: 'ok' });

      app.drain.draining = true;
      const health = await client.get('/api/health');
      expect(health.status).toBe(503);
      expect(health.body).toEqual({ status: 'draining', db: 'ok' });
      const write = await client.post<{ error: { code: string; message: string } }>(
        `/api/forums/${forum._id.toString()}/inputs`,
        { text: 'Masukan saat server dimatikan', kind: 'suggestion', idempotencyKey: 'drain-1' },
      );
      expect(write.status).toBe(503);
      expect(write.headers.get('connection')).toBe('close');
      expect(Number(write.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(write.body.error.code).toBe('shutting_down');
      expect(write.body.error.message).toMatch(/Server sedang dimatikan/);
      const ack = await socket.timeout(5000).emitWithAck('input.create', {
        forumId: forum._id.toString(),
        text: 'Masukan lewat socket saat server dimatikan',
        kind: 'suggestion',
        idempotencyKey: 'drain-2',
      });
      expect(ack).toMatchObject({ error: { code: 'shutting_down', retryable: true } });
      expect(
        await InputModel.countDocuments({ idempotencyKey: { $in: ['drain-1', 'drain-2'] } }),
      ).toBe(0);
      socket.disconnect();
    } finally {
      await app.close();
    }
  });
});

describe('SIGTERM in the middle of a burst', () => {
  it('finishes in-flight writes, answers every write, tells clients to reconnect, stores counts and exits 0', async () => {
    const world = await buildWorld();
    const forum = await buildForum(world.upp, { settings: { moderation: 'post' } });
    const forumId = forum._id.toString();
    const inputIds = await seedInputs(server.baseUrl, forumId, 4);
    const writers = await Promise.all(
      Array.from({ length: 14 }, (_, n) =>
        Writer.open(server.baseUrl, n, n < 10 ? 'socket' : 'http'),
      ),
    );
    const load = runLoad(writers, forumId, inputIds, { pauseMs: 20, maxOps: 16 });
    await eventually(() => load.attempts.filter((a) => a.outcome.ok).length >= 30, 20_000);
    const sentBefore = load.attempts.length;
    process.kill(server.pid, 'SIGTERM');
    const exit = await server.exited;
    await load.stop();

    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.output()).toMatch(/drained/);
    // Every socket client was told to reconnect elsewhere, with a spread for the reconnects.
    for (const w of writers.filter((x) => x.via === 'socket')) {
      expect(w.drainNotice?.reconnectJitterMs).toBeGreaterThan(0);
    }
    // No write went unanswered: acknowledged, refused as shutting down (retryable), or never
    // sent (socket already closed, connection refused). Nothing timed out or broke mid-way.
    const outcomes = new Map<string, number>();
    for (const a of load.attempts) {
      const o = a.outcome;
      const how = o.ok
        ? 'ok'
        : `${a.via} ${o.code}${o.status ? ` ${o.status}` : ''}${o.retryable ? ' retryable' : ''}${o.retryAfter ? ' retry-after' : ''}`;
      outcomes.set(how, (outcomes.get(how) ?? 0) + 1);
    }
    console.log('[drain]', sentBefore, 'sent before SIGTERM;', Object.fromEntries(outcomes));
    const broken = load.attempts.filter((a) => !a.outcome.ok && a.outcome.code === 'network');
    if (broken.length) console.log('[drain] broken', JSON.stringify(broken));
    for (const how of outcomes.keys()) {
      expect(how).toMatch(
        /^(ok|socket shutting_down retryable|http shutting_down 503 retry-after|socket disconnected|http refused)$/,
      );
    }
    // Every acknowledged write is stored; a write refused while shutting down is not.
    for (const a of load.attempts) {
      const w = writers[a.client]!;
      if (a.op.kind === 'submit') {
        const stored = await InputModel.countDocuments({ idempotencyKey: a.op.key });
        if (a.outcome.ok) expect(stored).toBe(1);
        else if (a.outcome.code === 'shutting_down') expect(stored).toBe(0);
      } else if (a.outcome.ok) {
        expect(
          await VoteModel.countDocuments({ inputId: a.op.inputId, voterKey: w.voterKey }),
        ).toBe(1);
      }
    }
    // The counts were stored before the exit: they equal the vote records without a restart.
    for (const id of inputIds) {
      expect((await InputModel.findById(id))?.votes).toBe(
        await VoteModel.countDocuments({ inputId: id }),
      );
    }
    for (const w of writers) w.close();
  }, 120_000);
});
