import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceInput } from '../../shared/schemas/catalog';
import { seedCatalog } from '../../server/catalog/catalog.seed';
import { ServiceModel } from '../../server/catalog/service.model';
import { ManualClock } from '../../server/clock';
import { ForumModel } from '../../server/forums/forum.model';
import { applySchedules } from '../../server/forums/schedule';
import { buildAgency, buildForum, buildUpp, buildUser, PASSWORD } from '../helpers/factories';
import { Client } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/testApp';

const clock = new ManualClock(new Date('2026-12-01T08:00:00+07:00'));
let app: TestApp;
let admin: Client;

beforeAll(async () => {
  app = await startTestApp({ clock });
  expect(await seedCatalog()).toBeGreaterThanOrEqual(40);
  admin = new Client(app.baseUrl);
  await admin.login((await buildUser('platform_admin')).email, PASSWORD);
});
afterAll(() => app.stop());

describe('service catalog administration', () => {
  it('exports the catalog as CSV and imports it back unchanged', async () => {
    const csv = await admin.get<string>('/api/admin/catalog/export.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const r = await admin.request<{ valid: number; rejected: unknown[] }>(
      'POST',
      '/api/admin/catalog/import?format=csv&mode=preview',
      csv.body,
      { 'content-type': 'text/plain' },
    );
    expect(r.status).toBe(200);
    expect(r.body.rejected).toEqual([]);
    expect(r.body.valid).toBe(await ServiceModel.countDocuments());
  });

  it('reports rejected rows with their errors and applies only the valid ones', async () => {
    const list = await admin.get<{ services: ServiceInput[] }>('/api/admin/catalog');
    const good = { ...list.body.services[0]!, name: 'Penerbitan Akta Kelahiran (diperbarui)' };
    const bad = { ...list.body.services[1]!, sector: 'kesehatann' };
    const body = JSON.stringify([good, bad]);
    const preview = await admin.request<{
      valid: number;
      rejected: { row: number; errors: string[] }[];
      applied: boolean;
    }>('POST', '/api/admin/catalog/import?format=json&mode=preview', body, {
      'content-type': 'text/plain',
    });
    expect(preview.body).toMatchObject({ valid: 1, applied: false });
    expect(preview.body.rejected[0]?.row).toBe(2);
    expect(preview.body.rejected[0]?.errors.join(' ')).toMatch(/sector/);
    expect((await ServiceModel.findOne({ code: good.code }))?.name).not.toBe(good.name);

    const applied = await admin.request<{ applied: boolean }>(
      'POST',
      '/api/admin/catalog/import?format=json&mode=apply',
      body,
      { 'content-type': 'text/plain' },
    );
    expect(applied.body.applied).toBe(true);
    expect((await ServiceModel.findOne({ code: good.code }))?.name).toBe(good.name);
    expect((await ServiceModel.findOne({ code: bad.code }))?.sector).not.toBe('kesehatann');
  });

  it('edits a service standard and refuses a facilitator', async () => {
    const list = await admin.get<{ services: ServiceInput[] }>('/api/admin/catalog');
    const svc = list.body.services.find((s) => s.code === 'LNG-0117-02')!;
    const edited = {
      ...svc,
      standard: { ...svc.standard, responseTime: { value: 2, unit: 'working_days' } },
    };
    const r = await admin.request('PUT', `/api/admin/catalog/${svc.code}`, edited);
    expect(r.status).toBe(200);
    expect((await ServiceModel.findOne({ code: svc.code }))?.standard?.responseTime?.value).toBe(2);
    const fac = new Client(app.baseUrl);
    await fac.login((await buildUser('facilitator')).email, PASSWORD);
    expect((await fac.request('PUT', `/api/admin/catalog/${svc.code}`, edited)).status).toBe(403);
  });
});

describe('forum schedules', () => {
  it('opens a scheduled forum at its opening time and closes it at its closing time', async () => {
    const agency = await buildAgency();
    const upp = await buildUpp(agency._id);
    const f = await buildForum(upp, { status: 'scheduled' });
    await ForumModel.updateOne(
      { _id: f._id },
      {
        $set: {
          'schedule.opensAt': new Date('2026-12-01T09:00:00+07:00'),
          'schedule.closesAt': new Date('2026-12-01T12:00:00+07:00'),
        },
      },
    );
    expect((await applySchedules(app.ctx)).opened).toBe(0);
    clock.set(new Date('2026-12-01T09:00:01+07:00'));
    await applySchedules(app.ctx);
    expect((await ForumModel.findById(f._id))?.status).toBe('open');
    clock.set(new Date('2026-12-01T12:00:01+07:00'));
    await applySchedules(app.ctx);
    expect((await ForumModel.findById(f._id))?.status).toBe('closed');
  });
});
