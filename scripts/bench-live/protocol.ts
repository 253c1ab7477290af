/**
 * Everything the benchmark knows about how a phone talks to a forum, in one place: the HTTP
 * join by code (which sets the participant cookie), the Socket.IO connection carrying that
 * cookie, `forum.join`, `input.vote`, `input.create` and the broadcasts. When the server's
 * protocol changes (e.g. a `cursor` on `forum.join`, a folded snapshot), only this file changes.
 */
import http from 'node:http';
import { z } from 'zod';
import { io as connect, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
  InputCreatePayload,
} from '../../shared/events';
import { Forum } from '../../shared/schemas/forum';
import { ForumSnapshot, Input } from '../../shared/schemas/input';

export type ProtoSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type SubmitPayload = z.input<typeof InputCreatePayload>;

export const SOCKET_PATH = '/socket.io';
export const joinPath = (code: string): string => `/api/forums/by-code/${encodeURIComponent(code)}`;
export const HEALTH_PATH = '/api/health';

/** Epoch milliseconds with sub-millisecond precision, comparable across threads. */
export const now = (): number => performance.timeOrigin + performance.now();

/** One browser's cookies (name → raw value as the server set it). */
export class CookieJar {
  private cookies = new Map<string, string>();
  store(setCookie: string[] | undefined): void {
    for (const c of setCookie ?? []) {
      const pair = c.split(';')[0] ?? '';
      const idx = pair.indexOf('=');
      if (idx <= 0) continue;
      const name = pair.slice(0, idx).trim();
      const value = pair.slice(idx + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** A failure with a short, countable reason (e.g. `http_503`, `join_timeout`). */
export class ProtoError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** A GET over a fresh TCP connection (no shared keep-alive pool: each phone is its own). */
export function httpGet(
  baseUrl: string,
  path: string,
  jar: CookieJar | null,
  timeoutMs: number,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const cookie = jar?.header();
    const req = http.request(
      new URL(path, baseUrl),
      {
        method: 'GET',
        agent: false,
        headers: { accept: 'application/json', ...(cookie ? { cookie } : {}) },
        timeout: timeoutMs,
      },
      (res) => {
        jar?.store(res.headers['set-cookie']);
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new ProtoError('http_timeout')));
    req.on('error', (err) =>
      reject(err instanceof ProtoError ? err : new ProtoError('http_error')),
    );
    req.end();
  });
}

const ByCodeResponse = z.object({ forum: Forum });

/** Step 1: the join page asks for the forum by its code; the response sets `fp_pid`. */
export async function findForumByCode(
  baseUrl: string,
  code: string,
  jar: CookieJar,
  timeoutMs: number,
): Promise<{ forumId: string }> {
  const res = await httpGet(baseUrl, joinPath(code), jar, timeoutMs);
  if (res.status !== 200) throw new ProtoError(`http_${res.status}`);
  const parsed = ByCodeResponse.safeParse(res.body);
  if (!parsed.success) throw new ProtoError('bad_forum_response');
  if (!jar.header()) throw new ProtoError('no_participant_cookie');
  return { forumId: parsed.data.forum.id };
}

/**
 * Step 2: a WebSocket-only Socket.IO connection carrying the cookie (no Origin header).
 * `setup` runs before the connection opens, so no early event is missed.
 */
export function openSocket(
  baseUrl: string,
  jar: CookieJar,
  timeoutMs: number,
  setup: (socket: ProtoSocket) => void,
): Promise<ProtoSocket> {
  const socket: ProtoSocket = connect(baseUrl, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    extraHeaders: { cookie: jar.header() },
    reconnection: false,
    forceNew: true,
    timeout: timeoutMs,
  });
  setup(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', () => {
      socket.close();
      reject(new ProtoError('connect_error'));
    });
  });
}

