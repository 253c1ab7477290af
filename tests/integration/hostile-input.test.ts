import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceInput } from '../../shared/schemas/catalog';
import { SHIPPED_CATALOG, seedCatalog } from '../../server/catalog/catalog.seed';
import { InputModel } from '../../server/forums/input.model';
import { buildForum, buildWorld, PASSWORD } from '../helpers/factories';
import { Client } from '../helpers/http';
import { openSocket, type TestSocket } from '../helpers/sockets';
import { startTestApp, type TestApp } from '../helpers/testApp';

let app: TestApp;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  app = await startTestApp({ routing: false });
  world = await buildWorld();
  await seedCatalog();
});
afterAll(() => app.stop());

/** JSON texts with keys a query builder or an object merge must never see. */
const HOSTILE_BODIES = [
  '{"email":{"$gt":""},"password":{"$gt":""}}',
  '{"__proto__":{"isAdmin":true},"email":"a@b.test","password":"x"}',
  '{"constructor":{"prototype":{"isAdmin":true}},"email":"a@b.test","password":"x"}',
  '{"email":"a@b.test","password":"x","profile.role":"platform_admin"}',
  '{"email":"a@b.test","password":"x","nested":[{"deep":{"$where":"sleep(1000)"}}]}',
];
const HOSTILE_QUERIES = [
  '?__proto__[isAdmin]=1',
  '?status[$ne]=draft',
  '?__proto__=1',
  '?constructor=1',
  '?prototype=1',
  '?%24where=1',
  '?status.x=1',
];

describe('operator, dotted and prototype keys', () => {
  it('are refused in bodies with a clear 400, before anything runs', async () => {
    const c = new Client(app.baseUrl);
    for (const text of HOSTILE_BODIES) {
      const r = await c.request<{ error: { code: string; message: string } }>(
        'POST',
        '/api/auth/login',
        text,
      );
      expect(r.status, text).toBe(400);
      expect(r.body.error.code).toBe('bad_request');
      expect(r.body.error.message).toMatch(/kunci yang tidak diizinkan/);
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('are refused in query strings', async () => {
    const fac = new Client(app.baseUrl);
    await fac.login(world.facilitator.email, PASSWORD);
    for (const q of HOSTILE_QUERIES) {
      for (const path of ['/api/forums', '/api/notifications']) {
        const r = await fac.get(`${path}${q}`);
        expect(r.status, `${path}${q}`).toBe(400);
      }
    }
  });

  it('are refused in socket payloads, and nothing is stored', async () => {
    const forum = await buildForum(world.upp, { settings: { moderation: 'post' } });
    const forumId = forum._id.toString();
    const c = new Client(app.baseUrl);
    await c.get('/api/auth/me');
    const s: TestSocket = await openSocket(c);
    try {
      const base = `"forumId":"${forumId}","text":"Antrian panjang sekali di loket","kind":"complaint","idempotencyKey":"hostile-0001"`;
      const payloads = [
        `{${base},"__proto__":{"status":"published"}}`,
        `{${base},"constructor":{"prototype":{"x":1}}}`,
        `{${base},"routing.uppId":"x"}`,
        `{"forumId":{"$ne":null},"text":"Antrian panjang","kind":"complaint","idempotencyKey":"hostile-0002"}`,
      ];
      for (const p of payloads) {
        const res = await s.emitWithAck('input.create', JSON.parse(p) as never);
        expect('error' in res && res.error.code, p).toBe('bad_request');
      }
      const vote = await s.emitWithAck(
        'input.vote',
        JSON.parse('{"inputId":{"$gt":""},"voted":true}') as never,
      );
      expect('error' in vote && vote.error.code).toBe('bad_request');
      expect(await InputModel.countDocuments({ forumId })).toBe(0);
    } finally {
      s.disconnect();
    }
  });
});

describe('control characters', () => {
  it('a NUL anywhere in what people send is cleaned or refused, never a server error', async () => {
    const nul = 'Antrian\u0000 panjang\u0000 sekali di loket';
    const citizen = new Client(app.baseUrl);
    const reg = await citizen.post<{ user: { displayName: string } }>('/api/auth/register', {
      email: 'nul@uji.test',
      password: 'sandi-nul-12345',
      displayName: 'Warga\u0000 Nol',
    });
    expect(reg.status).toBe(201);
    expect(reg.body.user.displayName).toBe('Warga Nol');
    const forum = await buildForum(world.upp, { settings: { moderation: 'post' } });
    const made = await citizen.post<{ input: { text: string } }>(
      `/api/forums/${forum._id}/inputs`,
      {
        text: nul,
        kind: 'complaint',
        displayName: 'A\u0000B',
        idempotencyKey: 'nul-000000001',
      },
    );
    expect(made.status).toBe(201);
    expect(made.body.input.text).toBe('Antrian panjang sekali di loket');
    const admin = new Client(app.baseUrl);
    await admin.login(world.admin.email, PASSWORD);
    const statuses = [
      (await citizen.get(`/api/forums/${forum._id}/similar?text=antri%00an`)).status,
      (await citizen.get('/api/forums/by-code/AB%00CDE')).status,
      (await admin.get('/api/admin/audit?page=1%00')).status,
      (
        await admin.post('/api/admin/agencies', {
          name: 'Instansi\u0000 Nol',
          slug: 'instansi-nol',
          level: 'kab/kota',
          region: 'Kota\u0000',
        })
      ).status,
      (await admin.post('/api/admin/holidays', { date: '2033-01-02', name: 'Libur\u0000 Nol' }))
        .status,
      (await citizen.post('/api/auth/login', { email: 'a\u0000@b.test', password: 'x\u0000y' }))
        .status,
    ];
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
  });
});

describe('spreadsheet formula injection', () => {
  it('is neutralised in the catalog export, and the export imports back unchanged', async () => {
    const admin = new Client(app.baseUrl);
    await admin.login(world.admin.email, PASSWORD);
    const base = (JSON.parse(readFileSync(SHIPPED_CATALOG, 'utf8')) as ServiceInput[])[0]!;
    const hostile: ServiceInput = {
      ...base,
      code: `${base.code.slice(0, 9)}88`,
      name: '=HYPERLINK("http://contoh.test","klik")',
      standard: { ...base.standard, fee: '+62-cmd|calc', product: '@SUM(A1:A9)' },
    };
    expect((await admin.post('/api/admin/catalog', hostile)).status).toBe(201);
    const csv = await admin.get<string>('/api/admin/catalog/export.csv');
    expect(csv.status).toBe(200);
    const cells = csv.body
      .split(/\r\n/)
      .flatMap((line) => line.split(','))
      .map((c) => c.replace(/^"/, ''));
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://contoh.test""`);
    const back = await admin.request<{ valid: number; rejected: unknown[] }>(
      'POST',
      '/api/admin/catalog/import?format=csv&mode=preview',
      csv.body,
      { 'content-type': 'text/csv' },
    );
    expect(back.status).toBe(200);
    expect(back.body.rejected).toEqual([]);
    const json = await admin.get<ServiceInput[]>('/api/admin/catalog/export.json');
    expect(json.body.find((s) => s.code === hostile.code)?.name).toBe(hostile.name);
  });
});
