/**
 * Building the shipped (base) model from the authored corpus, shared by scripts/train-routing.ts
 * and the learning-curve evaluation:
 *  1. training set = corpus texts + one realistic variant of each (augment.ts) + catalog keyword
 *     priors (catalog-priors.ts);
 *  2. a stratified 80/20 split of the corpus (seed 42): a model trained on the 80% (and its
 *     variants) scores the 20%; the temperature is fitted on those held-out logits, and the
 *     threshold is chosen on them for the target auto-routed accuracy, with the margin for real
 *     text of threshold.ts (authoredThreshold);
 *  3. the final model is trained on everything with that temperature and threshold.
 */
import { augment } from './augment';
import { catalogExamples } from './catalog-priors';
import { stratifiedSplit, type Example } from './corpus';
import { evaluateLabelled, type Evaluation } from './evaluate';
import { fitTemperature, type EvalSummary } from './metrics';
import { train, type Model, type TrainOptions } from './model';
import { authoredThreshold, DEFAULT_TARGET_ACCURACY } from './threshold';
import { sectorLogits } from './predict';

export const EVAL_SEED = 42;
export const EVAL_SHARE = 0.2;

/** Corpus texts, their realistic variants and the catalog priors. */
export function trainingSet(corpus: readonly Example[]): Example[] {
  return [...corpus, ...augment(corpus), ...catalogExamples()];
}

export interface AuthoredEvaluation {
  /** The model trained on 80% of the corpus, with the fitted temperature and chosen threshold. */
  model: Model;
  /** Its scores on the held-out 20%. */
  evaluation: EvalSummary;
  predictions: Evaluation['predictions'];
  labels: string[];
  temperature: number;
  threshold: number;
  thresholdChosen: boolean;
}

export interface BuildOptions extends TrainOptions {
  targetAccuracy?: number;
  /** Seed of the 80/20 split (default 42; the training seed is `seed`). */
  splitSeed?: number;
}

/** Steps 1-2 of the module comment: the authored-split model and its scores. */
export function evaluateAuthored(
  corpus: readonly Example[],
  o: BuildOptions = {},
): AuthoredEvaluation {
  const say = o.onProgress ?? (() => {});
  const target = o.targetAccuracy ?? DEFAULT_TARGET_ACCURACY;
  const seed = o.splitSeed ?? EVAL_SEED;
  const { train: part, test } = stratifiedSplit(corpus, (e) => e.sector, EVAL_SHARE, seed);
  say(`held-out evaluation: train ${part.length} / test ${test.length}`);
  const model = train(trainingSet(part), {
    ...o,
    temperature: 1,
    onProgress: (m) => say(`[eval] ${m}`),
  });
  const temperature = fitTemperature(
    test.map((e) => sectorLogits(model, e.text)),
    test.map((e) => model.sector.classes.indexOf(e.sector)),
  );
  model.temperature = temperature;
  say(`temperature ${temperature.toPrecision(4)} (fitted on ${test.length} held-out texts)`);
  const chosen = authoredThreshold(evaluateLabelled(model, test).predictions, target);
  const threshold = chosen.threshold;
  model.meta.threshold = threshold;
  const ev = evaluateLabelled(model, test, threshold);
  say(`threshold ${threshold} for auto-routed accuracy >= ${target} (authored split)`);
  return {
    model,
    evaluation: ev.summary,
    predictions: ev.predictions,
    labels: ev.labels,
    temperature,
    threshold,
    thresholdChosen: chosen.chosen,
  };
}

/** The shipped model: see the module comment. */
export function buildBaseModel(
  corpus: readonly Example[],
  o: BuildOptions = {},
): { model: Model; authored: AuthoredEvaluation } {
  const authored = evaluateAuthored(corpus, o);
  const model = train(trainingSet(corpus), {
    ...o,
    temperature: authored.temperature,
    threshold: authored.threshold,
    evaluation: authored.evaluation,
    meta: {
      thresholdSource: authored.thresholdChosen ? 'authored' : 'default',
      targetAccuracy: o.targetAccuracy ?? DEFAULT_TARGET_ACCURACY,
      ...o.meta,
    },
    onProgress: (m) => (o.onProgress ?? (() => {}))(`[final] ${m}`),
  });
  return { model, authored };
}
