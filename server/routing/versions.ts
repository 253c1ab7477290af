/**
 * Scores shown for each model version in the admin: the evaluation stored with the model (on
 * held-out corrections when it was trained with enough of them, else on the authored split), and
 * its live scores on the corrections of inputs it routed.
 */
import type { ModelScores, ModelVersion } from '../../shared/schemas/routing';
import { ece, reliability, type Prediction } from './classifier/metrics';
import type { Model } from './classifier/model';

/** The evaluation a version carries (stored in ModelVersion.evaluation). */
export function versionEvaluation(model: Model): ModelVersion['evaluation'] {
  const { meta } = model;
  const real = meta.realEvaluation?.source === 'corrections' ? meta.realEvaluation : null;
  const s = real ?? meta.evaluation;
  if (!s) return null;
  return {
    accuracy: s.accuracy,
    macroF1: s.macroF1,
    coverage: s.coverage.coverage,
    coveredAccuracy: s.coverage.accuracy,
    threshold: meta.threshold,
    scoredOn: real ? 'corrections' : 'authored',
    n: s.n,
    ece: s.ece,
    reliability: real ? real.reliability : (meta.realEvaluation?.reliability ?? []),
    thresholdSource: meta.thresholdSource ?? 'default',
  };
}

/** What a correction says about the model that routed the input. */
export interface LiveLabel {
  /** The model's sector and confidence when it routed the input. */
  predicted: string;
  confidence: number;
  /** The sector a person chose. */
  chosen: string;
}

/**
 * Accuracy and calibration on corrected inputs. Only inputs someone corrected are counted: the
 * inputs sent to triage, where a person confirmed or changed the model's sector, and the
 * auto-routed ones that were re-routed. Auto-routed inputs nobody touched are not, so this
 * understates the accuracy on all inputs; it is comparable between versions.
 */
export function liveScores(labels: readonly LiveLabel[]): ModelScores | null {
  if (labels.length === 0) return null;
  const p: Prediction[] = labels.map((l) => ({
    truth: l.chosen,
    predicted: l.predicted,
    confidence: l.confidence,
  }));
  const right = p.filter((x) => x.truth === x.predicted).length;
  return { n: p.length, accuracy: right / p.length, ece: ece(p), reliability: reliability(p) };
}
