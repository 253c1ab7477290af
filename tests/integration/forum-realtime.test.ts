import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/schemas/input';
import { InputModel } from '../../server/forums/input.model';
import { VoteModel } from '../../server/forums/vote.model';
import { ForumModel } from '../../server/forums/forum.model';
import { buildForum, buildWorld, PASSWORD } from '../helpers/factories';
import { Client } from '../helpers/http';
import { eventually, openSocket, unwrap, type TestSocket } from '../helpers/sockets';
import { startTestApp, type TestApp } from '../helpers/testApp';

/** What one client believes the feed is, kept only from socket events. */
class Feed {
  inputs = new Map<string, Input>();
  spotlight: string | null = null;
  voteBatches = 0;
  constructor(
    readonly socket: TestSocket,
    readonly forumId: string,
  ) {
    socket.on('input.published', (i) => this.inputs.set(i.id, i));
    // Moderators also get updates of items leaving the feed (rejected, merged): drop those.
    socket.on('input.updated', (i) =>
      i.status === 'published' ? this.inputs.set(i.id, i) : this.inputs.delete(i.id),
    );
    socket.on('input.removed', ({ inputId }) => this.inputs.delete(inputId));
    socket.on('forum.spotlight', ({ input }) => (this.spotlight = input?.id ?? null));
    socket.on('vote.counts', ({ counts }) => {
      this.voteBatches += 1;
      for (const [id, n] of Object.entries(counts)) {
        const cur = this.inputs.get(id);
        if (cur) this.inputs.set(id, { ...cur, votes: n });
      }
    });
  }
  async join(): Promise<void> {
    const snap = unwrap(await this.socket.emitWithAck('forum.join', { forumId: this.forumId }));
    this.inputs = new Map(
      snap.inputs.filter((i) => i.status === 'published').map((i) => [i.id, i]),
    );
    this.spotlight = snap.forum.spotlightInputId;
  }
  counts(): Record<string, number> {
    return Object.fromEntries([...this.inputs.values()].map((i) => [i.id, i.votes]));
  }
}

let app: TestApp;
let world: Awaited<ReturnType<typeof buildWorld>>;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app.stop();
});

async function citizen(): Promise<{ http: Client; socket: TestSocket }> {
  const http = new Client(app.baseUrl);
  await http.get('/api/auth/me'); // receives the participant cookie
  const socket = await openSocket(http);
  sockets.push(socket);
  return { http, socket };
}

