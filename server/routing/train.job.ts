/**
 * Training job, run in a child process so the server keeps answering: retrains the shipped model
 * on the corpus plus the stored routing corrections (retrain.ts: deduplicated, part held out and
 * scored, warm-started) and writes the model file. Progress is printed as JSON lines on stdout.
 *
 *   node --import tsx server/routing/train.job.ts <corrections.json> <out.json.gz> [base.json.gz]
 *
 * corrections.json: the corrections' examples, oldest first. The base model defaults to the
 * shipped one (server/routing/model/current.json.gz), so a retrain never builds on an earlier
 * retrain: the same corrections always give the same model. ROUTING_TARGET_ACCURACY (default
 * 0.85) is the auto-routed accuracy the threshold is chosen for.
 */
import '../lib/quiet-dotenv';
import { readFileSync } from 'node:fs';
import { loadCorpus, type Example } from './classifier/corpus';
import { DEFAULT_MODEL_PATH, loadModel, saveModel } from './classifier/io';
import { DEFAULT_TARGET_ACCURACY } from './classifier/threshold';
import { retrain } from './retrain';
import { versionEvaluation } from './versions';

function emit(msg: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(msg) + '\n');
}

const [examplesFile, outFile, baseFile] = process.argv.slice(2);
if (!examplesFile || !outFile) {
  emit({ error: 'usage: train.job.ts <corrections.json> <out.json.gz> [base.json.gz]' });
  process.exit(2);
}
const t0 = performance.now();
const corrections = JSON.parse(readFileSync(examplesFile, 'utf8')) as Example[];
const base = loadModel(baseFile ?? DEFAULT_MODEL_PATH);
const corpus = loadCorpus().examples;
const target = Number(process.env['ROUTING_TARGET_ACCURACY'] ?? DEFAULT_TARGET_ACCURACY);
if (!(target > 0 && target < 1)) {
  emit({ error: 'ROUTING_TARGET_ACCURACY must be between 0 and 1' });
  process.exit(2);
}
emit({ progress: 2, message: `${corpus.length} teks korpus + ${corrections.length} koreksi` });

let step = 0;
const result = retrain({
  base,
  corpus,
  corrections,
  targetAccuracy: target,
  onProgress: (m) => emit({ progress: Math.min(95, 5 + ++step * 6), message: m }),
});
saveModel(result.model, outFile);
const seconds = (performance.now() - t0) / 1000;
emit({
  done: true,
  progress: 100,
  message: `selesai dalam ${seconds.toFixed(1)} detik`,
  versionId: result.model.meta.versionId,
  corpusSize: corpus.length,
  correctionsUsed: result.corrections,
  evaluation: versionEvaluation(result.model),
});
