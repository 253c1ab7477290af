import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxList } from '../../shared/schemas/inbox';
import type { Input } from '../../shared/schemas/input';
import type { ClassifyResponse, Correction, RoutedInput } from '../../shared/schemas/routing';
import { seedCatalog } from '../../server/catalog/catalog.seed';
import { InputModel } from '../../server/forums/input.model';
import { CorrectionModel } from '../../server/routing/routing.models';
import { TrainingManager } from '../../server/routing/training';
import type { RoutingEngine } from '../../server/routing/engine';
import { buildAgency, buildForum, buildUpp, buildUser, PASSWORD } from '../helpers/factories';
import { Upp } from '../../server/admin/upp.model';
import { candidateUpps, resolveUpp } from '../../server/routing/upp-resolver';
import { Client } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/testApp';

let app: TestApp;
let w: Awaited<ReturnType<typeof world>>;

async function world() {
  const agency = await buildAgency();
  const host = await buildUpp(agency._id, { name: 'Kecamatan Uji (penyelenggara)' });
  const pupr = await buildUpp(agency._id, {
    name: 'Dinas PUPR Uji',
    serviceCodes: ['LNG-0117-02'],
  });
  const dlh = await buildUpp(agency._id, { name: 'DLH Uji', serviceCodes: ['LNG-0140-01'] });
  const facilitator = await buildUser('facilitator', { uppIds: [host._id] });
  const puprHead = await buildUser('upp_head', { uppIds: [pupr._id] });
  const dlhHead = await buildUser('upp_head', { uppIds: [dlh._id] });
  const forum = await buildForum(host, { settings: { moderation: 'post' } });
  return { agency, host, pupr, dlh, facilitator, puprHead, dlhHead, forum };
}

beforeAll(async () => {
  app = await startTestApp();
  await seedCatalog();
  w = await world();
});
afterAll(() => app.stop());

async function login(email: string) {
  const c = new Client(app.baseUrl);
  await c.login(email, PASSWORD);
  return c;
}

async function submit(text: string, key: string) {
  const c = new Client(app.baseUrl);
  await c.get('/api/auth/me');
  const r = await c.post<{ input: Input }>(`/api/forums/${w.forum._id}/inputs`, {
    text,
    kind: 'complaint',
    idempotencyKey: key,
  });
  expect(r.status).toBe(201);
  return r.body.input;
}

