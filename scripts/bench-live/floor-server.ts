/**
 * The floor: a bare Socket.IO server doing the same shape of work as Forum Publik's live
 * forum, with no database. The same HTTP join route setting a signed participant cookie,
 * rooms, acks, one in-memory voter set per input, counts coalesced every 200 ms per forum,
 * presence coalesced every 2 s, submissions acked and broadcast to the staff room.
 * Whatever the real server costs beyond this is the price of its own work.
 *
 * Env: PORT, FLOOR_CODE, FLOOR_INPUTS, FLOOR_MODERATION (pre|post), SESSION_SECRET.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import {
  ForumJoinPayload,
  InputCreatePayload,
  InputVotePayload,
  rooms,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from '../../shared/events';
import { INPUT_KINDS } from '../../shared/domain/forum';
import type { Ack } from '../../shared/schemas/common';
import type { Forum } from '../../shared/schemas/forum';
import type { ForumSnapshot, Input } from '../../shared/schemas/input';
import { rng, pick } from './rng';
import { KINDS, citizenText } from './texts';

const port = Number(process.env.PORT ?? 0);
const code = process.env.FLOOR_CODE ?? 'CDEFGH';
const inputCount = Number(process.env.FLOOR_INPUTS ?? 30);
const moderation = process.env.FLOOR_MODERATION === 'post' ? 'post' : 'pre';
const secret = process.env.SESSION_SECRET ?? randomBytes(32).toString('hex');
const COOKIE = 'fp_pid';
const VOTE_FLUSH_MS = 200;
const PRESENCE_MS = 2000;

const objectId = (): string => randomBytes(12).toString('hex');
const sign = (v: string): string =>
  `s:${v}.${createHmac('sha256', secret).update(v).digest('base64').replace(/=+$/, '')}`;
function unsign(signed: string): string | null {
  if (!signed.startsWith('s:')) return null;
  const body = signed.slice(2);
  const value = body.slice(0, body.lastIndexOf('.'));
  const a = Buffer.from(sign(value));
  const b = Buffer.from(signed);
  return a.length === b.length && timingSafeEqual(a, b) ? value : null;
}
function participantOf(cookieHeader: string | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return unsign(decodeURIComponent(rest.join('=')));
  }
  return null;
}

const now = new Date();
const forumId = objectId();
const forum: Forum = {
  id: forumId,
  code,
  title: 'Forum Konsultasi Publik (lantai / floor)',
  description: '',
  agenda: [],
  type: 'live',
  status: 'live',
  location: 'Aula',
  host: { id: objectId(), name: 'UPP Lantai' },
  coHosts: [],
  schedule: {
    opensAt: new Date(now.getTime() - 3600_000).toISOString(),
    liveStartAt: null,
    liveEndAt: null,
    closesAt: new Date(now.getTime() + 86_400_000).toISOString(),
  },
  settings: {
    moderation,
    allowAnonymous: true,
    voting: true,
    maxInputLength: 1000,
    kinds: [...INPUT_KINDS],
  },
  counts: { published: inputCount, pending: 0, participants: 0, votes: 0 },
  spotlightInputId: null,
  joinPath: `/j/${code}`,
  canModerate: false,
  createdAt: now.toISOString(),
};

interface Stored {
  input: Input;
  authorKey: string;
  voters: Set<string>;
}
const inputs = new Map<string, Stored>();
const byKey = new Map<string, Stored>();
let seq = 0;

function newInput(
  fields: Pick<Input, 'text' | 'kind' | 'serviceCode' | 'displayName' | 'status'>,
): Input {
  seq += 1;
  return {
    id: objectId(),
    forumId,
    ...fields,
    citizenStatus: fields.status === 'published' ? 'published' : 'pending',
    rejectReason: null,
    votes: 0,
    pinned: false,
    answered: null,
    mergedInto: null,
    edited: false,
    createdAt: new Date().toISOString(),
    seq,
    mine: false,
    votedByMe: false,
    routing: null,
    case: null,
  };
}

const r = rng(17);
for (let i = 0; i < inputCount; i += 1) {
  const kind = pick(r, KINDS);
  const input = newInput({
    text: citizenText(r, kind),
    kind,
    serviceCode: null,
    displayName: '',
    status: 'published',
  });
  inputs.set(input.id, { input, authorKey: `p:seed-${i}`, voters: new Set() });
}

const view = (s: Stored, pid: string | null): Input => ({
  ...s.input,
  votes: s.voters.size,
  mine: pid !== null && s.authorKey === `p:${pid}`,
  votedByMe: pid !== null && s.voters.has(pid),
});

const http = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://floor');
  const json = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'GET' && url.pathname === '/api/health') {
    return json(200, { status: 'ok', db: 'ok' });
  }
  if (req.method === 'GET' && url.pathname.startsWith('/api/forums/by-code/')) {
    const headers: Record<string, string> = {};
    if (!participantOf(req.headers.cookie)) {
      const pid = randomBytes(16).toString('base64url');
      headers['set-cookie'] =
        `${COOKIE}=${encodeURIComponent(sign(pid))}; Max-Age=31536000; Path=/; HttpOnly; Secure; SameSite=Lax`;
    }
    const wanted = decodeURIComponent(url.pathname.slice('/api/forums/by-code/'.length));
    if (wanted.toUpperCase() !== code) return json(404, { error: { code: 'not_found' } }, headers);
    return json(200, { forum }, headers);
  }
  if (req.method === 'GET' && url.pathname === '/api/floor/state') {
    const counts: Record<string, number> = {};
    for (const [id, s] of inputs) if (s.input.status === 'published') counts[id] = s.voters.size;
    return json(200, { counts, keys: [...byKey.keys()] });
  }
  json(404, { error: { code: 'not_found' } });
});

const io = new Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>(http, {
  path: '/socket.io',
  serveClient: false,
});

const pendingCounts = new Set<string>();
let flushTimer: NodeJS.Timeout | null = null;
function countChanged(inputId: string): void {
  pendingCounts.add(inputId);
  flushTimer ??= setTimeout(() => {
    flushTimer = null;
    const counts: Record<string, number> = {};
    for (const id of pendingCounts) counts[id] = inputs.get(id)?.voters.size ?? 0;
    pendingCounts.clear();
    io.to(rooms.forum(forumId)).emit('vote.counts', { forumId, counts });
  }, VOTE_FLUSH_MS);
}

let presenceDirty = false;
setInterval(() => {
  if (!presenceDirty) return;
  presenceDirty = false;
  const online = io.sockets.adapter.rooms.get(rooms.forum(forumId))?.size ?? 0;
  io.to(rooms.forum(forumId)).emit('forum.presence', { forumId, online });
}, PRESENCE_MS).unref();

const fail = (code: 'validation' | 'not_found' | 'conflict', message: string) => ({
  error: { code, message },
});

io.use((socket, next) => {
  socket.data.userId = null;
  socket.data.sessionId = null;
  socket.data.participantId = participantOf(socket.request.headers.cookie);
  next();
});

io.on('connection', (socket) => {
  const pid = socket.data.participantId;
  if (pid) socket.join(rooms.participant(pid))?.catch(console.error);
  socket.emit('session.hello', { user: null, participantId: pid });

  socket.on('forum.join', (payload, ack) => {
    const p = ForumJoinPayload.safeParse(payload);
    const reply = typeof ack === 'function' ? ack : () => undefined;
    if (!p.success) return reply(fail('validation', 'Data tidak sah'));
    if (p.data.forumId !== forumId) return reply(fail('not_found', 'Forum tidak ditemukan'));
    socket.join(rooms.forum(forumId))?.catch(console.error);
    presenceDirty = true;
    const snap: ForumSnapshot = {
      forum,
      inputs: [...inputs.values()]
        .filter((s) => s.input.status === 'published')
        .map((s) => view(s, pid)),
      mine: pid
        ? [...inputs.values()].filter((s) => s.authorKey === `p:${pid}`).map((s) => view(s, pid))
        : [],
      cursor: seq,
    };
    reply({ data: snap });
  });

  socket.on('input.vote', (payload, ack) => {
    const reply: (res: Ack<{ inputId: string; votes: number; voted: boolean }>) => void =
      typeof ack === 'function' ? ack : () => undefined;
    const p = InputVotePayload.safeParse(payload);
    if (!p.success || !pid) return reply(fail('validation', 'Data tidak sah'));
    const s = inputs.get(p.data.inputId);
    if (!s || s.input.status !== 'published') return reply(fail('conflict', 'Tidak dapat'));
    const changed = p.data.voted ? !s.voters.has(pid) : s.voters.has(pid);
    if (p.data.voted) s.voters.add(pid);
    else s.voters.delete(pid);
    if (changed) countChanged(s.input.id);
    reply({ data: { inputId: s.input.id, votes: s.voters.size, voted: p.data.voted } });
  });

  socket.on('input.create', (payload, ack) => {
    const reply: (res: Ack<Input>) => void = typeof ack === 'function' ? ack : () => undefined;
    const p = InputCreatePayload.safeParse(payload);
    if (!p.success || !pid) return reply(fail('validation', 'Data tidak sah'));
    const { forumId: fid, ...body } = p.data;
    if (fid !== forumId) return reply(fail('not_found', 'Forum tidak ditemukan'));
    const again = byKey.get(body.idempotencyKey);
    if (again) return reply({ data: view(again, pid) });
    const input = newInput({
      text: body.text.trim(),
      kind: body.kind,
      serviceCode: body.serviceCode,
      displayName: body.displayName,
      status: moderation === 'post' ? 'published' : 'pending',
    });
    const stored: Stored = { input, authorKey: `p:${pid}`, voters: new Set() };
    inputs.set(input.id, stored);
    byKey.set(body.idempotencyKey, stored);
    io.to(rooms.forumStaff(forumId)).emit('input.created', view(stored, null));
    if (input.status === 'published') io.to(rooms.forum(forumId)).emit('input.published', input);
    reply({ data: view(stored, pid) });
  });

  socket.on('disconnect', () => {
    presenceDirty = true;
  });
});

http.listen(port, '127.0.0.1', () => {
  const addr = http.address();
  console.log(`[floor] listening on ${typeof addr === 'object' && addr ? addr.port : port}`);
});
const stop = (): void => {
  io.close().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
