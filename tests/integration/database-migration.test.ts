import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config';
import { startEmbeddedDb } from '../../server/db/embedded';
import { startFerret } from '../../server/db/ferretdb';
import { ensureFerretdb } from '../../server/db/ferretdbBinary';
import { freePort } from '../../server/db/procs';
import { tempDataDir } from '../helpers/dbProcess';

const { ObjectId, Int32, Double, Long, EJSON } = mongoose.mongo.BSON;
const { MongoClient } = mongoose.mongo;
const toolsDir = process.env.TOOLS_DIR ?? path.join(projectRoot, '.tools');
const dir = tempDataDir('forum-migrate-');
const forumId = new ObjectId();
const votes = Array.from({ length: 2500 }, (_, i) => ({
  _id: new ObjectId(),
  forumId,
  inputId: new ObjectId(),
  voterKey: `v${i}`,
  createdAt: new Date(1_700_000_000_000 + i),
}));
const typed = {
  _id: 'typed',
  int: new Int32(7),
  double: new Double(7),
  long: Long.fromNumber(2 ** 40),
  nested: { list: [1, 'two', { three: 3 }], at: new Date(0) },
};

/** Writes the data with FerretDB on SQLite, as the previous version stored it in DATA_DIR/sqlite. */
async function writeOldFormat(): Promise<void> {
  const port = await freePort();
  const old = await startFerret({
    bin: await ensureFerretdb(toolsDir),
    backend: { sqliteDir: path.join(dir, 'sqlite') },
    port,
    stateDir: path.join(dir, 'state'),
    log: () => undefined,
    supervise: false,
  });
  const client = await new MongoClient(`mongodb://127.0.0.1:${port}`).connect();
  try {
    const db = client.db('forum');
    await db.collection('votes').insertMany(votes);
    await db.collection('votes').createIndex({ inputId: 1, voterKey: 1 }, { unique: true });
    await db.collection('votes').createIndex({ forumId: 1, voterKey: 1 });
    await db.collection<{ _id: string }>('types').insertOne(typed);
    await client.db('other').collection('notes').insertOne({ text: 'second database' });
  } finally {
    await client.close();
    await old.stop();
  }
}

const exact = (v: unknown): string => EJSON.stringify(v, { relaxed: false });

async function migratedContents(logs: string[]) {
  const db = await startEmbeddedDb({ toolsDir, dataDir: dir, log: (l) => logs.push(l) });
  const client = await new MongoClient(`mongodb://127.0.0.1:${db.port}`).connect();
  try {
    const forum = client.db('forum');
    return {
      votes: await forum
        .collection('votes')
        .find({}, { promoteValues: false })
        .sort({ voterKey: 1 })
        .toArray(),
      typed: await forum
        .collection('types')
        .findOne({ _id: 'typed' as never }, { promoteValues: false }),
      notes: await client.db('other').collection('notes').countDocuments(),
      indexes: (await forum.collection('votes').indexes()).map((i) => i.name).sort(),
      duplicate: await forum
        .collection('votes')
        .insertOne({ inputId: votes[0]!.inputId, voterKey: 'v0', forumId })
        .then(
          () => 'inserted',
          (err: { code?: number }) => err.code,
        ),
    };
  } finally {
    await client.close();
    await db.stop();
  }
}

beforeAll(writeOldFormat);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration from the SQLite database of earlier versions', () => {
  it('copies every collection and index on first start, then renames the old folder', async () => {
    const logs: string[] = [];
    const got = await migratedContents(logs);
    expect(got.votes).toHaveLength(votes.length);
    const want = [...votes].sort((a, b) => (a.voterKey < b.voterKey ? -1 : 1));
    expect(got.votes.map(exact)).toEqual(want.map(exact));
    // Int32, Double and Long stay what they were.
    expect(exact(got.typed)).toBe(exact(typed));
    expect(got.notes).toBe(1);
    expect(got.indexes).toEqual(['_id_', 'forumId_1_voterKey_1', 'inputId_1_voterKey_1']);
    expect(got.duplicate).toBe(11000);
    expect(existsSync(path.join(dir, 'sqlite'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('sqlite.migrated-'))).toHaveLength(1);
    expect(logs.some((l) => /forum\.votes: 2,500 documents/.test(l))).toBe(true);
    expect(logs.some((l) => /Migrated 2,502 documents in 3 collections/.test(l))).toBe(true);
  });

  it('starts over after an interrupted migration instead of keeping half the data', async () => {
    // As if the server had died while copying: the old folder and the marker are still there.
    const [moved] = readdirSync(dir).filter((f) => f.startsWith('sqlite.migrated-'));
    renameSync(path.join(dir, moved!), path.join(dir, 'sqlite'));
    writeFileSync(path.join(dir, 'migration-from-sqlite.json'), '{}\n');
    const logs: string[] = [];
    const got = await migratedContents(logs);
    expect(got.votes).toHaveLength(votes.length);
    expect(logs.some((l) => /Migrating the old SQLite database/.test(l))).toBe(true);
    expect(existsSync(path.join(dir, 'migration-from-sqlite.json'))).toBe(false);
  });

  it('leaves an old folder alone when the new database already holds data', async () => {
    const [moved] = readdirSync(dir).filter((f) => f.startsWith('sqlite.migrated-'));
    renameSync(path.join(dir, moved!), path.join(dir, 'sqlite'));
    const logs: string[] = [];
    const got = await migratedContents(logs);
    expect(got.votes).toHaveLength(votes.length);
    expect(existsSync(path.join(dir, 'sqlite'))).toBe(true);
    expect(logs.some((l) => /is not migrated: the PostgreSQL database already holds/.test(l))).toBe(
      true,
    );
  });
});
