// `npm run bench:db`: FerretDB on SQLite (the old embedded default) vs FerretDB on PostgreSQL with
// the pushdown indexes (the new one), on a votes collection of realistic history.
//
//   npm run bench:db -- [--docs 1000000] [--forums 1000] [--samples 30] [--budget 60]
//                       [--backends sqlite,postgresql]
//
// Seeds `docs` votes over `forums` forums (50 inputs and docs/forums/5 voters per forum, each voter
// votes on 5 inputs) with the app's indexes, then times each operation `samples` times (fewer if
// one operation takes longer than `budget` seconds in total, at least 3). Prints a table and, as
// its last line, one JSON object with the figures.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import pg from 'pg';
import { projectRoot } from '../server/config';
import { startEmbeddedDb } from '../server/db/embedded';
import { startFerret } from '../server/db/ferretdb';
import { ensureFerretdb } from '../server/db/ferretdbBinary';
import { freePort } from '../server/db/procs';
import { ensurePushdownIndexes } from '../server/db/pushdownIndexes';

const { values: args } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000000' },
    forums: { type: 'string', default: '1000' },
    samples: { type: 'string', default: '30' },
    budget: { type: 'string', default: '60' },
    backends: { type: 'string', default: 'sqlite,postgresql' },
  },
});
const DOCS = Number(args.docs);
const FORUMS = Number(args.forums);
const SAMPLES = Number(args.samples);
const BUDGET_MS = Number(args.budget) * 1000;
const INPUTS_PER_FORUM = 50;
const VOTES_PER_VOTER = 5;
const PER_FORUM = Math.floor(DOCS / FORUMS);
const VOTERS = Math.max(1, Math.floor(PER_FORUM / VOTES_PER_VOTER));
const backends = args.backends.split(',').map((s) => s.trim()) as ('sqlite' | 'postgresql')[];
const toolsDir = path.resolve(process.env.TOOLS_DIR ?? path.join(projectRoot, '.tools'));
const { ObjectId } = mongoose.mongo;
type Coll = mongoose.mongo.Collection;
const log = (l: string): void => void process.stderr.write(l + '\n');
const fmt = (n: number): string => n.toLocaleString('en-US');

if (!(DOCS > 0 && FORUMS > 0 && PER_FORUM >= VOTES_PER_VOTER)) {
  console.error('--docs must be at least 5 x --forums');
  process.exit(2);
}

// Deterministic ids so both backends hold the same data.
const oid = (kind: number, n: number): mongoose.mongo.ObjectId =>
  new ObjectId(kind.toString(16).padStart(8, '0') + n.toString(16).padStart(16, '0'));
const forumId = (f: number) => oid(1, f);
const inputId = (f: number, i: number) => oid(2, f * INPUTS_PER_FORUM + i);
const voterKey = (f: number, v: number) => `f${f}-voter-${v}`;

function* votes(): Generator<mongoose.mongo.Document> {
  let n = 0;
  for (let f = 0; f < FORUMS; f++) {
    for (let k = 0; k < PER_FORUM; k++) {
      const v = k % VOTERS;
      const j = Math.floor(k / VOTERS);
      yield {
        _id: oid(3, n++),
        inputId: inputId(f, (v + j * 7) % INPUTS_PER_FORUM),
        forumId: forumId(f),
        voterKey: voterKey(f, v),
        createdAt: new Date(1_700_000_000_000 + n * 1000),
      };
    }
  }
}

async function seed(coll: Coll): Promise<number> {
  const started = Date.now();
  let last = started;
  let batch: mongoose.mongo.Document[] = [];
  let done = 0;
  for (const doc of votes()) {
    batch.push(doc);
    if (batch.length === 5000) {
      await coll.insertMany(batch, { ordered: false });
      done += batch.length;
      batch = [];
      if (Date.now() - last > 5000) {
        last = Date.now();
        const rate = Math.round(done / ((last - started) / 1000));
        log(`  seeded ${fmt(done)} / ${fmt(DOCS)} votes (${fmt(rate)}/s)`);
      }
    }
  }
  if (batch.length) await coll.insertMany(batch, { ordered: false });
  done += batch.length;
  const secs = (Date.now() - started) / 1000;
  log(`  seeded ${fmt(done)} votes in ${secs.toFixed(0)} s`);
  return Math.round(done / secs);
}

