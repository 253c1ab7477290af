import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createLogger, log, useLogger } from '../../server/lib/logger';
import type { Input } from '../../shared/schemas/input';
import { buildForum, buildWorld } from '../helpers/factories';
import { Client } from '../helpers/http';
import { eventually, openSocket, unwrap } from '../helpers/sockets';
import { startTestApp, type TestApp } from '../helpers/testApp';

/** Every log line the app writes during this file, parsed. */
const lines: Record<string, unknown>[] = [];
const raw: string[] = [];
const previous = log;
let app: TestApp;

beforeAll(async () => {
  useLogger(
    createLogger({
      level: 'debug',
      format: 'json',
      destination: {
        write: (l: string) => {
          raw.push(l);
          lines.push(JSON.parse(l) as Record<string, unknown>);
        },
      },
    }),
  );
  app = await startTestApp({ routing: false });
});

afterAll(async () => {
  await app.stop();
  useLogger(previous);
});

/** The value of one Prometheus sample (`name{labels} value`), 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function forumWithInput(author: Client) {
  const world = await buildWorld();
  const forum = await buildForum(world.upp, { settings: { moderation: 'post' } });
  const forumId = forum._id.toString();
  await author.get('/api/auth/me');
  const r = await author.post<{ input: Input }>(`/api/forums/${forumId}/inputs`, {
    text: 'Mohon loket pengaduan dibuka sampai sore',
    kind: 'suggestion',
    idempotencyKey: `metrics-${Date.now()}`,
  });
  return { forumId, inputId: r.body.input.id };
}

describe('logs', () => {
  it('carry the request id of an HTTP request (given or generated, echoed in X-Request-Id)', async () => {
    const client = new Client(app.baseUrl);
    const given = 'probe-req-0123456789';
    const r = await client.request('GET', '/api/forums', undefined, { 'x-request-id': given });
    expect(r.headers.get('x-request-id')).toBe(given);
    await eventually(() => lines.some((l) => l.reqId === given && l.msg === 'request'));
    const line = lines.find((l) => l.reqId === given && l.msg === 'request')!;
    expect(line.req).toEqual({ method: 'GET', path: '/api/forums' });
    expect(line.res).toEqual({ status: 200 });

    // A malformed id is not taken over: the server makes its own.
    const bad = await client.request('GET', '/api/forums', undefined, { 'x-request-id': 'a"b' });
    const made = bad.headers.get('x-request-id');
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    await eventually(() => lines.some((l) => l.reqId === made));
  });

  it('carry a request id of its own for each socket event', async () => {
    const client = new Client(app.baseUrl);
    await client.get('/api/auth/me');
    const socket = await openSocket(client);
    unwrap(await socket.timeout(5000).emitWithAck('system.ping', {}));
    unwrap(await socket.timeout(5000).emitWithAck('system.ping', {}));
    socket.disconnect();
    const events = lines.filter((l) => l.msg === 'socket event' && l.event === 'system.ping');
    expect(events.length).toBeGreaterThanOrEqual(2);
    const ids = events.map((l) => l.reqId);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(events.every((l) => l.result === 'ok')).toBe(true);
  });

  it('hold no personal data: no input text, e-mail, cookie or client address', async () => {
    const client = new Client(app.baseUrl);
    const { forumId } = await forumWithInput(client);
    const text = 'Rahasia-pribadi-7731 tolong perbaiki jalan depan rumah saya';
    const email = 'warga.rahasia7731@example.com';
    const r = await client.post(`/api/forums/${forumId}/inputs`, {
      text,
      kind: 'complaint',
      contactEmail: email,
      idempotencyKey: `pii-${Date.now()}`,
    });
    expect(r.status).toBe(201);
    await client.post('/api/auth/login', { email, password: 'salah-sekali-12345' });
    const all = raw.join('');
    expect(all).not.toContain('Rahasia-pribadi-7731');
    expect(all).not.toContain('rahasia7731');
    expect(all).not.toContain('127.0.0.1');
    const cookie = client.cookieHeader().split(';')[0]!.split('=')[1]!;
    expect(cookie.length).toBeGreaterThan(10);
    expect(all).not.toContain(cookie);
  });
});

describe('/api/metrics', () => {
  it('lists the metrics from this machine, with values that move after a vote', async () => {
    const client = new Client(app.baseUrl);
    const { inputId } = await forumWithInput(new Client(app.baseUrl));
    const before = await client.get<string>('/api/metrics');
    expect(before.status).toBe(200);
    expect(before.headers.get('content-type')).toMatch(/^text\/plain/);
    for (const name of [
      'forum_socket_connections',
      'forum_rooms',
      'forum_votes_total',
      'forum_inputs_total',
      'forum_socket_ack_seconds',
      'forum_http_request_seconds',
      'forum_db_command_seconds',
      'forum_write_queue_depth',
      'forum_mail_outbox_pending',
      'forum_job_runs_total',
      'forum_db_unavailable_total',
      'process_cpu_seconds_total',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(before.body).toContain(`# TYPE ${name} `);
    }
    expect(sample(before.body, 'forum_inputs_total')).toBeGreaterThan(0);
    expect(
      sample(
        before.body,
        'forum_db_command_seconds_count{command="insert",collection="inputs",result="ok"}',
      ),
    ).toBeGreaterThan(0);

    await client.get('/api/auth/me');
    const socket = await openSocket(client);
    unwrap(await socket.timeout(5000).emitWithAck('input.vote', { inputId, voted: true }));
    const after = await client.get<string>('/api/metrics');
    socket.disconnect();
    expect(sample(after.body, 'forum_votes_total{action="add"}')).toBe(
      sample(before.body, 'forum_votes_total{action="add"}') + 1,
    );
    const acks = 'forum_socket_ack_seconds_count{event="input.vote",result="ok"}';
    expect(sample(after.body, acks)).toBe(sample(before.body, acks) + 1);
    expect(sample(after.body, 'forum_socket_connections')).toBeGreaterThanOrEqual(1);
  });

  it('is refused from another machine, through a proxy, and without the token once one is set', async () => {
    // Through a reverse proxy on this machine: the request says it was forwarded.
    const proxied = await new Client(app.baseUrl).request('GET', '/api/metrics', undefined, {
      'x-forwarded-for': '203.0.113.9',
    });
    expect(proxied.status).toBe(403);

    // From another address of this machine's network (not loopback), when it has one.
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (external) {
      const open: Server = createServer(app.app);
      await new Promise<void>((r) => open.listen(0, '0.0.0.0', r));
      try {
        const port = (open.address() as AddressInfo).port;
        const far = await new Client(`http://${external}:${port}`).get('/api/metrics');
        expect(far.status).toBe(403);
        expect(far.body).toMatchObject({ error: { code: 'forbidden' } });
      } finally {
        await new Promise((r) => open.close(r));
      }
    }

    // With METRICS_TOKEN: the bearer token is required, even on loopback.
    const token = 'metrics-token-0123456789abcdef';
    const guarded: App = createApp({
      config: loadConfig({
        NODE_ENV: 'test',
        SESSION_SECRET: 'x'.repeat(40),
        METRICS_TOKEN: token,
      }),
    });
    await new Promise<void>((r) => guarded.server.listen(0, '127.0.0.1', r));
    try {
      const base = `http://127.0.0.1:${(guarded.server.address() as AddressInfo).port}`;
      expect((await new Client(base).get('/api/metrics')).status).toBe(403);
      const wrong = await new Client(base, { authorization: `Bearer ${token}x` }).get(
        '/api/metrics',
      );
      expect(wrong.status).toBe(403);
      const right = await new Client(base, { authorization: `Bearer ${token}` }).get<string>(
        '/api/metrics',
      );
      expect(right.status).toBe(200);
      expect(right.body).toContain('forum_votes_total');
    } finally {
      await guarded.close();
    }
  });
});
