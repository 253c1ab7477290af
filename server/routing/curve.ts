/**
 * Learning curve on a labelled file (`npm run eval:routing -- --curve FILE`): how a model does on
 * real-looking text with no corrections, and after k of them, retrained exactly as the server
 * does (retrain.ts).
 *
 * The file's rows are shuffled with the seed; the first half is the fixed evaluation half, the
 * second half is the pool of corrections, of which the first k are used at step k.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SECTORS } from '../../shared/domain/sectors';
import type { Example } from './classifier/corpus';
import { evaluateLabelled, type LabelledText } from './classifier/evaluate';
import { rng } from './classifier/linear';
import type { Model } from './classifier/model';
import { retrain } from './retrain';

const Row = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string().trim().min(1),
  sector: z.enum(SECTORS),
  allowed: z.array(z.enum(SECTORS)).optional(),
  serviceCode: z.string().nullish(),
});
export type LabelledRow = z.infer<typeof Row>;

/** Rows of a JSONL file; a bad line throws with its line number. */
export function loadLabelled(file: string): LabelledRow[] {
  const rows: LabelledRow[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const parsed = Row.safeParse(JSON.parse(line));
      if (!parsed.success) {
        throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      }
      rows.push(parsed.data);
    });
  return rows;
}

/** Sectors need this many rows in the evaluation half to count in macro-F1. */
export const MACRO_F1_MIN_ROWS = 10;

export interface CurveStep {
  k: number;
  accuracy: number;
  macroF1: number;
  ece: number;
  /** Share of the evaluation half routed automatically at the model's threshold. */
  coverage: number;
  /** Accuracy on those. */
  autoAccuracy: number;
  trainSeconds: number;
  threshold: number;
  thresholdSource: string;
}

export interface CurveOptions {
  rows: readonly LabelledRow[];
  steps: readonly number[];
  seed: number;
  base: Model;
  corpus: readonly Example[];
  /** Corrections weight (default: the server's). */
  correctionWeight?: number;
  onProgress?: (message: string) => void;
  onStep?: (step: CurveStep) => void;
}

export function splitHalves(rows: readonly LabelledRow[], seed: number) {
  const shuffled = [...rows];
  const rand = rng(seed);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as LabelledRow, shuffled[i] as LabelledRow];
  }
  const half = Math.floor(shuffled.length / 2);
  return { evaluation: shuffled.slice(0, half), pool: shuffled.slice(half) };
}

export function learningCurve(o: CurveOptions): CurveStep[] {
  const say = o.onProgress ?? (() => {});
  const { evaluation, pool } = splitHalves(o.rows, o.seed);
  const items: LabelledText[] = evaluation.map((r) => ({
    text: r.text,
    sector: r.sector,
    allowed: r.allowed ?? [r.sector],
  }));
  const out: CurveStep[] = [];
  for (const wanted of o.steps) {
    const k = Math.min(wanted, pool.length);
    if (k < wanted) say(`only ${pool.length} rows in the correction half: k=${wanted} uses ${k}`);
    const corrections: Example[] = pool.slice(0, k).map((r) => ({
      text: r.text,
      sector: r.sector,
      serviceCode: r.serviceCode ?? null,
    }));
    const t0 = performance.now();
    const model =
      k === 0
        ? o.base
        : retrain({
            base: o.base,
            corpus: o.corpus,
            corrections,
            correctionWeight: o.correctionWeight,
            onProgress: (m) => say(`[k=${k}] ${m}`),
          }).model;
    const trainSeconds = k === 0 ? 0 : (performance.now() - t0) / 1000;
    const s = evaluateLabelled(model, items, model.meta.threshold, MACRO_F1_MIN_ROWS).summary;
    const step: CurveStep = {
      k,
      accuracy: s.accuracy,
      macroF1: s.macroF1,
      ece: s.ece,
      coverage: s.coverage.coverage,
      autoAccuracy: s.coverage.accuracy,
      trainSeconds,
      threshold: model.meta.threshold,
      thresholdSource: model.meta.thresholdSource ?? 'default',
    };
    out.push(step);
    o.onStep?.(step);
  }
  return out;
}
