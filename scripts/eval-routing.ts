/**
 * npm run eval:routing [-- --algorithm logreg|cnb|both] [--seed N] [--realistic a.jsonl,b.jsonl|none]
 *   Stratified 80/20 split of the corpus (fixed seed): the model trained on the 80% is scored on
 *   the held-out 20% (accuracy, macro-F1, per-sector table, confusion matrix, ECE, coverage at the
 *   threshold it chose) and, side by side, zero-shot on the realistic files
 *   (server/routing/realistic/: dev for tuning, test held out). With --algorithm both (default)
 *   both learners are compared; the full report is for the default learner (logreg).
 *
 * npm run eval:routing -- --curve FILE.jsonl [--steps 0,100,300,1000] [--seed N] [--model path]
 *                         [--rebuild] [--weight W]
 *   Learning curve (server/routing/curve.ts): fixed evaluation half of FILE, the model retrained
 *   as the server does on the corpus plus the first k rows of the other half as corrections.
 *   Per k: accuracy, macro-F1 (sectors with >= 10 rows), ECE, coverage and accuracy at the
 *   threshold, train seconds. Progress goes to stderr; the last stdout line is one JSON object
 *   {"steps":[{k,accuracy,macroF1,ece,coverage,autoAccuracy,trainSeconds}]}. The base model is the
 *   shipped one (or --model), or one built from the current corpus with --rebuild.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildBaseModel, evaluateAuthored } from '../server/routing/classifier/build';
import { loadCorpus } from '../server/routing/classifier/corpus';
import { evaluateLabelled, formatReport } from '../server/routing/classifier/evaluate';
import { DEFAULT_MODEL_PATH, loadModel } from '../server/routing/classifier/io';
import type { EvalSummary } from '../server/routing/classifier/metrics';
import { DEFAULT_ALGORITHM, type Algorithm, type Model } from '../server/routing/classifier/model';
import { learningCurve, loadLabelled, MACRO_F1_MIN_ROWS } from '../server/routing/curve';

const { values } = parseArgs({
  options: {
    algorithm: { type: 'string', default: 'both' },
    seed: { type: 'string', default: '42' },
    realistic: { type: 'string' },
    curve: { type: 'string' },
    steps: { type: 'string', default: '0,100,300,1000' },
    model: { type: 'string' },
    rebuild: { type: 'boolean', default: false },
    weight: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const seed = Number(values.seed);
const log = (m: string) => process.stderr.write(`${m}\n`);
const quietLog = (m: string) => {
  if (!values.quiet) log(m);
};
const f3 = (v: number) => v.toFixed(3);
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const REALISTIC = ['server/routing/realistic/dev.jsonl', 'server/routing/realistic/test.jsonl'];

const corpus = loadCorpus();
for (const w of corpus.warnings.slice(0, 20)) log(`warning: ${w}`);
if (corpus.warnings.length > 20) log(`warning: ... ${corpus.warnings.length - 20} more`);

function summaryRow(name: string, s: EvalSummary): string {
  return (
    `  ${name.padEnd(34)} ${String(s.n).padStart(5)}  ${f3(s.accuracy)}     ${f3(s.macroF1)}     ` +
    `${f3(s.ece)}  ${pct(s.coverage.coverage).padStart(6)} / ${f3(s.coverage.accuracy)}`
  );
}

function runCurve(file: string): void {
  const rows = loadLabelled(file);
  const steps = values.steps.split(',').map((s) => Number(s.trim()));
  if (steps.some((k) => !Number.isInteger(k) || k < 0)) throw new Error('--steps: integers >= 0');
  let base: Model;
  if (values.rebuild) {
    log('building the base model from the current corpus...');
    base = buildBaseModel(corpus.examples, { onProgress: quietLog }).model;
  } else {
    base = loadModel(values.model ?? DEFAULT_MODEL_PATH);
  }
  const auth = base.meta.evaluation;
  console.log(
    `curve on ${file}: ${rows.length} rows, seed ${seed}; evaluation half ${Math.floor(rows.length / 2)}, ` +
      `correction pool ${rows.length - Math.floor(rows.length / 2)}; base ${base.meta.versionId}`,
  );
  if (auth) {
    console.log(
      `base model on the authored split: accuracy ${f3(auth.accuracy)}  macro-F1 ${f3(auth.macroF1)}  ` +
        `ECE ${f3(auth.ece)}  (n=${auth.n})`,
    );
  }
  console.log(`macro-F1 over sectors with >= ${MACRO_F1_MIN_ROWS} rows in the evaluation half`);
  console.log('      k  accuracy  macro-F1  ECE    threshold       coverage  auto-acc  train s');
  const result = learningCurve({
    rows,
    steps,
    seed,
    base,
    corpus: corpus.examples,
    correctionWeight: values.weight === undefined ? undefined : Number(values.weight),
    onProgress: quietLog,
    onStep: (s) => {
      log(`k=${s.k} done`);
      console.log(
        `  ${String(s.k).padStart(5)}  ${f3(s.accuracy)}     ${f3(s.macroF1)}     ${f3(s.ece)}  ` +
          `${s.threshold.toFixed(3)} ${s.thresholdSource.padEnd(11)} ${pct(s.coverage).padStart(6)}    ` +
          `${f3(s.autoAccuracy)}     ${s.trainSeconds.toFixed(1)}`,
      );
    },
  });
  const steps2 = result.map(
    ({ k, accuracy, macroF1, ece, coverage, autoAccuracy, trainSeconds }) => ({
      k,
      accuracy,
      macroF1,
      ece,
      coverage,
      autoAccuracy,
      trainSeconds,
    }),
  );
  console.log(JSON.stringify({ steps: steps2 }));
}

function runAuthored(): void {
  const algorithms: Algorithm[] =
    values.algorithm === 'both' ? ['logreg', 'cnb'] : [values.algorithm as Algorithm];
  const results = algorithms.map((algorithm) => {
    const t0 = performance.now();
    const a = evaluateAuthored(corpus.examples, {
      algorithm,
      splitSeed: seed,
      onProgress: (m) => quietLog(`[${algorithm}] ${m}`),
    });
    return { algorithm, a, seconds: (performance.now() - t0) / 1000 };
  });
  const sectors = new Set(corpus.examples.map((e) => e.sector));
  console.log(
    `corpus: ${corpus.examples.length} texts in ${corpus.files} files, ${sectors.size} sectors; ` +
      `split 80/20 stratified by sector, seed ${seed}; training adds realistic variants and catalog keywords`,
  );
  if (results.length > 1) {
    console.log('\nlearner comparison (same split):');
    console.log('  learner  accuracy  macro-F1  ECE    service  train s');
    for (const r of results) {
      const s = r.a.evaluation;
      console.log(
        `  ${r.algorithm.padEnd(7)}  ${f3(s.accuracy)}     ${f3(s.macroF1)}     ` +
          `${f3(s.ece)}  ${f3(s.serviceAccuracy ?? 0)}    ${r.seconds.toFixed(1)}`,
      );
    }
  }
  // The report is for the learner the shipped model uses (the first one asked for otherwise).
  const best = results.find((r) => r.algorithm === DEFAULT_ALGORITHM) ?? results[0];
  if (!best) return;
  const files =
    values.realistic === 'none'
      ? []
      : (values.realistic?.split(',') ?? REALISTIC).filter((f) => existsSync(f));
  console.log(
    `\n== ${best.algorithm}: authored split and realistic files side by side (same model, ` +
      `threshold ${best.a.threshold}) ==`,
  );
  console.log(
    `  ${'set'.padEnd(34)} ${'n'.padStart(5)}  accuracy  macro-F1  ECE    auto-routed / acc`,
  );
  console.log(summaryRow('authored split (20% of corpus)', best.a.evaluation));
  for (const f of files) {
    const items = loadLabelled(f);
    const s = evaluateLabelled(best.a.model, items, best.a.threshold, MACRO_F1_MIN_ROWS).summary;
    console.log(summaryRow(`${f.replace(/^.*\//, '')} (zero-shot)`, s));
  }
  console.log(`  (realistic macro-F1: sectors with >= ${MACRO_F1_MIN_ROWS} rows)`);
  console.log(`\n== ${best.algorithm} on the authored split ==`);
  const ev = { summary: best.a.evaluation, predictions: best.a.predictions, labels: best.a.labels };
  console.log(formatReport(ev, [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]));
}

if (values.curve) runCurve(values.curve);
else runAuthored();
