import mongoose from 'mongoose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  ensurePushdownIndexes,
  pushdownFields,
  pushdownIndexName,
} from '../../server/db/pushdownIndexes';
import { eventually } from '../helpers/sockets';
import { startTestApp, type TestApp } from '../helpers/testApp';

const { ObjectId } = mongoose.mongo;
let app: TestApp;
let sql: pg.Client;

beforeAll(async () => {
  app = await startTestApp({ routing: false });
  sql = new pg.Client({ connectionString: inject('postgresUrl') });
  await sql.connect();
});

afterAll(async () => {
  await sql.end();
  await app.stop();
});

async function tableOf(coll: string): Promise<string> {
  const r = await sql.query<{ tbl: string }>(
    `SELECT _jsonb->>'table' AS tbl FROM "${app.dbName}"._ferretdb_database_metadata
      WHERE _jsonb->>'_id' = $1`,
    [coll],
  );
  return r.rows[0]!.tbl;
}

async function indexScans(index: string): Promise<number> {
  const r = await sql.query<{ n: string }>(
    'SELECT idx_scan AS n FROM pg_stat_user_indexes WHERE schemaname = $1 AND indexrelname = $2',
    [app.dbName, index],
  );
  return Number(r.rows[0]?.n ?? -1);
}

describe('indexes for FerretDB filter pushdown', () => {
  it('exist for every indexed top-level field of every model, and for _id', async () => {
    const r = await sql.query<{ indexname: string }>(
      'SELECT indexname FROM pg_indexes WHERE schemaname = $1',
      [app.dbName],
    );
    const names = new Set(r.rows.map((x) => x.indexname));
    const fields = pushdownFields();
    expect(fields.size).toBeGreaterThan(5);
    for (const [coll, list] of fields) {
      const table = await tableOf(coll);
      expect(list).toContain('_id');
      for (const f of list) expect(names).toContain(pushdownIndexName(table, f));
    }
  });

  it('serve equality filters sent by FerretDB, also once its statements are cached', async () => {
    // One forum with almost every document (a seq scan is right for it), fifty with one each.
    const probe = mongoose.connection.db!.collection('pushdown_probe');
    const big = new ObjectId();
    const small = Array.from({ length: 50 }, () => new ObjectId());
    await probe.insertMany(
      Array.from({ length: 5000 }, (_, i) => ({ forumId: small[i] ?? big, voterKey: `v${i}` })),
    );
    await probe.createIndex({ forumId: 1, voterKey: 1 });
    const fields = new Map([['pushdown_probe', ['_id', 'forumId', 'voterKey']]]);
    await ensurePushdownIndexes(inject('postgresUrl'), { fields });
    // Idempotent.
    await ensurePushdownIndexes(inject('postgresUrl'), { fields });
    const table = await tableOf('pushdown_probe');
    await sql.query(`ANALYZE "${app.dbName}"."${table}"`);

    const plan = JSON.stringify(await probe.find({ forumId: small[3], voterKey: 'v3' }).explain());
    expect(plan).toMatch(/Bitmap Index Scan/);
    expect(plan).toMatch(new RegExp(`${table}_(forumId|voterKey)_gin`));

    // pgx prepares and caches FerretDB's statements, and the field name is a parameter. After a
    // few costly runs (the big forum), PostgreSQL would settle on a generic plan, a seq scan,
    // for every later run; plan_cache_mode=force_custom_plan keeps the index for small forums.
    for (let i = 0; i < 8; i++) expect(await probe.countDocuments({ forumId: big })).toBe(4950);
    const index = pushdownIndexName(table, 'forumId');
    const before = await indexScans(index);
    expect(before).toBeGreaterThanOrEqual(0);
    for (const id of small.slice(0, 10))
      expect(await probe.countDocuments({ forumId: id })).toBe(1);
    // Index statistics reach pg_stat_user_indexes within about ten seconds.
    await eventually(async () => (await indexScans(index)) >= before + 10, 25_000);
  });
});
