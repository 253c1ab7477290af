/**
 * Choosing the auto-routing threshold for a target accuracy on the inputs routed automatically.
 *
 * Among the labelled predictions, the threshold is the lowest confidence t such that the texts at
 * or above t are right often enough: the lower end of a Wilson interval (z = 1, about 84% one-sided)
 * around their accuracy must reach the target. With few labels the interval is wide, so the
 * threshold is cautious; with many it converges to the plain accuracy. At least MIN_AUTO texts
 * must be routed automatically, otherwise no threshold is chosen (the caller keeps its fallback).
 */
import type { Prediction } from './metrics';

export const DEFAULT_TARGET_ACCURACY = 0.85;
/**
 * Without real labels the threshold is at least target + AUTHORED_MARGIN: authored text is much
 * easier than real complaints (the previous model scored 0.92 on the authored split and 0.61 on
 * real complaints, whose 0.9+ confidence bucket was right only 86% of the time), so the authored
 * split alone would route nearly everything automatically.
 */
export const AUTHORED_MARGIN = 0.05;
/** Fewest held-out real labels from which the threshold is chosen on them (else: authored split). */
export const MIN_REAL_LABELS = 50;
const MIN_AUTO = 10;
const Z = 1;

export function wilsonLower(right: number, n: number, z = Z): number {
  if (n === 0) return 0;
  const p = right / n;
  const d = 1 + (z * z) / n;
  const centre = p + (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return (centre - spread) / d;
}

export interface ThresholdChoice {
  threshold: number;
  /** Share of the labelled texts routed automatically at this threshold. */
  coverage: number;
  /** Accuracy on them. */
  accuracy: number;
}

/** Lowest threshold whose auto-routed texts reach `target` (see the module comment), or null. */
export function chooseThreshold(
  p: readonly Prediction[],
  target = DEFAULT_TARGET_ACCURACY,
): ThresholdChoice | null {
  const sorted = [...p].sort((a, b) => b.confidence - a.confidence);
  let right = 0;
  let best: ThresholdChoice | null = null;
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i] as Prediction;
    if (x.truth === x.predicted) right++;
    const n = i + 1;
    // Only cut between different confidences: equal ones are routed alike.
    const next = sorted[i + 1];
    if (next && next.confidence === x.confidence) continue;
    if (n >= MIN_AUTO && wilsonLower(right, n) >= target) {
      best = { threshold: x.confidence, coverage: n / sorted.length, accuracy: right / n };
    }
  }
  return best;
}

/** Threshold from authored held-out texts: chooseThreshold, but never below target + margin. */
export function authoredThreshold(
  p: readonly Prediction[],
  target = DEFAULT_TARGET_ACCURACY,
): { threshold: number; chosen: boolean } {
  const chosen = chooseThreshold(p, target);
  const floor = Math.round((target + AUTHORED_MARGIN) * 100) / 100;
  return { threshold: Math.max(chosen?.threshold ?? 0, floor), chosen: chosen !== null };
}
