import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RequestHandler } from 'express';
import mongoose from 'mongoose';
import { createApp } from './app';
import { ConfigError, loadConfig, projectRoot } from './config';
import { connectDb, ensureIndexes } from './db/connect';
import { startDatabase } from './db/database';
import { DatabaseSetupError } from './db/errors';
import { ensurePushdownIndexes } from './db/pushdownIndexes';
import { seedDemo } from './seed/demo';
import { refuseDemoAccounts } from './seed/demoGuard';
import { migrateRoles } from './auth/roles.migration';
import { migrateUppTimeZones } from './admin/timezone.migration';
import { seedCatalog } from './catalog/catalog.seed';
import { systemClock } from './clock';
import { startJobs } from './domain';
import { CalendarStore } from './holidays/holiday';
import { smtpTransport } from './notify/mailer';
import { modelsDir, RoutingEngine } from './routing/engine';
import { connectCoordinator } from './live/connect';
import { installProcessGuards } from './lib/processGuards';
import { createLogger, detach, log, useLogger } from './lib/logger';
import { devSecretFile, loadOrCreateDevSecret } from './auth/devSecret';

async function loadWebHandler(): Promise<RequestHandler | undefined> {
  const file = path.join(projectRoot, 'web', 'build', 'handler.js');
  if (!existsSync(file)) {
    log.warn({ scope: 'web' }, 'web/build is missing: run `npm run build` to serve the web app.');
    return undefined;
  }
  const mod = (await import(pathToFileURL(file).href)) as { handler: RequestHandler };
  return mod.handler;
}

async function main(): Promise<void> {
  installProcessGuards();
  const config = loadConfig();
  useLogger(
    createLogger({
      level: config.logLevel,
      format: config.env === 'production' ? 'json' : 'short',
    }),
  );
  if (config.sessionSecretGenerated) {
    // Development: a generated secret kept in DATA_DIR, so restarts keep citizens' cookies.
    const dev = loadOrCreateDevSecret(config.dataDir);
    config.sessionSecret = dev.secret;
    log.warn(
      { scope: 'config', file: devSecretFile(config.dataDir) },
      dev.created
        ? 'SESSION_SECRET not set: generated one for development'
        : 'SESSION_SECRET not set: using the development secret',
    );
  }
  if (config.seedDemoSkipped) log.warn({ scope: 'config' }, config.seedDemoSkipped);
  const db = await startDatabase(config);
  const coordination = await connectCoordinator(config);
  log.info(
    { scope: 'live' },
    config.redisUrl
      ? '[live] Redis coordination: several processes may serve'
      : '[live] single process (set REDIS_URL to run several)',
  );
  /** Start-up writes run in one process at a time when several start together. */
  const once = <T>(fn: () => Promise<T>) =>
    coordination.coordinator.withLock('startup', fn, { ttlMs: 300_000, waitMs: 600_000 });
  await connectDb(db.uri);
  await once(async () => {
    await ensureIndexes();
    await ensurePushdownIndexes(db.postgresUrl);
  });
  await once(async () => {
    const m = await migrateRoles();
    if (m.agencyAdmins)
      log.info({ scope: 'roles', count: m.agencyAdmins }, 'admins with an agency -> agency_admin');
    if (m.platformAdmins.length) {
      // Counted, not listed: the log holds no e-mail addresses (the admin screens list them).
      log.warn(
        { scope: 'roles', count: m.platformAdmins.length },
        'admins without an agency -> platform_admin: please review the platform admins',
      );
    }
    if (m.cleaned)
      log.info(
        { scope: 'roles', count: m.cleaned },
        'accounts lost a field their role does not have',
      );
    const zoned = await migrateUppTimeZones();
    if (zoned)
      log.info(
        { scope: 'upp', count: zoned },
        'UPPs without a time zone set to Asia/Jakarta (WIB)',
      );
  });
  if (config.env === 'production') await refuseDemoAccounts();
  const calendar = new CalendarStore();
  await once(() => calendar.seedDefaults());
  const engine = await RoutingEngine.create({
    clock: systemClock,
    modelsDir: modelsDir(config.dataDir),
    calendar: calendar.get,
  });
  log.info(
    { scope: 'routing', model: engine.version, threshold: engine.threshold },
    'routing model loaded',
  );
  const mail = config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : null;
  if (!mail)
    log.info(
      { scope: 'mail' },
      'SMTP_URL not set: e-mails wait in the outbox until it is configured',
    );
  const {
    server,
    shutdown: drainApp,
    ctx,
  } = createApp({
    config,
    engine,
    calendar,
    mail,
    webHandler: await loadWebHandler(),
    coordinator: coordination.coordinator,
    ioAdapter: coordination.ioAdapter,
  });
  await once(async () => {
    await seedCatalog((l) => log.info({ scope: 'seed' }, l));
    if (config.seedDemo) await seedDemo({ log: (l) => log.info({ scope: 'seed' }, l), ctx });
    // Counts stored before a crash may be behind the vote documents: rebuild them.
    const reconciled = await ctx.live.reconcileAccepting();
    if (reconciled) log.info({ scope: 'live', forums: reconciled }, 'vote counts rebuilt');
  });
  const stopJobs = startJobs(ctx, mail);

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new ConfigError(
              `Port ${config.port} sudah dipakai / is already in use: stop the other process or set PORT.`,
            )
          : err,
      ),
    );
    server.listen(config.port, config.host, resolve);
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const shown =
    config.loopbackOnly || ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host;
  log.info({ scope: 'http' }, `Forum Publik siap / ready: http://${shown}:${port}`);
  log.info(
    { scope: 'http' },
    config.loopbackOnly
      ? `[http] listening on ${config.host}:${port} (this machine only; set HOST to open it)`
      : `[http] listening on ${config.host}:${port}`,
  );

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info({ scope: 'app', signal }, 'draining (in-flight work finishes, then exit)');
    stopJobs();
    const drained = await drainApp({ timeoutMs: 10_000 }).catch((err: unknown) => {
      log.error({ scope: 'app', err }, 'drain failed');
      return { settled: false };
    });
    await coordination.close().catch(() => undefined);
    await mongoose.disconnect().catch(() => undefined);
    await db.stop();
    log.info({ scope: 'app' }, drained.settled ? 'stopped: drained' : 'stopped: drain timed out');
    log.flush();
    process.exit(0);
  };
  process.on('SIGINT', () => detach(shutdown('SIGINT'), 'shutdown'));
  process.on('SIGTERM', () => detach(shutdown('SIGTERM'), 'shutdown'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DatabaseSetupError) {
    // Said plainly, whatever the log level: the operator must read it to fix the start.
    process.stderr.write(`\n${err.message}\n\n`);
  } else {
    log.fatal({ scope: 'app', err }, 'failed to start');
    log.flush();
  }
  process.exit(1);
});
