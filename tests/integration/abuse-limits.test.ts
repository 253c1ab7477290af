import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForumSignal } from '../../shared/schemas/forum';
import type { Input } from '../../shared/schemas/input';
import { createApp, type App } from '../../server/app';
import { loadConfig } from '../../server/config';
import { InputModel } from '../../server/forums/input.model';
import { publicListStats } from '../../server/forums/forum.view';
import { buildForum, buildUser, buildWorld, PASSWORD } from '../helpers/factories';
import { Client } from '../helpers/http';
import { eventually, openSocket, unwrap, type TestSocket } from '../helpers/sockets';
import { startTestApp, type TestApp } from '../helpers/testApp';
import { oldParticipant } from './abuse/participants';

let app: TestApp;
let world: Awaited<ReturnType<typeof buildWorld>>;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  app = await startTestApp({ routing: false });
  world = await buildWorld();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app.stop();
});

async function participant(): Promise<Client> {
  const c = new Client(app.baseUrl);
  await c.get('/api/auth/me');
  return c;
}
async function socketOf(c: Client): Promise<TestSocket> {
  const s = await openSocket(c);
  sockets.push(s);
  return s;
}
const body = (i: number | string) => ({
  text: `Masukan nomor ${i} tentang antrian pelayanan`,
  kind: 'suggestion' as const,
  idempotencyKey: `abuse-${String(i).padStart(10, '0')}`,
});

describe('limits that follow the participant, not the connection', () => {
  it('accepts 20 socket submissions a minute, and a reconnect or a new socket resets nothing', async () => {
    const forum = await buildForum(world.upp);
    const forumId = forum._id.toString();
    const c = await participant();
    const codes: string[] = [];
    for (let round = 0; round < 8; round += 1) {
      // A new connection every fifth submission, as a flooding script would.
      const s = await socketOf(c);
      for (let j = 0; j < 5; j += 1) {
        const res = await s.emitWithAck('input.create', { forumId, ...body(`s${round * 5 + j}`) });
        codes.push('data' in res ? 'ok' : res.error.code);
      }
      s.disconnect();
    }
    expect(codes.filter((x) => x === 'ok')).toHaveLength(20);
    expect(codes.slice(20).every((x) => x === 'rate_limited')).toBe(true);
    expect(await InputModel.countDocuments({ forumId })).toBe(20);
  });

  it('stops a cookie-less socket flooding forum.join, and the server keeps answering', async () => {
    const forum = await buildForum(world.upp);
    const s = await openSocket(new Client(app.baseUrl));
    sockets.push(s);
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        s.emitWithAck('forum.join', { forumId: forum._id.toString() }),
      ),
    );
    const answered = results.filter((r) => 'data' in r).length;
    expect(answered).toBe(30);
    expect(results.filter((r) => 'error' in r && r.error.code === 'rate_limited')).toHaveLength(
      170,
    );
    expect((await new Client(app.baseUrl).get('/api/forums')).status).toBe(200);
    expect((await new Client(app.baseUrl).get('/api/health')).status).toBe(200);
  });

  it('answers 300 sockets joining one forum at once from one presentation of its inputs', async () => {
    const forum = await buildForum(world.upp, { settings: { moderation: 'post' } });
    const forumId = forum._id.toString();
    for (let i = 0; i < 60; i += 1) {
      await (await participant()).post(`/api/forums/${forumId}/inputs`, body(`join-${i}`));
    }
    const phones = await Promise.all(Array.from({ length: 300 }, () => participant()));
    const socks = await Promise.all(phones.map((p) => socketOf(p)));
    const before = publicListStats.builds;
    const [acks, health] = await Promise.all([
      Promise.all(socks.map((s) => s.emitWithAck('forum.join', { forumId }))),
      new Client(app.baseUrl).get('/api/health'),
    ]);
    expect(acks.filter((a) => 'data' in a && a.data.inputs.length === 60)).toHaveLength(300);
    expect(publicListStats.builds - before).toBe(1);
    expect(health.status).toBe(200);
    for (const s of socks) s.disconnect();
  });

  it('lets a hall of participants behind one address join, submit and vote normally', async () => {
    const forum = await buildForum(world.upp, { settings: { moderation: 'post' } });
    const forumId = forum._id.toString();
    const author = await participant();
    const top = await author.post<{ input: Input }>(
      `/api/forums/${forumId}/inputs`,
      body('hall-top'),
    );
    const hall = await Promise.all(Array.from({ length: 150 }, () => participant()));
    const statuses: number[] = [];
    for (let i = 0; i < hall.length; i += 25) {
      const batch = hall.slice(i, i + 25);
      const rs = await Promise.all(
        batch.flatMap((c, j) => [
          c.get(`/api/forums/${forumId}`),
          c.post(`/api/forums/${forumId}/inputs`, body(`hall-${i + j}`)),
          c.post(`/api/inputs/${top.body.input.id}/vote`, { voted: true }),
          c.get(`/api/forums/${forumId}/similar?text=antrian%20pelayanan`),
        ]),
      );
      statuses.push(...rs.map((r) => r.status));
    }
    expect(statuses.filter((s) => s >= 400)).toEqual([]);
    await eventually(async () => (await InputModel.findById(top.body.input.id))?.votes === 150);
  });
});

