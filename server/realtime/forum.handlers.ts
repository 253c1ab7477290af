import type { z } from 'zod';
import { ForumJoinPayload, InputCreatePayload, InputVotePayload, rooms } from '../../shared/events';
import type { Ack } from '../../shared/schemas/common';
import { AppError } from '../http/errors';
import type { ServiceContext } from '../forums/context';
import { snapshot } from '../forums/forum.service';
import { submitInput, voteInput } from '../forums/input.service';
import { viewerKey, type Viewer } from '../forums/viewer';
import { consume } from '../live/limits';
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

export function registerForumHandlers(socket: AppSocket, ctx: ServiceContext): void {
  const viewer = (): Viewer => ({
    user: socket.data.user ?? undefined,
    participantId: socket.data.participantId,
  });
  /** Limits follow the participant (or account), not the connection: reconnecting resets nothing. */
  const limitKey = (): string => viewerKey(viewer()) ?? `s:${socket.id}`;

  socket.on(
    'forum.join',
    handle(ForumJoinPayload, async ({ forumId }) => {
      await consume(ctx.limits, 'join', limitKey());
      const snap = await snapshot(ctx, viewer(), forumId);
      await socket.join(rooms.forum(forumId));
      if (snap.forum.canModerate) await socket.join(rooms.forumStaff(forumId));
      return snap;
    }),
  );

  socket.on('forum.leave', (payload) => {
    const parsed = ForumJoinPayload.safeParse(payload);
    if (!parsed.success) return;
    const { forumId } = parsed.data;
    void socket.leave(rooms.forum(forumId));
    void socket.leave(rooms.forumStaff(forumId));
  });

  socket.on(
    'input.create',
    handle(InputCreatePayload, async ({ forumId, ...body }) => {
      await consume(ctx.limits, 'submit', limitKey());
      const r = await submitInput(ctx, viewer(), forumId, body);
      return r.input;
    }),
  );

  socket.on(
    'input.vote',
    handle(InputVotePayload, async ({ inputId, voted }) => {
      await consume(ctx.limits, 'vote', limitKey());
      return voteInput(ctx, viewer(), inputId, voted);
    }),
  );
}
