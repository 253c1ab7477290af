import { createServer, type Server as HttpServer } from 'node:http';
import { Server as NetServer } from 'node:net';
import cookieParser from 'cookie-parser';
import express, { type Express, type RequestHandler } from 'express';
import session from 'express-session';
import passport from 'passport';
import { rooms } from '../shared/events';
import { configurePassport } from './auth/passport';
import { participantCookie } from './auth/participant';
import { MongooseSessionStore } from './auth/session-store';
import type { Config } from './config';
import { Api } from './http/api';
import { audit } from './audit/audit.service';
import { apiNotFound, errorHandler } from './http/errors';
import { buildOpenApi } from './http/openapi';
import { originCheck, rejectOperators, securityHeaders } from './http/security';
import { createIo, type IO, type IoAdapter } from './realtime/io';
import type { Coordinator } from './live/coordinator';
import { MemoryCoordinator } from './live/memory';
import { systemClock, type Clock } from './clock';
import type { ServiceContext } from './context';
import { buildContext, registerRoutes, type DomainDeps } from './domain';
import { Realtime } from './realtime/broadcast';
import { CalendarStore } from './holidays/holiday';
import type { RoutingEngine } from './routing/engine';
import type { MailTransport } from './notify/mailer';
import path from 'node:path';
import { registerForumHandlers } from './realtime/forum.handlers';
import { LoginThrottle } from './auth/login.throttle';
import { trustFunction } from './http/clientAddress';
import { viewerKey, viewerOf } from './forums/viewer';
import { citizenPages } from './web/citizenPort';
import { Drain } from './http/drain';
import { log } from './lib/logger';
import { requestLogging } from './http/requestLog';
import { bindMetricSources } from './metrics/metrics';
import { OutboxModel } from './notify/notification.model';

export interface AppDeps {
  config: Config;
  clock?: Clock;
  /** The classifier; without it every input waits in triage and routing routes are off. */
  engine?: RoutingEngine | null;
  /** Working-day calendar (holidays); a fresh one is made when omitted. */
  calendar?: CalendarStore;
  mail?: MailTransport | null;
  /** The SvelteKit adapter-node handler; omitted in API-only tests. */
  webHandler?: RequestHandler;
  /** Coordination across processes; a single-process one when omitted. */
  coordinator?: Coordinator;
  /** Socket.IO adapter factory (the Redis adapter when several processes serve). */
  ioAdapter?: IoAdapter;
}

export interface App {
  app: Express;
  io: IO;
  server: HttpServer;
  api: Api;
  ctx: ServiceContext;
  /** Counts work in flight; refuses new work once draining. */
  drain: Drain;
  /**
   * Graceful stop (SIGTERM): no new connections or work, in-flight requests and socket
   * handlers finish (at most `timeoutMs`), vote counts are stored, sockets are told to
   * reconnect elsewhere and disconnected; then `close()`.
   */
  shutdown(opts?: {
    timeoutMs?: number;
    /**
     * At least this long, open connections are answered (503 + `Connection: close`) before
     * they are closed, so a client about to send on a keep-alive connection gets an answer.
     */
    graceMs?: number;
    reconnectJitterMs?: number;
  }): Promise<{ settled: boolean }>;
  close(): Promise<void>;
}

const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

