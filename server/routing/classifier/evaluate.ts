/**
 * Held-out evaluation of a model and the plain-text report printed by scripts/eval-routing.ts.
 */
import { SECTORS } from '../../../shared/domain/sectors';
import type { Example } from './corpus';
import {
  confusion,
  coverageAt,
  perClass,
  reliability,
  summarize,
  type EvalSummary,
  type Prediction,
  type RealEvaluation,
} from './metrics';
import type { Model } from './model';
import { classify } from './predict';

export const SECTOR_ABBR: Record<string, string> = {
  kependudukan: 'KDK',
  pendidikan: 'PDD',
  kesehatan: 'KES',
  sosial: 'SOS',
  pekerjaan_umum: 'PU',
  perumahan: 'RMH',
  pertanahan: 'TNH',
  perhubungan: 'HUB',
  lingkungan: 'LH',
  air_bersih: 'AIR',
  listrik: 'LIS',
  energi: 'ENR',
  perizinan: 'IZN',
  pajak: 'PJK',
  ketenagakerjaan: 'NKR',
  kepegawaian: 'ASN',
  keamanan: 'KAM',
  ketertiban: 'TIB',
  imigrasi: 'IMI',
  pertanian: 'TAN',
  perdagangan_umkm: 'DAG',
  bencana: 'BEN',
  agama: 'AGM',
  lainnya: 'LAI',
};

export interface Evaluation {
  summary: EvalSummary;
  predictions: (Prediction & { style: string })[];
  labels: string[];
}

/** A labelled text; `allowed` lists every sector that counts as right (default: `sector`). */
export interface LabelledText {
  text: string;
  sector: string;
  allowed?: readonly string[];
  serviceCode?: string | null;
  style?: string;
}

/**
 * Scores a model on labelled texts. A prediction in `allowed` counts as right (its truth becomes
 * the predicted sector). Macro-F1 averages the sectors with at least `minSupport` texts.
 */
export function evaluateLabelled(
  model: Model,
  items: readonly LabelledText[],
  threshold = model.meta.threshold,
  minSupport = 1,
): Evaluation {
  let svcRight = 0;
  let svcTotal = 0;
  // A model trained only to be scored on sectors has no service-code models.
  const hasServices = Object.keys(model.services).length > 0;
  const predictions = items.map((e) => {
    const r = classify(model, e.text, { explain: false });
    const right = (e.allowed ?? [e.sector]).includes(r.sector);
    if (e.serviceCode && hasServices) {
      svcTotal++;
      if (right && r.serviceCode === e.serviceCode) svcRight++;
    }
    return {
      truth: right ? (r.sector as string) : e.sector,
      predicted: r.sector as string,
      confidence: r.confidence,
      style: e.style ?? '-',
    };
  });
  const labels = SECTORS.filter((s) => items.some((e) => e.sector === s));
  const summary = summarize(predictions, labels, threshold, minSupport);
  if (svcTotal > 0) summary.serviceAccuracy = svcRight / svcTotal;
  return { summary, predictions, labels };
}

export function evaluate(model: Model, test: readonly Example[], threshold: number): Evaluation {
  return evaluateLabelled(model, test, threshold);
}

/** Scores on real labels, with reliability by confidence bucket (stored in model metadata). */
export function realEvaluation(ev: Evaluation, source: string): RealEvaluation {
  return { ...ev.summary, source, reliability: reliability(ev.predictions) };
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const f3 = (v: number) => v.toFixed(3);

export function formatSummary(s: EvalSummary): string {
  const c = s.coverage;
  const svc = s.serviceAccuracy === undefined ? '-' : f3(s.serviceAccuracy);
  return [
    `texts ${s.n}  accuracy ${f3(s.accuracy)}  macro-F1 ${f3(s.macroF1)}  ECE ${f3(s.ece)}`,
    `service code accuracy (sector, then code within it) ${svc}`,
    `threshold ${c.threshold}: auto-routed ${pct(c.coverage)} with accuracy ${f3(c.accuracy)}`,
  ].join('\n');
}

export function formatReport(ev: Evaluation, thresholds: readonly number[]): string {
  const { predictions: p, labels } = ev;
  const lines: string[] = [formatSummary(ev.summary), '', 'per sector:'];
  lines.push(`${'sector'.padEnd(18)}${'abbr'.padEnd(6)}  n    prec   rec    F1`);
  for (const s of perClass(p, labels)) {
    lines.push(
      `${s.label.padEnd(18)}${(SECTOR_ABBR[s.label] ?? '?').padEnd(6)}` +
        `${String(s.support).padStart(3)}  ${f3(s.precision)}  ${f3(s.recall)}  ${f3(s.f1)}`,
    );
  }
  lines.push('', 'confusion matrix (rows = truth, columns = predicted, . = 0):');
  const ab = labels.map((l) => (SECTOR_ABBR[l] ?? l.slice(0, 3)).padStart(4));
  lines.push(`${''.padEnd(4)}${ab.join('')}`);
  confusion(p, labels).forEach((row, i) => {
    const cells = row.map((v) => (v === 0 ? '.' : String(v)).padStart(4)).join('');
    lines.push(`${(SECTOR_ABBR[labels[i] ?? ''] ?? '?').padEnd(4)}${cells}`);
  });
  const styles = [...new Set(p.map((x) => x.style))].sort();
  if (styles.length > 1) {
    lines.push('', 'accuracy by style:');
    for (const st of styles) {
      const sub = p.filter((x) => x.style === st);
      const acc = sub.filter((x) => x.truth === x.predicted).length / sub.length;
      lines.push(`  ${st.padEnd(12)} n=${String(sub.length).padStart(4)}  ${f3(acc)}`);
    }
  }
  lines.push('', 'threshold sweep (calibrated confidence):', '  thr   auto-routed  accuracy');
  for (const t of thresholds) {
    const c = coverageAt(p, t);
    lines.push(`  ${t.toFixed(2)}  ${pct(c.coverage).padStart(10)}   ${f3(c.accuracy)}`);
  }
  return lines.join('\n');
}
