/**
 * The routing model: a calibrated sector model, then one service-code model per sector
 * (hierarchical), all sparse linear scorers over the same hashed features.
 */
import { createHash } from 'node:crypto';
import { SECTORS, type Sector } from '../../../shared/domain/sectors';
import type { Example } from './corpus';
import { stratifiedSplit } from './corpus';
import { DEFAULT_FEATURES, featurize, type FeatureConfig, type SparseVector } from './features';
import { compile, gather, sectorScores } from './compiled';
import {
  dequantize,
  quantize,
  trainComplementNB,
  trainLogReg,
  type DenseLinear,
  type LinearModel,
} from './linear';
import { fitTemperature, type EvalSummary, type RealEvaluation } from './metrics';
import { analyze } from './normalize';

export const FORMAT_VERSION = 1;
/** Bump when normalize.ts/lexicon.ts change the features: old models must then be retrained. */
export const NORMALIZER_VERSION = 'id-2';

export type Algorithm = 'logreg' | 'cnb';

/**
 * Fallback auto-routing threshold on the calibrated confidence, used only when a model carries no
 * threshold of its own. Models choose theirs for a target auto-routed accuracy (threshold.ts).
 */
export const DEFAULT_THRESHOLD = 0.5;
export const DEFAULT_ALGORITHM: Algorithm = 'logreg';

export interface ModelMeta {
  versionId: string;
  createdAt: string;
  algorithm: Algorithm;
  normalizer: string;
  corpusSize: number;
  corpusBySector: Record<string, number>;
  threshold: number;
  /** Where the threshold comes from: real labels (corrections), the authored split, or a default. */
  thresholdSource?: 'corrections' | 'authored' | 'default';
  /** Auto-routed accuracy the threshold was chosen for. */
  targetAccuracy?: number;
  evaluation: EvalSummary | null;
  /** Held-out scores on real labels (routing corrections, or a realistic file at build time). */
  realEvaluation?: RealEvaluation | null;
  /** Corrections this model was trained on (after deduplication). */
  correctionsUsed?: number;
  /** The model it was warm-started from. */
  baseVersionId?: string | null;
}

export interface Model {
  meta: ModelMeta;
  features: FeatureConfig;
  temperature: number;
  sector: LinearModel;
  services: Record<string, LinearModel>;
}

export interface TrainOptions {
  algorithm?: Algorithm;
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** L2 of the per-sector service-code models. */
  serviceL2?: number;
  /** Complement NB smoothing. */
  alpha?: number;
  seed?: number;
  features?: Partial<FeatureConfig>;
  /** Drop weight rows below this share of the largest weight (model size). */
  prune?: number;
  /** Share of the training data held out to fit the temperature. */
  calibrationShare?: number;
  threshold?: number;
  evaluation?: EvalSummary | null;
  /** Extra metadata stored with the model (see ModelMeta). */
  meta?: Partial<ModelMeta>;
  /**
   * Warm start: begin from this model's weights and regularize toward them (a few epochs adapt it
   * to new data; see linear.ts). Its temperature is kept unless `temperature` is given.
   */
  init?: Model | null;
  /** Fixed temperature: skip fitting one on a calibration split. */
  temperature?: number;
  /** Adagrad accumulator the warm-started rows begin with (smaller first steps). */
  warmAccumulator?: number;
  /** Train the service-code models too (default true; a model only scored on sectors skips them). */
  services?: boolean;
  /** Feature vectors by text, reused across calls with the same feature config (retraining). */
  cache?: Map<string, SparseVector>;
  onProgress?: (message: string) => void;
}

const DEFAULTS = {
  epochs: 12,
  learningRate: 0.4,
  l2: 1e-3,
  serviceL2: 3e-4,
  alpha: 0.1,
  seed: 20240601,
  prune: 0.002,
  calibrationShare: 0.15,
};

type Labeled = { x: SparseVector; y: number; weight: number };
interface FitOptions {
  algorithm: Algorithm;
  epochs: number;
  learningRate: number;
  l2: number;
  alpha: number;
  seed: number;
  warmAccumulator?: number;
}

function fit(
  data: Labeled[],
  classes: string[],
  cfg: FeatureConfig,
  o: FitOptions,
  log: (epoch: number, loss: number) => void,
  init?: DenseLinear,
): DenseLinear {
  const xs = data.map((d) => d.x);
  const ys = data.map((d) => d.y);
  if (o.algorithm === 'cnb') return trainComplementNB(xs, ys, classes, cfg.buckets, o.alpha);
  const weights = data.map((d) => d.weight);
  return trainLogReg(xs, ys, classes, cfg.buckets, { ...o, weights, init, onEpoch: log });
}

/** Feature vectors of the examples; a text that occurs twice is featurized once. */
function featurizeAll(
  examples: readonly Example[],
  cfg: FeatureConfig,
  seen = new Map<string, SparseVector>(),
): SparseVector[] {
  return examples.map((e) => {
    let x = seen.get(e.text);
    if (!x) {
      x = featurize(analyze(e.text), cfg);
      seen.set(e.text, x);
    }
    return x;
  });
}

