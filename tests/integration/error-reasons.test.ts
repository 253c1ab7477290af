import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessage } from '../../shared/errors';
import type { ErrorBody } from '../../shared/schemas/common';
import { buildForum, buildWorld } from '../helpers/factories';
import { Client } from '../helpers/http';
import { openSocket } from '../helpers/sockets';
import { startTestApp, type TestApp } from '../helpers/testApp';

let app: TestApp;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  app = await startTestApp({ routing: false });
  world = await buildWorld();
});
afterAll(() => app.stop());

async function participant() {
  const c = new Client(app.baseUrl);
  await c.get('/api/auth/me');
  return c;
}

const input = (key: string) => ({
  text: 'Antrean loket KTP terlalu panjang setiap pagi.',
  kind: 'complaint',
  idempotencyKey: key,
});

describe('errors name a stable reason with its parameters', () => {
  it('a forum that does not exist: 404 not_found, reason forum_not_found, over HTTP and in a socket ack', async () => {
    const c = await participant();
    const missing = 'aaaaaaaaaaaaaaaaaaaaaaaa';
    const r = await c.get<ErrorBody>(`/api/forums/${missing}`);
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({
      code: 'not_found',
      reason: 'forum_not_found',
      params: {},
      message: 'Forum tidak ditemukan.',
    });

    const socket = await openSocket(c);
    try {
      const ack = await socket.emitWithAck('forum.join', { forumId: missing });
      expect(ack).toMatchObject({
        error: { code: 'not_found', reason: 'forum_not_found', message: 'Forum tidak ditemukan.' },
      });
    } finally {
      socket.disconnect();
    }
  });

  it('a closed forum: 409 closed, reason forum_not_accepting, with its Indonesian text', async () => {
    const forum = await buildForum(world.upp, { status: 'closed' });
    const c = await participant();
    const r = await c.post<ErrorBody>(`/api/forums/${forum._id}/inputs`, input('closed-0000001'));
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('closed');
    expect(r.body.error.reason).toBe('forum_not_accepting');
    expect(r.body.error.message).toBe('Forum tidak sedang menerima masukan.');
    expect(errorMessage('forum_not_accepting', {}, 'en')).toBe(
      'The forum is not taking inputs now.',
    );
  });

  it('slow mode: 429 rate_limited with the seconds to wait in params, Retry-After and the message', async () => {
    const forum = await buildForum(world.upp, {
      settings: { moderation: 'post', slowModeSeconds: 90 },
    });
    const c = await participant();
    const first = await c.post(`/api/forums/${forum._id}/inputs`, input('slow-000000a'));
    expect(first.status).toBe(201);
    const r = await c.post<ErrorBody>(`/api/forums/${forum._id}/inputs`, input('slow-000000b'));
    expect(r.status).toBe(429);
    const { error } = r.body;
    expect(error.code).toBe('rate_limited');
    expect(error.reason).toBe('slow_mode');
    expect(error.params?.interval).toBe(90);
    const seconds = Number(error.params?.seconds);
    expect(seconds).toBeGreaterThan(60);
    expect(seconds).toBeLessThanOrEqual(90);
    expect(Number(r.headers.get('retry-after'))).toBe(seconds);
    expect(error.message).toBe(
      `Mode lambat: forum ini menerima satu masukan per peserta setiap 90 detik. Tunggu ${seconds} detik.`,
    );
    expect(errorMessage('slow_mode', error.params, 'en')).toContain(`Wait ${seconds} seconds.`);
  });

  it('a body that breaks the schema: 400 validation, reason validation with the field details', async () => {
    const forum = await buildForum(world.upp);
    const c = await participant();
    const r = await c.post<ErrorBody>(`/api/forums/${forum._id}/inputs`, {
      ...input('badkind-00001'),
      kind: 'gossip',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation');
    expect(r.body.error.reason).toBe('validation');
    expect(r.body.error.params?.where).toMatch(/kind/);
    expect(r.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'kind' })]),
    );
  });
});
