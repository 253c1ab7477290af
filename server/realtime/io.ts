import { detach } from '../lib/logger';
import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { Server, type Socket } from 'socket.io';
import {
  rooms,
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from '../../shared/events';
import { presentUser } from '../auth/auth.service';
import { participantFromCookieHeader } from '../auth/participant';
import type { AuthUser } from '../auth/types';
import { clientAddress, type TrustFn } from '../http/clientAddress';
import { AppError } from '../http/errors';
import type { AbuseLimits } from '../live/limits';

/** What the server keeps per socket: the shared fields plus the signed-in user, if any. */
export interface ServerSocketData extends SocketData {
  user: AuthUser | null;
  /** The client's address (through trusted proxies only): per-address limits, signals. */
  address: string;
}

export type IO = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  ServerSocketData
>;
export type AppSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  ServerSocketData
>;

type EngineRequest = IncomingMessage & {
  _query?: Record<string, string>;
  user?: Express.User;
  sessionID?: string;
};

/** Runs express middleware only on the handshake request, not on every polling request. */
function onlyForHandshake(mw: RequestHandler) {
  return (req: EngineRequest, res: ServerResponse, next: (err?: unknown) => void): void => {
    // Anonymous citizens (no session cookie) skip the session store entirely.
    if (req._query?.sid === undefined && req.headers.cookie?.includes('fp.sid=')) {
      (mw as unknown as (a: EngineRequest, b: ServerResponse, c: (e?: unknown) => void) => void)(
        req,
        res,
        next,
      );
    } else next();
  };
}

/** A Socket.IO adapter constructor (e.g. `createAdapter(pub, sub)` of @socket.io/redis-adapter). */
export type IoAdapter = NonNullable<ConstructorParameters<typeof Server>[1]>['adapter'];

export interface IoDeps {
  adapter?: IoAdapter;
  /** Registers the domain handlers on each connected socket. */
  onConnection?: (socket: AppSocket) => void;
  sessionMiddleware: RequestHandler;
  passportSession: RequestHandler;
  cookieSecret: string;
  allowedOrigins: string[];
  /** Which proxies may name the client (X-Forwarded-For). */
  trust: TrustFn;
  /** Abuse limits: handshakes per address. */
  limits?: AbuseLimits;
}

/** Socket.IO on the app's HTTP server, sharing express-session and passport. */
export function createIo(server: HttpServer, deps: IoDeps): IO {
  const io: IO = new Server(server, {
    path: '/socket.io',
    serveClient: false,
    // No connection state recovery: a reconnecting client passes the auth middleware again and
    // re-joins with a fresh snapshot (it carries the forum's change cursor).
    ...(deps.adapter ? { adapter: deps.adapter } : {}),
    allowRequest: (req, cb) => {
      const origin = req.headers.origin;
      if (!origin) return cb(null, true);
      try {
        const ok =
          new URL(origin).host === req.headers.host || deps.allowedOrigins.includes(origin);
        cb(null, ok);
      } catch {
        cb(null, false);
      }
    },
  });
  io.engine.use(onlyForHandshake(deps.sessionMiddleware));
  io.engine.use(onlyForHandshake(deps.passportSession));

  io.use((socket, next) => {
    const req = socket.request as EngineRequest;
    socket.data.address = clientAddress(req, deps.trust);
    socket.data.user = req.user ? { ...req.user } : null;
    socket.data.userId = req.user?.id ?? null;
    socket.data.sessionId = req.user ? (req.sessionID ?? null) : null;
    socket.data.participantId =
      participantFromCookieHeader(req.headers.cookie, deps.cookieSecret) ?? null;
    if (!deps.limits) return next();
    // Every handshake (a reconnect too) passes here: connections per address are limited.
    deps.limits.take('connect', { address: socket.data.address }).then(
      () => next(),
      (err: unknown) => {
        const e = new Error(err instanceof Error ? err.message : 'rate_limited') as Error & {
          data?: unknown;
        };
        if (err instanceof AppError) e.data = { ...err.toJSON(), ...(err.details as object) };
        next(e);
      },
    );
  });

  io.on('connection', (socket) => {
    const user = socket.data.user;
    // The handshake request (headers, session, parsed cookies) is not needed any more: keeping
    // it would cost memory for every connected phone.
    (socket.conn as unknown as { request: unknown }).request = null;
    if (socket.data.userId) detach(socket.join(rooms.user(socket.data.userId)), 'socket join');
    // Staff follow the inboxes of their UPPs.
    if (user && user.role !== 'citizen') {
      for (const uppId of user.uppIds) detach(socket.join(rooms.upp(uppId)), 'socket join');
    }
    if (socket.data.sessionId)
      detach(socket.join(rooms.session(socket.data.sessionId)), 'socket join');
    if (socket.data.participantId)
      detach(socket.join(rooms.participant(socket.data.participantId)), 'socket join');
    socket.emit('session.hello', {
      user: user ? presentUser(user) : null,
      participantId: socket.data.participantId,
    });
    deps.onConnection?.(socket);
  });
  return io;
}
