import { z } from 'zod';
import { ForumJoinPayload, InputCreatePayload, InputVotePayload, rooms } from '../../shared/events';
import type { Ack } from '../../shared/schemas/common';
import { randomBytes } from 'node:crypto';
import {
  AppError,
  badRequest,
  dbUnavailable,
  errorObject,
  INTERNAL,
  invalid,
  unauthenticated,
} from '../http/errors';
import { Drain } from '../http/drain';
import { isDbUnavailable } from '../db/unavailable';
import { detach, log, withLogContext } from '../lib/logger';
import { metrics } from '../metrics/metrics';
import type { ServiceContext } from '../context';
import { snapshot } from '../forums/forum.service';
import { submitInput, voteInput } from '../forums/input.service';
import { viewerKey, type Viewer } from '../forums/viewer';
import { forbiddenKey } from '../lib/forbiddenKeys';
import { SOCKET_POLICIES, type ClientEvent } from './events.policy';
import type { AppSocket } from './io';

type AckFn<T> = (res: Ack<T>) => void;

/** The same error object the HTTP API answers with (code, reason, params, message). */
function toAckError(caught: unknown): Ack<never> {
  const unavailable = isDbUnavailable(caught);
  if (unavailable) metrics.dbUnavailable.inc({ via: 'socket' });
  const err = unavailable ? dbUnavailable() : caught;
  if (err instanceof AppError) {
    const retryable = (err.details as { retryable?: boolean } | undefined)?.retryable;
    return { error: { ...err.toJSON(), ...(retryable ? { retryable } : {}) } };
  }
  log.error({ err }, 'socket handler failed');
  return { error: INTERNAL };
}

/**
 * Registers one client event behind its policy (SOCKET_POLICIES): the event's abuse limit per
 * socket, participant and address; no operator or prototype keys; the payload parsed by its
 * schema; an identity where the policy needs one. Answers `{ data } | { error }`.
 */
export function onEvent<S extends z.ZodType, T>(
  socket: AppSocket,
  ctx: ServiceContext,
  event: ClientEvent,
  schema: S,
  run: (payload: z.output<S>, viewer: Viewer) => Promise<T>,
  drain: Drain = new Drain(),
): void {
  const policy = SOCKET_POLICIES[event];
  const handler = (payload: unknown, ack?: unknown): void => {
    const reply: AckFn<T> = typeof ack === 'function' ? (ack as AckFn<T>) : () => undefined;
    if (drain.draining) {
      // Shutting down: nothing new starts here; the client resends to another process.
      reply({ error: { ...errorObject('shutting_down', 'shutting_down'), retryable: true } });
      return;
    }
    const viewer: Viewer = {
      user: socket.data.user ?? undefined,
      participantId: socket.data.participantId,
      address: socket.data.address,
    };
    const key = viewerKey(viewer);
    const work = async (): Promise<T> => {
      await ctx.limits.take(policy.limit, {
        socket: socket.id,
        participant: key,
        address: socket.data.address,
      });
      if (forbiddenKey(payload)) {
        throw badRequest('forbidden_key');
      }
      const parsed = schema.safeParse(payload ?? {});
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => ({
          path: i.path.join('.'),
          message: i.message,
        }));
        const first = details[0];
        throw first
          ? invalid('validation', { where: first.path, problem: first.message }, details)
          : invalid('invalid_data');
      }
      if (policy.who === 'participant' && !key) {
        throw unauthenticated('participant_cookie_missing');
      }
      return run(parsed.data, viewer);
    };
    // Each event has a request id of its own, in every log line written while it runs.
    const reqId = randomBytes(8).toString('hex');
    const end = metrics.ackLatency.startTimer({ event });
    const answer = (res: Ack<T>): void => {
      const result = 'error' in res ? res.error.code : 'ok';
      end({ result });
      log.debug({ event, result }, 'socket event');
      reply(res);
    };
    // Counted in flight until the ack is sent: a shutdown waits for it.
    withLogContext({ reqId }, () =>
      detach(
        drain.track(() =>
          work().then(
            (data) => answer({ data }),
            (err: unknown) => answer(toAckError(err)),
          ),
        ),
        `socket ${event}`,
      ),
    );
  };
  socket.on(event, handler as never);
}

export function registerForumHandlers(
  socket: AppSocket,
  ctx: ServiceContext,
  drain: Drain = new Drain(),
): void {
  const on = <S extends z.ZodType, T>(
    event: ClientEvent,
    schema: S,
    run: (payload: z.output<S>, viewer: Viewer) => Promise<T>,
  ) => onEvent(socket, ctx, event, schema, run, drain);

  on('system.ping', z.strictObject({}), async () => ({
    now: new Date().toISOString(),
  }));

  on('forum.join', ForumJoinPayload, async ({ forumId }, viewer) => {
    const snap = await snapshot(ctx, viewer, forumId);
    await socket.join(rooms.forum(forumId));
    if (snap.forum.canModerate) await socket.join(rooms.forumStaff(forumId));
    return snap;
  });

  on('forum.leave', ForumJoinPayload, async ({ forumId }) => {
    await socket.leave(rooms.forum(forumId));
    await socket.leave(rooms.forumStaff(forumId));
    return null;
  });

  on('input.create', InputCreatePayload, async ({ forumId, ...body }, viewer) => {
    const r = await submitInput(ctx, viewer, forumId, body);
    return r.input;
  });

  on('input.vote', InputVotePayload, ({ inputId, voted }, viewer) =>
    voteInput(ctx, viewer, inputId, voted),
  );
}
