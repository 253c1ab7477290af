// Backup and restore through the MongoDB wire protocol, so they work alike on the embedded
// database and on MongoDB. The file is gzip-compressed JSON lines (canonical Extended JSON, so
// every BSON type survives):
//   {"format":"forum-publik-backup","version":1,"createdAt":...,"database":"forum"}
//   {"collection":"votes","indexes":[...],"estimatedCount":1234}
//   {"doc":{...}}                              one line per document
//   {"end":"votes","count":1234}
//   ...                                        the next collections
//   {"complete":true,"collections":12,"documents":45678}
import { once } from 'node:events';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import mongoose from 'mongoose';
import { fmt, indexSpecs, READ_EXACT, throttle, userCollections } from './collections';

const { EJSON } = mongoose.mongo.BSON;
type Db = mongoose.mongo.Db;
type Document = mongoose.mongo.Document;
type IndexDescription = mongoose.mongo.IndexDescription;

export const BACKUP_FORMAT = 'forum-publik-backup';
export const BACKUP_VERSION = 1;

export class BackupError extends Error {}

export interface BackupSummary {
  collections: { name: string; count: number }[];
  documents: number;
}

const line = (v: unknown): string => EJSON.stringify(v, { relaxed: false }) + '\n';

/** Writes every collection of `db` to `file` (via `file.partial`, renamed when complete). */
export async function backupDatabase(
  db: Db,
  file: string,
  log: (line: string) => void = () => undefined,
): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const done = pipeline(out, createGzip({ level: 6 }), createWriteStream(partial));
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const summary: BackupSummary = { collections: [], documents: 0 };
  try {
    await write(
      line({
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        database: db.databaseName,
      }),
    );
    for (const name of await userCollections(db)) {
      const coll = db.collection(name);
      const estimated = await coll.estimatedDocumentCount();
      await write(
        line({ collection: name, indexes: await indexSpecs(coll), estimatedCount: estimated }),
      );
      const every = throttle(2000);
      let count = 0;
      for await (const doc of coll.find({}, { ...READ_EXACT, batchSize: 1000 })) {
        await write(line({ doc }));
        count += 1;
        const p = every(`[backup]   ${name}: ${fmt(count)} / ~${fmt(estimated)}`);
        if (p) log(p);
      }
      await write(line({ end: name, count }));
      const now = await coll.countDocuments();
      const drift = now !== count ? ` (the collection now has ${fmt(now)}: written meanwhile)` : '';
      log(`[backup] ${name}: ${fmt(count)} documents${drift}`);
      summary.collections.push({ name, count });
      summary.documents += count;
    }
    await write(
      line({
        complete: true,
        collections: summary.collections.length,
        documents: summary.documents,
      }),
    );
    out.end();
    await done;
    renameSync(partial, file);
    return summary;
  } catch (err) {
    out.destroy();
    await done.catch(() => undefined);
    rmSync(partial, { force: true });
    throw err;
  }
}

interface Pending {
  name: string;
  indexes: IndexDescription[];
  estimated: number;
  inserted: number;
  batch: Document[];
}

/**
 * Restores `file` into `db`. Every collection in the file must be empty or missing in `db`
 * unless `drop` (then the whole database is dropped first). Checks each collection's count
 * against the file and fails on a truncated file.
 */
