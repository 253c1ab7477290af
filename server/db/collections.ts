// Listing, copying and indexing collections through the MongoDB wire protocol (works the same on
// MongoDB and on FerretDB). Documents are read with promoteValues off so that every BSON type
// (Int32 vs Double, Long, Decimal128) survives a copy exactly.
import mongoose from 'mongoose';

export const { MongoClient } = mongoose.mongo;
export type MongoClientT = mongoose.mongo.MongoClient;
type Collection = mongoose.mongo.Collection;
type CreateIndexesOptions = mongoose.mongo.CreateIndexesOptions;
type Db = mongoose.mongo.Db;
type Document = mongoose.mongo.Document;
type IndexDescription = mongoose.mongo.IndexDescription;

export const READ_EXACT = { promoteValues: false, promoteBuffers: false } as const;

const SYSTEM_DBS = new Set(['admin', 'config', 'local']);

export async function userDatabases(client: MongoClientT): Promise<string[]> {
  const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true });
  return databases.map((d) => d.name).filter((n) => !SYSTEM_DBS.has(n));
}

export async function userCollections(db: Db): Promise<string[]> {
  const list = await db.listCollections({}, { nameOnly: true }).toArray();
  return list
    .filter((c) => (c.type ?? 'collection') === 'collection' && !c.name.startsWith('system.'))
    .map((c) => c.name)
    .sort();
}

/** The indexes of `coll` other than `_id_`, as createIndexes() takes them. */
export async function indexSpecs(coll: Collection): Promise<IndexDescription[]> {
  const list = (await coll.listIndexes().toArray()) as Document[];
  const specs: IndexDescription[] = [];
  for (const ix of list) {
    if (ix.name === '_id_') continue;
    const spec: Record<string, unknown> = { key: ix.key, name: ix.name };
    for (const opt of ['unique', 'sparse', 'expireAfterSeconds', 'partialFilterExpression']) {
      if (ix[opt] !== undefined) spec[opt] = ix[opt];
    }
    specs.push(spec as unknown as IndexDescription);
  }
  return specs;
}

export async function createIndexSpecs(coll: Collection, specs: IndexDescription[]): Promise<void> {
  if (specs.length === 0) return;
  await coll.createIndexes(specs as (IndexDescription & CreateIndexesOptions)[]);
}

export interface CopyProgress {
  collection: string;
  done: number;
  total: number;
}

/**
 * Copies every document of `from` into `to` with insertMany in batches. `onProgress` is called
 * after each batch. Resolves with the number of documents copied.
 */
export async function copyCollection(
  from: Collection,
  to: Collection,
  opts: { batchSize?: number; onProgress?: (p: CopyProgress) => void } = {},
): Promise<number> {
  const batchSize = opts.batchSize ?? 1000;
  const total = await from.estimatedDocumentCount();
  let batch: Document[] = [];
  let done = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await to.insertMany(batch, { ordered: true });
    done += batch.length;
    batch = [];
    opts.onProgress?.({ collection: from.collectionName, done, total });
  };
  for await (const doc of from.find({}, { ...READ_EXACT, batchSize })) {
    batch.push(doc);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return done;
}

/** A progress line every `everyMs` at most, the first after `everyMs` (`last` always passes). */
export function throttle(everyMs: number): (line: string, last?: boolean) => string | undefined {
  let at = Date.now();
  return (line, last = false) => {
    const now = Date.now();
    if (!last && now - at < everyMs) return undefined;
    at = now;
    return line;
  };
}

export const fmt = (n: number): string => n.toLocaleString('en-US');
