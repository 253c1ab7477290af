import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxList } from '../../shared/schemas/inbox';
import type { Input } from '../../shared/schemas/input';
import type { RoutedInput } from '../../shared/schemas/routing';
import { seedCatalog } from '../../server/catalog/catalog.seed';
import { buildAgency, buildForum, buildUpp, buildUser, PASSWORD } from '../helpers/factories';
import { Client } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/testApp';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ routing: false });
  await seedCatalog();
});
afterAll(() => app.stop());

describe('a server without a routing model', () => {
  it('keeps every input in triage, lets a facilitator route it by hand, and the UPP head answers it from the inbox', async () => {
    const agency = await buildAgency();
    const host = await buildUpp(agency._id);
    const pupr = await buildUpp(agency._id, { serviceCodes: ['LNG-0117-02'] });
    const facilitator = await buildUser('facilitator', { uppIds: [host._id] });
    const head = await buildUser('upp_head', { uppIds: [pupr._id] });
    const forum = await buildForum(host, { settings: { moderation: 'post' } });

    const citizen = new Client(app.baseUrl);
    await citizen.get('/api/auth/me');
    const sent = await citizen.post<{ input: Input }>(`/api/forums/${forum._id}/inputs`, {
      text: 'Jalan di depan pasar berlubang besar, mohon segera ditambal.',
      kind: 'complaint',
      idempotencyKey: 'no-model-0001',
    });
    expect(sent.status).toBe(201);

    const fac = new Client(app.baseUrl);
    await fac.login(facilitator.email, PASSWORD);
    const triage = await fac.get<{ inputs: RoutedInput[] }>('/api/routing/triage');
    expect(triage.status).toBe(200);
    expect(triage.body.inputs.map((i) => i.id)).toContain(sent.body.input.id);
    // Classifying needs the model: that route is not there.
    expect((await fac.post('/api/routing/classify', { text: 'jalan rusak' })).status).toBe(404);

    const routed = await fac.post(`/api/inputs/${sent.body.input.id}/route`, {
      sector: 'pekerjaan_umum',
      serviceCode: 'LNG-0117-02',
      uppId: pupr._id.toString(),
      reason: 'jalan kota',
    });
    expect(routed.status).toBe(200);

    const upp = new Client(app.baseUrl);
    await upp.login(head.email, PASSWORD);
    const inbox = await upp.get<InboxList>('/api/inbox');
    expect(inbox.status).toBe(200);
    const item = inbox.body.items.find((i) => i.inputId === sent.body.input.id);
    expect(item).toBeDefined();
    expect(new Date(item!.deadline).getTime()).toBeGreaterThan(Date.now());
  });
});
