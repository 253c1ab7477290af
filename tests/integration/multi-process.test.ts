import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Input } from '../../shared/schemas/input';
import { connectDb, ensureIndexes } from '../../server/db/connect';
import { ForumModel } from '../../server/forums/forum.model';
import { InputModel } from '../../server/forums/input.model';
import { ModerationModel } from '../../server/forums/moderation.model';
import { VoteModel } from '../../server/forums/vote.model';
import { buildForum, buildWorld, PASSWORD } from '../helpers/factories';
import { Client } from '../helpers/http';
import { startRedis, type TestRedis } from '../helpers/redis';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { eventually, openSocket, unwrap, type TestSocket } from '../helpers/sockets';

let redis: TestRedis;
let a: ServerProcess;
let b: ServerProcess;
let world: Awaited<ReturnType<typeof buildWorld>>;
const sockets: TestSocket[] = [];
const dbName = `t_mp_${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  const mongoUri = `${inject('mongoBaseUri')}/${dbName}`;
  await connectDb(mongoUri);
  await ensureIndexes();
  world = await buildWorld();
  redis = await startRedis();
  [a, b] = await Promise.all([
    startServerProcess({ mongoUri, redisUrl: redis.url }),
    startServerProcess({ mongoUri, redisUrl: redis.url }),
  ]);
}, 180_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await Promise.all([a?.kill(), b?.kill()]);
  await redis?.stop();
  await mongoose.connection.dropDatabase().catch(() => undefined);
  await mongoose.disconnect();
});

/** A citizen's browser: a participant cookie from server A, usable on A and on B. */
async function citizen(): Promise<{ onA: Client; onB: Client }> {
  const onA = new Client(a.baseUrl);
  await onA.get('/api/auth/me');
  return { onA, onB: onA.at(b.baseUrl) };
}

async function watch(client: Client, forumId: string) {
  const socket = await openSocket(client);
  sockets.push(socket);
  const counts: Record<string, number> = {};
  const published: string[] = [];
  socket.on('vote.counts', (p) => Object.assign(counts, p.counts));
  socket.on('input.published', (i) => published.push(i.id));
  const snap = unwrap(await socket.emitWithAck('forum.join', { forumId }));
  for (const i of snap.inputs) counts[i.id] = i.votes;
  return { socket, counts, published };
}

/** A live forum with published inputs, submitted by citizens and approved on server A. */
async function forumWithInputs(n: number) {
  const forum = await buildForum(world.upp, { settings: { moderation: 'post' } });
  const forumId = forum._id.toString();
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const author = await citizen();
    const r = await author.onA.post<{ input: Input }>(`/api/forums/${forumId}/inputs`, {
      text: `Usulan nomor ${i}: perbaikan layanan loket dan antrian daring`,
      kind: 'suggestion',
      idempotencyKey: `seed-${randomBytes(6).toString('hex')}`,
    });
    expect(r.status).toBe(201);
    ids.push(r.body.input.id);
  }
  return { forumId, ids };
}

const storedVotes = async (id: string) => (await InputModel.findById(id))?.votes;

describe('two app processes sharing Redis and one database', () => {
  it('counts concurrent votes on A and B exactly, and a client on B sees votes cast on A', async () => {
    const { forumId, ids } = await forumWithInputs(2);
    const observer = await watch(new Client(b.baseUrl), forumId);
    const [x, y] = ids as [string, string];

    const first = await citizen();
    const r = await first.onA.post<{ votes: number }>(`/api/inputs/${x}/vote`, { voted: true });
    expect(r.body.votes).toBe(1);
    await eventually(() => observer.counts[x] === 1);

    const voters = await Promise.all(Array.from({ length: 40 }, () => citizen()));
    const results = await Promise.all(
      voters.flatMap((v, i) => {
        const c = i % 2 ? v.onB : v.onA;
        return [
          c.post(`/api/inputs/${x}/vote`, { voted: true }),
          c.post(`/api/inputs/${y}/vote`, { voted: true }),
        ];
      }),
    );
    expect(results.every((res) => res.status === 200)).toBe(true);
    expect(await VoteModel.countDocuments({ inputId: x })).toBe(41);
    expect(await VoteModel.countDocuments({ inputId: y })).toBe(40);
    await eventually(async () => (await storedVotes(x)) === 41 && (await storedVotes(y)) === 40);
    await eventually(() => observer.counts[x] === 41 && observer.counts[y] === 40);
    const watcherOnA = await watch(new Client(a.baseUrl), forumId);
    expect(watcherOnA.counts[x]).toBe(41);
    await eventually(async () => (await ForumModel.findById(forumId))?.counts.votes === 81);
  });

  it('keeps one vote per voter when the same voter votes on both processes at once', async () => {
    const { forumId, ids } = await forumWithInputs(1);
    const x = ids[0]!;
    const voter = await citizen();
    for (let round = 0; round < 8; round += 1) {
      const [onA, onB] = await Promise.all([
        voter.onA.post<{ votes: number }>(`/api/inputs/${x}/vote`, { voted: true }),
        voter.onB.post<{ votes: number }>(`/api/inputs/${x}/vote`, { voted: true }),
      ]);
      expect([onA.body.votes, onB.body.votes]).toEqual([1, 1]);
      expect(await VoteModel.countDocuments({ inputId: x })).toBe(1);
      // Vote and withdraw at the same moment on the two processes: whatever order wins, the
      // tally agrees with the stored vote documents.
      await Promise.all([
        voter.onA.post(`/api/inputs/${x}/vote`, { voted: round % 2 === 0 }),
        voter.onB.post(`/api/inputs/${x}/vote`, { voted: round % 2 === 1 }),
      ]);
      const docs = await VoteModel.countDocuments({ inputId: x });
      const seen = await watch(new Client(b.baseUrl), forumId);
      expect(seen.counts[x]).toBe(docs);
      seen.socket.disconnect();
    }
    const docs = await VoteModel.countDocuments({ inputId: x });
    await eventually(async () => (await storedVotes(x)) === docs);
  });

  it('stores one input when the same idempotency key reaches both processes', async () => {
    const forum = await buildForum(world.upp);
    const forumId = forum._id.toString();
    const author = await citizen();
    for (let i = 0; i < 5; i += 1) {
      const body = {
        text: `Jalan berlubang di depan pasar, percobaan ${i}`,
        kind: 'complaint',
        idempotencyKey: `same-key-${i}-${randomBytes(4).toString('hex')}`,
      };
      const [r1, r2] = await Promise.all([
        author.onA.post<{ input: Input }>(`/api/forums/${forumId}/inputs`, body),
        author.onB.post<{ input: Input }>(`/api/forums/${forumId}/inputs`, body),
      ]);
      expect([r1.status, r2.status].sort()).toEqual([200, 201]);
      expect(r1.body.input.id).toBe(r2.body.input.id);
    }
    expect(await InputModel.countDocuments({ forumId })).toBe(5);
  });

  it('gives one outcome when two facilitators moderate the same input on both processes', async () => {
    const forum = await buildForum(world.upp);
    const forumId = forum._id.toString();
    const facA = new Client(a.baseUrl);
    await facA.login(world.facilitator.email, PASSWORD);
    const facB = facA.at(b.baseUrl);
    const observer = await watch(new Client(b.baseUrl), forumId);
    const author = await citizen();
    const pending: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const r = await author.onA.post<{ input: Input }>(`/api/forums/${forumId}/inputs`, {
        text: `Pertanyaan ${i} tentang jadwal pelayanan akta kelahiran`,
        kind: 'question',
        idempotencyKey: `mod-${i}-${randomBytes(4).toString('hex')}`,
      });
      pending.push(r.body.input.id);
    }
    const outcomes = await Promise.all(
      pending.flatMap((id) => [
        facA.post(`/api/inputs/${id}/approve`),
        facB.post(`/api/inputs/${id}/approve`),
      ]),
    );
    expect(outcomes.every((o) => o.status === 200)).toBe(true);
    for (const id of pending) {
      expect(await ModerationModel.countDocuments({ inputId: id, action: 'approve' })).toBe(1);
    }
    // Approved on A or B, a client on B sees every one of them published.
    await eventually(() => pending.every((id) => observer.published.includes(id)));
    await eventually(async () => (await ForumModel.findById(forumId))?.counts.published === 6);

    // Reject and hide at the same moment: one of them applies, the other sees it done.
    const id = pending[0]!;
    const [rej, hide] = await Promise.all([
      facA.post(`/api/inputs/${id}/reject`, { reason: 'off_topic' }),
      facB.post(`/api/inputs/${id}/hide`, { reason: 'off_topic' }),
    ]);
    expect([rej.status, hide.status]).toEqual([200, 200]);
    const removals = await ModerationModel.countDocuments({
      inputId: id,
      action: { $in: ['reject', 'hide'] },
    });
    expect(removals).toBe(1);
    await eventually(async () => (await ForumModel.findById(forumId))?.counts.published === 5);
  });
});