describe('slow mode, account-only votes, similar and minutes', () => {
  it('slow mode lets one input per participant through, says how long to wait, and spares moderators', async () => {
    const forum = await buildForum(world.upp, { settings: { moderation: 'post' } });
    const forumId = forum._id.toString();
    const fac = new Client(app.baseUrl);
    await fac.login(world.facilitator.email, PASSWORD);
    const snap = await fac.get<{ forum: { settings: object } }>(`/api/forums/${forumId}`);
    const set = await fac.patch<{ forum: { settings: { slowModeSeconds: number } } }>(
      `/api/forums/${forumId}`,
      { settings: { ...snap.body.forum.settings, slowModeSeconds: 120 } },
    );
    expect(set.body.forum.settings.slowModeSeconds).toBe(120);
    const c = await participant();
    expect((await c.post(`/api/forums/${forumId}/inputs`, body('slow-1'))).status).toBe(201);
    const second = await c.post<{ error: { code: string; message: string } }>(
      `/api/forums/${forumId}/inputs`,
      body('slow-2'),
    );
    expect(second.status).toBe(429);
    expect(second.body.error.message).toMatch(/Mode lambat/);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(60);
    // A retry of the stored input still answers with it; the socket is slowed the same way.
    expect((await c.post(`/api/forums/${forumId}/inputs`, body('slow-1'))).status).toBe(200);
    const s = await socketOf(c);
    const viaSocket = await s.emitWithAck('input.create', { forumId, ...body('slow-3') });
    expect('error' in viaSocket && viaSocket.error.code).toBe('rate_limited');
    expect((await fac.post(`/api/forums/${forumId}/inputs`, body('slow-f1'))).status).toBe(201);
    expect((await fac.post(`/api/forums/${forumId}/inputs`, body('slow-f2'))).status).toBe(201);
    expect(await InputModel.countDocuments({ forumId })).toBe(3);
  });

  it('a forum can require a citizen account to vote', async () => {
    const forum = await buildForum(world.upp, {
      settings: { moderation: 'post', voteRequiresAccount: true },
    });
    const author = await participant();
    const made = await author.post<{ input: Input }>(
      `/api/forums/${forum._id}/inputs`,
      body('acct'),
    );
    const anon = await participant();
    const r = await anon.post<{ error: { code: string } }>(
      `/api/inputs/${made.body.input.id}/vote`,
      {
        voted: true,
      },
    );
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('account_required');
    const citizen = new Client(app.baseUrl);
    await citizen.login((await buildUser('citizen')).email, PASSWORD);
    expect(
      (await citizen.post(`/api/inputs/${made.body.input.id}/vote`, { voted: true })).status,
    ).toBe(200);
  });

  it('limits /similar per participant with Retry-After', async () => {
    const forum = await buildForum(world.upp);
    const c = await participant();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      statuses.push((await c.get(`/api/forums/${forum._id}/similar?text=antrian%20${i}`)).status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    const last = await c.get(`/api/forums/${forum._id}/similar?text=antrian`);
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('renders public minutes once until the forum changes', async () => {
    const forum = await buildForum(world.upp, { settings: { moderation: 'post' } });
    const id = forum._id.toString();
    const author = await participant();
    const made = await author.post<{ input: Input }>(`/api/forums/${id}/inputs`, body('pdf-1'));
    const fac = new Client(app.baseUrl);
    await fac.login(world.facilitator.email, PASSWORD);
    expect((await fac.post(`/api/forums/${id}/status`, { status: 'closed' })).status).toBe(200);
    const before = app.ctx.pdfs.renders;
    const readers = await Promise.all(Array.from({ length: 6 }, () => participant()));
    const got = await Promise.all(readers.map((r) => r.get(`/api/forums/${id}/berita-acara.pdf`)));
    expect(got.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(app.ctx.pdfs.renders).toBe(before + 1);
    const etag = got[0]!.headers.get('etag')!;
    // A reader who comes back later (the counts flusher has run since) still gets 304.
    await new Promise((r) => setTimeout(r, 1200));
    const same = await readers[0]!.request('GET', `/api/forums/${id}/berita-acara.pdf`, undefined, {
      'if-none-match': etag,
    });
    expect(same.status).toBe(304);
    // The facilitator hides an input of the closed forum: the minutes are rendered again.
    expect(
      (await fac.post(`/api/inputs/${made.body.input.id}/hide`, { reason: 'spam' })).status,
    ).toBe(200);
    const after = await readers[1]!.get(`/api/forums/${id}/berita-acara.pdf`);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(app.ctx.pdfs.renders).toBe(before + 2);
  });
});

describe('vote stuffing by clearing cookies', () => {
  it('shows the facilitator many brand-new participants behind one address voting alike', async () => {
    const forum = await buildForum(world.upp, { settings: { moderation: 'post' } });
    const forumId = forum._id.toString();
    const fac = new Client(app.baseUrl);
    await fac.login(world.facilitator.email, PASSWORD);
    const console = await socketOf(fac);
    unwrap(await console.emitWithAck('forum.join', { forumId }));
    const pushed: ForumSignal[] = [];
    console.on('forum.signal', (s) => pushed.push(s));
    const author = await participant();
    const target = (
      await author.post<{ input: Input }>(`/api/forums/${forumId}/inputs`, body('st-1'))
    ).body.input.id;
    const calm = (
      await author.post<{ input: Input }>(`/api/forums/${forumId}/inputs`, body('st-2'))
    ).body.input.id;
    // Twelve participants whose cookies are hours old vote for one input: no signal.
    for (let i = 0; i < 12; i += 1) {
      const old = new Client(app.baseUrl).useCookies(oldParticipant(3 * 3600_000));
      expect((await old.post(`/api/inputs/${calm}/vote`, { voted: true })).status).toBe(200);
    }
    // A script clearing its cookie before every vote: fifteen "new" participants.
    for (let i = 0; i < 15; i += 1) {
      const fresh = new Client(app.baseUrl);
      expect((await fresh.post(`/api/inputs/${target}/vote`, { voted: true })).status).toBe(200);
    }
    const list = await fac.get<{ signals: ForumSignal[] }>(`/api/forums/${forumId}/signals`);
    expect(list.body.signals).toHaveLength(1);
    expect(list.body.signals[0]).toMatchObject({ kind: 'votes', inputId: target, count: 15 });
    await eventually(() => pushed.some((s) => s.inputId === target && s.count >= 10));
    const citizens = await participant();
    expect((await citizens.get(`/api/forums/${forumId}/signals`)).status).toBe(401);
  });

  it('does not flag a hall: new participants behind one address spreading their votes', async () => {
    const forum = await buildForum(world.upp, { settings: { moderation: 'post' } });
    const forumId = forum._id.toString();
    const fac = new Client(app.baseUrl);
    await fac.login(world.facilitator.email, PASSWORD);
    const author = await participant();
    const inputs: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const r = await author.post<{ input: Input }>(
        `/api/forums/${forumId}/inputs`,
        // Keys of their own: the hall test above already stored hall-0, hall-1...
        body(`spread-${i}`),
      );
      inputs.push(r.body.input.id);
    }
    // Thirty phones on the venue's Wi-Fi, each voting for the two inputs it likes.
    for (let i = 0; i < 30; i += 1) {
      const phone = new Client(app.baseUrl);
      for (const id of [inputs[i % 4]!, inputs[(i + 1) % 4]!]) {
        expect((await phone.post(`/api/inputs/${id}/vote`, { voted: true })).status).toBe(200);
      }
    }
    const list = await fac.get<{ signals: ForumSignal[] }>(`/api/forums/${forumId}/signals`);
    expect(list.body.signals).toEqual([]);
  });
});

/** A second app on the same database with its own environment (proxies, login limit). */
async function extraApp(env: Record<string, string>): Promise<App & { baseUrl: string }> {
  const config = loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: 'test-secret-0123456789-0123456789-abcdef',
    ...env,
  });
  const a = createApp({ config });
  await new Promise<void>((r) => a.server.listen(0, '127.0.0.1', r));
  return { ...a, baseUrl: `http://127.0.0.1:${(a.server.address() as AddressInfo).port}` };
}

describe('sign-in throttling per account and per address', () => {
  const tryLogin = (base: string, email: string, password: string, from?: string) =>
    new Client(base, from ? { 'x-forwarded-for': from } : {}).post('/api/auth/login', {
      email,
      password,
    });

  it('stops the guesser, not the others behind the same address, nor the owner elsewhere', async () => {
    const a = await extraApp({ TRUST_PROXY: 'loopback', LOGIN_RATE_LIMIT: '10' });
    try {
      const x = await buildUser('facilitator', { uppIds: [world.upp._id] });
      const y = await buildUser('citizen');
      const venue = '198.51.100.10';
      for (let i = 0; i < 10; i += 1) {
        expect((await tryLogin(a.baseUrl, x.email, 'wrong-password-1', venue)).status).toBe(401);
      }
      const blocked = await tryLogin(a.baseUrl, x.email, PASSWORD, venue);
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('retry-after')).toBeTruthy();
      expect((await tryLogin(a.baseUrl, y.email, PASSWORD, venue)).status).toBe(200);
      expect((await tryLogin(a.baseUrl, x.email, PASSWORD, '198.51.100.11')).status).toBe(200);
    } finally {
      await a.close();
    }
  });

  it('slows guessing spread over many addresses, and ignores X-Forwarded-For from untrusted peers', async () => {
    const a = await extraApp({ TRUST_PROXY: 'loopback', LOGIN_RATE_LIMIT: '10' });
    const b = await extraApp({ TRUST_PROXY: '10.9.9.9', LOGIN_RATE_LIMIT: '10' });
    try {
      const z = await buildUser('citizen');
      for (let i = 0; i < 50; i += 1) {
        const from = `203.0.113.${i}`;
        expect((await tryLogin(a.baseUrl, z.email, 'wrong-password-1', from)).status).toBe(401);
      }
      expect((await tryLogin(a.baseUrl, z.email, PASSWORD, '203.0.113.200')).status).toBe(429);
      // Behind an untrusted peer every forged address is the same client: the pair limit holds.
      const v = await buildUser('citizen');
      for (let i = 0; i < 10; i += 1) {
        const forged = `192.0.2.${i}`;
        expect((await tryLogin(b.baseUrl, v.email, 'wrong-password-1', forged)).status).toBe(401);
      }
      expect((await tryLogin(b.baseUrl, v.email, PASSWORD, '192.0.2.99')).status).toBe(429);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
