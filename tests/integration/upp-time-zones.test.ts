import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Upp } from '../../shared/schemas/admin';
import type { InboxItem, InboxList } from '../../shared/schemas/inbox';
import type { Input } from '../../shared/schemas/input';
import { migrateUppTimeZones } from '../../server/admin/timezone.migration';
import { Upp as UppModel } from '../../server/admin/upp.model';
import { seedCatalog } from '../../server/catalog/catalog.seed';
import { ManualClock } from '../../server/clock';
import { ForumModel } from '../../server/forums/forum.model';
import { artifact } from '../helpers/browser';
import { buildAgency, buildForum, buildUser, PASSWORD } from '../helpers/factories';
import { Client } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/testApp';

// Thursday 10 December 2026, 23:30 WIB: already Friday 11 December, 01:30 in Jayapura (WIT).
const clock = new ManualClock(new Date('2026-12-10T16:30:00Z'));
let app: TestApp;
let admin: Client;
let agencyId: string;

beforeAll(async () => {
  app = await startTestApp({ clock });
  await seedCatalog();
  const agency = await buildAgency();
  agencyId = agency._id.toString();
  const platform = await buildUser('platform_admin');
  admin = new Client(app.baseUrl);
  await admin.login(platform.email, PASSWORD);
});
afterAll(() => app.stop());

const login = async (email: string) => {
  const c = new Client(app.baseUrl);
  await c.login(email, PASSWORD);
  return c;
};

describe('a UPP in Papua works on WIT', () => {
  it('refuses a zone outside WIB, WITA and WIT, with a message in Indonesian', async () => {
    const r = await admin.post<{ error: { code: string; message: string } }>('/api/admin/upps', {
      agencyId,
      name: 'UPP Zona Salah',
      slug: 'upp-zona-salah',
      uppType: 'Dinas',
      region: 'Kota Uji',
      timeZone: 'Asia/Tokyo',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation');
    expect(r.body.error.message).toMatch(/Zona waktu/);
    expect(await UppModel.exists({ slug: 'upp-zona-salah' })).toBeNull();
  });

  it('gives UPPs stored before zones existed Asia/Jakarta at start-up, once', async () => {
    const legacy = await UppModel.collection.insertOne({
      agencyId: (await buildAgency())._id,
      name: 'UPP Lama',
      slug: 'upp-lama-tanpa-zona',
      uppType: 'Dinas',
      region: 'Kota Uji',
      address: '',
      serviceCodes: [],
    });
    expect(await migrateUppTimeZones()).toBeGreaterThanOrEqual(1);
    const doc = await UppModel.collection.findOne({ _id: legacy.insertedId });
    expect(doc?.timeZone).toBe('Asia/Jakarta');
    expect(await migrateUppTimeZones()).toBe(0);
  });

  it('counts working days, shows the inbox deadline and prints the berita acara in WIT', async () => {
    const created = await admin.post<{ upp: Upp }>('/api/admin/upps', {
      agencyId,
      name: 'Dinas PUPR Jayapura',
      slug: 'pupr-jayapura-uji',
      uppType: 'Dinas PUPR',
      region: 'Kota Jayapura',
      serviceCodes: ['LNG-0117-02'],
      timeZone: 'Asia/Jayapura',
    });
    expect(created.status).toBe(201);
    expect(created.body.upp.timeZone).toBe('Asia/Jayapura');
    const upp = (await UppModel.findById(created.body.upp.id))!;
    const head = await buildUser('upp_head', { uppIds: [upp._id] });
    const fac = await buildUser('facilitator', { uppIds: [upp._id] });
    const forum = await buildForum(upp, { settings: { moderation: 'post' } });
    await ForumModel.updateOne(
      { _id: forum._id },
      {
        $set: {
          title: 'Forum Konsultasi Jalan Jayapura',
          // Live on Friday 11 December from 09.00 WIT.
          schedule: {
            opensAt: new Date('2026-12-10T00:00:00Z'),
            liveStartAt: new Date('2026-12-11T00:00:00Z'),
            liveEndAt: new Date('2026-12-11T03:00:00Z'),
            closesAt: new Date('2026-12-12T00:00:00Z'),
          },
        },
      },
    );
    await app.ctx.live.cache.changed(forum._id.toString(), {
      forum: (await ForumModel.findById(forum._id))!,
    });

    const citizen = new Client(app.baseUrl);
    await citizen.get('/api/auth/me');
    const sent = await citizen.post<{ input: Input }>(`/api/forums/${forum._id}/inputs`, {
      text: 'Jalan utama di depan pasar berlubang besar, mohon segera ditambal',
      kind: 'complaint',
      serviceCode: 'LNG-0117-02',
      idempotencyKey: 'zona-wit-000001',
    });
    expect(sent.status).toBe(201);

    const headClient = await login(head.email);
    const list = await headClient.get<InboxList>('/api/inbox?status=open');
    const item = list.body.items.find((i) => i.inputId === sent.body.input.id) as InboxItem;
    // Road repairs: 5 working days. Received on Friday in Jayapura (Thursday in Jakarta):
    // Mon 14 .. Fri 18 December, 23:59 WIT. Counted in WIB it would end on Thursday 17.
    expect(item.timeZone).toBe('Asia/Jayapura');
    expect(item.deadlineLocal).toBe('2026-12-18T23:59:59+09:00');
    expect(item.deadline).toBe('2026-12-18T14:59:59.999Z');
    expect(item.overdue).toBe(false);

    // Friday 11.30 WIT: the head answers, the facilitator closes the forum.
    clock.set(new Date('2026-12-11T02:30:00Z'));
    const reply = await headClient.post(`/api/inbox/${item.id}/reply`, {
      text: 'Lubang dijadwalkan ditambal minggu depan.',
      resolve: false,
    });
    expect(reply.status).toBe(200);
    const facClient = await login(fac.email);
    expect(
      (await facClient.post(`/api/forums/${forum._id}/status`, { status: 'closed' })).status,
    ).toBe(200);
    const pdf = await fetch(`${app.baseUrl}/api/forums/${forum._id}/berita-acara.pdf`);
    expect(pdf.status).toBe(200);
    const file = artifact('berita-acara-wit.pdf');
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-raw', file, '-']).toString().replace(/\s+/g, ' ');
    expect(text).toContain('Pada hari Jumat, tanggal 11 Desember 2026, pukul 09.00 s.d. 11.30 WIT');
    expect(text).toMatch(/Balasan Dinas PUPR Jayapura, 11 Desember 2026 pukul 11\.30 WIT/);
    expect(text).not.toMatch(/\bWIB\b/);
  });
});
