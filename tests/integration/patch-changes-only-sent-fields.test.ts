import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency, StaffUser, Upp } from '../../shared/schemas/admin';
import type { Forum } from '../../shared/schemas/forum';
import { buildWorld, PASSWORD } from '../helpers/factories';
import { Client } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/testApp';

// Every PATCH route of the API (grep `method: 'patch'` in server/): agency.update, upp.update,
// staff.update, forum.update. Each is created with every field, patched in one field, read back.
let app: TestApp;
let world: Awaited<ReturnType<typeof buildWorld>>;
let admin: Client;
let fac: Client;

beforeAll(async () => {
  app = await startTestApp({ routing: false });
  world = await buildWorld();
  admin = new Client(app.baseUrl);
  await admin.login(world.admin.email, PASSWORD);
  fac = new Client(app.baseUrl);
  await fac.login(world.facilitator.email, PASSWORD);
});
afterAll(() => app.stop());

const slug = (p: string) => `${p}-${Math.random().toString(36).slice(2, 8)}`;

describe('PATCH changes only the fields sent', () => {
  it('agency: a new name keeps slug, level and region', async () => {
    const created = await admin.post<{ agency: Agency }>('/api/admin/agencies', {
      name: 'Pemprov Uji',
      slug: slug('pemprov'),
      level: 'provinsi',
      region: 'Papua',
    });
    expect(created.status).toBe(201);
    const { id } = created.body.agency;
    const patched = await admin.patch(`/api/admin/agencies/${id}`, { name: 'Pemprov Uji Baru' });
    expect(patched.status).toBe(200);
    const list = await admin.get<{ agencies: Agency[] }>('/api/admin/agencies');
    const back = list.body.agencies.find((a) => a.id === id);
    expect(back).toMatchObject({
      name: 'Pemprov Uji Baru',
      slug: created.body.agency.slug,
      level: 'provinsi',
      region: 'Papua',
    });
  });

  it('UPP: a new name keeps address, services, type and region', async () => {
    const created = await admin.post<{ upp: Upp }>('/api/admin/upps', {
      agencyId: world.agency._id.toString(),
      name: 'Puskesmas Uji',
      slug: slug('puskesmas'),
      uppType: 'Puskesmas',
      region: 'Kota Uji',
      address: 'Jl. Merdeka 1',
      serviceCodes: ['KES-0001-01', 'KES-0002-01'],
    });
    expect(created.status).toBe(201);
    const { id } = created.body.upp;
    const patched = await admin.patch(`/api/admin/upps/${id}`, { name: 'Puskesmas Uji Baru' });
    expect(patched.status).toBe(200);
    const list = await admin.get<{ upps: Upp[] }>('/api/admin/upps');
    expect(list.body.upps.find((u) => u.id === id)).toMatchObject({
      name: 'Puskesmas Uji Baru',
      uppType: 'Puskesmas',
      region: 'Kota Uji',
      address: 'Jl. Merdeka 1',
      serviceCodes: ['KES-0001-01', 'KES-0002-01'],
    });
  });

  it('staff: a new display name keeps role, UPPs and the active flag', async () => {
    const created = await admin.post<{ user: StaffUser }>('/api/admin/users', {
      email: `${slug('kepala')}@uji.test`,
      displayName: 'Kepala Uji',
      role: 'upp_head',
      password: 'password-baru-123456',
      uppIds: [world.upp._id.toString(), world.otherUpp._id.toString()],
    });
    expect(created.status).toBe(201);
    const { id } = created.body.user;
    const patched = await admin.patch(`/api/admin/users/${id}`, { displayName: 'Kepala Baru' });
    expect(patched.status).toBe(200);
    const list = await admin.get<{ users: StaffUser[] }>('/api/admin/users');
    const back = list.body.users.find((u) => u.id === id);
    expect(back).toMatchObject({ displayName: 'Kepala Baru', role: 'upp_head', active: true });
    expect(back?.uppIds.sort()).toEqual(
      [world.upp._id.toString(), world.otherUpp._id.toString()].sort(),
    );
  });

  describe('forum', () => {
    let id: string;
    const opensAt = new Date(Date.now() + 3_600_000).toISOString();
    const closesAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const liveStartAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const liveEndAt = new Date(Date.now() + 2 * 86_400_000 + 7_200_000).toISOString();

    beforeAll(async () => {
      const created = await fac.post<{ forum: Forum }>('/api/forums', {
        hostUppId: world.upp._id.toString(),
        coHostUppIds: [world.otherUpp._id.toString()],
        title: 'Forum semua isian',
        description: 'Uraian lengkap',
        agenda: ['Pembukaan', 'Diskusi'],
        type: 'live',
        location: 'Aula kantor',
        schedule: { opensAt, liveStartAt, liveEndAt, closesAt },
        settings: {
          moderation: 'post',
          allowAnonymous: false,
          voting: false,
          maxInputLength: 500,
          kinds: ['question'],
          slowModeSeconds: 30,
          voteRequiresAccount: true,
        },
      });
      expect(created.status).toBe(201);
      id = created.body.forum.id;
    });

    const read = async () => (await fac.get<{ forum: Forum }>(`/api/forums/${id}`)).body.forum;
    const iso = (s: string | null) => (s ? new Date(s).toISOString() : s);

    it('a new title keeps description, agenda, location, co-hosts, schedule and settings', async () => {
      const before = await read();
      const patched = await fac.patch(`/api/forums/${id}`, { title: 'Forum judul baru' });
      expect(patched.status).toBe(200);
      const after = await read();
      expect(after.title).toBe('Forum judul baru');
      expect({ ...after, title: before.title }).toEqual(before);
      expect(after).toMatchObject({
        description: 'Uraian lengkap',
        agenda: ['Pembukaan', 'Diskusi'],
        location: 'Aula kantor',
      });
      expect(after.coHosts.map((u) => u.id)).toEqual([world.otherUpp._id.toString()]);
    });

    it('one setting changes, its siblings keep their values', async () => {
      const patched = await fac.patch(`/api/forums/${id}`, { settings: { voting: true } });
      expect(patched.status).toBe(200);
      const after = await read();
      expect(after.settings).toEqual({
        moderation: 'post',
        allowAnonymous: false,
        voting: true,
        maxInputLength: 500,
        kinds: ['question'],
        slowModeSeconds: 30,
        voteRequiresAccount: true,
      });
    });

    it('one time of the schedule changes, the others stay; a bad merge is refused whole', async () => {
      const newClose = new Date(Date.now() + 10 * 86_400_000).toISOString();
      const patched = await fac.patch(`/api/forums/${id}`, { schedule: { closesAt: newClose } });
      expect(patched.status).toBe(200);
      const after = await read();
      expect(iso(after.schedule.closesAt)).toBe(newClose);
      expect(iso(after.schedule.opensAt)).toBe(opensAt);
      expect(iso(after.schedule.liveStartAt)).toBe(liveStartAt);
      expect(iso(after.schedule.liveEndAt)).toBe(liveEndAt);

      const bad = await fac.patch<{ error: { code: string; message: string } }>(
        `/api/forums/${id}`,
        { title: 'Judul yang tidak boleh tersimpan', schedule: { closesAt: opensAt } },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/tutup/);
      const unchanged = await read();
      expect(unchanged.title).toBe('Forum judul baru');
      expect(iso(unchanged.schedule.closesAt)).toBe(newClose);
    });
  });
});
