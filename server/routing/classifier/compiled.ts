/**
 * Inference form of a model. The sector model and every service-code model share one row space
 * (bucket -> row). Sector weights sit in one compact int8 matrix (rows x sectors), the codes of
 * each sector in a small one of their own (rows x codes), each row with one scale per matrix.
 * Scoring is bound by memory latency rather than arithmetic, so the matrices are small, the rows
 * of a text are looked up once, and dot products run four classes at a time over those rows.
 * Built once per model from the stored int8 weights as they are, so a reloaded model scores
 * exactly like the one that was saved.
 */
import type { SparseVector } from './features';
import type { LinearModel } from './linear';

interface ServiceBlock {
  /** rows x codes of this sector (padded), over the shared row space. */
  matrix: Matrix;
  classes: string[];
  bias: Float64Array;
  l1Coef: Float64Array;
}

/** Int8 weights, rows x width (width a multiple of 4), one scale per row. */
interface Matrix {
  width: number;
  q: Int8Array;
  scales: Float32Array;
}

export interface CompiledModel {
  classes: string[];
  lookup: Int32Array;
  sector: Matrix;
  bias: Float64Array;
  l1Coef: Float64Array;
  /** Mean sector weight of each row (for explanations). */
  rowMeans: Float32Array;
  services: Map<string, ServiceBlock>;
}

export interface Compilable {
  sector: LinearModel;
  services: Record<string, LinearModel>;
}

const cache = new WeakMap<Compilable, CompiledModel>();
const pad4 = (n: number) => Math.ceil(n / 4) * 4;

/** A model's int8 weights laid out over the shared row space (rows x padded width). */
function matrix(m: LinearModel, lookup: Int32Array, rows: number): Matrix {
  const k = m.classes.length;
  const width = pad4(k);
  const out: Matrix = { width, q: new Int8Array(rows * width), scales: new Float32Array(rows) };
  for (let r = 0; r < m.keys.length; r++) {
    const row = lookup[m.keys[r] as number] as number;
    out.scales[row] = m.scales[r] as number;
    out.q.set(m.q.subarray(r * k, r * k + k), row * width);
  }
  return out;
}

export function compile(model: Compilable): CompiledModel {
  const hit = cache.get(model);
  if (hit) return hit;
  const { sector } = model;
  const k = sector.classes.length;
  const lookup = new Int32Array(sector.buckets).fill(-1);
  let rows = 0;
  const addRows = (m: LinearModel) => {
    for (const b of m.keys) if (lookup[b] === -1) lookup[b] = rows++;
  };
  addRows(sector);
  const multi = Object.entries(model.services).filter(([, m]) => m.classes.length > 1);
  for (const [, m] of multi) addRows(m);
  const sectorM = matrix(sector, lookup, rows);
  const rowMeans = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < k; c++) sum += sectorM.q[r * sectorM.width + c] as number;
    rowMeans[r] = (sum / k) * (sectorM.scales[r] as number);
  }
  const cm: CompiledModel = {
    classes: sector.classes,
    lookup,
    sector: sectorM,
    bias: Float64Array.from(sector.bias),
    l1Coef: Float64Array.from(sector.l1Coef),
    rowMeans,
    services: new Map(
      multi.map(([s, m]) => [
        s,
        {
          matrix: matrix(m, lookup, rows),
          classes: m.classes,
          bias: Float64Array.from(m.bias),
          l1Coef: Float64Array.from(m.l1Coef),
        },
      ]),
    ),
  };
  cache.set(model, cm);
  return cm;
}

/** The entries of a feature vector that have a row. */
export interface Gathered {
  n: number;
  /** Index of the entry in the feature vector. */
  entry: Int32Array;
  row: Int32Array;
  l1: number;
}

export function gather(cm: CompiledModel, x: SparseVector): Gathered {
  const len = x.idx.length;
  const entry = new Int32Array(len);
  const row = new Int32Array(len);
  const { lookup } = cm;
  const { idx } = x;
  let n = 0;
  for (let i = 0; i < len; i++) {
    const r = lookup[idx[i] as number] as number;
    if (r < 0) continue;
    entry[n] = i;
    row[n++] = r;
  }
  return { n, entry, row, l1: x.l1 };
}

/** Reused buffers for dots() (which never calls out, so sharing them is safe). */
const scratch = { v: new Float64Array(4096), base: new Int32Array(4096) };

/** z[c] += sum over the gathered rows of value x weight[c]. */
function dots(m: Matrix, g: Gathered, val: Float32Array, z: Float64Array): void {
  const { q, scales, width } = m;
  const { row, entry, n } = g;
  if (scratch.v.length < n) {
    scratch.v = new Float64Array(n * 2);
    scratch.base = new Int32Array(n * 2);
  }
  const { v, base } = scratch;
  for (let j = 0; j < n; j++) {
    const r = row[j] as number;
    v[j] = (val[entry[j] as number] as number) * (scales[r] as number);
    base[j] = r * width;
  }
  // Four columns per pass; the matrix is padded so that c + 3 stays inside the row.
  for (let c = 0; c < z.length; c += 4) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < n; j++) {
      const b = (base[j] as number) + c;
      const vj = v[j] as number;
      s0 += vj * (q[b] as number);
      s1 += vj * (q[b + 1] as number);
      s2 += vj * (q[b + 2] as number);
      s3 += vj * (q[b + 3] as number);
    }
    z[c] = (z[c] as number) + s0;
    if (c + 1 < z.length) z[c + 1] = (z[c + 1] as number) + s1;
    if (c + 2 < z.length) z[c + 2] = (z[c + 2] as number) + s2;
    if (c + 3 < z.length) z[c + 3] = (z[c + 3] as number) + s3;
  }
}

/** Sector logits. */
export function sectorScores(cm: CompiledModel, g: Gathered, x: SparseVector): Float64Array {
  const k = cm.classes.length;
  const z = new Float64Array(k);
  for (let c = 0; c < k; c++) z[c] = (cm.bias[c] as number) + (cm.l1Coef[c] as number) * g.l1;
  dots(cm.sector, g, x.val, z);
  return z;
}

/** Best service code within `sector`, or null when the sector has no multi-code model. */
export function bestService(
  cm: CompiledModel,
  sector: string,
  g: Gathered,
  x: SparseVector,
): string | null {
  const block = cm.services.get(sector);
  if (!block) return null;
  const k = block.classes.length;
  const z = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    z[c] = (block.bias[c] as number) + (block.l1Coef[c] as number) * g.l1;
  }
  dots(block.matrix, g, x.val, z);
  let best = 0;
  for (let c = 1; c < k; c++) if ((z[c] as number) > (z[best] as number)) best = c;
  return block.classes[best] ?? null;
}
