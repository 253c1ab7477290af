// PostgreSQL indexes that FerretDB's filter pushdown can use.
//
// FerretDB 1.24 on PostgreSQL turns an equality filter {field: value} into
// `_jsonb->'field' @> value` (dotted paths: `_jsonb#>'{a,b}' @> value`), but the indexes it creates
// for MongoDB's createIndexes are btree indexes on `(_jsonb->'field')`, which PostgreSQL cannot use
// for `@>`: every filtered query is a sequential scan. A GIN expression index with
// jsonb_path_ops on the same expression serves `@>` (with plan_cache_mode=force_custom_plan, see
// postgres.ts). This module adds one for every top-level field of every index the mongoose models
// declare, and for `_id` (FerretDB's own `_id` index is a btree too).
import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import pg from 'pg';

/** Each collection of `models` with the fields to index (`_id` and every indexed field). */
export function pushdownFields(
  models: readonly mongoose.Model<unknown>[] = Object.values(
    mongoose.models,
  ) as mongoose.Model<unknown>[],
): Map<string, string[]> {
  const byCollection = new Map<string, Set<string>>();
  for (const model of models) {
    const name = model.collection.collectionName;
    const fields = byCollection.get(name) ?? new Set(['_id']);
    for (const [keys] of model.schema.indexes()) {
      for (const [field, kind] of Object.entries(keys)) {
        // Text and wildcard indexes have no equality pushdown. Neither have dotted paths: FerretDB
        // pushes them down only with the experimental --test-enable-nested-pushdown (it would
        // miss documents where a path crosses an array), so an index on them would go unused.
        if (kind === 'text' || field.includes('$') || field.includes('.')) continue;
        fields.add(field);
      }
    }
    byCollection.set(name, fields);
  }
  return new Map([...byCollection].map(([c, f]) => [c, [...f].sort()]));
}

/** The SQL expression FerretDB filters `field` with. */
export function fieldExpression(field: string): string {
  const parts = field.split('.');
  const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;
  if (parts.length === 1) return `_jsonb->${lit(field)}`;
  const path = parts.map((p) =>
    /^[A-Za-z0-9_]+$/.test(p) ? p : `"${p.replace(/["\\]/g, '\\$&')}"`,
  );
  return `_jsonb#>${lit(`{${path.join(',')}}`)}`;
}

/** Deterministic index name, within PostgreSQL's 63-character limit. */
export function pushdownIndexName(table: string, field: string): string {
  const base = `${table}_${field.replace(/[^A-Za-z0-9_]/g, '_')}_gin`;
  if (base.length <= 63) return base;
  const hash = createHash('sha1').update(`${table}\0${field}`).digest('hex').slice(0, 8);
  return `${base.slice(0, 54)}_${hash}`;
}

const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

export interface PushdownResult {
  /** Statements run (CREATE INDEX IF NOT EXISTS, so existing ones are no-ops). */
  indexes: number;
  /** Collections that have no FerretDB table yet (skipped). */
  missing: string[];
}

/**
 * Creates the GIN expression indexes for the models' collections in the MongoDB database
 * `dbName` (default: mongoose's current database), on FerretDB's PostgreSQL at `postgresUrl`.
 * Does nothing without `postgresUrl` (MongoDB, or no embedded PostgreSQL). Call it after
 * ensureIndexes(), which creates the collections.
 */
export async function ensurePushdownIndexes(
  postgresUrl: string | undefined,
  opts: { dbName?: string; fields?: Map<string, string[]> } = {},
): Promise<PushdownResult> {
  const result: PushdownResult = { indexes: 0, missing: [] };
  if (!postgresUrl) return result;
  const dbName = opts.dbName ?? mongoose.connection.db?.databaseName;
  if (!dbName) throw new Error('ensurePushdownIndexes: not connected and no dbName given');
  const fields = opts.fields ?? pushdownFields();
  const client = new pg.Client({ connectionString: postgresUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    // Each MongoDB database is a schema; its metadata table maps collections to tables.
    const meta = await client.query<{ coll: string; tbl: string }>(
      `SELECT _jsonb->>'_id' AS coll, _jsonb->>'table' AS tbl
         FROM ${ident(dbName)}._ferretdb_database_metadata`,
    );
    const tables = new Map(meta.rows.map((r) => [r.coll, r.tbl]));
    const statements: string[] = [];
    for (const [coll, list] of fields) {
      const table = tables.get(coll);
      if (!table) {
        result.missing.push(coll);
        continue;
      }
      for (const field of list) {
        statements.push(
          `CREATE INDEX IF NOT EXISTS ${ident(pushdownIndexName(table, field))} ` +
            `ON ${ident(dbName)}.${ident(table)} USING gin ((${fieldExpression(field)}) jsonb_path_ops)`,
        );
      }
    }
    // One round trip; IF NOT EXISTS may notice concurrent creators, so retry once on a clash.
    if (statements.length > 0) {
      try {
        await client.query(statements.join(';\n'));
      } catch (err) {
        if ((err as { code?: string }).code !== '23505') throw err;
        await client.query(statements.join(';\n'));
      }
    }
    result.indexes = statements.length;
    return result;
  } catch (err) {
    // A database FerretDB has not created yet has no metadata table: nothing to index.
    if ((err as { code?: string }).code === '42P01') return result;
    throw err;
  } finally {
    await client.end().catch(() => undefined);
  }
}