describe('routing every input to the UPP that must act on it', () => {
  it('routes a forum input within the request that stores it, to the UPP head of that UPP', async () => {
    const input = await submit(
      'Jalan di depan SD Negeri 3 berlubang besar sudah dua bulan, motor sering jatuh. Mohon segera ditambal.',
      'route-road-0001',
    );
    const stored = await InputModel.findById(input.id);
    expect(stored?.routing?.sector).toBe('pekerjaan_umum');
    expect(stored?.routing?.uppId?.toString()).toBe(w.pupr._id.toString());
    expect(stored?.routing?.triage).toBe(false);
    expect(stored?.routing?.deadline).toBeInstanceOf(Date);

    const head = await login(w.puprHead.email);
    const inbox = await head.get<InboxList>('/api/inbox');
    expect(inbox.body.items.map((i) => i.inputId)).toContain(input.id);
    const other = await login(w.dlhHead.email);
    const notMine = await other.get<InboxList>('/api/inbox');
    expect(notMine.body.items.map((i) => i.inputId)).not.toContain(input.id);
    expect((await other.get(`/api/inbox?uppId=${w.pupr._id}`)).status).toBe(403);
  });

  it('explains the routing to staff: top terms and runner-up sectors', async () => {
    const fac = await login(w.facilitator.email);
    const r = await fac.post<ClassifyResponse>('/api/routing/classify', {
      text: 'Sampah di TPS pasar tidak diangkut seminggu, baunya menyengat sampai ke rumah warga',
      forumId: w.forum._id.toString(),
    });
    expect(r.status).toBe(200);
    expect(r.body.sector).toBe('lingkungan');
    expect(r.body.topSectors).toHaveLength(3);
    expect(r.body.topTerms.length).toBeGreaterThan(0);
    expect(r.body.candidateUpps.map((u) => u.id)).toContain(w.dlh._id.toString());
    const anon = new Client(app.baseUrl);
    expect((await anon.post('/api/routing/classify', { text: 'sampah' })).status).toBe(401);
  });

  it('sends a low-confidence input to triage, and a manual route is recorded and trains the next model', async () => {
    const fac = await login(w.facilitator.email);
    const vague = 'mohon perhatiannya bapak ibu, bagaimana ya ini';
    const c = await fac.post<ClassifyResponse>('/api/routing/classify', { text: vague });
    expect(c.body.autoRouted).toBe(false);
    const input = await submit(vague, 'route-vague-0001');
    const triage = await fac.get<{ inputs: RoutedInput[] }>('/api/routing/triage');
    const item = triage.body.inputs.find((i) => i.id === input.id);
    expect(item).toBeDefined();
    expect(item!.topSectors.length).toBeGreaterThan(0);

    const routed = await fac.post<{ input: Input }>(`/api/inputs/${input.id}/route`, {
      sector: 'lingkungan',
      serviceCode: 'LNG-0140-01',
      uppId: w.dlh._id.toString(),
      reason: 'Warga menjelaskan di forum: soal sampah pasar',
    });
    expect(routed.status).toBe(200);
    expect(routed.body.input.routing).toMatchObject({
      triage: false,
      source: 'manual',
      uppId: w.dlh._id.toString(),
    });
    const after = await fac.get<{ inputs: RoutedInput[] }>('/api/routing/triage');
    expect(after.body.inputs.map((i) => i.id)).not.toContain(input.id);

    const corrections = await fac.get<{ corrections: Correction[] }>('/api/routing/corrections');
    const rec = corrections.body.corrections.find((x) => x.inputId === input.id);
    expect(rec).toMatchObject({
      kind: 'triage',
      from: { uppId: null },
      to: { sector: 'lingkungan' },
      actorRole: 'facilitator',
    });
    // The UPP it was routed to now has it in its inbox.
    const dlhInbox = await (await login(w.dlhHead.email)).get<InboxList>('/api/inbox');
    expect(dlhInbox.body.items.map((i) => i.inputId)).toContain(input.id);
    // The next training run includes the correction with the label a person chose.
    const trainer = new TrainingManager(app.ctx.routing as RoutingEngine, '/tmp/unused');
    const examples = await trainer.correctionExamples();
    expect(examples).toContainEqual({
      text: vague,
      sector: 'lingkungan',
      serviceCode: 'LNG-0140-01',
    });
  });

  it('shows the least certain inputs first in triage (oldest first on request) and records what the model said', async () => {
    const fac = await login(w.facilitator.email);
    // Older: about something, but about two things at once.
    const mixed = 'lampu mati dan air mati di rumah kami';
    const c = await fac.post<ClassifyResponse>('/api/routing/classify', { text: mixed });
    expect(c.body.autoRouted).toBe(false);
    const older = await submit(mixed, 'route-order-0001');
    // Newer: nothing topical at all, so the model has no idea (margin 0).
    const newer = await submit('halo, selamat siang semuanya', 'route-order-0002');

    const position = (list: RoutedInput[], id: string) => list.findIndex((i) => i.id === id);
    const uncertain = (await fac.get<{ inputs: RoutedInput[] }>('/api/routing/triage')).body.inputs;
    expect(position(uncertain, newer.id)).toBeGreaterThanOrEqual(0);
    expect(position(uncertain, newer.id)).toBeLessThan(position(uncertain, older.id));
    const oldest = (await fac.get<{ inputs: RoutedInput[] }>('/api/routing/triage?order=oldest'))
      .body.inputs;
    expect(position(oldest, older.id)).toBeLessThan(position(oldest, newer.id));
    expect((await fac.get('/api/routing/triage?order=random')).status).toBe(400);

    await fac.post(`/api/inputs/${older.id}/route`, {
      sector: 'pekerjaan_umum',
      serviceCode: 'LNG-0117-02',
      uppId: w.pupr._id.toString(),
    });
    const corrections = await fac.get<{ corrections: Correction[] }>('/api/routing/corrections');
    const rec = corrections.body.corrections.find((x) => x.inputId === older.id);
    expect(rec?.from.modelVersion).toBe((app.ctx.routing as RoutingEngine).version);
    expect(rec?.from.confidence).toBeCloseTo(c.body.confidence, 3);
  });

  it('refuses a manual route to a service outside the chosen sector, and writes nothing', async () => {
    const fac = await login(w.facilitator.email);
    const input = await submit('mohon info bagaimana ya caranya', 'route-bad-00001');
    const before = await CorrectionModel.countDocuments();
    const r = await fac.post<{ error: { message: string } }>(`/api/inputs/${input.id}/route`, {
      sector: 'kesehatan',
      serviceCode: 'LNG-0117-02',
      uppId: w.pupr._id.toString(),
      reason: '',
    });
    expect(r.status).toBe(400);
    expect(await CorrectionModel.countDocuments()).toBe(before);
    const headRoute = await (
      await login(w.puprHead.email)
    ).post(`/api/inputs/${input.id}/route`, {
      sector: 'pekerjaan_umum',
      serviceCode: 'LNG-0117-02',
      uppId: w.pupr._id.toString(),
    });
    expect(headRoute.status).toBe(403);
  });

  it('narrows the UPPs delivering a service by the forum host, agency and region', async () => {
    const a1 = await buildAgency();
    const a2 = await buildAgency();
    const north = await buildUpp(a1._id, {
      name: 'Puskesmas Utara',
      serviceCodes: ['SHT-0125-01'],
    });
    await Upp.updateOne({ _id: north._id }, { $set: { region: 'Kota Utara' } });
    const south = await buildUpp(a2._id, {
      name: 'Puskesmas Selatan',
      serviceCodes: ['SHT-0125-01'],
    });
    await Upp.updateOne({ _id: south._id }, { $set: { region: 'Kota Selatan' } });
    const hostNorth = await buildUpp(a1._id);
    const place = (host: typeof hostNorth, region: string) => ({
      hostUppId: host._id,
      coHostUppIds: [],
      agencyId: host.agencyId,
      region,
    });
    // Same agency as the forum's host wins.
    expect((await resolveUpp('SHT-0125-01', place(hostNorth, 'Kota Utara')))?.name).toBe(
      'Puskesmas Utara',
    );
    // The host itself wins when it delivers the service.
    expect((await resolveUpp('SHT-0125-01', place(south, 'Kota Utara')))?.name).toBe(
      'Puskesmas Selatan',
    );
    // A forum elsewhere, with neither agency nor region matching: ambiguous, so triage.
    const a3 = await buildAgency();
    const elsewhere = await buildUpp(a3._id);
    expect(await resolveUpp('SHT-0125-01', place(elsewhere, 'Kota Timur'))).toBeNull();
    const ranked = await candidateUpps('SHT-0125-01', place(elsewhere, 'Kota Selatan'));
    expect(ranked[0]?.name).toBe('Puskesmas Selatan');
  });
});
