import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/http';
import { openSocket } from '../helpers/sockets';
import { buildWorld, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/testApp';

let app: TestApp;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld();
});
afterAll(() => app.stop());

describe('accounts, sessions and roles', () => {
  it('answers health with the database status', async () => {
    const r = await new Client(app.baseUrl).get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok', db: 'ok' });
  });

  it('refuses an admin route without a session (401 JSON) and for a facilitator (403 JSON)', async () => {
    const anon = new Client(app.baseUrl);
    const r1 = await anon.get('/api/admin/users');
    expect(r1.status).toBe(401);
    expect(r1.body).toMatchObject({ error: { code: 'unauthenticated' } });

    const fac = new Client(app.baseUrl);
    await fac.login(world.facilitator.email, PASSWORD);
    const r2 = await fac.get('/api/admin/users');
    expect(r2.status).toBe(403);
    expect(r2.body).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('regenerates the session id at login and forgets the user at logout', async () => {
    const c = new Client(app.baseUrl);
    await c.get('/api/auth/me');
    const before = c.cookieHeader();
    await c.login(world.admin.email, PASSWORD);
    const me = await c.get<{ user: { role: string; home: string } }>('/api/auth/me');
    expect(me.body.user).toMatchObject({ role: 'platform_admin', home: '/admin' });
    expect(c.cookieHeader()).not.toBe(before);
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    const after = await c.get<{ user: unknown }>('/api/auth/me');
    expect(after.body.user).toBeNull();
    expect((await c.get('/api/admin/users')).status).toBe(401);
  });

  it('disconnects the sockets of a session at logout', async () => {
    const c = new Client(app.baseUrl);
    await c.login(world.facilitator.email, PASSWORD);
    const socket = await openSocket(c);
    const pong = await socket.timeout(2000).emitWithAck('system.ping', {});
    expect('data' in pong).toBe(true);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
  });

  it('rejects a wrong password with a clear message and no session', async () => {
    const c = new Client(app.baseUrl);
    const r = await c.post<{ error: { message: string } }>('/api/auth/login', {
      email: world.admin.email,
      password: 'wrong-password-1',
    });
    expect(r.status).toBe(401);
    expect(r.body.error.message).toMatch(/salah/);
  });

  it('refuses MongoDB operators in the body instead of querying with them', async () => {
    const c = new Client(app.baseUrl);
    const r = await c.post('/api/auth/login', { email: { $gt: '' }, password: { $gt: '' } });
    expect(r.status).toBe(400);
  });

  it('refuses a state-changing request from another origin', async () => {
    const c = new Client(app.baseUrl, { origin: 'https://evil.example' });
    const r = await c.post('/api/auth/login', { email: world.admin.email, password: PASSWORD });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ error: { code: 'csrf' } });
  });

  it('lets an admin create an agency, a UPP and a staff account that can then log in', async () => {
    const admin = new Client(app.baseUrl);
    await admin.login(world.admin.email, PASSWORD);
    const a = await admin.post<{ agency: { id: string } }>('/api/admin/agencies', {
      name: 'Pemerintah Kabupaten Contoh',
      slug: 'kab-contoh',
      level: 'kab/kota',
      region: 'Kabupaten Contoh',
    });
    expect(a.status).toBe(201);
    const u = await admin.post<{ upp: { id: string } }>('/api/admin/upps', {
      agencyId: a.body.agency.id,
      name: 'Puskesmas Contoh',
      slug: 'puskesmas-contoh',
      uppType: 'Puskesmas',
      region: 'Kabupaten Contoh',
    });
    expect(u.status).toBe(201);
    const s = await admin.post('/api/admin/users', {
      email: 'Kepala.Baru@Contoh.test',
      displayName: 'Kepala Baru',
      role: 'upp_head',
      password: 'sandi-baru-12345',
      uppIds: [u.body.upp.id],
    });
    expect(s.status).toBe(201);
    const dup = await admin.post<{ error: { code: string } }>('/api/admin/users', {
      email: 'kepala.baru@contoh.test',
      displayName: 'Lagi',
      role: 'facilitator',
      password: 'sandi-baru-12345',
      uppIds: [u.body.upp.id],
    });
    expect(dup.status).toBe(409);

    const head = new Client(app.baseUrl);
    await head.login('kepala.baru@contoh.test', 'sandi-baru-12345');
    const me = await head.get<{ user: { uppIds: string[]; home: string } }>('/api/auth/me');
    expect(me.body.user).toMatchObject({ uppIds: [u.body.upp.id], home: '/upp' });
  });

  it('writes every staff action to the audit log, readable by admins only', async () => {
    const admin = new Client(app.baseUrl);
    await admin.login(world.admin.email, PASSWORD);
    await admin.post('/api/admin/agencies', {
      name: 'Pemerintah Kota Audit',
      slug: 'kota-audit',
      level: 'kab/kota',
      region: 'Kota Audit',
    });
    const log = await admin.get<{
      entries: { action: string; actorName: string; target: string }[];
    }>('/api/admin/audit');
    expect(log.body.entries[0]).toMatchObject({
      action: 'agency.create',
      target: '/api/admin/agencies',
    });
    expect(log.body.entries.map((e) => e.action)).toContain('auth.login');
    const fac = new Client(app.baseUrl);
    await fac.login(world.facilitator.email, PASSWORD);
    expect((await fac.get('/api/admin/audit')).status).toBe(403);
  });

  it('validates admin input with field messages', async () => {
    const admin = new Client(app.baseUrl);
    await admin.login(world.admin.email, PASSWORD);
    const r = await admin.post<{ error: { code: string; message: string } }>(
      '/api/admin/agencies',
      {
        name: 'X',
        slug: 'Bad Slug!',
        level: 'planet',
        region: 'R',
      },
    );
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation');
  });

  it('ends the sessions of a deactivated account', async () => {
    const fac = new Client(app.baseUrl);
    await fac.login(world.otherFacilitator.email, PASSWORD);
    expect((await fac.get('/api/upps/mine')).status).toBe(200);
    const admin = new Client(app.baseUrl);
    await admin.login(world.admin.email, PASSWORD);
    const r = await admin.patch(`/api/admin/users/${world.otherFacilitator._id}`, {
      active: false,
    });
    expect(r.status).toBe(200);
    expect((await fac.get('/api/upps/mine')).status).toBe(401);
    const again = await new Client(app.baseUrl).post('/api/auth/login', {
      email: world.otherFacilitator.email,
      password: PASSWORD,
    });
    expect(again.status).toBe(401);
  });

  it('serves an OpenAPI document listing the routes', async () => {
    const r = await new Client(app.baseUrl).get<{ openapi: string; paths: Record<string, object> }>(
      '/api/openapi.json',
    );
    expect(r.body.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/health',
      '/api/auth/login',
      '/api/admin/users',
      '/api/admin/upps/{id}',
    ]) {
      expect(Object.keys(r.body.paths)).toContain(p);
    }
  });

  it('answers unknown API routes with 404 JSON', async () => {
    const r = await new Client(app.baseUrl).get('/api/nope');
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('changing one own password', () => {
  it('needs the current password, then ends the other sessions and keeps this one', async () => {
    const user = await buildWorld().then((w) => w.head);
    const here = new Client(app.baseUrl);
    const elsewhere = new Client(app.baseUrl);
    await here.login(user.email, PASSWORD);
    await elsewhere.login(user.email, PASSWORD);
    const wrong = await here.post<{ error: { message: string } }>('/api/auth/password', {
      currentPassword: 'not-my-password',
      newPassword: 'a-brand-new-secret-1',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/saat ini salah/);
    const ok = await here.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a-brand-new-secret-1',
    });
    expect(ok.status).toBe(204);
    expect((await here.get<{ user: unknown }>('/api/auth/me')).body.user).not.toBeNull();
    expect((await elsewhere.get<{ user: unknown }>('/api/auth/me')).body.user).toBeNull();
    const again = new Client(app.baseUrl);
    await again.login(user.email, 'a-brand-new-secret-1');
  });
});
