/**
 * npm run bench:routing [-- --n 3000 --chars 1000 --model path] [--retrain 1000]
 *
 * Single-threaded throughput of classify() on texts of ~1,000 characters built from the corpus
 * (texts concatenated, then cut to length at a word boundary), after a warm-up. Prints
 * texts/second (wall clock, and per CPU-second since the machine may be shared), p50/p99
 * latency and an ASCII histogram of the latency distribution. Uses the shipped model, or trains
 * a quick one on the corpus when no model file exists yet.
 *
 * With --retrain K it also times one retrain as the server runs it (server/routing/retrain.ts),
 * in this process, with K corrections of --chars characters built the same way (labels are the
 * sector of each text's first piece: the scores are meaningless, only the seconds count).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../server/routing/classifier/corpus';
import { DEFAULT_MODEL_PATH, loadModel } from '../server/routing/classifier/io';
import { rng } from '../server/routing/classifier/linear';
import { train } from '../server/routing/classifier/model';
import { classify } from '../server/routing/classifier/predict';
import { retrain } from '../server/routing/retrain';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '3000' },
    chars: { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '300' },
    model: { type: 'string', default: DEFAULT_MODEL_PATH },
    retrain: { type: 'string' },
  },
});
const n = Number(values.n);
const chars = Number(values.chars);

const corpus = loadCorpus().examples;
if (corpus.length === 0) throw new Error('bench: corpus is empty');
const model = existsSync(values.model)
  ? loadModel(values.model)
  : train(corpus, { epochs: 4, calibrationShare: 0 });

// Texts of ~`chars` characters: corpus texts in seeded random order, concatenated, then cut at
// the last word boundary before `chars` (a cut word would be a new word in every text).
const rand = rng(7);
const pick = () => corpus[Math.floor(rand() * corpus.length)]?.text ?? '';
function makeText(): string {
  let t = pick();
  while (t.length < chars) t += ` ${pick()}`;
  const cut = t.lastIndexOf(' ', chars);
  return t.slice(0, cut > chars * 0.9 ? cut : chars);
}
const warm = Array.from({ length: Number(values.warmup) }, makeText);
const texts = Array.from({ length: n }, makeText);

interface Run {
  perSec: number;
  /** Throughput counting only this process's CPU time (the machine may be shared). */
  perCpuSec: number;
  lat: Float64Array;
}

// Warm-up as on a server that has been running: every corpus text once (fills the stem cache
// with the vocabulary; stemming a word never seen before costs ~60 us), then the warm-up texts.
for (const e of corpus) classify(model, e.text);

function run(explain: boolean): Run {
  for (const t of warm) classify(model, t, { explain });
  const lat = new Float64Array(texts.length);
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  texts.forEach((t, i) => {
    const t0 = performance.now();
    classify(model, t, { explain });
    lat[i] = performance.now() - t0;
  });
  const total = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSec = (cpu.user + cpu.system) / 1e6;
  return { perSec: texts.length / total, perCpuSec: texts.length / cpuSec, lat: lat.sort() };
}

const q = (a: Float64Array, p: number) => a[Math.min(a.length - 1, Math.floor(p * a.length))] ?? 0;

function histogram(lat: Float64Array): string[] {
  const hi = q(lat, 0.995);
  const bins = 12;
  const width = hi / bins;
  const counts = new Array<number>(bins + 1).fill(0);
  for (const v of lat) {
    const b = Math.min(bins, Math.floor(v / width));
    counts[b] = (counts[b] ?? 0) + 1;
  }
  const max = Math.max(...counts);
  return counts.map((c, b) => {
    const label =
      b < bins ? `${(b * width).toFixed(3)}-${((b + 1) * width).toFixed(3)}` : `>${hi.toFixed(3)}`;
    const bar = '#'.repeat(Math.round((c / max) * 50));
    return `  ${label.padStart(13)} ms |${bar} ${c}`;
  });
}

console.log(
  `model ${model.meta.versionId} (${model.meta.algorithm}), ${n} texts of ${chars} chars, ` +
    `single thread, after warm-up (${corpus.length} corpus texts + ${warm.length} texts)`,
);
for (const explain of [true, false]) {
  const r = run(explain);
  console.log(
    `\nclassify(${explain ? 'with explanation' : 'explain: false'}): ` +
      `${Math.round(r.perSec)} texts/s (${Math.round(r.perCpuSec)} per CPU-second)  ` +
      `p50 ${q(r.lat, 0.5).toFixed(3)} ms  p99 ${q(r.lat, 0.99).toFixed(3)} ms`,
  );
  if (explain) for (const line of histogram(r.lat)) console.log(line);
}

if (values.retrain) {
  const k = Number(values.retrain);
  const corrections = Array.from({ length: k }, () => {
    const first = corpus[Math.floor(rand() * corpus.length)];
    return { ...first!, text: makeText() };
  });
  console.log(
    `\nretrain with ${k} corrections of ${chars} chars (warm start, as the server does):`,
  );
  const t0 = performance.now();
  const r = retrain({
    base: model,
    corpus,
    corrections,
    onProgress: (m) =>
      process.stderr.write(`  ${((performance.now() - t0) / 1000).toFixed(1)} s ${m}\n`),
  });
  console.log(
    `  ${((performance.now() - t0) / 1000).toFixed(1)} s (${r.corrections} corrections, ` +
      `${r.holdout} held out), model ${r.model.meta.versionId}`,
  );
}
