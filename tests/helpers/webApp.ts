import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RequestHandler } from 'express';
import { projectRoot } from '../../server/config';
import { startTestApp, type TestApp } from './testApp';

/** The app with the built SvelteKit front end, as `npm start` serves it. */
export async function startWebApp(opts: Parameters<typeof startTestApp>[0] = {}): Promise<TestApp> {
  const file = path.join(projectRoot, 'web', 'build', 'handler.js');
  if (!existsSync(file)) throw new Error('web/build is missing: run `npm run build:web` first');
  const { handler } = (await import(pathToFileURL(file).href)) as { handler: RequestHandler };
  return startTestApp({ ...opts, webHandler: handler });
}
