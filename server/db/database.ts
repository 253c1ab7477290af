// Which database the server uses: MongoDB at MONGODB_URI, or the embedded one in DATA_DIR.
import { log as logger } from '../lib/logger';
import type { Config } from '../config';
import { startEmbeddedDb, type EmbeddedDb } from './embedded';
import { liveHolder } from './lock';

export interface Database {
  /** MongoDB connection string including the database name. */
  uri: string;
  /** FerretDB's PostgreSQL database (embedded or FERRETDB_POSTGRES_URL); unset on MongoDB. */
  postgresUrl?: string;
  /** The embedded processes, when this process started them. */
  embedded?: EmbeddedDb;
  /** Stops what this process started (nothing for MongoDB or an attached database). */
  stop(): Promise<void>;
}

const noop = async (): Promise<void> => undefined;

/**
 * MONGODB_URI set: that MongoDB, nothing started. Otherwise the embedded database in DATA_DIR
 * (PostgreSQL + FerretDB; FERRETDB_POSTGRES_URL runs FerretDB over that PostgreSQL instead;
 * FERRETDB_PORT fixes FerretDB's port).
 */
export async function startDatabase(
  config: Pick<Config, 'mongodbUri' | 'dataDir' | 'toolsDir'>,
  opts: { env?: NodeJS.ProcessEnv; log?: (line: string) => void } = {},
): Promise<Database> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? ((l: string) => logger.info({ scope: 'db' }, l));
  if (config.mongodbUri) return { uri: config.mongodbUri, stop: noop };
  const external = env.FERRETDB_POSTGRES_URL?.trim() || undefined;
  const embedded = await startEmbeddedDb({
    toolsDir: config.toolsDir,
    dataDir: config.dataDir,
    port: Number(env.FERRETDB_PORT ?? 0),
    postgresUrl: external,
    log,
  });
  log(
    `[db] embedded FerretDB on ${embedded.uri} (pid ${embedded.pid()}) over ` +
      (external
        ? 'FERRETDB_POSTGRES_URL'
        : `PostgreSQL in ${config.dataDir}/pg (pid ${embedded.postgresPid()})`),
  );
  return { uri: embedded.uri, postgresUrl: embedded.postgresUrl, embedded, stop: embedded.stop };
}

/**
 * For command-line tools (backup, restore, create-admin): MONGODB_URI if set; else the embedded
 * database of a server running on DATA_DIR (found through its lock file), or, when none runs,
 * an embedded database started for the duration of the tool.
 */
export async function openDatabase(
  config: Pick<Config, 'mongodbUri' | 'dataDir' | 'toolsDir'>,
  opts: { env?: NodeJS.ProcessEnv; log?: (line: string) => void } = {},
): Promise<Database & { attached: boolean }> {
  if (!config.mongodbUri) {
    const holder = liveHolder(config.dataDir);
    if (holder?.mongodbUri) {
      return {
        uri: holder.mongodbUri,
        postgresUrl: holder.postgresUrl,
        stop: noop,
        attached: true,
      };
    }
  }
  return { ...(await startDatabase(config, opts)), attached: false };
}
