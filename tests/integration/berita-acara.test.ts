import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../server/catalog/catalog.seed';
import { ForumModel } from '../../server/forums/forum.model';
import { seedDemo } from '../../server/seed/demo';
import { DEMO_ACCOUNTS } from '../../server/seed/demo-data';
import { artifact } from '../helpers/browser';
import { Client } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/testApp';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await seedCatalog();
  await seedDemo({ ctx: app.ctx });
});
afterAll(() => app.stop());

describe('forum outputs', () => {
  it('renders the berita acara of the demo live forum with its title, counts and top inputs', async () => {
    const forum = (await ForumModel.findOne({ type: 'live' }))!;
    const fac = new Client(app.baseUrl);
    const account = DEMO_ACCOUNTS.find((a) => a.role === 'facilitator')!;
    await fac.login(account.email, account.password);
    // Not public while the forum is still running.
    expect(
      (await new Client(app.baseUrl).get(`/api/forums/${forum._id}/berita-acara.pdf`)).status,
    ).toBe(403);
    await fac.post(`/api/forums/${forum._id}/status`, { status: 'closed' });

    const res = await fetch(`${app.baseUrl}/api/forums/${forum._id}/berita-acara.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/pdf/);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = artifact('berita-acara-demo.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      artifact('berita-acara-demo'),
    ]);
    expect(existsSync(artifact('berita-acara-demo.png'))).toBe(true);
    const text = execFileSync('pdftotext', ['-raw', file, '-']).toString().replace(/\s+/g, ' ');
    expect(text).toContain('Layanan KTP-el, KK dan Akta Kelahiran');
    expect(text).toMatch(new RegExp(`peserta\\s*:\\s*${forum.counts.participants}`, 'i'));
    expect(text).toContain('Antrian perekaman KTP-el di kantor Dukcapil');
  });

  it('exports the inputs as CSV and JSON without personal data', async () => {
    const forum = (await ForumModel.findOne({ type: 'live' }))!;
    const fac = new Client(app.baseUrl);
    const account = DEMO_ACCOUNTS.find((a) => a.role === 'facilitator')!;
    await fac.login(account.email, account.password);
    const csv = await fac.get<string>(`/api/forums/${forum._id}/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('Antrian perekaman KTP-el');
    expect(csv.body).not.toMatch(/Dewi|Hendra|Bu Ratna/);
    const json = await fac.get<unknown[]>(`/api/forums/${forum._id}/export.json`);
    expect(Array.isArray(json.body) ? json.body.length : 0).toBeGreaterThan(3);
    expect(JSON.stringify(json.body)).not.toMatch(/authorKey|participant|Dewi/);
    expect((await new Client(app.baseUrl).get(`/api/forums/${forum._id}/export.csv`)).status).toBe(
      401,
    );
  });
});
