/**
 * Retraining with routing corrections: the one code path used by the server's training job
 * (train.job.ts) and by `npm run eval:routing -- --curve` (classifier/curve.ts).
 *
 *  1. Corrections are deduplicated: one example per normalized text, with the latest label
 *     (input order is chronological). A corpus text with the same normalized form is dropped.
 *  2. They are split by a hash of that normalized text: 20% held out (when there are at least
 *     MIN_FOR_HOLDOUT), so no text is ever on both sides and a text stays on its side across
 *     retrains.
 *  3. A model warm-started from the base model (the shipped one) is trained for a few epochs on
 *     the training set of the corpus plus the remaining corrections, each weighing several
 *     authored texts (correctionWeight). It scores the held-out corrections: real labels. With
 *     MIN_REAL_LABELS or more of them, the temperature is fitted and the threshold chosen on
 *     them (threshold.ts); otherwise the base model's (authored split) are kept.
 *  4. The final model is trained the same way on all corrections and carries those scores,
 *     temperature and threshold.
 */
import { createHash } from 'node:crypto';
import { trainingSet } from './classifier/build';
import type { Example } from './classifier/corpus';
import { evaluateLabelled, realEvaluation } from './classifier/evaluate';
import type { SparseVector } from './classifier/features';
import { fitTemperature, type RealEvaluation } from './classifier/metrics';
import { train, type Model, type TrainOptions } from './classifier/model';
import { normalize } from './classifier/normalize';
import { sectorLogits } from './classifier/predict';
import { chooseThreshold, DEFAULT_TARGET_ACCURACY, MIN_REAL_LABELS } from './classifier/threshold';

/**
 * How many authored texts a correction weighs: more as corrections accumulate (a few corrections
 * only nudge the model; hundreds of real labels outweigh the corpus where they disagree), from
 * MIN_CORRECTION_WEIGHT up to MAX_CORRECTION_WEIGHT at CORRECTIONS_FOR_MAX_WEIGHT corrections.
 * Tuned on the realistic dev file (docs/ROUTING.md).
 */
export const MIN_CORRECTION_WEIGHT = 2;
export const MAX_CORRECTION_WEIGHT = 8;
export const CORRECTIONS_FOR_MAX_WEIGHT = 400;

export function correctionWeight(corrections: number): number {
  const ramp = (MAX_CORRECTION_WEIGHT * corrections) / CORRECTIONS_FOR_MAX_WEIGHT;
  return Math.min(MAX_CORRECTION_WEIGHT, Math.max(MIN_CORRECTION_WEIGHT, ramp));
}
/** Epochs of a warm-started retrain (tuned on the realistic dev file). */
export const WARM_EPOCHS = 3;
export const WARM_LEARNING_RATE = 0.1;
export const WARM_ACCUMULATOR = 1;
/** Share of the corrections held out to score the new model. */
export const HOLDOUT_SHARE = 0.2;
/** Fewest corrections from which some are held out. */
export const MIN_FOR_HOLDOUT = 20;

