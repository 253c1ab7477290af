import { describe, expect, it } from 'vitest';
import type { Example } from './classifier/corpus';
import { classify, train } from './classifier/index';
import { syntheticCorpus } from './classifier/synthetic.fixture';
import {
  correctionKey,
  dedupeCorrections,
  MIN_FOR_HOLDOUT,
  retrain,
  splitCorrections,
} from './retrain';

const corpus = syntheticCorpus();
const base = train(corpus, { epochs: 6, seed: 1, temperature: 1 });

const ex = (text: string, sector: Example['sector']): Example => ({
  text,
  sector,
  serviceCode: null,
});

/** Corrections teaching a sector the base model has never seen (religious affairs). */
function agamaCorrections(n: number): Example[] {
  const what = ['biaya nikah di kua', 'antrean haji ibu saya', 'izin rumah ibadah', 'penghulu kua'];
  const how = ['tidak jelas', 'mahal sekali', 'sudah lama tidak ada kabar', 'dipersulit petugas'];
  const where = ['di kecamatan kami', 'di kabupaten ini', 'tahun ini', 'bulan lalu', ''];
  const out: Example[] = [];
  for (const a of what)
    for (const b of how) for (const c of where) out.push(ex(`${a} ${b} ${c}`, 'agama'));
  return out.slice(0, n);
}

describe('routing corrections before training', () => {
  it('keeps one example per text, with the label chosen last', () => {
    const list = [
      ex('Jalan di depan rumah saya rusak!!', 'perhubungan'),
      ex('listrik padam setiap malam', 'listrik'),
      ex('jalan  di depan rumah SAYA rusak', 'pekerjaan_umum'),
    ];
    const deduped = dedupeCorrections(list);
    expect(deduped).toHaveLength(2);
    expect(deduped.find((c) => /jalan/i.test(c.text))?.sector).toBe('pekerjaan_umum');
  });

  it('never puts the same text in both the training part and the held-out part', () => {
    const raw = agamaCorrections(80);
    // The same complaints corrected again later, written slightly differently.
    const again = raw.slice(0, 30).map((c) => ({ ...c, text: `${c.text.toUpperCase()} !!` }));
    const corrections = dedupeCorrections([...raw, ...again]);
    expect(corrections).toHaveLength(80);
    const { train: fit, holdout } = splitCorrections(corrections);
    expect(holdout.length).toBeGreaterThan(5);
    expect(fit.length + holdout.length).toBe(80);
    const fitKeys = new Set(fit.map((c) => correctionKey(c.text)));
    expect(holdout.filter((c) => fitKeys.has(correctionKey(c.text)))).toEqual([]);
    // A text stays on its side when more corrections arrive.
    const later = splitCorrections(dedupeCorrections([...corrections, ...agamaCorrections(80)]));
    const keys = (l: Example[]) => l.map((c) => correctionKey(c.text)).sort();
    expect(keys(later.holdout)).toEqual(keys(holdout));
  });

  it('holds nothing out while there are only a few corrections', () => {
    const few = agamaCorrections(MIN_FOR_HOLDOUT - 1);
    expect(splitCorrections(few).holdout).toEqual([]);
  });
});

describe('retraining with corrections (warm start from the base model)', () => {
  it('learns what the corrections teach and scores itself on held-out corrections', () => {
    const corrections = agamaCorrections(80);
    const before = classify(base, 'antrean haji bapak saya tidak jelas');
    expect(before.sector).not.toBe('agama');
    const r = retrain({ base, corpus, corrections });
    expect(r.corrections).toBe(80);
    expect(r.holdout).toBeGreaterThan(0);
    expect(r.evaluation?.source).toBe('corrections');
    expect(r.evaluation?.n).toBe(r.holdout);
    expect(r.evaluation?.accuracy).toBeGreaterThan(0.8);
    expect(r.model.meta.correctionsUsed).toBe(80);
    expect(r.model.meta.baseVersionId).toBe(base.meta.versionId);
    expect(classify(r.model, 'antrean haji bapak saya tidak jelas').sector).toBe('agama');
    // What the base model knew is not forgotten.
    expect(classify(r.model, 'listrik padam setiap malam di kampung').sector).toBe('listrik');
  });

  it('deduplicates inside retrain() before the split: a text corrected twice counts once, with its latest label, on one side only', () => {
    const latest = agamaCorrections(60);
    // Each text was first corrected to another sector, then again (later) to agama.
    const earlier = latest.map((c) => ({ ...c, sector: 'kesehatan' as const }));
    const r = retrain({ base, corpus, corrections: [...earlier, ...latest] });
    const expected = splitCorrections(dedupeCorrections(latest));
    expect(r.corrections).toBe(60);
    expect(r.model.meta.correctionsUsed).toBe(60);
    expect(r.holdout).toBe(expected.holdout.length);
    expect(r.evaluation?.n).toBe(expected.holdout.length);
    const trainKeys = new Set(expected.train.map((c) => correctionKey(c.text)));
    expect(expected.holdout.some((c) => trainKeys.has(correctionKey(c.text)))).toBe(false);
    // Scored against the latest labels: had the stale "kesehatan" copies stayed, half of the
    // held-out labels would contradict the other half and accuracy could not pass 0.5.
    expect(r.evaluation?.accuracy).toBeGreaterThan(0.8);
    expect(classify(r.model, 'antrean haji bapak saya tidak jelas').sector).toBe('agama');
  });

  it('keeps the base threshold until there are enough real labels', () => {
    const r = retrain({ base, corpus, corrections: agamaCorrections(10) });
    expect(r.evaluation).toBeNull();
    expect(r.model.meta.threshold).toBe(base.meta.threshold);
  });
});