const AckError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
function ackOf<T extends z.ZodType>(data: T) {
  return z.union([z.object({ data }), AckError]);
}
const JoinAck = ackOf(ForumSnapshot);
const VoteAck = ackOf(
  z.object({ inputId: z.string(), votes: z.number().int(), voted: z.boolean() }),
);
const SubmitAck = ackOf(Input);

/** What a client keeps from a snapshot. */
export interface SnapshotView {
  /** Published inputs with their vote counts. */
  inputs: { id: string; votes: number }[];
}

export type AckResult<T> =
  { ok: true; value: T } | { ok: false; reason: string; timedOut: boolean };

function settle<T, S extends z.ZodType>(
  schema: S,
  pick: (ack: z.output<S>) => AckResult<T>,
  resolve: (r: AckResult<T>) => void,
) {
  return (err: Error | null, res: unknown): void => {
    if (err) return resolve({ ok: false, reason: 'timeout', timedOut: true });
    const parsed = schema.safeParse(res);
    resolve(parsed.success ? pick(parsed.data) : { ok: false, reason: 'bad_ack', timedOut: false });
  };
}

/** Step 3: `forum.join` with an ack carrying the snapshot. */
export function joinForum(
  socket: ProtoSocket,
  forumId: string,
  timeoutMs: number,
): Promise<AckResult<SnapshotView>> {
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(
      'forum.join',
      { forumId },
      settle(
        JoinAck,
        (r): AckResult<SnapshotView> =>
          'data' in r
            ? {
                ok: true,
                value: {
                  inputs: r.data.inputs
                    .filter((i) => i.status === 'published')
                    .map((i) => ({ id: i.id, votes: i.votes })),
                },
              }
            : { ok: false, reason: r.error.code, timedOut: false },
        resolve,
      ),
    );
  });
}

/** `input.vote` with `voted: true`; the ack carries the resulting count. */
export function vote(
  socket: ProtoSocket,
  inputId: string,
  timeoutMs: number,
): Promise<AckResult<{ votes: number }>> {
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(
      'input.vote',
      { inputId, voted: true },
      settle(
        VoteAck,
        (r): AckResult<{ votes: number }> =>
          'data' in r
            ? { ok: true, value: { votes: r.data.votes } }
            : { ok: false, reason: r.error.code, timedOut: false },
        resolve,
      ),
    );
  });
}

/** `input.create`; acknowledged only once stored. */
export function submit(
  socket: ProtoSocket,
  payload: SubmitPayload,
  timeoutMs: number,
): Promise<AckResult<{ id: string }>> {
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(
      'input.create',
      payload,
      settle(
        SubmitAck,
        (r): AckResult<{ id: string }> =>
          'data' in r
            ? { ok: true, value: { id: r.data.id } }
            : { ok: false, reason: r.error.code, timedOut: false },
        resolve,
      ),
    );
  });
}

const VoteCounts = z.object({ forumId: z.string(), counts: z.record(z.string(), z.number()) });
const Published = z.object({ id: z.string(), forumId: z.string(), status: z.string() });

export interface Listeners {
  /** A `vote.counts` batch (inputId → count), with the time it arrived. */
  counts(counts: Record<string, number>, at: number): void;
  /** An input appeared in the public feed. */
  published(inputId: string): void;
  /** Any event (for message counts per name). */
  any(event: string): void;
  /** A payload that did not match the protocol. */
  malformed(event: string): void;
}

/** Subscribes to the forum's broadcasts; every payload is parsed before use. */
export function listen(socket: ProtoSocket, forumId: string, l: Listeners): void {
  socket.on('vote.counts', (payload: unknown) => {
    const at = now();
    const p = VoteCounts.safeParse(payload);
    if (!p.success) return l.malformed('vote.counts');
    if (p.data.forumId === forumId) l.counts(p.data.counts, at);
  });
  socket.on('input.published', (payload: unknown) => {
    const p = Published.safeParse(payload);
    if (!p.success) return l.malformed('input.published');
    if (p.data.forumId === forumId && p.data.status === 'published') l.published(p.data.id);
  });
  socket.onAny((event: string) => l.any(event));
}