export async function restoreDatabase(
  db: Db,
  file: string,
  opts: { drop?: boolean; log?: (line: string) => void; batchSize?: number } = {},
): Promise<BackupSummary> {
  const log = opts.log ?? (() => undefined);
  const batchSize = opts.batchSize ?? 1000;
  const existing = await userCollections(db);
  if (existing.length > 0) {
    if (!opts.drop) {
      let holding = 0;
      for (const name of existing) holding += await db.collection(name).estimatedDocumentCount();
      if (holding > 0) {
        throw new BackupError(
          `Database "${db.databaseName}" tidak kosong / is not empty (${existing.length} collections, ` +
            `${fmt(holding)} documents). Restore into an empty database, or pass --drop to replace it.`,
        );
      }
    }
    await db.dropDatabase();
  }
  const input = createReadStream(file).pipe(createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  const summary: BackupSummary = { collections: [], documents: 0 };
  let header: Document | undefined;
  let current: Pending | undefined;
  let complete = false;
  let lineNo = 0;
  const progress = new Map<string, ReturnType<typeof throttle>>();
  const flush = async (p: Pending): Promise<void> => {
    if (p.batch.length === 0) return;
    await db.collection(p.name).insertMany(p.batch, { ordered: true });
    p.inserted += p.batch.length;
    p.batch = [];
  };
  try {
    for await (const text of lines) {
      lineNo += 1;
      if (!text.trim()) continue;
      if (complete) throw new BackupError(`line ${lineNo}: data after the end marker`);
      const rec = EJSON.parse(text, { relaxed: false }) as Document;
      if (!header) {
        if (rec.format !== BACKUP_FORMAT) throw new BackupError('not a Forum Publik backup file');
        // Canonical Extended JSON: numbers come back as Int32/Double objects.
        if (Number(rec.version) !== BACKUP_VERSION)
          throw new BackupError(`backup format version ${Number(rec.version)} is not supported`);
        header = rec;
        log(`[restore] backup of "${rec.database}" made ${rec.createdAt}`);
        continue;
      }
      if ('doc' in rec) {
        if (!current) throw new BackupError(`line ${lineNo}: document outside a collection`);
        current.batch.push(rec.doc as Document);
        if (current.batch.length >= batchSize) {
          await flush(current);
          const every = progress.get(current.name);
          const p = every?.(
            `[restore]   ${current.name}: ${fmt(current.inserted)} / ~${fmt(current.estimated)}`,
          );
          if (p) log(p);
        }
      } else if ('collection' in rec) {
        if (current) throw new BackupError(`line ${lineNo}: ${current.name} was not closed`);
        current = {
          name: String(rec.collection),
          indexes: (rec.indexes ?? []) as IndexDescription[],
          estimated: Number(rec.estimatedCount ?? 0),
          inserted: 0,
          batch: [],
        };
        progress.set(current.name, throttle(2000));
        await db.createCollection(current.name).catch(() => undefined);
      } else if ('end' in rec) {
        if (!current || current.name !== rec.end)
          throw new BackupError(`line ${lineNo}: unexpected end of ${String(rec.end)}`);
        await flush(current);
        const want = Number(rec.count);
        const got = await db.collection(current.name).countDocuments();
        if (current.inserted !== want || got !== want) {
          throw new BackupError(
            `${current.name}: the file lists ${want} documents, ${current.inserted} were read and ` +
              `${got} are stored`,
          );
        }
        if (current.indexes.length > 0) {
          await db.collection(current.name).createIndexes(current.indexes);
        }
        log(`[restore] ${current.name}: ${fmt(got)} documents, ${current.indexes.length} indexes`);
        summary.collections.push({ name: current.name, count: got });
        summary.documents += got;
        current = undefined;
      } else if (rec.complete === true) {
        if (current) throw new BackupError(`${current.name} was not closed`);
        if (
          Number(rec.documents) !== summary.documents ||
          Number(rec.collections) !== summary.collections.length
        )
          throw new BackupError('the end marker does not match the data read');
        complete = true;
      } else {
        throw new BackupError(`line ${lineNo}: unknown record`);
      }
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'Z_BUF_ERROR' || e.code === 'Z_DATA_ERROR' || e instanceof SyntaxError)
      throw new BackupError(`damaged or truncated backup file (line ${lineNo}): ${e.message}`);
    throw err;
  }
  if (!header) throw new BackupError('empty backup file');
  if (!complete) throw new BackupError('truncated backup file: the end marker is missing');
  return summary;
}
