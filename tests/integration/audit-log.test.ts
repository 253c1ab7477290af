import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditList } from '../../shared/schemas/inbox';
import { AuditModel } from '../../server/audit/audit.model';
import { buildAgency, buildForum, buildUpp, buildUser, PASSWORD } from '../helpers/factories';
import { Client } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/testApp';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ routing: false });
});
afterAll(() => app.stop());

const login = async (email: string) => {
  const c = new Client(app.baseUrl);
  await c.login(email, PASSWORD);
  return c;
};

describe('the audit log can be filtered by actor, action and day', () => {
  it('filters, and lists who and what appear in it', async () => {
    const agency = await buildAgency();
    const upp = await buildUpp(agency._id);
    const admin = await buildUser('platform_admin');
    const fac = await buildUser('facilitator', { uppIds: [upp._id] });
    const forum = await buildForum(upp, { status: 'open' });
    const a = await login(admin.email);
    const f = await login(fac.email);
    expect((await f.post(`/api/forums/${forum._id}/status`, { status: 'live' })).status).toBe(200);
    expect((await f.post(`/api/forums/${forum._id}/status`, { status: 'closed' })).status).toBe(
      200,
    );
    expect(
      (await a.post('/api/admin/holidays', { date: '2031-03-03', name: 'Libur uji' })).status,
    ).toBe(201);
    // An entry of the platform itself, two days earlier.
    await AuditModel.create({
      actorId: null,
      actorName: 'Sistem',
      actorRole: 'system',
      action: 'forum.open',
      target: `forum:${forum._id}`,
      createdAt: new Date(Date.now() - 2 * 86_400_000),
    });

    const all = (await a.get<AuditList>('/api/admin/audit')).body;
    expect(all.actions).toEqual(
      expect.arrayContaining(['forum.status', 'holiday.create', 'forum.open']),
    );
    expect(all.actors.map((x) => x.id)).toEqual(
      expect.arrayContaining([admin._id.toString(), fac._id.toString(), 'system']),
    );

    const byFac = (await a.get<AuditList>(`/api/admin/audit?actor=${fac._id}`)).body;
    expect(byFac.entries.map((e) => e.action).sort()).toEqual([
      'auth.login',
      'forum.status',
      'forum.status',
    ]);
    expect(byFac.entries.every((e) => e.actorId === fac._id.toString())).toBe(true);

    const status = (await a.get<AuditList>('/api/admin/audit?action=forum.status')).body;
    expect(status.entries.map((e) => e.action)).toEqual(['forum.status', 'forum.status']);
    const forumPrefix = (await a.get<AuditList>('/api/admin/audit?action=forum.')).body;
    expect(forumPrefix.total).toBe(3);

    const system = (await a.get<AuditList>('/api/admin/audit?actor=system')).body;
    expect(system.entries.map((e) => e.action)).toEqual(['forum.open']);

    const day = (d: Date) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(d);
    const today = day(new Date());
    const recent = (await a.get<AuditList>(`/api/admin/audit?from=${today}&to=${today}`)).body;
    expect(recent.entries.some((e) => e.action === 'forum.open')).toBe(false);
    expect(recent.total).toBe(all.total - 1);

    expect((await a.get('/api/admin/audit?action=%24where')).status).toBe(400);
    expect((await f.get('/api/admin/audit')).status).toBe(403);
  });
});
