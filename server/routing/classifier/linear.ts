/**
 * Sparse linear scorer over hashed features, used by both learners: multinomial logistic
 * regression (softmax, Adagrad, L2) and complement naive Bayes (log space, weight-normalized).
 * Trained weights are pruned and quantized to int8 per row; inference (compiled.ts) always works
 * from the quantized form, so a serialized and reloaded model predicts exactly the same.
 */
import type { SparseVector } from './features';

export interface LinearModel {
  classes: string[];
  buckets: number;
  bias: number[];
  /** Per-class coefficient on the vector's L1 mass (complement NB's unseen features). */
  l1Coef: number[];
  /** Sorted bucket ids that have a stored row. */
  keys: Int32Array;
  /** One scale per row; weight = q * scale. */
  scales: Float32Array;
  /** keys.length x classes.length int8 weights. */
  q: Int8Array;
}

/** In-place softmax of z / temperature; returns z. */
export function softmax(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < z.length; c++) max = Math.max(max, (z[c] ?? 0) / temperature);
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    const e = Math.exp((z[c] ?? 0) / temperature - max);
    z[c] = e;
    sum += e;
  }
  for (let c = 0; c < z.length; c++) z[c] = (z[c] ?? 0) / sum;
  return z;
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DenseLinear {
  classes: string[];
  buckets: number;
  bias: Float64Array;
  l1Coef: Float64Array;
  /** buckets x classes. */
  w: Float32Array;
  /** Buckets seen in training. */
  seen: Uint8Array;
}

export interface LogRegOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Per-example weight (default 1): scales the example's gradient. */
  weights?: ArrayLike<number>;
  /**
   * Warm start: begin from these weights (same classes and buckets) instead of zero, and pull
   * toward them instead of toward zero (L2 around the starting model), so a few epochs over new
   * data adapt the model without forgetting what it knew.
   */
  init?: DenseLinear;
  /** Initial Adagrad accumulator of the buckets the starting model has seen (damps first steps). */
  warmAccumulator?: number;
  onEpoch?: (epoch: number, loss: number) => void;
}

export function trainLogReg(
  xs: SparseVector[],
  ys: number[],
  classes: string[],
  buckets: number,
  o: LogRegOptions,
): DenseLinear {
  const k = classes.length;
  const init = o.init;
  if (init && (init.classes.length !== k || init.buckets !== buckets)) {
    throw new Error('trainLogReg: the starting model has other classes or buckets');
  }
  const w = init ? Float32Array.from(init.w) : new Float32Array(buckets * k);
  const anchor = init?.w;
  const g2 = new Float32Array(buckets);
  const seen = init ? Uint8Array.from(init.seen) : new Uint8Array(buckets);
  if (init && o.warmAccumulator) {
    for (let b = 0; b < buckets; b++) if (seen[b]) g2[b] = o.warmAccumulator;
  }
  const bias = init ? Float64Array.from(init.bias) : new Float64Array(k);
  const biasAnchor = init ? Float64Array.from(init.bias) : null;
  const bias2 = new Float64Array(k).fill(init ? (o.warmAccumulator ?? 0) : 0);
  const z = new Float64Array(k);
  const order = xs.map((_, i) => i);
  const rand = rng(o.seed);
  const model: DenseLinear = { classes, buckets, bias, l1Coef: new Float64Array(k), w, seen };
  for (const x of xs) for (const b of x.idx) seen[b] = 1;
  if (k < 2) return model;
  let totalWeight = 0;
  for (let n = 0; n < xs.length; n++) totalWeight += o.weights?.[n] ?? 1;
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = t;
    }
    let loss = 0;
    for (const n of order) {
      const x = xs[n];
      const y = ys[n] ?? 0;
      const weight = o.weights?.[n] ?? 1;
      if (!x || weight <= 0) continue;
      for (let c = 0; c < k; c++) z[c] = bias[c] ?? 0;
      for (let i = 0; i < x.idx.length; i++) {
        const base = (x.idx[i] ?? 0) * k;
        const v = x.val[i] ?? 0;
        for (let c = 0; c < k; c++) z[c] = (z[c] ?? 0) + v * (w[base + c] ?? 0);
      }
      softmax(z);
      loss -= weight * Math.log(Math.max(z[y] ?? 0, 1e-12));
      let gsq = 0;
      for (let c = 0; c < k; c++) {
        const g = weight * ((z[c] ?? 0) - (c === y ? 1 : 0));
        z[c] = g;
        gsq += g * g;
        bias2[c] = (bias2[c] ?? 0) + g * g;
        const pull = biasAnchor ? o.l2 * ((bias[c] ?? 0) - (biasAnchor[c] ?? 0)) : 0;
        bias[c] =
          (bias[c] ?? 0) - (o.learningRate * (g + pull)) / Math.sqrt((bias2[c] ?? 0) + 1e-8);
      }
      for (let i = 0; i < x.idx.length; i++) {
        const b = x.idx[i] ?? 0;
        const v = x.val[i] ?? 0;
        const acc = (g2[b] ?? 0) + v * v * gsq;
        g2[b] = acc;
        const step = o.learningRate / Math.sqrt(acc + 1e-8);
        const base = b * k;
        if (anchor) {
          for (let c = 0; c < k; c++) {
            const wc = w[base + c] ?? 0;
            w[base + c] = wc - step * ((z[c] ?? 0) * v + o.l2 * (wc - (anchor[base + c] ?? 0)));
          }
        } else {
          for (let c = 0; c < k; c++) {
            const wc = w[base + c] ?? 0;
            w[base + c] = wc - step * ((z[c] ?? 0) * v + o.l2 * wc);
          }
        }
      }
    }
    o.onEpoch?.(epoch, loss / Math.max(1, totalWeight));
  }
  return model;
}