describe('a live forum with two citizens and a facilitator over real sockets', () => {
  it('keeps every client in step with the database through submit, approve, votes and merge', async () => {
    const forum = await buildForum(world.upp);
    const forumId = forum._id.toString();
    const fac = new Client(app.baseUrl);
    await fac.login(world.facilitator.email, PASSWORD);
    const facSocket = await openSocket(fac);
    sockets.push(facSocket);
    const queue: Input[] = [];
    facSocket.on('input.created', (i) => queue.push(i));
    const facFeed = new Feed(facSocket, forumId);
    await facFeed.join();

    const a = await citizen();
    const b = await citizen();
    const feedA = new Feed(a.socket, forumId);
    const feedB = new Feed(b.socket, forumId);
    await feedA.join();
    await feedB.join();
    const mineA: Input[] = [];
    a.socket.on('input.mine', (i) => mineA.push(i));
    // What a citizen's socket hears of new inputs (staff-room events must never reach it).
    const heardByB: Input[] = [];
    b.socket.on('input.created', (i) => heardByB.push(i));
    b.socket.on('input.published', (i) => heardByB.push(i));

    // Citizen A submits over the socket; the ack comes after the input is stored.
    const created = unwrap(
      await a.socket.emitWithAck('input.create', {
        forumId,
        text: 'Antrian <b>KTP</b> di kantor Dukcapil terlalu panjang, mohon tambah loket',
        kind: 'complaint',
        idempotencyKey: 'key-a-000000001',
      }),
    );
    expect(created.text).toBe('Antrian KTP di kantor Dukcapil terlalu panjang, mohon tambah loket');
    expect(created.citizenStatus).toBe('pending');
    expect(await InputModel.countDocuments({ forumId })).toBe(1);
    // A retry with the same key returns the same input, never a second one.
    const retry = unwrap(
      await a.socket.emitWithAck('input.create', {
        forumId,
        text: 'Antrian KTP di kantor Dukcapil terlalu panjang, mohon tambah loket',
        kind: 'complaint',
        idempotencyKey: 'key-a-000000001',
      }),
    );
    expect(retry.id).toBe(created.id);
    expect(await InputModel.countDocuments({ forumId })).toBe(1);
    // Pending inputs reach the staff room only. A round trip on B's socket after the staff got
    // it: anything sent to B before is delivered by then (one connection keeps its order).
    await eventually(() => queue.some((i) => i.id === created.id));
    unwrap(await b.socket.emitWithAck('system.ping', {}));
    expect(heardByB).toEqual([]);
    expect(feedB.inputs.size).toBe(0);

    // B submits a near-duplicate over HTTP.
    const dup = await b.http.post<{ input: Input }>(`/api/forums/${forumId}/inputs`, {
      text: 'Antrian bikin KTP di Dukcapil panjang sekali',
      kind: 'complaint',
      idempotencyKey: 'key-b-000000001',
    });
    expect(dup.status).toBe(201);

    // The facilitator approves both.
    expect((await fac.post(`/api/inputs/${created.id}/approve`)).status).toBe(200);
    expect((await fac.post(`/api/inputs/${dup.body.input.id}/approve`)).status).toBe(200);
    await eventually(() => feedA.inputs.size === 2 && feedB.inputs.size === 2);
    await eventually(() =>
      mineA.some((i) => i.id === created.id && i.citizenStatus === 'published'),
    );

    // B and a third citizen C vote for A's input, C also for the duplicate; B votes twice (no
    // effect); nobody can vote for their own input.
    const c = await citizen();
    const vote = (who: { http: Client }, id: string, voted: boolean) =>
      who.http.post<{ votes: number }>(`/api/inputs/${id}/vote`, { voted });
    const own = await vote(a, created.id, true);
    expect(own.status).toBe(409);
    expect((await vote(b, created.id, true)).body.votes).toBe(1);
    expect((await vote(b, created.id, true)).body.votes).toBe(1);
    unwrap(await c.socket.emitWithAck('input.vote', { inputId: created.id, voted: true }));
    await vote(c, dup.body.input.id, true);
    await vote(a, dup.body.input.id, true);
    // A withdraws the vote on the duplicate.
    expect((await vote(a, dup.body.input.id, false)).body.votes).toBe(1);

    const dbCounts = async () => {
      const docs = await InputModel.find({ forumId, status: 'published' });
      return Object.fromEntries(docs.map((d) => [d._id.toString(), d.votes]));
    };
    // The stored counters catch up with the votes, and every client shows them.
    const expected = JSON.stringify({ [created.id]: 2, [dup.body.input.id]: 1 });
    await eventually(async () => JSON.stringify(await dbCounts()) === expected);
    await eventually(async () => {
      const db = await dbCounts();
      return [feedA, feedB, facFeed].every(
        (f) => JSON.stringify(f.counts()) === JSON.stringify(db),
      );
    });

    // Spotlight reaches both citizens.
    expect(
      (await fac.post(`/api/forums/${forumId}/spotlight`, { inputId: created.id })).status,
    ).toBe(200);
    await eventually(() => feedA.spotlight === created.id && feedB.spotlight === created.id);

    // Merge the duplicate: C voted on both, so C counts once; the merged input leaves the feed.
    const merged = await fac.post<{ input: Input }>(`/api/forums/${forumId}/merge`, {
      targetId: created.id,
      sourceIds: [dup.body.input.id],
    });
    expect(merged.status).toBe(200);
    expect(merged.body.input.votes).toBe(2);
    await eventually(() => feedA.inputs.size === 1 && feedB.inputs.size === 1);
    await eventually(async () => {
      const db = await dbCounts();
      return [feedA, feedB, facFeed].every(
        (f) => JSON.stringify(f.counts()) === JSON.stringify(db),
      );
    });
    // The stored counter catches up with the vote records, for every input.
    const storedMatchesVotes = async () => {
      for (const doc of await InputModel.find({ forumId })) {
        if (doc.votes !== (await VoteModel.countDocuments({ inputId: doc._id }))) return false;
      }
      return true;
    };
    await eventually(storedMatchesVotes);
    const f = await ForumModel.findById(forumId);
    expect(f?.counts.votes).toBe(await VoteModel.countDocuments({ forumId }));
    expect(f?.counts.published).toBe(1);
    expect(f?.counts.participants).toBe(3);
    // B sees their own input as merged.
    const mineB = await b.http.get<{ inputs: Input[] }>(`/api/forums/${forumId}/mine`);
    expect(mineB.body.inputs.map((i) => i.citizenStatus)).toEqual(['merged']);
  });

  it('coalesces a burst of votes into few count batches', async () => {
    const forum = await buildForum(world.upp, { settings: { moderation: 'post' } });
    const forumId = forum._id.toString();
    const watcher = await citizen();
    const feed = new Feed(watcher.socket, forumId);
    await feed.join();
    const author = await citizen();
    const r = await author.http.post<{ input: Input }>(`/api/forums/${forumId}/inputs`, {
      text: 'Lampu jalan di Jl. Merdeka mati sejak seminggu',
      kind: 'complaint',
      idempotencyKey: 'burst-0000000001',
    });
    expect(r.body.input.status).toBe('published');
    await eventually(() => feed.inputs.size === 1);
    const voters = await Promise.all(Array.from({ length: 12 }, () => citizen()));
    const results = await Promise.all(
      voters.map((v) => v.http.post(`/api/inputs/${r.body.input.id}/vote`, { voted: true })),
    );
    expect(results.map((x) => x.status)).toEqual(Array(12).fill(200));
    expect(await VoteModel.countDocuments({ inputId: r.body.input.id })).toBe(12);
    await eventually(async () => (await InputModel.findById(r.body.input.id))?.votes === 12);
    await eventually(() => feed.inputs.get(r.body.input.id)?.votes === 12);
    expect(feed.voteBatches).toBeLessThan(12);
  });

  it('refuses bad input with clear errors and writes nothing', async () => {
    const forum = await buildForum(world.upp);
    const forumId = forum._id.toString();
    const c = await citizen();
    const post = (body: object) =>
      c.http.post<{ error: { code: string; message: string } }>(
        `/api/forums/${forumId}/inputs`,
        body,
      );
    const base = { kind: 'question', idempotencyKey: 'bad-input-000001' };
    expect((await post({ ...base, text: '   ' })).status).toBe(400);
    expect((await post({ ...base, text: '<script>alert(1)</script>' })).status).toBe(400);
    const long = await post({ ...base, text: 'a'.repeat(1001) });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/terlalu panjang/);
    expect((await post({ ...base, text: { $ne: '' } })).status).toBe(400);
    expect((await post({ ...base, text: 'halo semua', kind: 'gossip' })).status).toBe(400);
    expect(
      (await c.http.post('/api/forums/not-an-id/inputs', { ...base, text: 'halo semua' })).status,
    ).toBe(400);
    expect((await c.http.get('/api/forums/by-code/ZZZZZZ')).status).toBe(400);
    expect((await c.http.get('/api/forums/by-code/ACDEFG')).status).toBe(404);
    expect(await InputModel.countDocuments({ forumId })).toBe(0);

    const closed = await buildForum(world.upp, { status: 'closed' });
    const r = await c.http.post<{ error: { code: string } }>(`/api/forums/${closed._id}/inputs`, {
      ...base,
      text: 'masih bisa kirim?',
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('closed');
  });

  it('refuses votes on pending or closed items and moderation of another UPP forum', async () => {
    const forum = await buildForum(world.upp);
    const c = await citizen();
    const r = await c.http.post<{ input: Input }>(`/api/forums/${forum._id}/inputs`, {
      text: 'Pendaftaran akta kelahiran online sering error',
      kind: 'complaint',
      idempotencyKey: 'vote-pending-0001',
    });
    expect((await c.http.post(`/api/inputs/${r.body.input.id}/vote`, { voted: true })).status).toBe(
      409,
    );
    const other = new Client(app.baseUrl);
    await other.login(world.otherFacilitator.email, PASSWORD).catch(() => undefined);
    const fac2 = new Client(app.baseUrl);
    await fac2.login(world.head.email, PASSWORD);
    expect((await fac2.post(`/api/inputs/${r.body.input.id}/approve`)).status).toBe(403);
    const fac = new Client(app.baseUrl);
    await fac.login(world.facilitator.email, PASSWORD);
    await fac.post(`/api/inputs/${r.body.input.id}/approve`);
    await fac.post(`/api/forums/${forum._id}/status`, { status: 'closed' });
    const v = await c.http.post<{ error: { code: string } }>(
      `/api/inputs/${r.body.input.id}/vote`,
      { voted: true },
    );
    expect(v.status).toBe(409);
    expect(await VoteModel.countDocuments({ inputId: r.body.input.id })).toBe(0);
    // The public log shows the actions with reason codes and no names.
    const log = await c.http.get<{ entries: { action: string; actorRole: string }[] }>(
      `/api/forums/${forum._id}/log`,
    );
    expect(log.body.entries.map((e) => e.action)).toEqual(['forum.status', 'approve']);
    expect(JSON.stringify(log.body)).not.toContain(world.facilitator.email);
  });

  it('resyncs a client that was offline from a snapshot with a newer cursor, and counts who is online', async () => {
    const forum = await buildForum(world.upp, { settings: { moderation: 'post' } });
    const forumId = forum._id.toString();
    const a = await citizen();
    const presence: number[] = [];
    a.socket.on('forum.presence', (p) => presence.push(p.online));
    const first = unwrap(await a.socket.emitWithAck('forum.join', { forumId }));
    const b = await citizen();
    unwrap(await b.socket.emitWithAck('forum.join', { forumId }));
    await eventually(() => presence.includes(2));

    // A goes offline; meanwhile B posts and the facilitator answers it.
    a.socket.disconnect();
    const posted = await b.http.post<{ input: Input }>(`/api/forums/${forumId}/inputs`, {
      text: 'Apakah pendaftaran akta bisa lewat WhatsApp?',
      kind: 'question',
      idempotencyKey: 'resync-0000001',
    });
    const fac = new Client(app.baseUrl);
    await fac.login(world.facilitator.email, PASSWORD);
    await fac.post(`/api/inputs/${posted.body.input.id}/answer`, { note: 'Bisa, nomor di papan.' });
    await eventually(() => presence.length > 0);

    // A comes back: a new connection and the snapshot carry everything it missed.
    const again = await openSocket(a.http);
    sockets.push(again);
    const snap = unwrap(await again.emitWithAck('forum.join', { forumId }));
    expect(snap.cursor).toBeGreaterThan(first.cursor);
    const item = snap.inputs.find((i) => i.id === posted.body.input.id);
    expect(item?.citizenStatus).toBe('answered');
    expect(item?.answered?.note).toBe('Bisa, nomor di papan.');
  });

  it('slows down a browser that floods a forum with inputs', async () => {
    const forum = await buildForum(world.upp);
    const c = await citizen();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) {
      const r = await c.http.post(`/api/forums/${forum._id}/inputs`, {
        text: `Masukan uji nomor ${i} tentang antrian layanan`,
        kind: 'suggestion',
        idempotencyKey: `flood-${String(i).padStart(8, '0')}`,
      });
      statuses.push(r.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect(await InputModel.countDocuments({ forumId: forum._id })).toBe(20);
  });

  it('shows drafts only to those who run the forum', async () => {
    const draft = await buildForum(world.upp, { status: 'draft', title: 'Draf forum rahasia' });
    const ids = (r: { body: { forums: { id: string }[] } }) => r.body.forums.map((f) => f.id);
    const anon = await citizen();
    expect(ids(await anon.http.get(`/api/forums?status=all`))).not.toContain(draft._id.toString());
    expect((await anon.http.get(`/api/forums/${draft._id}`)).status).toBe(404);
    const fac = new Client(app.baseUrl);
    await fac.login(world.facilitator.email, PASSWORD);
    expect(ids(await fac.get(`/api/forums?status=all&mine=true`))).toContain(draft._id.toString());
    const head = new Client(app.baseUrl);
    await head.login(world.head.email, PASSWORD);
    expect(ids(await head.get(`/api/forums?status=all`))).not.toContain(draft._id.toString());
  });

  it('lets the facilitators of a co-hosting UPP moderate too', async () => {
    const fac = new Client(app.baseUrl);
    await fac.login(world.facilitator.email, PASSWORD);
    const now = Date.now();
    const created = await fac.post<{ forum: { id: string; coHosts: { id: string }[] } }>(
      '/api/forums',
      {
        hostUppId: world.upp._id.toString(),
        coHostUppIds: [world.otherUpp._id.toString()],
        title: 'Forum bersama dua UPP',
        type: 'async',
        schedule: {
          opensAt: new Date(now).toISOString(),
          closesAt: new Date(now + 86_400_000).toISOString(),
        },
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.forum.coHosts.map((u) => u.id)).toEqual([world.otherUpp._id.toString()]);
    const co = new Client(app.baseUrl);
    await co.login(world.otherFacilitator.email, PASSWORD);
    const r = await co.post(`/api/forums/${created.body.forum.id}/status`, { status: 'open' });
    expect(r.status).toBe(200);
  });
});
