import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/schemas/input';
import { rooms } from '../../shared/events';
import { buildForum, buildUser, buildWorld, PASSWORD } from '../helpers/factories';
import { Client } from '../helpers/http';
import { openSocket, unwrap, within, type TestSocket } from '../helpers/sockets';
import { startTestApp, type TestApp } from '../helpers/testApp';

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

async function signedIn(email: string): Promise<{ http: Client; socket: TestSocket }> {
  const http = new Client(app.baseUrl);
  await http.login(email, PASSWORD);
  const socket = await openSocket(http);
  sockets.push(socket);
  return { http, socket };
}

async function inStaffRoom(forumId: string, socket: TestSocket): Promise<boolean> {
  const ids = (await app.io.in(rooms.forumStaff(forumId)).fetchSockets()).map((s) => s.id);
  return ids.includes(socket.id!);
}

/** Submits an input as a fresh citizen; returns it once stored. */
async function submit(forumId: string, key: string): Promise<Input> {
  const c = new Client(app.baseUrl);
  const r = await c.post<{ input: Input }>(`/api/forums/${forumId}/inputs`, {
    text: `Masukan warga untuk pengujian sesi ${key}`,
    kind: 'suggestion',
    idempotencyKey: key,
  });
  expect(r.status).toBe(201);
  return r.body.input;
}

describe('sessions follow permissions', () => {
  it('a facilitator removed from a UPP stops moderating at once, open socket included', async () => {
    const fac = await buildUser('facilitator', { uppIds: [world.upp._id] });
    const forum = await buildForum(world.upp);
    const forumId = forum._id.toString();
    const me = await signedIn(fac.email);
    const heard: Input[] = [];
    me.socket.on('input.created', (i) => heard.push(i));
    const snap = unwrap(await me.socket.emitWithAck('forum.join', { forumId }));
    expect(snap.forum.canModerate).toBe(true);
    expect(await inStaffRoom(forumId, me.socket)).toBe(true);

    const admin = new Client(app.baseUrl);
    await admin.login(world.admin.email, PASSWORD);
    const closed = new Promise<string>((resolve) => me.socket.once('disconnect', resolve));
    const r = await admin.patch(`/api/admin/users/${fac._id}`, {
      uppIds: [world.otherUpp._id.toString()],
    });
    expect(r.status).toBe(200);
    expect(await within(closed, 'disconnect')).toBe('io server disconnect');
    // The session ended too: the old cookie is anonymous now.
    expect((await me.http.get<{ user: unknown }>('/api/auth/me')).body.user).toBeNull();
    expect(
      (await me.http.post(`/api/inputs/${(await submit(forumId, 'sess-0000001')).id}/approve`))
        .status,
    ).toBe(401);

    // Signed in again: the new permissions hold on a new socket.
    const again = await signedIn(fac.email);
    const heardAgain: Input[] = [];
    again.socket.on('input.created', (i) => heardAgain.push(i));
    const snap2 = unwrap(await again.socket.emitWithAck('forum.join', { forumId }));
    expect(snap2.forum.canModerate).toBe(false);
    expect(await inStaffRoom(forumId, again.socket)).toBe(false);
    await submit(forumId, 'sess-0000002');
    unwrap(await again.socket.emitWithAck('system.ping', {}));
    expect(heardAgain).toEqual([]);
    expect(heard).toEqual([]);
    const queue = await again.http.get(`/api/forums/${forumId}/queue`);
    expect(queue.status).toBe(403);
  });

  it('a change of role, agency or active flag ends every session and socket of the user', async () => {
    const admin = new Client(app.baseUrl);
    await admin.login(world.admin.email, PASSWORD);
    const changes: [string, Record<string, unknown>][] = [
      ['facilitator', { role: 'upp_head' }],
      ['facilitator', { role: 'agency_admin', agencyId: world.agency._id.toString() }],
      ['facilitator', { active: false }],
      ['agency_admin', { agencyId: (await buildWorld()).agency._id.toString() }],
    ];
    for (const [role, change] of changes) {
      const user =
        role === 'agency_admin'
          ? await buildUser('agency_admin', { agencyId: world.agency._id })
          : await buildUser('facilitator', { uppIds: [world.upp._id] });
      const a = await signedIn(user.email);
      const b = await signedIn(user.email);
      const ends = [a, b].map((s) => new Promise((r) => s.socket.once('disconnect', r)));
      const r = await admin.patch(`/api/admin/users/${user._id}`, change);
      expect(r.status, JSON.stringify(change)).toBe(200);
      await within(Promise.all(ends), 'disconnect of both sockets');
      for (const s of [a, b]) {
        expect((await s.http.get<{ user: unknown }>('/api/auth/me')).body.user).toBeNull();
      }
    }
  });

  it('a change that gives no new rights (the display name) keeps the session', async () => {
    const user = await buildUser('facilitator', { uppIds: [world.upp._id] });
    const s = await signedIn(user.email);
    const admin = new Client(app.baseUrl);
    await admin.login(world.admin.email, PASSWORD);
    expect(
      (await admin.patch(`/api/admin/users/${user._id}`, { displayName: 'Nama Baru' })).status,
    ).toBe(200);
    unwrap(await s.socket.emitWithAck('system.ping', {}));
    expect(s.socket.connected).toBe(true);
    expect((await s.http.get<{ user: { id: string } }>('/api/auth/me')).body.user?.id).toBe(
      user._id.toString(),
    );
  });

  it('facilitators of a co-host that is removed leave the staff room of the forum', async () => {
    const host = await signedIn(world.facilitator.email);
    const co = await signedIn(world.otherFacilitator.email);
    const created = await host.http.post<{ forum: { id: string } }>('/api/forums', {
      hostUppId: world.upp._id.toString(),
      coHostUppIds: [world.otherUpp._id.toString()],
      title: 'Forum bersama untuk uji ruang staf',
      type: 'async',
      schedule: {
        opensAt: new Date().toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    const forumId = created.body.forum.id;
    expect((await host.http.post(`/api/forums/${forumId}/status`, { status: 'open' })).status).toBe(
      200,
    );
    unwrap(await co.socket.emitWithAck('forum.join', { forumId }));
    expect(await inStaffRoom(forumId, co.socket)).toBe(true);
    const r = await host.http.patch(`/api/forums/${forumId}`, { coHostUppIds: [] });
    expect(r.status).toBe(200);
    expect(await inStaffRoom(forumId, co.socket)).toBe(false);
    const heard: Input[] = [];
    co.socket.on('input.created', (i) => heard.push(i));
    await submit(forumId, 'sess-0000003');
    unwrap(await co.socket.emitWithAck('system.ping', {}));
    expect(heard).toEqual([]);
  });

  it('a socket that reconnects after logout passes the middleware again: no staff room survives', async () => {
    const forum = await buildForum(world.upp);
    const forumId = forum._id.toString();
    const s = await signedIn(world.facilitator.email);
    const cookie = s.http.cookieHeader();
    unwrap(await s.socket.emitWithAck('forum.join', { forumId }));
    const closed = new Promise((r) => s.socket.once('disconnect', r));
    expect((await s.http.post('/api/auth/logout')).status).toBe(204);
    await within(closed, 'disconnect at logout');
    // The old session cookie, replayed by a reconnecting client, carries no user any more.
    const replay = new Client(app.baseUrl).useCookies(cookie);
    const back = await openSocket(replay);
    sockets.push(back);
    const snap = unwrap(await back.emitWithAck('forum.join', { forumId }));
    expect(snap.forum.canModerate).toBe(false);
    expect(await inStaffRoom(forumId, back)).toBe(false);
  });
});
