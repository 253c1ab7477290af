// `npm run backup -- FILE`: writes the whole database to FILE (gzip, Extended JSON lines).
// Works on MONGODB_URI, on the embedded database of a running server, or starts it if none runs.
import path from 'node:path';
import mongoose from 'mongoose';
import { loadConfig } from '../server/config';
import { backupDatabase } from '../server/db/backup';
import { openDatabase } from '../server/db/database';
import { DatabaseSetupError } from '../server/db/errors';

const [fileArg] = process.argv.slice(2);
if (!fileArg || fileArg.startsWith('-')) {
  console.error('Usage: npm run backup -- FILE   (e.g. backups/forum-2025-01-31.jsonl.gz)');
  process.exit(2);
}
// npm runs scripts in the project folder; a relative FILE means the folder npm was called from.
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), fileArg);
const config = loadConfig({ ...process.env, SESSION_SECRET: 'x'.repeat(32) });
const log = (l: string): void => console.error(l);
let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
try {
  db = await openDatabase(config, { log });
  if (db.attached) log(`[backup] reading from the server running on ${config.dataDir}`);
  const client = new mongoose.mongo.MongoClient(db.uri);
  await client.connect();
  try {
    const started = Date.now();
    const s = await backupDatabase(client.db(), file, log);
    log(
      `[backup] ${s.documents.toLocaleString('en-US')} documents in ${s.collections.length} ` +
        `collections written to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await client.close();
  }
} catch (err) {
  console.error(err instanceof DatabaseSetupError ? err.message : err);
  process.exitCode = 1;
} finally {
  await db?.stop();
}
