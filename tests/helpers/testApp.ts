import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';
import mongoose from 'mongoose';
import { inject } from 'vitest';
import { createApp, type App } from '../../server/app';
import type { Clock } from '../../server/clock';
import { loadConfig } from '../../server/config';
import { connectDb, ensureIndexes } from '../../server/db/connect';
import { ensurePushdownIndexes } from '../../server/db/pushdownIndexes';
import path from 'node:path';
import { systemClock } from '../../server/clock';
import { CalendarStore } from '../../server/holidays/holiday';
import type { MailTransport } from '../../server/notify/mailer';
import { RoutingEngine } from '../../server/routing/engine';
import '../../server/catalog/service.model';

export interface TestApp extends App {
  baseUrl: string;
  dbName: string;
  stop(): Promise<void>;
}

/** Connects to a fresh database on the shared FerretDB and serves the app on a free port. */
export async function startTestApp(
  opts: {
    clock?: Clock;
    /** Route with the shipped classifier (default true). */
    routing?: boolean;
    mail?: MailTransport | null;
    env?: Record<string, string>;
    webHandler?: RequestHandler;
  } = {},
): Promise<TestApp> {
  const dbName = `t_${randomBytes(5).toString('hex')}`;
  await connectDb(`${inject('mongoBaseUri')}/${dbName}`);
  await ensureIndexes();
  await ensurePushdownIndexes(inject('postgresUrl'));
  const config = loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: 'test-secret-0123456789-0123456789-abcdef',
    LOGIN_RATE_LIMIT: '1000',
    DATA_DIR: path.join(os.tmpdir(), `forum-test-${dbName}`),
    ...opts.env,
  });
  const clock = opts.clock ?? systemClock;
  const calendar = new CalendarStore();
  await calendar.seedDefaults();
  const engine =
    opts.routing === false
      ? null
      : await RoutingEngine.create({
          clock,
          modelsDir: path.join(config.dataDir, 'models'),
          calendar: calendar.get,
        });
  const app = createApp({
    config,
    clock,
    engine,
    calendar,
    mail: opts.mail ?? null,
    webHandler: opts.webHandler,
  });
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  const { port } = app.server.address() as AddressInfo;
  return {
    ...app,
    baseUrl: `http://127.0.0.1:${port}`,
    dbName,
    stop: async () => {
      await app.close();
      await mongoose.connection.dropDatabase().catch(() => undefined);
      await mongoose.disconnect();
    },
  };
}