/** Builds the Express app, Socket.IO and HTTP server without listening. */
export function createApp(deps: AppDeps): App {
  const { config } = deps;
  const clock = deps.clock ?? systemClock;
  const secure = config.env === 'production';
  const app = express();
  app.disable('x-powered-by');
  // Only the proxies named in TRUST_PROXY may say who the client is (X-Forwarded-For).
  app.set('trust proxy', config.trustProxy);
  const trust = trustFunction(config.trustProxy);

  const store = new MongooseSessionStore(SESSION_TTL_MS);
  const sessionMiddleware = session({
    name: 'fp.sid',
    secret: config.sessionSecret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure, maxAge: SESSION_TTL_MS },
  });
  configurePassport();
  const passportSession = passport.session();

  const server = createServer(app);
  const drain = new Drain();
  const domain: DomainDeps = {
    clock,
    engine: deps.engine ?? null,
    calendar: deps.calendar ?? new CalendarStore(),
    modelsDir: path.join(config.dataDir, 'models'),
    mail: deps.mail ?? null,
    coordinator: deps.coordinator ?? new MemoryCoordinator(),
    signalSalt: config.sessionSecret,
  };
  const ctx = buildContext(domain);
  const io = createIo(server, {
    onConnection: (socket) => registerForumHandlers(socket, ctx, drain),
    sessionMiddleware,
    passportSession,
    cookieSecret: config.sessionSecret,
    allowedOrigins: config.allowedOrigins,
    adapter: deps.ioAdapter,
    trust,
    limits: ctx.limits,
  });

  ctx.realtime = new Realtime(io, ctx.live);
  bindMetricSources({
    sockets: () => io.of('/').sockets.size,
    forumRooms: () => {
      let n = 0;
      for (const room of io.of('/').adapter.rooms.keys()) {
        if (room.startsWith('forum:') && !room.endsWith(':staff')) n += 1;
      }
      return n;
    },
    writeQueues: () => ({
      votes: ctx.live.writers.votes.pending,
      participants: ctx.live.writers.participants.pending,
    }),
    mailPending: () => OutboxModel.countDocuments({ status: 'pending' }),
  });
  ctx.signals.onSignal = (s) => ctx.realtime.signal(s);
  ctx.live.start();
  ctx.notifier.attach(io);

  const disconnectSession = (sid: string): void => {
    io.in(rooms.session(sid)).disconnectSockets(true);
  };
  const endUserSessions = async (userId: string): Promise<void> => {
    await store.destroyForUser(userId);
    io.in(rooms.user(userId)).disconnectSockets(true);
  };
  const endOtherSessions = async (userId: string, keepSid: string): Promise<void> => {
    for (const sid of await store.destroyForUser(userId, keepSid)) disconnectSession(sid);
  };

  const api = new Api({
    audit: (user, action, target) => audit(user, action, target),
    limit: (kind, req) =>
      ctx.limits.take(kind, {
        participant: viewerKey(viewerOf(req)),
        address: req.ip,
        user: req.user?.id,
      }),
  });
  const closers: (() => void)[] = [];
  registerRoutes(api, ctx, domain, {
    config,
    onClose: (stop) => closers.push(stop),
    throttle: new LoginThrottle(domain.coordinator, config.loginRateLimit),
    disconnectSession,
    endUserSessions,
    endOtherSessions,
  });

  // First: while draining, new requests get 503 shutting_down (the health check says draining).
  app.use(drain.middleware(['/api/health']));
  // Request id (X-Request-Id) carried into every log line of the request; access log; timing.
  app.use(requestLogging({ logIps: config.logIps }));
  app.use(securityHeaders(secure));
  app.use(cookieParser(config.sessionSecret));
  app.use(participantCookie(secure));

  const apiRouter = express.Router();
  apiRouter.use(express.json({ limit: '100kb' }));
  apiRouter.use(rejectOperators);
  apiRouter.use(originCheck(config.allowedOrigins));
  apiRouter.use(sessionMiddleware);
  apiRouter.use(passportSession);
  apiRouter.get('/openapi.json', (_req, res) => {
    res.json(buildOpenApi(api.docs, process.env.npm_package_version ?? '0.1.0'));
  });
  apiRouter.use(api.router);
  apiRouter.use(apiNotFound);
  apiRouter.use(errorHandler);
  app.use('/api', apiRouter);

  if (deps.webHandler) {
    // Form actions of the web app pass the same cross-site check as the API (SvelteKit's own
    // origin check is off: behind a proxy it cannot know the public origin).
    app.use(originCheck(config.allowedOrigins));
    app.use(citizenPages(ctx, [sessionMiddleware, passportSession]));
    app.use(deps.webHandler);
  }
  app.use(errorHandler);

  const close = async (): Promise<void> => {
    for (const stop of closers) stop();
    store.close();
    ctx.realtime.close();
    await io.close();
    await ctx.live.close();
    if (server.listening) await new Promise<void>((r) => server.close(() => r()));
  };

  return {
    app,
    io,
    server,
    api,
    ctx,
    drain,
    shutdown: async ({ timeoutMs = 10_000, graceMs = 1_000, reconnectJitterMs = 5_000 } = {}) => {
      drain.draining = true;
      // No new connections. A request on an open keep-alive connection is answered 503 with
      // `Connection: close`: http.Server#close would also drop idle keep-alive connections at
      // once, racing with a request a client is sending on one (ECONNRESET, an unanswered write).
      const closed = server.listening
        ? new Promise<void>((r) => NetServer.prototype.close.call(server, () => r()))
        : Promise.resolve();
      // Clients stop sending here; what they sent already is still answered below.
      io.local.emit('server.draining', { reconnectJitterMs });
      const grace = new Promise((r) => setTimeout(r, Math.min(graceMs, timeoutMs)));
      const [settled] = await Promise.all([drain.settled(timeoutMs), grace]);
      if (!settled) log.warn({ inFlight: drain.inFlight }, 'drain timed out');
      // Votes acknowledged so far are in the database; their counts are stored now.
      await ctx.live.stop().catch((err: unknown) => log.error({ err }, 'could not store counts'));
      io.local.disconnectSockets(true);
      await close();
      server.closeAllConnections();
      await closed;
      return { settled };
    },
    close: async () => {
      for (const stop of closers) stop();
      store.close();
      ctx.realtime.close();
      await io.close();
      await ctx.live.close();
      if (server.listening) await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