const rnd = (n: number): number => Math.floor(Math.random() * n);
let fresh = 0;
/** Votes inserted by the timed runs, deleted again by the deleteOne runs. */
const inserted: { inputId: mongoose.mongo.ObjectId; voterKey: string }[] = [];
const newVote = () => {
  const f = rnd(FORUMS);
  const v = {
    inputId: inputId(f, rnd(INPUTS_PER_FORUM)),
    forumId: forumId(f),
    voterKey: `bench-${fresh++}`,
    createdAt: new Date(),
  };
  inserted.push({ inputId: v.inputId, voterKey: v.voterKey });
  return v;
};

interface Op {
  name: string;
  run: (c: Coll) => Promise<unknown>;
  /** A filter to EXPLAIN (reads only). */
  explain?: () => mongoose.mongo.Document;
}

const ops: Op[] = [
  {
    name: 'find({forumId, voterKey})',
    run: async (c) => {
      const f = rnd(FORUMS);
      const r = await c.find({ forumId: forumId(f), voterKey: voterKey(f, rnd(VOTERS)) }).toArray();
      if (r.length !== VOTES_PER_VOTER)
        throw new Error(`expected ${VOTES_PER_VOTER}, got ${r.length}`);
    },
    explain: () => ({ forumId: forumId(1), voterKey: voterKey(1, 1) }),
  },
  {
    name: `find({forumId}) (${fmt(PER_FORUM)} docs)`,
    run: async (c) => {
      const r = await c.find({ forumId: forumId(rnd(FORUMS)) }).toArray();
      if (r.length < PER_FORUM) throw new Error(`expected ${PER_FORUM}, got ${r.length}`);
    },
    explain: () => ({ forumId: forumId(1) }),
  },
  {
    name: 'countDocuments({inputId})',
    run: (c) => c.countDocuments({ inputId: inputId(rnd(FORUMS), rnd(INPUTS_PER_FORUM)) }),
    explain: () => ({ inputId: inputId(1, 1) }),
  },
  { name: 'insertOne', run: (c) => c.insertOne(newVote()) },
  {
    name: 'insertMany (20)',
    run: (c) => c.insertMany(Array.from({ length: 20 }, newVote)),
  },
  {
    name: 'deleteOne({inputId, voterKey})',
    run: async (c) => {
      // A vote inserted by the runs above, so every delete finds its document.
      const v = inserted.shift();
      if (!v) throw new Error('no vote left to delete');
      const r = await c.deleteOne({ inputId: v.inputId, voterKey: v.voterKey });
      if (r.deletedCount !== 1) throw new Error('deleteOne found nothing');
    },
    explain: () => ({ inputId: inputId(1, 1), voterKey: voterKey(1, 1) }),
  },
];

interface Stat {
  medianMs: number;
  p95Ms: number;
  samples: number;
  plan?: string;
}

async function measure(c: Coll, op: Op): Promise<Stat> {
  const times: number[] = [];
  const started = Date.now();
  await op.run(c); // warm-up
  while (times.length < SAMPLES && (times.length < 3 || Date.now() - started < BUDGET_MS)) {
    const t = process.hrtime.bigint();
    await op.run(c);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { medianMs: round(at(0.5)), p95Ms: round(at(0.95)), samples: times.length };
}
const round = (ms: number): number => (ms >= 100 ? Math.round(ms) : Math.round(ms * 100) / 100);

/** Node types and index names of FerretDB's PostgreSQL plan for `filter`. */
async function planOf(c: Coll, filter: mongoose.mongo.Document): Promise<string> {
  const ex = (await c.find(filter).explain()) as { queryPlanner?: { Plan?: unknown } };
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (typeof n['Node Type'] === 'string') {
      const idx = typeof n['Index Name'] === 'string' ? ` ${String(n['Index Name'])}` : '';
      if (n['Node Type'] !== 'BitmapAnd') parts.push(`${String(n['Node Type'])}${idx}`);
    }
    for (const child of (n.Plans as unknown[]) ?? []) walk(child);
  };
  walk(ex.queryPlanner?.Plan);
  return parts.join(' > ').replace(/votes_[0-9a-f]+_/g, '');
}

