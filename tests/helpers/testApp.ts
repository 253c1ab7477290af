import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';
import mongoose from 'mongoose';
import { inject } from 'vitest';
import { createApp, type App } from '../../server/app';
import type { Clock } from '../../server/clock';
import { loadConfig } from '../../server/config';
import { connectDb, ensureIndexes } from '../../server/db/connect';
import type { RoutingPort } from '../../server/forums/context';
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
    routing?: RoutingPort;
    env?: Record<string, string>;
    webHandler?: RequestHandler;
  } = {},
): Promise<TestApp> {
  const dbName = `t_${randomBytes(5).toString('hex')}`;
  await connectDb(`${inject('mongoBaseUri')}/${dbName}`);
  await ensureIndexes();
  const config = loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: 'test-secret-0123456789-0123456789-abcdef',
    LOGIN_RATE_LIMIT: '1000',
    ...opts.env,
  });
  const app = createApp({
    config,
    clock: opts.clock,
    routing: opts.routing,
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
