// `npm run restore -- FILE [--drop]`: loads a backup made by `npm run backup` into the database
// (MONGODB_URI, or the embedded one in DATA_DIR, which must not be in use by a running server).
import path from 'node:path';
import mongoose from 'mongoose';
import { loadConfig } from '../server/config';
import { BackupError, restoreDatabase } from '../server/db/backup';
import { openDatabase } from '../server/db/database';
import { DatabaseSetupError } from '../server/db/errors';

const args = process.argv.slice(2);
const drop = args.includes('--drop');
const [fileArg] = args.filter((a) => !a.startsWith('--'));
if (!fileArg) {
  console.error('Usage: npm run restore -- FILE [--drop]');
  process.exit(2);
}
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), fileArg);
const config = loadConfig({ ...process.env, SESSION_SECRET: 'x'.repeat(32) });
const log = (l: string): void => console.error(l);
let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
try {
  db = await openDatabase(config, { log });
  if (db.attached) {
    throw new BackupError(
      `Server masih berjalan / a server is running on ${config.dataDir}: stop it before restoring.`,
    );
  }
  const client = new mongoose.mongo.MongoClient(db.uri);
  await client.connect();
  try {
    const started = Date.now();
    const s = await restoreDatabase(client.db(), file, { drop, log });
    log(
      `[restore] ${s.documents.toLocaleString('en-US')} documents in ${s.collections.length} ` +
        `collections restored into "${client.db().databaseName}" in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await client.close();
  }
} catch (err) {
  const known = err instanceof DatabaseSetupError || err instanceof BackupError;
  console.error(known ? `[restore] ${(err as Error).message}` : err);
  process.exitCode = 1;
} finally {
  await db?.stop();
}
