import mongoose from 'mongoose';
import { observeDbCommands } from '../metrics/metrics';

/** How long an operation waits for an unreachable database before failing. */
export const DB_WAIT_MS = 2500;

/** Connects mongoose and builds the indexes declared in the schemas. */
export async function connectDb(uri: string): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  // Indexes are created explicitly below, once, after every model is registered.
  mongoose.set('autoIndex', false);
  // Fail fast while the database is unreachable: a request answers 503 db_unavailable within
  // about 2.5 s instead of waiting for the driver's defaults (30 s) or mongoose's buffer (10 s).
  mongoose.set('bufferTimeoutMS', DB_WAIT_MS);
  await mongoose.connect(uri, {
    serverSelectionTimeoutMS: DB_WAIT_MS,
    connectTimeoutMS: 5000,
    heartbeatFrequencyMS: 2000,
    // Command monitoring feeds the DB latency histogram of /api/metrics.
    monitorCommands: true,
  });
  observeDbCommands(mongoose.connection.getClient());
  return mongoose;
}

export async function ensureIndexes(): Promise<void> {
  for (const model of Object.values(mongoose.models)) {
    await model.createIndexes();
  }
}

/** Pings the database; false when it does not answer within `timeoutMs`. */
export async function pingDb(timeoutMs = 1500): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    const ping = db.admin().command({ ping: 1 }, { timeoutMS: timeoutMs });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
    });
    await Promise.race([ping, timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
