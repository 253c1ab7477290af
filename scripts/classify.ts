/**
 * npm run --silent classify < in.jsonl > out.jsonl
 *
 * Reads {"id","text"} lines on stdin and writes, in order, one line per non-empty input line:
 * {"id","sector","serviceCode","confidence","topSectors":[{"sector","score"} x3]}, or
 * {"id": <id or null>, "error": "..."} for a malformed line. Uses the shipped model (or
 * ROUTING_MODEL_PATH / --model); nothing but results is written to stdout.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadModel } from '../server/routing/classifier/io';
import { classify } from '../server/routing/classifier/predict';

const { values } = parseArgs({ options: { model: { type: 'string' } } });

type Id = string | number | null;

function idOf(v: unknown): Id {
  if (typeof v !== 'object' || v === null || !('id' in v)) return null;
  const id: unknown = v.id;
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : null;
}

let model: ReturnType<typeof loadModel>;
try {
  model = loadModel(values.model);
} catch (err) {
  process.stderr.write(`classify: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}

function handle(line: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return JSON.stringify({ id: null, error: 'invalid JSON' });
  }
  const id = idOf(parsed);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return JSON.stringify({ id, error: 'expected a JSON object' });
  }
  if (!('text' in parsed)) return JSON.stringify({ id, error: 'missing text' });
  const text: unknown = parsed.text;
  if (typeof text !== 'string') return JSON.stringify({ id, error: 'text must be a string' });
  try {
    const r = classify(model, text, { explain: false });
    return JSON.stringify({
      id,
      sector: r.sector,
      serviceCode: r.serviceCode,
      confidence: r.confidence,
      topSectors: r.topSectors,
    });
  } catch (err) {
    return JSON.stringify({ id, error: err instanceof Error ? err.message : 'failed' });
  }
}

const out: string[] = [];
const flush = () => {
  if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
  out.length = 0;
};

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
let n = 0;
const t0 = performance.now();
rl.on('line', (line) => {
  if (line.trim() === '') return;
  out.push(handle(line));
  n++;
  if (out.length >= 256) flush();
});
rl.on('close', () => {
  flush();
  const s = (performance.now() - t0) / 1000;
  process.stderr.write(`classify: ${n} lines in ${s.toFixed(2)} s (${model.meta.versionId})\n`);
});
