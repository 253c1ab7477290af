/**
 * npm run train:routing [-- --algorithm logreg|cnb] [--out path] [--realistic dev.jsonl|none]
 *
 * Builds the shipped routing model (server/routing/classifier/build.ts): the authored 80/20 split
 * fits the temperature and chooses the threshold, then the model is trained on the whole corpus
 * (with its realistic variants and the catalog keywords) and written to
 * server/routing/model/current.json.gz (the model it replaces becomes previous.json.gz). Its
 * zero-shot scores on the realistic dev file are stored as `meta.realEvaluation`. Progress goes
 * to stderr.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SECTORS } from '../shared/domain/sectors';
import { buildBaseModel } from '../server/routing/classifier/build';
import { loadCorpus } from '../server/routing/classifier/corpus';
import {
  evaluateLabelled,
  formatSummary,
  realEvaluation,
} from '../server/routing/classifier/evaluate';
import { DEFAULT_MODEL_PATH, saveModel } from '../server/routing/classifier/io';
import { DEFAULT_ALGORITHM, type Algorithm } from '../server/routing/classifier/model';
import { loadLabelled, MACRO_F1_MIN_ROWS } from '../server/routing/curve';

const { values } = parseArgs({
  options: {
    algorithm: { type: 'string', default: DEFAULT_ALGORITHM },
    out: { type: 'string', default: DEFAULT_MODEL_PATH },
    realistic: { type: 'string', default: 'server/routing/realistic/dev.jsonl' },
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

const { model, authored } = buildBaseModel(corpus.examples, {
  algorithm,
  onProgress: (m) => log(`  ${m}`),
});
log(formatSummary(authored.evaluation));
if (values.realistic !== 'none' && existsSync(values.realistic)) {
  const name = values.realistic.replace(/^.*\//, '');
  const ev = evaluateLabelled(model, loadLabelled(values.realistic), undefined, MACRO_F1_MIN_ROWS);
  model.meta.realEvaluation = realEvaluation(ev, `realistic:${name}`);
  log(`zero-shot on ${name}: accuracy ${ev.summary.accuracy.toFixed(3)}`);
}
const bytes = saveModel(model, values.out);
const rows = Object.values(model.services).reduce((a, m) => a + m.keys.length, 0);
console.log(
  `model ${model.meta.versionId} -> ${values.out} (${(bytes / 1e6).toFixed(2)} MB; ` +
    `sector rows ${model.sector.keys.length}, service rows ${rows}; threshold ` +
    `${model.meta.threshold} (${model.meta.thresholdSource}); ` +
    `${((performance.now() - t0) / 1000).toFixed(1)} s)`,
);
