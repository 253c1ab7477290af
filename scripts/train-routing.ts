/**
 * npm run train:routing [-- --algorithm logreg|cnb] [--out path] [--no-eval]
 *
 * Trains the routing model on the whole corpus and writes the shipped model
 * (server/routing/model/current.json.gz; the model it replaces becomes previous.json.gz).
 * First a held-out evaluation (stratified 80/20, seed 42) is run so that the model file
 * carries its evaluation scores. Progress (epochs, loss) goes to stderr.
 */
import { parseArgs } from 'node:util';
import { SECTORS } from '../shared/domain/sectors';
import { loadCorpus, stratifiedSplit } from '../server/routing/classifier/corpus';
import { evaluate, formatSummary } from '../server/routing/classifier/evaluate';
import { DEFAULT_MODEL_PATH, saveModel } from '../server/routing/classifier/io';
import type { EvalSummary } from '../server/routing/classifier/metrics';
import {
  DEFAULT_ALGORITHM,
  DEFAULT_THRESHOLD,
  train,
  type Algorithm,
} from '../server/routing/classifier/model';

const { values } = parseArgs({
  options: {
    algorithm: { type: 'string', default: DEFAULT_ALGORITHM },
    out: { type: 'string', default: DEFAULT_MODEL_PATH },
    'no-eval': { type: 'boolean', default: false },
  },
});
const algorithm = values.algorithm as Algorithm;
if (algorithm !== 'logreg' && algorithm !== 'cnb') {
  throw new Error(`unknown algorithm ${algorithm}`);
}
const log = (m: string) => process.stderr.write(`${m}\n`);
const t0 = performance.now();

const corpus = loadCorpus();
if (corpus.warnings.length > 0) {
  log(`${corpus.warnings.length} corpus lines skipped or fixed, e.g. ${corpus.warnings[0]}`);
}
const bySector = new Map<string, number>();
for (const e of corpus.examples) bySector.set(e.sector, (bySector.get(e.sector) ?? 0) + 1);
const missing = SECTORS.filter((s) => (bySector.get(s) ?? 0) === 0);
const thin = SECTORS.filter((s) => (bySector.get(s) ?? 0) > 0 && (bySector.get(s) ?? 0) < 90);
log(`corpus: ${corpus.examples.length} texts, ${bySector.size}/${SECTORS.length} sectors`);
if (missing.length > 0) log(`WARNING: no texts for ${missing.join(', ')} (never predicted)`);
if (thin.length > 0) log(`WARNING: fewer than 90 texts for ${thin.join(', ')}`);
if (bySector.size < 2) {
  log('need texts for at least two sectors');
  process.exit(1);
}

let evaluation: EvalSummary | null = null;
if (!values['no-eval']) {
  const { train: part, test } = stratifiedSplit(corpus.examples, (e) => e.sector, 0.2, 42);
  log(`held-out evaluation: train ${part.length} / test ${test.length}`);
  const m = train(part, { algorithm, onProgress: (msg) => log(`  [eval] ${msg}`) });
  evaluation = evaluate(m, test, DEFAULT_THRESHOLD).summary;
  log(formatSummary(evaluation));
}

log(`training on all ${corpus.examples.length} texts (${algorithm})`);
const model = train(corpus.examples, {
  algorithm,
  evaluation,
  threshold: DEFAULT_THRESHOLD,
  onProgress: (msg) => log(`  ${msg}`),
});
const bytes = saveModel(model, values.out);
const rows = Object.values(model.services).reduce((a, m) => a + m.keys.length, 0);
console.log(
  `model ${model.meta.versionId} -> ${values.out} (${(bytes / 1e6).toFixed(2)} MB; ` +
    `sector rows ${model.sector.keys.length}, service rows ${rows}; ` +
    `${((performance.now() - t0) / 1000).toFixed(1)} s)`,
);
