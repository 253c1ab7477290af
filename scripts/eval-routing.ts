/**
 * npm run eval:routing [-- --algorithm logreg|cnb|both] [--seed N] [--test-share 0.2]
 *
 * Stratified split of the corpus (fixed seed), trains on the larger part, and prints the
 * held-out report: accuracy, macro-F1, per-sector table, confusion matrix, ECE, coverage at the
 * confidence threshold. With --algorithm both (default) the two learners are compared and the
 * full report is printed for the better one (by macro-F1).
 */
import { parseArgs } from 'node:util';
import { loadCorpus, stratifiedSplit } from '../server/routing/classifier/corpus';
import { evaluate, formatReport, type Evaluation } from '../server/routing/classifier/evaluate';
import { DEFAULT_THRESHOLD, train, type Algorithm } from '../server/routing/classifier/model';

const { values } = parseArgs({
  options: {
    algorithm: { type: 'string', default: 'both' },
    seed: { type: 'string', default: '42' },
    'test-share': { type: 'string', default: '0.2' },
    threshold: { type: 'string', default: String(DEFAULT_THRESHOLD) },
    quiet: { type: 'boolean', default: false },
  },
});

const seed = Number(values.seed);
const threshold = Number(values.threshold);
const algorithms: Algorithm[] =
  values.algorithm === 'both' ? ['logreg', 'cnb'] : [values.algorithm as Algorithm];
const log = (m: string) => process.stderr.write(`${m}\n`);

const corpus = loadCorpus();
for (const w of corpus.warnings.slice(0, 20)) log(`warning: ${w}`);
if (corpus.warnings.length > 20) log(`warning: ... ${corpus.warnings.length - 20} more`);
const { train: trainSet, test } = stratifiedSplit(
  corpus.examples,
  (e) => e.sector,
  Number(values['test-share']),
  seed,
);
const sectors = new Set(corpus.examples.map((e) => e.sector));
console.log(
  `corpus: ${corpus.examples.length} texts in ${corpus.files} files, ${sectors.size} sectors; ` +
    `train ${trainSet.length} / test ${test.length} (stratified by sector, seed ${seed})`,
);
if (trainSet.length === 0 || test.length === 0) {
  console.log('not enough data to evaluate');
  process.exit(1);
}

const results: { algorithm: Algorithm; ev: Evaluation; seconds: number }[] = [];
for (const algorithm of algorithms) {
  const t0 = performance.now();
  const model = train(trainSet, {
    algorithm,
    onProgress: (m) => {
      if (!values.quiet) log(`[${algorithm}] ${m}`);
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  results.push({ algorithm, ev: evaluate(model, test, threshold), seconds });
}

if (results.length > 1) {
  console.log('\nlearner comparison (same split):');
  console.log('  learner  accuracy  macro-F1  ECE    service  train s');
  for (const r of results) {
    const s = r.ev.summary;
    console.log(
      `  ${r.algorithm.padEnd(7)}  ${s.accuracy.toFixed(3)}     ${s.macroF1.toFixed(3)}     ` +
        `${s.ece.toFixed(3)}  ${(s.serviceAccuracy ?? 0).toFixed(3)}    ${r.seconds.toFixed(1)}`,
    );
  }
}
const best = [...results].sort((a, b) => b.ev.summary.macroF1 - a.ev.summary.macroF1)[0];
if (best) {
  console.log(`\n== ${best.algorithm} (held-out ${test.length} texts) ==`);
  console.log(formatReport(best.ev, [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]));
}
