/**
 * Classification with the hierarchical model: calibrated sector probabilities, then the service
 * code within the predicted sector, and the terms that pushed the text toward that sector.
 */
import { SECTORS, type Sector } from '../../../shared/domain/sectors';
import { featurize, GROUP_BIGRAM, type SparseVector } from './features';
import {
  bestService,
  compile,
  gather,
  sectorScores,
  type CompiledModel,
  type Gathered,
} from './compiled';
import { softmax } from './linear';
import type { Model } from './model';
import { analyze } from './normalize';

export interface SectorScore {
  sector: Sector;
  score: number;
}

export interface TermWeight {
  term: string;
  weight: number;
}

export interface ClassifyResult {
  sector: Sector;
  serviceCode: string | null;
  /** Calibrated probability that `sector` is right (0..1). */
  confidence: number;
  /** The three most likely sectors, best first. */
  topSectors: SectorScore[];
  explanation: { topTerms: TermWeight[] };
}

export interface ClassifyOptions {
  /** Compute explanation.topTerms (default true; the batch CLI turns it off). */
  explain?: boolean;
}

const TOP_TERMS = 5;
/**
 * Contribution of each term to class `c` relative to the average class. Contributions are summed
 * per token position first (cheap), then merged per stem or stem bigram.
 */
function explain(
  cm: CompiledModel,
  x: SparseVector,
  g: Gathered,
  stems: string[],
  c: number,
): TermWeight[] {
  const { q, scales, width } = cm.sector;
  const { rowMeans } = cm;
  const n = stems.length;
  const single = new Float64Array(n);
  const pair = new Float64Array(n);
  for (let j = 0; j < g.n; j++) {
    const i = g.entry[j] as number;
    const r = g.row[j] as number;
    const weight = (q[r * width + c] as number) * (scales[r] as number);
    const contrib = (x.val[i] as number) * (weight - (rowMeans[r] as number));
    const o = x.origin[i] as number;
    if (x.group[i] === GROUP_BIGRAM) pair[o] = (pair[o] as number) + contrib;
    else single[o] = (single[o] as number) + contrib;
  }
  const byTerm = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const w = single[i] as number;
    if (w !== 0) byTerm.set(stems[i] as string, (byTerm.get(stems[i] as string) ?? 0) + w);
  }
  // A bigram's features all sit at its first position; only the strongest need a string.
  const pairs: number[] = [];
  for (let i = 0; i + 1 < n; i++) if ((pair[i] as number) > 0) pairs.push(i);
  pairs.sort((a, b) => (pair[b] as number) - (pair[a] as number));
  for (const i of pairs.slice(0, TOP_TERMS)) {
    const term = `${stems[i] ?? ''} ${stems[i + 1] ?? ''}`;
    byTerm.set(term, (byTerm.get(term) ?? 0) + (pair[i] as number));
  }
  return [...byTerm]
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOP_TERMS)
    .map(([term, w]) => ({ term, weight: Math.round(w * 1e4) / 1e4 }));
}

/** Raw sector logits of a text, in `model.sector.classes` order (before the temperature). */
export function sectorLogits(model: Model, text: string): Float64Array {
  const x = featurize(analyze(text), model.features);
  const cm = compile(model);
  return sectorScores(cm, gather(cm, x), x);
}

export function classify(
  model: Model,
  text: string,
  options: ClassifyOptions = {},
): ClassifyResult {
  const a = analyze(text);
  const x = featurize(a, model.features);
  const cm = compile(model);
  const classes = cm.classes;
  const g = gather(cm, x);
  // No topical word at all (only greetings, numbers, ...): every sector is equally likely and
  // ties go to 'lainnya', which is manual triage territory anyway.
  const z =
    x.idx.length === 0
      ? new Float64Array(classes.length).fill(1 / classes.length)
      : softmax(sectorScores(cm, g, x), model.temperature);
  const order = (s: string) => (s === 'lainnya' ? -1 : SECTORS.indexOf(s as Sector));
  const ranked = classes
    .map((s, i) => ({ sector: s as Sector, score: z[i] ?? 0 }))
    .sort((p, q) => q.score - p.score || order(p.sector) - order(q.sector));
  // Models trained on fewer than three sectors still report three entries.
  for (const s of SECTORS) {
    if (ranked.length >= 3) break;
    if (!ranked.some((r) => r.sector === s)) ranked.push({ sector: s, score: 0 });
  }
  const top = ranked[0] ?? { sector: 'lainnya' as Sector, score: 0 };
  const single = model.services[top.sector];
  const serviceCode =
    single && single.classes.length === 1
      ? (single.classes[0] ?? null)
      : bestService(cm, top.sector, g, x);
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  const c = classes.indexOf(top.sector);
  return {
    sector: top.sector,
    serviceCode,
    confidence: round(top.score),
    topSectors: ranked.slice(0, 3).map((r) => ({ sector: r.sector, score: round(r.score) })),
    explanation: {
      topTerms: options.explain === false || c < 0 ? [] : explain(cm, x, g, a.stems, c),
    },
  };
}
