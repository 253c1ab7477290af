import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rooms } from '../../shared/events';
import type { Ack } from '../../shared/schemas/common';
import { openSocket } from '../helpers/sockets';
import { startTestApp, type TestApp } from '../helpers/testApp';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../server/config';
import { EVENTS } from './authorization/events.table';
import { MATRIX_BEGIN, MATRIX_END, matrixMarkdown, tableCells } from './authorization/markdown';
import { ROUTES, type Req } from './authorization/routes.table';
import { buildMatrixWorld, IDENTITIES, type World } from './authorization/world';

let app: TestApp;
let w: World;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildMatrixWorld(app);
});
afterAll(() => app.stop());

const letters = (s: string) => s.split(/\s+/);
const letterOf = (status: number, ok: number[]) =>
  (status >= 200 && status < 300) || ok.includes(status)
    ? 'Y'
    : status === 401
      ? 'U'
      : status === 403
        ? 'F'
        : status === 404
          ? 'N'
          : `?${status}`;

/** Every route of the registry × every identity, as the table in ./authorization says. */
describe('authorization matrix', () => {
  it('has exactly one row per route of the registry and per client socket event', () => {
    const registered = app.api.docs.map((d) => d.name).sort();
    expect(Object.keys(ROUTES).sort()).toEqual(registered);
    for (const [name, row] of Object.entries(ROUTES)) {
      expect(letters(row.expect), name).toHaveLength(IDENTITIES.length);
    }
    // Every public write names an abuse limit (or is the login, which has its own throttle).
    for (const d of app.api.docs) {
      if (d.gate === 'public' && d.method !== 'get' && d.name !== 'auth.login') {
        expect(d.limit, d.name).not.toBe(false);
      }
    }
  });

  it('is the table docs/SECURITY.md shows (npm run security:matrix writes it)', () => {
    const doc = readFileSync(path.join(projectRoot, 'docs', 'SECURITY.md'), 'utf8');
    const a = doc.indexOf(MATRIX_BEGIN) + MATRIX_BEGIN.length;
    const b = doc.indexOf(MATRIX_END);
    expect(tableCells(doc.slice(a, b))).toEqual(tableCells(matrixMarkdown(app.api.docs)));
  });

  it('answers every route for every identity as the table says, never with a 5xx', async () => {
    // The training job is started last (it runs until the app stops).
    const names = Object.keys(ROUTES).sort(
      (a, b) => +(a === 'routing.train') - +(b === 'routing.train'),
    );
    const mismatches: string[] = [];
    let requests = 0;
    for (const name of names) {
      const row = ROUTES[name]!;
      const expected = letters(row.expect);
      // Identities expected to be refused share one request (a refusal changes nothing; if it
      // did not refuse, its 2xx is a mismatch all the same); allowed ones get their own.
      let shared: Promise<Req> | null = null;
      const got = await Promise.all(
        IDENTITIES.map(async (id, i) => {
          const who = w.who(id);
          const client = row.freshSession ? await who.fresh() : who.client();
          const req: Req =
            expected[i] === 'Y' || row.perIdentity
              ? await row.req(w, who)
              : await (shared ??= Promise.resolve(row.req(w, who)));
          const r = await client.request(req.method, req.path, req.body, req.headers);
          requests += 1;
          expect(r.status, `${name} as ${id}: ${JSON.stringify(r.body)}`).toBeLessThan(500);
          return letterOf(r.status, row.ok ?? []);
        }),
      );
      if (got.join(' ') !== expected.join(' ')) {
        mismatches.push(
          `${name.padEnd(20)} expected ${expected.join(' ')}\n${' '.repeat(20)} got      ${got.join(' ')}`,
        );
      }
    }
    console.log(
      `[matrix] ${names.length} routes × ${IDENTITIES.length} identities = ${requests} requests`,
    );
    expect(mismatches.join('\n')).toBe('');
  }, 120_000);

  it('answers every socket event for every identity as the table says', async () => {
    const mismatches: string[] = [];
    let checks = 0;
    for (const [event, row] of Object.entries(EVENTS)) {
      const got: string[] = [];
      for (const id of IDENTITIES) {
        const socket = await openSocket(w.who(id).client());
        try {
          const res = (await socket
            .timeout(5000)
            .emitWithAck(
              event as 'system.ping',
              row.payload(w) as Record<string, never>,
            )) as Ack<unknown>;
          checks += 1;
          if ('data' in res) {
            const staff = await app.io.in(rooms.forumStaff(w.F)).fetchSockets();
            got.push(event === 'forum.join' && staff.some((s) => s.id === socket.id) ? 'S' : 'Y');
          } else {
            const code = res.error.code;
            expect(code, `${event} as ${id}`).not.toBe('internal');
            got.push(
              code === 'unauthenticated'
                ? 'U'
                : code === 'forbidden'
                  ? 'F'
                  : code === 'not_found'
                    ? 'N'
                    : `?${code}`,
            );
          }
        } finally {
          socket.disconnect();
        }
      }
      if (got.join(' ') !== row.expect) {
        mismatches.push(
          `${event.padEnd(14)} expected ${row.expect}\n${' '.repeat(14)} got      ${got.join(' ')}`,
        );
      }
    }
    console.log(
      `[matrix] ${Object.keys(EVENTS).length} socket events × ${IDENTITIES.length} identities = ${checks} checks`,
    );
    expect(mismatches.join('\n')).toBe('');
  });
});
