// One-time move of a development database from FerretDB-on-SQLite (DATA_DIR/sqlite, used by
// earlier versions) to the FerretDB-on-PostgreSQL that replaced it.
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  copyCollection,
  createIndexSpecs,
  fmt,
  indexSpecs,
  MongoClient,
  throttle,
  userCollections,
  userDatabases,
} from './collections';
import { startFerret } from './ferretdb';
import { freePort } from './procs';

export interface MigrateOptions {
  dataDir: string;
  ferretBin: string;
  /** mongodb://host:port of the new (PostgreSQL) FerretDB. */
  targetBaseUri: string;
  log: (line: string) => void;
  batchSize?: number;
}

/** Marks a migration in progress: if present at start, the previous attempt was interrupted. */
const MARKER = 'migration-from-sqlite.json';

export function sqliteFolder(dataDir: string): string {
  return path.join(dataDir, 'sqlite');
}

function hasSqliteData(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.sqlite'));
}

function stamp(d = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/**
 * If `DATA_DIR/sqlite` holds an earlier version's data and the new database is empty (or an
 * earlier migration was interrupted), copies every collection and its indexes over, checks the
 * counts, and renames the old folder to `sqlite.migrated-<date>`. Resolves true when it migrated.
 */
export async function migrateFromSqlite(opts: MigrateOptions): Promise<boolean> {
  const { dataDir, log } = opts;
  const sqliteDir = sqliteFolder(dataDir);
  if (!hasSqliteData(sqliteDir)) return false;
  const marker = path.join(dataDir, MARKER);
  const resumed = existsSync(marker);
  const target = new MongoClient(opts.targetBaseUri, { serverSelectionTimeoutMS: 10_000 });
  await target.connect();
  let source: InstanceType<typeof MongoClient> | undefined;
  let old: Awaited<ReturnType<typeof startFerret>> | undefined;
  const stateDir = path.join(dataDir, 'state-migration');
  try {
    const existing = await userDatabases(target);
    if (existing.length > 0 && !resumed) {
      log(
        `[db] ${sqliteDir} (old SQLite data) is not migrated: the PostgreSQL database already holds ` +
          `${existing.join(', ')}. Move the folder away to silence this line.`,
      );
      return false;
    }
    const started = Date.now();
    log(`[db] Migrating the old SQLite database (${sqliteDir}) to PostgreSQL...`);
    writeFileSync(marker, JSON.stringify({ startedAt: new Date().toISOString() }) + '\n');
    // An interrupted attempt left part of the data: start over.
    for (const name of existing) await target.db(name).dropDatabase();

    const port = await freePort();
    old = await startFerret({
      bin: opts.ferretBin,
      backend: { sqliteDir },
      port,
      stateDir,
      log,
      supervise: false,
    });
    source = new MongoClient(`mongodb://127.0.0.1:${port}`, { serverSelectionTimeoutMS: 10_000 });
    await source.connect();
    let totalDocs = 0;
    let totalColls = 0;
    for (const dbName of await userDatabases(source)) {
      const from = source.db(dbName);
      const to = target.db(dbName);
      for (const name of await userCollections(from)) {
        const every = throttle(2000);
        const src = from.collection(name);
        const dst = to.collection(name);
        await to.createCollection(name).catch(() => undefined);
        const copied = await copyCollection(src, dst, {
          batchSize: opts.batchSize,
          onProgress: (p) => {
            const line = every(`[db]   ${dbName}.${name}: ${fmt(p.done)} / ${fmt(p.total)}`);
            if (line) log(line);
          },
        });
        await createIndexSpecs(dst, await indexSpecs(src));
        const [want, got] = [await src.countDocuments(), await dst.countDocuments()];
        if (want !== got) {
          throw new Error(`count mismatch in ${dbName}.${name}: ${want} in SQLite, ${got} copied`);
        }
        log(`[db]   ${dbName}.${name}: ${fmt(copied)} documents`);
        totalDocs += copied;
        totalColls += 1;
      }
    }
    await source.close();
    source = undefined;
    await old.stop();
    old = undefined;
    const moved = `${sqliteDir}.migrated-${stamp()}`;
    renameSync(sqliteDir, moved);
    rmSync(marker, { force: true });
    rmSync(stateDir, { recursive: true, force: true });
    log(
      `[db] Migrated ${fmt(totalDocs)} documents in ${totalColls} collections in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s; the old folder is now ${moved}`,
    );
    return true;
  } finally {
    await source?.close().catch(() => undefined);
    await old?.stop();
    await target.close();
  }
}
