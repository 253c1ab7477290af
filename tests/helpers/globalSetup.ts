import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDb, type EmbeddedDb } from '../../server/db/embedded';
import { projectRoot } from '../../server/config';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoBaseUri: string;
    ferretPort: number;
    /** FerretDB's PostgreSQL database, for ensurePushdownIndexes(). */
    postgresUrl: string;
  }
}

let db: EmbeddedDb | undefined;
let dir: string | undefined;

/**
 * One real PostgreSQL + FerretDB for the whole run, on free ports in a temporary folder (each test
 * app then uses its own database in it). fsync is off: this data need not survive a power cut,
 * only the crash of a process, which synchronous_commit (on) covers.
 */
export async function setup(project: TestProject): Promise<void> {
  dir = mkdtempSync(path.join(os.tmpdir(), 'forum-test-db-'));
  chmodSync(dir, 0o755);
  db = await startEmbeddedDb({
    toolsDir: process.env.TOOLS_DIR ?? path.join(projectRoot, '.tools'),
    dataDir: dir,
    postgresSettings: { fsync: 'off', full_page_writes: 'off' },
    log: (l) => process.stderr.write(l + '\n'),
  });
  project.provide('mongoBaseUri', `mongodb://127.0.0.1:${db.port}`);
  project.provide('ferretPort', db.port);
  project.provide('postgresUrl', db.postgresUrl);
}

export async function teardown(): Promise<void> {
  await db?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
