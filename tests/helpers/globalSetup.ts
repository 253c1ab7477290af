import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDb, type EmbeddedDb } from '../../server/db/embedded';
import { projectRoot } from '../../server/config';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoBaseUri: string;
    ferretPort: number;
  }
}

let db: EmbeddedDb | undefined;
let dir: string | undefined;

/** One real FerretDB (SQLite) for the whole run, on a free port in a temporary folder. */
export async function setup(project: TestProject): Promise<void> {
  dir = mkdtempSync(path.join(os.tmpdir(), 'forum-test-db-'));
  db = await startEmbeddedDb({
    toolsDir: process.env.TOOLS_DIR ?? path.join(projectRoot, '.tools'),
    dataDir: dir,
    log: (l) => process.stderr.write(l + '\n'),
  });
  project.provide('mongoBaseUri', `mongodb://127.0.0.1:${db.port}`);
  project.provide('ferretPort', db.port);
}

export async function teardown(): Promise<void> {
  await db?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
