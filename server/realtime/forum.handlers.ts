import type { z } from 'zod';
import { ForumJoinPayload, InputCreatePayload, InputVotePayload, rooms } from '../../shared/events';
import type { Ack } from '../../shared/schemas/common';
import { AppError } from '../http/errors';
import type { ServiceContext } from '../forums/context';
import { snapshot } from '../forums/forum.service';
import { submitInput, voteInput } from '../forums/input.service';
import type { Viewer } from '../forums/viewer';
import type { AppSocket } from './io';

type AckFn<T> = (res: Ack<T>) => void;

function toAckError(err: unknown): Ack<never> {
  if (err instanceof AppError) return { error: { code: err.code, message: err.message } };
  console.error('[socket] handler failed', err);
  return { error: { code: 'internal', message: 'Terjadi kesalahan di server.' } };
}

/** Parses the payload with its schema, runs the service, and answers `{ data } | { error }`. */
function handle<S extends z.ZodType, T>(
  schema: S,
  run: (payload: z.output<S>) => Promise<T>,
): (payload: unknown, ack?: unknown) => void {
  return (payload, ack) => {
    const reply: AckFn<T> = typeof ack === 'function' ? (ack as AckFn<T>) : () => undefined;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      reply({
        error: {
          code: 'validation',
          message: `Data tidak sah${first ? ` (${first.path.join('.')}): ${first.message}` : ''}`,
        },
      });
      return;
    }
    run(parsed.data).then(
      (data) => reply({ data }),
      (err: unknown) => reply(toAckError(err)),
    );
  };
}

/** At most `limit` calls per minute for one socket. */
function perMinute(limit: number): () => boolean {
  let windowStart = Date.now();
  let count = 0;
  return () => {
    const now = Date.now();
    if (now - windowStart > 60_000) {
      windowStart = now;
      count = 0;
    }
    count += 1;
    return count <= limit;
  };
}

const tooMany = (): never => {
  throw new AppError(
    429,
    'rate_limited',
    'Terlalu banyak permintaan dalam satu menit. Tunggu sebentar.',
  );
};

export function registerForumHandlers(socket: AppSocket, ctx: ServiceContext): void {
  const submitAllowed = perMinute(20);
  const voteAllowed = perMinute(120);
  const viewer = (): Viewer => ({
    user: (socket.request as { user?: Express.User }).user,
    participantId: socket.data.participantId,
  });

  socket.on(
    'forum.join',
    handle(ForumJoinPayload, async ({ forumId }) => {
      const snap = await snapshot(viewer(), forumId);
      await socket.join(rooms.forum(forumId));
      if (snap.forum.canModerate) await socket.join(rooms.forumStaff(forumId));
      void ctx.realtime.presence(forumId);
      return snap;
    }),
  );

  socket.on('forum.leave', (payload) => {
    const parsed = ForumJoinPayload.safeParse(payload);
    if (!parsed.success) return;
    const { forumId } = parsed.data;
    void socket.leave(rooms.forum(forumId));
    void socket.leave(rooms.forumStaff(forumId));
    void ctx.realtime.presence(forumId);
  });

  socket.on(
    'input.create',
    handle(InputCreatePayload, async ({ forumId, ...body }) => {
      if (!submitAllowed()) tooMany();
      const r = await submitInput(ctx, viewer(), forumId, body);
      return r.input;
    }),
  );

  socket.on(
    'input.vote',
    handle(InputVotePayload, async ({ inputId, voted }) => {
      if (!voteAllowed()) tooMany();
      return voteInput(ctx, viewer(), inputId, voted);
    }),
  );

  socket.on('disconnecting', () => {
    const forumRooms = [...socket.rooms].filter((r) => /^forum:[a-f0-9]{24}$/.test(r));
    setTimeout(() => {
      for (const r of forumRooms) void ctx.realtime.presence(r.slice('forum:'.length));
    }, 50).unref();
  });
}
