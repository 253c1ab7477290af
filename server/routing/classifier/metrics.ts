/**
 * Evaluation and calibration: accuracy, macro-F1, per-class precision/recall/F1, confusion
 * matrix, expected calibration error, coverage at a confidence threshold, and temperature
 * scaling fitted by minimizing the negative log-likelihood on a validation split.
 */

export interface Prediction {
  truth: string;
  predicted: string;
  confidence: number;
}

export interface ClassStats {
  label: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Coverage {
  threshold: number;
  coverage: number;
  accuracy: number;
}

export interface EvalSummary {
  n: number;
  accuracy: number;
  macroF1: number;
  ece: number;
  coverage: Coverage;
  serviceAccuracy?: number;
}

/** One confidence bucket: how often the model was right when it said `confidence`. */
export interface ReliabilityBin {
  /** Lower edge of the bucket (0, 0.1, ... 0.9). */
  from: number;
  n: number;
  /** Mean confidence in the bucket. */
  confidence: number;
  accuracy: number;
}

/** Scores on real labels (corrections, or a realistic file), with reliability by confidence. */
export interface RealEvaluation extends EvalSummary {
  /** `corrections` (held out from training), or the name of a realistic file. */
  source: string;
  reliability: ReliabilityBin[];
}

export function accuracy(p: readonly Prediction[]): number {
  if (p.length === 0) return 0;
  return p.filter((x) => x.truth === x.predicted).length / p.length;
}

export function perClass(p: readonly Prediction[], labels: readonly string[]): ClassStats[] {
  return labels.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const x of p) {
      if (x.predicted === label && x.truth === label) tp++;
      else if (x.predicted === label) fp++;
      else if (x.truth === label) fn++;
    }
    const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
    const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, support: tp + fn, precision, recall, f1 };
  });
}

/** Mean F1 over the labels that occur in the truth at least `minSupport` times. */
export function macroF1(
  p: readonly Prediction[],
  labels: readonly string[],
  minSupport = 1,
): number {
  const stats = perClass(p, labels).filter((s) => s.support >= Math.max(1, minSupport));
  return stats.length === 0 ? 0 : stats.reduce((a, s) => a + s.f1, 0) / stats.length;
}

/** counts[truth][predicted] in `labels` order. */
export function confusion(p: readonly Prediction[], labels: readonly string[]): number[][] {
  const pos = new Map(labels.map((l, i) => [l, i]));
  const m = labels.map(() => labels.map(() => 0));
  for (const x of p) {
    const t = pos.get(x.truth);
    const q = pos.get(x.predicted);
    const row = t === undefined ? undefined : m[t];
    if (row && q !== undefined) row[q] = (row[q] ?? 0) + 1;
  }
  return m;
}

/** Expected calibration error over equal-width confidence bins. */
export function ece(p: readonly Prediction[], bins = 10): number {
  if (p.length === 0) return 0;
  const n = new Array<number>(bins).fill(0);
  const conf = new Array<number>(bins).fill(0);
  const acc = new Array<number>(bins).fill(0);
  for (const x of p) {
    const b = Math.min(bins - 1, Math.floor(x.confidence * bins));
    n[b] = (n[b] ?? 0) + 1;
    conf[b] = (conf[b] ?? 0) + x.confidence;
    acc[b] = (acc[b] ?? 0) + (x.truth === x.predicted ? 1 : 0);
  }
  let e = 0;
  for (let b = 0; b < bins; b++) {
    const nb = n[b] ?? 0;
    if (nb > 0) e += (nb / p.length) * Math.abs((acc[b] ?? 0) / nb - (conf[b] ?? 0) / nb);
  }
  return e;
}

/** Accuracy and mean confidence per equal-width confidence bucket (empty buckets omitted). */
export function reliability(p: readonly Prediction[], bins = 10): ReliabilityBin[] {
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const inBin = p.filter((x) => Math.min(bins - 1, Math.floor(x.confidence * bins)) === b);
    if (inBin.length === 0) continue;
    const mean = inBin.reduce((a, x) => a + x.confidence, 0) / inBin.length;
    out.push({ from: b / bins, n: inBin.length, confidence: mean, accuracy: accuracy(inBin) });
  }
  return out;
}

/** Share of texts at or above the threshold (auto-routed) and the accuracy on that share. */
export function coverageAt(p: readonly Prediction[], threshold: number): Coverage {
  const routed = p.filter((x) => x.confidence >= threshold);
  return {
    threshold,
    coverage: p.length === 0 ? 0 : routed.length / p.length,
    accuracy: accuracy(routed),
  };
}

export function summarize(
  p: readonly Prediction[],
  labels: readonly string[],
  threshold: number,
  minSupport = 1,
): EvalSummary {
  return {
    n: p.length,
    accuracy: accuracy(p),
    macroF1: macroF1(p, labels, minSupport),
    ece: ece(p),
    coverage: coverageAt(p, threshold),
  };
}

/** Mean negative log-likelihood of the true classes under softmax(logits / t). */
function nll(logits: readonly Float64Array[], truth: readonly number[], t: number): number {
  let total = 0;
  logits.forEach((z, n) => {
    let max = -Infinity;
    for (const v of z) max = Math.max(max, v / t);
    let sum = 0;
    for (const v of z) sum += Math.exp(v / t - max);
    total -= (z[truth[n] ?? 0] ?? 0) / t - max - Math.log(sum);
  });
  return total / Math.max(1, logits.length);
}

/** Temperature minimizing validation NLL (golden-section search on log t). */
export function fitTemperature(logits: readonly Float64Array[], truth: readonly number[]): number {
  if (logits.length === 0) return 1;
  let spread = 0;
  for (const z of logits) spread = Math.max(spread, Math.max(...z) - Math.min(...z));
  const center = Math.log(Math.max(spread, 1e-12));
  let lo = center - 12;
  let hi = center + 6;
  const g = (Math.sqrt(5) - 1) / 2;
  let a = hi - g * (hi - lo);
  let b = lo + g * (hi - lo);
  let fa = nll(logits, truth, Math.exp(a));
  let fb = nll(logits, truth, Math.exp(b));
  for (let i = 0; i < 80; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - g * (hi - lo);
      fa = nll(logits, truth, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + g * (hi - lo);
      fb = nll(logits, truth, Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}
