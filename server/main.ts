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
import { seedCatalog } from './catalog/catalog.seed';
import { systemClock } from './clock';
import { startJobs } from './domain';
import { CalendarStore } from './inbox/holiday';
import { smtpTransport } from './notify/mailer';
import { modelsDir, RoutingEngine } from './routing/engine';
import { connectCoordinator } from './live/connect';
import { detach } from './lib/logger';
import { installProcessGuards } from './lib/processGuards';

async function loadWebHandler(): Promise<RequestHandler | undefined> {
  const file = path.join(projectRoot, 'web', 'build', 'handler.js');
  if (!existsSync(file)) {
    console.warn('[web] web/build is missing: run `npm run build` to serve the web app.');
    return undefined;
  }
  const mod = (await import(pathToFileURL(file).href)) as { handler: RequestHandler };
  return mod.handler;
}

async function main(): Promise<void> {
  installProcessGuards();
  const config = loadConfig();
  if (config.sessionSecretGenerated) {
    console.warn('[config] SESSION_SECRET not set: using a random one (sessions end at restart).');
  }
  if (config.seedDemoSkipped) console.warn(`[config] ${config.seedDemoSkipped}`);
  const db = await startDatabase(config);
  const coordination = await connectCoordinator(config);
  console.log(
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
      console.log(`[roles] ${m.agencyAdmins} admin(s) with an agency -> agency_admin`);
    if (m.platformAdmins.length) {
      console.warn(
        `[roles] admin(s) without an agency -> platform_admin, please review: ${m.platformAdmins.join(', ')}`,
      );
    }
    if (m.cleaned)
      console.log(`[roles] ${m.cleaned} account(s) lost a field their role does not have`);
  });
  if (config.env === 'production') await refuseDemoAccounts();
  const calendar = new CalendarStore();
  await once(() => calendar.seedDefaults());
  const engine = await RoutingEngine.create({
    clock: systemClock,
    modelsDir: modelsDir(config.dataDir),
    calendar: calendar.get,
  });
  console.log(
    `[routing] model ${engine.version} (auto-route at confidence >= ${engine.threshold})`,
  );
  const mail = config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : null;
  if (!mail)
    console.log('[mail] SMTP_URL not set: e-mails wait in the outbox until it is configured.');
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
    await seedCatalog((l) => console.log(l));
    if (config.seedDemo) await seedDemo({ log: (l) => console.log(l), ctx });
    // Counts stored before a crash may be behind the vote documents: rebuild them.
    const reconciled = await ctx.live.reconcileAccepting();
    if (reconciled) console.log(`[live] vote counts rebuilt for ${reconciled} open forum(s)`);
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
  console.log(`[http] Forum Publik siap / ready: http://${shown}:${port}`);
  console.log(
    config.loopbackOnly
      ? `[http] listening on ${config.host}:${port} (this machine only; set HOST to open it)`
      : `[http] listening on ${config.host}:${port}`,
  );

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`[app] ${signal}: draining (in-flight work finishes, then exit)`);
    stopJobs();
    const drained = await drainApp({ timeoutMs: 10_000 }).catch((err: unknown) => {
      console.error('[app] drain failed', err);
      return { settled: false };
    });
    await coordination.close().catch(() => undefined);
    await mongoose.disconnect().catch(() => undefined);
    await db.stop();
    console.log(`[app] stopped (${drained.settled ? 'drained' : 'drain timed out'})`);
    process.exit(0);
  };
  process.on('SIGINT', () => detach(shutdown('SIGINT'), 'shutdown'));
  process.on('SIGTERM', () => detach(shutdown('SIGTERM'), 'shutdown'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DatabaseSetupError) {
    console.error(`\n${err.message}\n`);
  } else {
    console.error('[app] failed to start:', err);
  }
  process.exit(1);
});
