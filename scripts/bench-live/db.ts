/**
 * The benchmark's one door to the database process: the embedded FerretDB the project ships
 * (through `startEmbeddedDb`), or the MongoDB in MONGODB_URI. When the embedded backend
 * changes (FerretDB over PostgreSQL), this is the file to adapt.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startEmbeddedDb } from '../../server/db/embedded';
import { projectRoot } from '../../server/config';

export interface BenchDb {
  uri: string;
  /** Short name of what runs the database, recorded in the result. */
  backend: string;
  /** Whether the database's files live in `dataDir` (and can be cached by copying them). */
  embedded: boolean;
  /** PIDs of the database's processes (for CPU figures); empty for an external MongoDB. */
  pids(): number[];
  /** FerretDB's PostgreSQL (embedded): pass to ensurePushdownIndexes after ensureIndexes. */
  postgresUrl?: string;
  stop(): Promise<void>;
}

export async function startBenchDb(dataDir: string, log: (l: string) => void): Promise<BenchDb> {
  const external = process.env.MONGODB_URI?.trim();
  if (external) {
    const url = new URL(external);
    url.pathname = `/bench_${randomBytes(4).toString('hex')}`;
    return {
      uri: url.toString(),
      backend: 'mongodb (MONGODB_URI)',
      embedded: false,
      pids: () => [],
      stop: async () => undefined,
    };
  }
  const db = await startEmbeddedDb({
    toolsDir: process.env.TOOLS_DIR ?? path.join(projectRoot, '.tools'),
    dataDir,
    log,
    supervise: false,
  });
  return {
    uri: db.uri,
    backend: 'ferretdb-postgresql (embedded)',
    embedded: true,
    // FerretDB and the PostgreSQL postmaster (its backends are separate processes, not counted).
    pids: () => [db.pid(), db.postgresPid()].filter((p): p is number => p !== undefined),
    postgresUrl: db.postgresUrl,
    stop: () => db.stop(),
  };
}
