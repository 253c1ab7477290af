/**
 * Training job, run in a child process so the server keeps answering: trains on the project's
 * corpus plus the stored routing corrections, evaluates on a stratified held-out split, and
 * writes the model file. Progress is printed as JSON lines on stdout.
 *
 *   node --import tsx server/routing/train.job.ts <examples.json> <out.json.gz>
 */
import '../lib/quiet-dotenv';
import { readFileSync } from 'node:fs';
import { loadCorpus, stratifiedSplit, type Example } from './classifier/corpus';
import { evaluate } from './classifier/evaluate';
import { saveModel } from './classifier/io';
import { DEFAULT_THRESHOLD, train } from './classifier/model';

function emit(msg: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(msg) + '\n');
}

const [examplesFile, outFile] = process.argv.slice(2);
if (!examplesFile || !outFile) {
  emit({ error: 'usage: train.job.ts <examples.json> <out.json.gz>' });
  process.exit(2);
}
const corrections = JSON.parse(readFileSync(examplesFile, 'utf8')) as Example[];
const corpus = loadCorpus().examples;
// Corrections are real inputs with the label a person chose: weigh them like two corpus texts.
const all = [...corpus, ...corrections, ...corrections];
emit({ progress: 2, message: `${corpus.length} corpus texts + ${corrections.length} corrections` });

let step = 0;
const { train: part, test } = stratifiedSplit(all, (e) => e.sector, 0.2, 42);
const evalModel = train(part, {
  onProgress: (m) => emit({ progress: Math.min(45, 5 + ++step * 3), message: `evaluasi: ${m}` }),
});
const summary = evaluate(evalModel, test, DEFAULT_THRESHOLD).summary;
emit({
  progress: 50,
  message: `akurasi ${summary.accuracy.toFixed(3)}, macro-F1 ${summary.macroF1.toFixed(3)}`,
});
step = 0;
const model = train(all, {
  evaluation: summary,
  threshold: DEFAULT_THRESHOLD,
  onProgress: (m) =>
    emit({ progress: Math.min(95, 50 + ++step * 3), message: `model akhir: ${m}` }),
});
saveModel(model, outFile);
emit({
  done: true,
  progress: 100,
  versionId: model.meta.versionId,
  corpusSize: all.length,
  evaluation: {
    accuracy: summary.accuracy,
    macroF1: summary.macroF1,
    coverage: summary.coverage.coverage,
    coveredAccuracy: summary.coverage.accuracy,
    threshold: model.meta.threshold,
  },
});
