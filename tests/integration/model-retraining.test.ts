import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelVersion, TrainingStatus } from '../../shared/schemas/routing';
import type { Input } from '../../shared/schemas/input';
import { seedCatalog } from '../../server/catalog/catalog.seed';
import { buildAgency, buildForum, buildUpp, buildUser, PASSWORD } from '../helpers/factories';
import { Client } from '../helpers/http';
import { eventually } from '../helpers/sockets';
import { startTestApp, type TestApp } from '../helpers/testApp';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await seedCatalog();
});
afterAll(() => app.stop());

type Models = { versions: ModelVersion[]; training: TrainingStatus };

describe('retraining the routing model with corrections', () => {
  it('trains a new version with its scores, stores it inactive, activates it on request, and rolls back', async () => {
    const agency = await buildAgency();
    const dlh = await buildUpp(agency._id, { serviceCodes: ['LNG-0140-01'] });
    const fac = await buildUser('facilitator', { uppIds: [dlh._id] });
    const admin = new Client(app.baseUrl);
    await admin.login((await buildUser('platform_admin')).email, PASSWORD);
    const forum = await buildForum(dlh, { settings: { moderation: 'post' } });

    // One correction from triage.
    const citizen = new Client(app.baseUrl);
    await citizen.get('/api/auth/me');
    const { body } = await citizen.post<{ input: Input }>(`/api/forums/${forum._id}/inputs`, {
      text: 'bagaimana ini pak, tolong diperhatikan',
      kind: 'complaint',
      idempotencyKey: 'retrain-000001',
    });
    const f = new Client(app.baseUrl);
    await f.login(fac.email, PASSWORD);
    expect(
      (
        await f.post(`/api/inputs/${body.input.id}/route`, {
          sector: 'lingkungan',
          serviceCode: 'LNG-0140-01',
          uppId: dlh._id.toString(),
          reason: 'sampah',
        })
      ).status,
    ).toBe(200);

    // The same complaint twice, corrected twice: one training example, with the latest label.
    for (const [i, text] of ['Sampah di pasar menumpuk!', 'sampah di PASAR   menumpuk'].entries()) {
      const sent = await citizen.post<{ input: Input }>(`/api/forums/${forum._id}/inputs`, {
        text,
        kind: 'complaint',
        idempotencyKey: `retrain-00001${i + 1}`,
      });
      const routed = await f.post(`/api/inputs/${sent.body.input.id}/route`, {
        sector: 'lingkungan',
        serviceCode: 'LNG-0140-01',
        uppId: dlh._id.toString(),
      });
      expect(routed.status).toBe(200);
    }

    const before = await admin.get<Models>('/api/routing/models');
    expect(before.body.versions).toHaveLength(1);
    const shipped = before.body.versions[0]!;
    expect(shipped).toMatchObject({ source: 'shipped', active: true });
    // Scores measured on held-out authored texts, with the threshold chosen on them.
    expect(shipped.evaluation).toMatchObject({ scoredOn: 'authored', thresholdSource: 'authored' });
    // Live: the three inputs it sent to triage were corrected; its sector was kept or not.
    expect(shipped.live?.n).toBe(3);
    expect(shipped.live?.reliability.length).toBeGreaterThan(0);

    const start = await admin.post<{ training: TrainingStatus }>('/api/routing/models/train');
    expect(start.status).toBe(202);
    expect(start.body.training.state).toBe('running');
    expect((await admin.post('/api/routing/models/train')).status).toBe(409);
    const progress: number[] = [];
    await eventually(async () => {
      const r = await admin.get<Models>('/api/routing/models');
      progress.push(r.body.training.progress);
      return r.body.training.state === 'done';
    }, 120_000);
    expect(new Set(progress).size).toBeGreaterThan(2);

    const after = await admin.get<Models>('/api/routing/models');
    const trained = after.body.versions.find((v) => v.source === 'trained')!;
    // Three corrections, two of them the same text: two examples. Stored, not activated.
    expect(trained).toMatchObject({ active: false, correctionsUsed: 2 });
    expect(after.body.training).toMatchObject({ state: 'done', versionId: trained.versionId });
    expect(after.body.versions.find((v) => v.source === 'shipped')?.active).toBe(true);
    // Too few corrections to hold some out: the scores are those of the authored split.
    expect(trained.evaluation).toMatchObject({ scoredOn: 'authored' });
    expect(trained.evaluation!.accuracy).toBeGreaterThan(0.7);
    expect(trained.live).toBeNull();

    // The admin activates it after comparing the scores.
    const activated = await admin.post<{ versions: ModelVersion[] }>(
      `/api/routing/models/${trained.versionId}/activate`,
    );
    expect(activated.body.versions.find((v) => v.active)?.versionId).toBe(trained.versionId);

    const rolledBack = await admin.post<{ versions: ModelVersion[] }>(
      `/api/routing/models/${shipped.versionId}/activate`,
    );
    expect(rolledBack.body.versions.find((v) => v.active)?.versionId).toBe(shipped.versionId);
    expect((await f.post('/api/routing/models/train')).status).toBe(403);
  }, 180_000);
});
