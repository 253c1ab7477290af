import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Forum } from '../../shared/schemas/forum';
import { buildWorld, PASSWORD } from '../helpers/factories';
import { Client } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/testApp';

let app: TestApp;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  app = await startTestApp({ routing: false });
  world = await buildWorld();
});
afterAll(() => app.stop());

describe('editing a forum', () => {
  it('changes only the fields sent: a new title keeps co-hosts, agenda and settings', async () => {
    const fac = new Client(app.baseUrl);
    await fac.login(world.facilitator.email, PASSWORD);
    const created = await fac.post<{ forum: Forum }>('/api/forums', {
      hostUppId: world.upp._id.toString(),
      coHostUppIds: [world.otherUpp._id.toString()],
      title: 'Forum dengan mitra',
      description: 'Uraian forum',
      agenda: ['Pembukaan', 'Tanya jawab'],
      type: 'async',
      location: 'Aula kecamatan',
      schedule: {
        opensAt: new Date().toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
      settings: { moderation: 'post', voting: false, slowModeSeconds: 30 },
    });
    expect(created.status).toBe(201);
    const id = created.body.forum.id;
    const edited = await fac.patch<{ forum: Forum }>(`/api/forums/${id}`, {
      title: 'Forum dengan mitra (judul baru)',
    });
    expect(edited.status).toBe(200);
    const f = edited.body.forum;
    expect(f.title).toBe('Forum dengan mitra (judul baru)');
    expect(f.coHosts.map((u) => u.id)).toEqual([world.otherUpp._id.toString()]);
    expect(f.agenda).toEqual(['Pembukaan', 'Tanya jawab']);
    expect(f.description).toBe('Uraian forum');
    expect(f.location).toBe('Aula kecamatan');
    expect(f.settings).toMatchObject({ moderation: 'post', voting: false, slowModeSeconds: 30 });
  });
});