function versionId(createdAt: string, m: LinearModel): string {
  const h = createHash('sha256').update(m.q).update(m.keys).digest('hex').slice(0, 8);
  return `${createdAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${h}`;
}

export function train(examples: readonly Example[], options: TrainOptions = {}): Model {
  const init = options.init ?? null;
  const o = {
    algorithm: init ? 'logreg' : (options.algorithm ?? DEFAULT_ALGORITHM),
    epochs: options.epochs ?? DEFAULTS.epochs,
    learningRate: options.learningRate ?? DEFAULTS.learningRate,
    l2: options.l2 ?? DEFAULTS.l2,
    serviceL2: options.serviceL2 ?? DEFAULTS.serviceL2,
    alpha: options.alpha ?? DEFAULTS.alpha,
    seed: options.seed ?? DEFAULTS.seed,
    prune: options.prune ?? DEFAULTS.prune,
    calibrationShare: options.calibrationShare ?? DEFAULTS.calibrationShare,
    warmAccumulator: options.warmAccumulator,
  } satisfies FitOptions & Record<string, unknown>;
  const say = options.onProgress ?? (() => {});
  const cfg: FeatureConfig = init
    ? { ...init.features }
    : { ...DEFAULT_FEATURES, ...options.features };
  const classes: Sector[] = SECTORS.filter(
    (s) => examples.some((e) => e.sector === s) || (init?.sector.classes.includes(s) ?? false),
  );
  if (classes.length === 0) throw new Error('train: no examples');
  const classIndex = new Map<string, number>(classes.map((c, i) => [c, i]));
  const vectors = featurizeAll(examples, cfg, options.cache);
  const data = examples.map((e, i) => ({
    x: vectors[i] as SparseVector,
    y: classIndex.get(e.sector) ?? 0,
    weight: e.weight ?? 1,
    e,
  }));
  const sectorLog = (tag: string) => (epoch: number, loss: number) =>
    say(`${tag} epoch ${epoch}/${o.epochs} loss ${loss.toFixed(4)}`);
  const sectorInit = init ? dequantize(init.sector, classes) : undefined;

  // 1. Temperature: given, kept from the starting model, or fitted on a held-out split.
  let temperature = options.temperature ?? init?.temperature ?? 1;
  const fitTemp = options.temperature === undefined && !init && o.calibrationShare > 0;
  const { train: fitPart, test: calPart } = fitTemp
    ? stratifiedSplit(data, (d) => d.e.sector, o.calibrationShare, o.seed + 1)
    : { train: data, test: [] };
  if (calPart.length > 0 && classes.length > 1) {
    const calSector = quantize(fit(fitPart, classes, cfg, o, sectorLog('calib')), o.prune);
    const calModel = compile({ sector: calSector, services: {} });
    temperature = fitTemperature(
      calPart.map((d) => sectorScores(calModel, gather(calModel, d.x), d.x)),
      calPart.map((d) => d.y),
    );
    say(`temperature ${temperature.toPrecision(4)} (fitted on ${calPart.length} held-out texts)`);
  }

  // 2. Sector model on all the data.
  const sector = quantize(fit(data, classes, cfg, o, sectorLog('sector'), sectorInit), o.prune);

  // 3. One service-code model per sector.
  const services: Record<string, LinearModel> = {};
  for (const s of options.services === false ? [] : classes) {
    const own = data.filter((d) => d.e.sector === s && d.e.serviceCode !== null);
    const before = init?.services[s];
    const codes = [
      ...new Set([...own.map((d) => d.e.serviceCode as string), ...(before?.classes ?? [])]),
    ].sort();
    if (codes.length === 0) continue;
    if (own.length === 0 && before) {
      services[s] = before;
      continue;
    }
    const codeIndex = new Map(codes.map((c, i) => [c, i]));
    const labeled = own.map((d) => ({ ...d, y: codeIndex.get(d.e.serviceCode as string) ?? 0 }));
    // Per-sector data is small and unbalanced: logistic regression beats complement NB there
    // whichever learner the sector model uses (see docs/ROUTING.md).
    const svcOptions = { ...o, algorithm: 'logreg' as const, l2: o.serviceL2, seed: o.seed + 7 };
    const svcInit = before ? dequantize(before, codes) : undefined;
    services[s] = quantize(
      fit(labeled, codes, cfg, svcOptions, () => {}, svcInit),
      o.prune,
    );
  }
  say(`service-code models for ${Object.keys(services).length} sectors`);

  const corpusBySector: Record<string, number> = {};
  for (const e of examples) corpusBySector[e.sector] = (corpusBySector[e.sector] ?? 0) + 1;
  const createdAt = new Date().toISOString();
  return {
    meta: {
      versionId: versionId(createdAt, sector),
      createdAt,
      algorithm: o.algorithm,
      normalizer: NORMALIZER_VERSION,
      corpusSize: examples.length,
      corpusBySector,
      threshold: options.threshold ?? init?.meta.threshold ?? DEFAULT_THRESHOLD,
      evaluation: options.evaluation ?? null,
      ...options.meta,
    },
    features: cfg,
    temperature,
    sector,
    services,
  };
}