/** The text a correction is known by: its normalized stems (or the trimmed text if none). */
export function correctionKey(text: string): string {
  const n = normalize(text);
  return n !== '' ? n : text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** One example per normalized text, the latest label winning (input is chronological). */
export function dedupeCorrections(corrections: readonly Example[]): Example[] {
  const latest = new Map<string, Example>();
  for (const c of corrections) {
    const key = correctionKey(c.text);
    latest.delete(key); // keep the position of the latest
    latest.set(key, c);
  }
  return [...latest.values()];
}

function heldOut(key: string, share: number): boolean {
  const h = createHash('sha1').update(key).digest().readUInt32BE(0);
  return h / 0x100000000 < share;
}

/** Deterministic split by normalized text: the same text always lands on the same side. */
export function splitCorrections(
  corrections: readonly Example[],
  share = HOLDOUT_SHARE,
): { train: Example[]; holdout: Example[] } {
  if (corrections.length < MIN_FOR_HOLDOUT) return { train: [...corrections], holdout: [] };
  const train: Example[] = [];
  const holdout: Example[] = [];
  for (const c of corrections) (heldOut(correctionKey(c.text), share) ? holdout : train).push(c);
  return { train, holdout };
}

export interface RetrainOptions {
  /** The model to warm-start from (the shipped model). */
  base: Model;
  /** The authored corpus (loadCorpus). */
  corpus: readonly Example[];
  /** Corrections, oldest first. */
  corrections: readonly Example[];
  correctionWeight?: number;
  epochs?: number;
  learningRate?: number;
  warmAccumulator?: number;
  /** Train from zero for the full number of epochs instead of warm-starting (slower; compare). */
  fromScratch?: boolean;
  targetAccuracy?: number;
  onProgress?: (message: string) => void;
}

export interface RetrainResult {
  model: Model;
  /** Scores on the held-out corrections (null when too few were held out). */
  evaluation: RealEvaluation | null;
  /** Corrections after deduplication, and how many of them were held out. */
  corrections: number;
  holdout: number;
}

export function retrain(o: RetrainOptions): RetrainResult {
  const say = o.onProgress ?? (() => {});
  const target = o.targetAccuracy ?? DEFAULT_TARGET_ACCURACY;
  const corrections = dedupeCorrections(o.corrections);
  const weight = o.correctionWeight ?? correctionWeight(corrections.length);
  const keys = new Set(corrections.map((c) => correctionKey(c.text)));
  const base = trainingSet(o.corpus.filter((e) => !keys.has(correctionKey(e.text))));
  const { train: fitPart, holdout } = splitCorrections(corrections);
  say(
    `${o.corpus.length} corpus texts, ${corrections.length} corrections ` +
      `(${holdout.length} held out, weight ${weight.toFixed(1)})`,
  );
  const cache = new Map<string, SparseVector>();
  const fit = (extra: readonly Example[], more: TrainOptions, tag: string) =>
    train([...base, ...extra.map((c) => ({ ...c, weight }))], {
      ...(o.fromScratch
        ? { features: o.base.features, temperature: o.base.temperature, epochs: o.epochs }
        : {
            init: o.base,
            epochs: o.epochs ?? WARM_EPOCHS,
            learningRate: o.learningRate ?? WARM_LEARNING_RATE,
            warmAccumulator: o.warmAccumulator ?? WARM_ACCUMULATOR,
          }),
      cache,
      ...more,
      onProgress: (m) => say(`${tag}: ${m}`),
    });

  let temperature = o.base.temperature;
  let threshold = o.base.meta.threshold;
  let thresholdSource = o.base.meta.thresholdSource ?? 'authored';
  let evaluation: RealEvaluation | null = null;
  if (holdout.length > 0) {
    const evalModel = fit(fitPart, { services: false }, 'evaluasi');
    if (holdout.length >= MIN_REAL_LABELS) {
      temperature = fitTemperature(
        holdout.map((c) => sectorLogits(evalModel, c.text)),
        holdout.map((c) => evalModel.sector.classes.indexOf(c.sector)),
      );
      evalModel.temperature = temperature;
      const chosen = chooseThreshold(evaluateLabelled(evalModel, holdout).predictions, target);
      if (chosen) {
        threshold = chosen.threshold;
        thresholdSource = 'corrections';
      }
    }
    evaluation = realEvaluation(evaluateLabelled(evalModel, holdout, threshold), 'corrections');
    say(
      `held-out corrections: accuracy ${evaluation.accuracy.toFixed(3)}, ` +
        `threshold ${threshold} (${thresholdSource})`,
    );
  }
  const model = fit(
    corrections,
    {
      temperature,
      threshold,
      evaluation: o.base.meta.evaluation,
      meta: {
        thresholdSource,
        targetAccuracy: target,
        realEvaluation: evaluation ?? o.base.meta.realEvaluation ?? null,
        correctionsUsed: corrections.length,
        baseVersionId: o.base.meta.versionId,
      },
    },
    'model akhir',
  );
  return { model, evaluation, corrections: corrections.length, holdout: holdout.length };
}