/** Quantized weights back to a dense scorer over `classes` (classes it lacks get zero weights). */
export function dequantize(m: LinearModel, classes: readonly string[]): DenseLinear {
  const k = classes.length;
  const from = m.classes.length;
  const col = classes.map((c) => m.classes.indexOf(c));
  const w = new Float32Array(m.buckets * k);
  const seen = new Uint8Array(m.buckets);
  for (let r = 0; r < m.keys.length; r++) {
    const b = m.keys[r] as number;
    const scale = m.scales[r] as number;
    seen[b] = 1;
    for (let c = 0; c < k; c++) {
      const j = col[c] as number;
      if (j >= 0) w[b * k + c] = (m.q[r * from + j] as number) * scale;
    }
  }
  const pick = (a: number[]) => Float64Array.from(col.map((j) => (j >= 0 ? (a[j] ?? 0) : -5)));
  return {
    classes: [...classes],
    buckets: m.buckets,
    bias: pick(m.bias),
    l1Coef: pick(m.l1Coef).fill(0),
    w,
    seen,
  };
}

/** Complement naive Bayes (Rennie et al. 2003) with weight normalization, as a linear scorer. */
export function trainComplementNB(
  xs: SparseVector[],
  ys: number[],
  classes: string[],
  buckets: number,
  alpha: number,
): DenseLinear {
  const k = classes.length;
  const counts = new Float64Array(buckets * k);
  const seen = new Uint8Array(buckets);
  xs.forEach((x, n) => {
    const y = ys[n] ?? 0;
    for (let i = 0; i < x.idx.length; i++) {
      const b = x.idx[i] ?? 0;
      seen[b] = 1;
      counts[b * k + y] = (counts[b * k + y] ?? 0) + (x.val[i] ?? 0);
    }
  });
  const total = new Float64Array(k);
  const seenList: number[] = [];
  for (let b = 0; b < buckets; b++) {
    if (!seen[b]) continue;
    seenList.push(b);
    for (let c = 0; c < k; c++) total[c] = (total[c] ?? 0) + (counts[b * k + c] ?? 0);
  }
  const all = total.reduce((a, v) => a + v, 0);
  const w = new Float32Array(buckets * k);
  const l1Coef = new Float64Array(k);
  const unseen = buckets - seenList.length;
  for (let c = 0; c < k; c++) {
    const denom = all - (total[c] ?? 0) + alpha * buckets;
    const dflt = Math.log(alpha / denom);
    let norm = unseen * Math.abs(dflt);
    const raw = new Float64Array(seenList.length);
    seenList.forEach((b, r) => {
      let comp = 0;
      for (let c2 = 0; c2 < k; c2++) if (c2 !== c) comp += counts[b * k + c2] ?? 0;
      raw[r] = Math.log((comp + alpha) / denom);
      norm += Math.abs(raw[r] ?? 0);
    });
    // Score = -x.w; unseen buckets all share dflt, folded into the L1 coefficient.
    l1Coef[c] = -dflt / norm;
    seenList.forEach((b, r) => {
      w[b * k + c] = -((raw[r] ?? 0) - dflt) / norm;
    });
  }
  return { classes, buckets, bias: new Float64Array(k), l1Coef, w, seen };
}

/** Keep rows whose largest weight reaches `prune` x the global largest; int8 per row. */
export function quantize(d: DenseLinear, prune: number): LinearModel {
  const k = d.classes.length;
  let globalMax = 0;
  for (let i = 0; i < d.w.length; i++) globalMax = Math.max(globalMax, Math.abs(d.w[i] ?? 0));
  const keys: number[] = [];
  const scales: number[] = [];
  const q: number[] = [];
  for (let b = 0; b < d.buckets; b++) {
    if (!d.seen[b]) continue;
    let m = 0;
    for (let c = 0; c < k; c++) m = Math.max(m, Math.abs(d.w[b * k + c] ?? 0));
    if (m === 0 || m < prune * globalMax) continue;
    const sc = Math.fround(m / 127);
    keys.push(b);
    scales.push(sc);
    for (let c = 0; c < k; c++) q.push(Math.round((d.w[b * k + c] ?? 0) / sc));
  }
  return {
    classes: d.classes,
    buckets: d.buckets,
    bias: Array.from(d.bias),
    l1Coef: Array.from(d.l1Coef),
    keys: Int32Array.from(keys),
    scales: Float32Array.from(scales),
    q: Int8Array.from(q),
  };
}