async function runBackend(kind: 'sqlite' | 'postgresql') {
  const dir = mkdtempSync(path.join(os.tmpdir(), `forum-bench-db-${kind}-`));
  chmodSync(dir, 0o755);
  log(`\n${kind}: ${dir}`);
  let stop: () => Promise<void>;
  let port: number;
  let postgresUrl: string | undefined;
  if (kind === 'postgresql') {
    const db = await startEmbeddedDb({ toolsDir, dataDir: dir, migrate: false, log });
    ({ port, postgresUrl } = db);
    stop = db.stop;
  } else {
    port = await freePort();
    const f = await startFerret({
      bin: await ensureFerretdb(toolsDir, log),
      backend: { sqliteDir: path.join(dir, 'sqlite') },
      port,
      stateDir: path.join(dir, 'state'),
      log,
    });
    stop = f.stop;
  }
  const client = await new mongoose.mongo.MongoClient(`mongodb://127.0.0.1:${port}`).connect();
  try {
    const coll = client.db('bench').collection('votes');
    inserted.length = 0;
    const seedRate = await seed(coll);
    let t = Date.now();
    await coll.createIndexes([
      { key: { inputId: 1, voterKey: 1 }, unique: true },
      { key: { forumId: 1, voterKey: 1 } },
    ]);
    log(`  app indexes built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    if (postgresUrl) {
      t = Date.now();
      const fields = new Map([['votes', ['_id', 'forumId', 'inputId', 'voterKey']]]);
      const r = await ensurePushdownIndexes(postgresUrl, { dbName: 'bench', fields });
      const sql = new pg.Client({ connectionString: postgresUrl });
      await sql.connect();
      await sql.query('ANALYZE');
      await sql.end();
      log(`  ${r.indexes} pushdown indexes built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    const results: Record<string, Stat> = {};
    for (const op of ops) {
      const s = await measure(coll, op);
      if (postgresUrl && op.explain) s.plan = await planOf(coll, op.explain());
      results[op.name] = s;
      log(`  ${op.name}: median ${s.medianMs} ms, p95 ${s.p95Ms} ms (${s.samples} runs)`);
    }
    return { seedDocsPerSec: seedRate, ops: results };
  } finally {
    await client.close();
    await stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const out: Record<string, Awaited<ReturnType<typeof runBackend>>> = {};
for (const b of backends) out[b] = await runBackend(b);

const pad = (s: string, n: number): string => s.padEnd(n);
console.log(
  `\n${fmt(DOCS)} votes over ${fmt(FORUMS)} forums, ${os.cpus().length} cores, median / p95 in ms\n`,
);
const head = ['operation', ...backends, ...(backends.length === 2 ? ['speed-up'] : [])];
console.log(
  `| ${pad(head[0]!, 34)} | ${head
    .slice(1)
    .map((h) => pad(h, 17))
    .join(' | ')} |`,
);
console.log(
  `|${'-'.repeat(36)}|${head
    .slice(1)
    .map(() => '-'.repeat(19))
    .join('|')}|`,
);
for (const op of ops) {
  const cells = backends.map((b) => {
    const s = out[b]!.ops[op.name]!;
    return pad(`${s.medianMs} / ${s.p95Ms}`, 17);
  });
  if (backends.length === 2) {
    const [a, b] = backends.map((k) => out[k]!.ops[op.name]!.medianMs);
    const x = a! / b!;
    cells.push(pad(`${x >= 100 ? fmt(Math.round(x)) : x.toFixed(1)}x`, 17));
  }
  console.log(`| ${pad(op.name, 34)} | ${cells.join(' | ')} |`);
}
console.log(
  `| ${pad('seeding (docs/s, insertMany 5,000)', 34)} | ${backends
    .map((b) => pad(fmt(out[b]!.seedDocsPerSec), 17))
    .join(' | ')} |`,
);
if (out.postgresql) {
  console.log('\nPostgreSQL plans (FerretDB explain):');
  for (const op of ops) {
    const plan = out.postgresql.ops[op.name]?.plan;
    if (plan) console.log(`  ${op.name}: ${plan}`);
  }
}
console.log(JSON.stringify({ docs: DOCS, forums: FORUMS, cores: os.cpus().length, ...out }));
