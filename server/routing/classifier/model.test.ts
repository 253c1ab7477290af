import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  classify,
  DEFAULT_THRESHOLD,
  deserialize,
  loadModel,
  saveModel,
  serialize,
  train,
} from './index';
import { syntheticCorpus } from './synthetic.fixture';

const corpus = syntheticCorpus();
const model = train(corpus, { epochs: 8, seed: 1 });
const dir = mkdtempSync(join(tmpdir(), 'routing-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Texts that are not in the training set: new wording, typos, slang, run-together words. */
const UNSEEN: [string, string, string][] = [
  ['Jln di kampung sy berlobang2 bgt, motor sering jatuh', 'pekerjaan_umum', 'LNG-0117-02'],
  ['tanggul sungainya jebol pak, sawah kebanjiran', 'pekerjaan_umum', 'LNG-0117-08'],
  ['ktp el sy blm dicetak udh 3 bulan', 'kependudukan', 'IDN-0123-01'],
  ['aktakelahiran anak saya belum terbit', 'kependudukan', 'LHR-0123-01'],
  ['listriknya padam terus tiap malem, pln gmn nih', 'listrik', 'RMH-0000-06'],
  ['anak sy gak keterima di sekolah negeri krn zonasi', 'pendidikan', 'PDD-0131-01'],
];

describe('train + classify', () => {
  it('routes unseen complaints to the right sector and service code', () => {
    for (const [text, sector, code] of UNSEEN) {
      const r = classify(model, text);
      expect({ text, sector: r.sector, code: r.serviceCode }).toEqual({ text, sector, code });
    }
  });

  it('reports three sorted sectors and a confidence that matches the top one', () => {
    const r = classify(model, 'jalan rusak parah berlubang');
    expect(r.topSectors).toHaveLength(3);
    expect(r.topSectors[0]?.sector).toBe(r.sector);
    expect(r.topSectors[0]?.score).toBe(r.confidence);
    const scores = r.topSectors.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });

  it('is less confident about text with no topic than about a clear complaint', () => {
    const clear = classify(model, 'listrik padam setiap malam di kampung kami');
    const vague = classify(model, 'selamat siang, saya mau bertanya');
    expect(vague.confidence).toBeLessThan(clear.confidence);
    expect(vague.confidence).toBeLessThan(0.6);
  });

  it('classifies a long letter by its main topic despite a passing mention', () => {
    const letter =
      'Dengan hormat, saya warga RT 04. Listrik di kampung kami padam setiap malam sejak ' +
      'dua minggu. Kalau listrik padam anak-anak tidak bisa belajar untuk sekolah. Aliran ' +
      'listrik sering mati mendadak, meteran token listrik juga bermasalah, tagihan listrik ' +
      'naik tidak wajar. Kami mohon PLN segera memperbaiki jaringan listrik. Terima kasih.';
    expect(classify(model, letter).sector).toBe('listrik');
  });

  it('explains a decision with the terms of the complaint', () => {
    const r = classify(model, 'akta kelahiran anak saya salah tanggal lahir');
    const terms = r.explanation.topTerms.map((t) => t.term);
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.some((t) => /akta|lahir/.test(t))).toBe(true);
    for (const t of r.explanation.topTerms) expect(t.weight).toBeGreaterThan(0);
  });

  it('is deterministic: the same data and seed give the same model', () => {
    const again = train(corpus, { epochs: 8, seed: 1 });
    expect(again.sector.q).toEqual(model.sector.q);
    expect(again.temperature).toBe(model.temperature);
    for (const [text] of UNSEEN) expect(classify(again, text)).toEqual(classify(model, text));
  });

  it('complement naive Bayes also separates the classes', () => {
    const cnb = train(corpus, { algorithm: 'cnb' });
    for (const [text, sector] of UNSEEN) expect(classify(cnb, text).sector).toBe(sector);
  });
});

describe('serialization', () => {
  it('round-trips through JSON with identical predictions and metadata', () => {
    const back = deserialize(serialize(model));
    expect(back.meta).toEqual(model.meta);
    for (const [text] of UNSEEN) expect(classify(back, text)).toEqual(classify(model, text));
  });

  it('saves a gzip file that loadModel reads back identically', () => {
    const path = join(dir, 'model.json.gz');
    saveModel(model, path);
    const back = loadModel(path);
    expect(back.meta.versionId).toBe(model.meta.versionId);
    expect(back.meta.corpusSize).toBe(corpus.length);
    for (const [text] of UNSEEN) expect(classify(back, text)).toEqual(classify(model, text));
  });

  it('rejects a file that is not a routing model', () => {
    expect(() => deserialize('{"format":"other"}')).toThrow();
    expect(() => loadModel(join(dir, 'missing.json.gz'))).toThrow(/not found/);
  });
});

describe('shipped model (server/routing/model/current.json.gz)', () => {
  const shipped = loadModel();

  it('routes typical complaints and sends contentless text to triage', () => {
    const cases: [string, string][] = [
      ['jalan di depan sekolah berlubang besar, sudah banyak motor jatuh', 'pekerjaan_umum'],
      ['air pdam mati 3 hari, tagihan tetap naik', 'air_bersih'],
      ['ktp el sy hilang, mau bikin baru syaratnya apa', 'kependudukan'],
      ['gaji blm dibayar 3 bulan sama pabrik, thr juga gak dikasih', 'ketenagakerjaan'],
      ['sampah numpuk di pinggir kali bau bgt', 'lingkungan'],
    ];
    for (const [text, sector] of cases) {
      const r = classify(shipped, text);
      expect({ text, sector: r.sector }).toEqual({ text, sector });
      expect(r.confidence).toBeGreaterThanOrEqual(shipped.meta.threshold);
    }
    expect(classify(shipped, 'Terima kasih pak, wassalam').confidence).toBeLessThan(
      DEFAULT_THRESHOLD,
    );
  });

  it('carries its evaluation, its realistic-file scores and a threshold chosen for its target', () => {
    const { meta } = shipped;
    expect(meta.corpusSize).toBeGreaterThan(0);
    expect(meta.evaluation?.accuracy).toBeGreaterThan(0.8);
    expect(meta.thresholdSource).toBe('authored');
    // Without real labels the threshold keeps the margin for real text (threshold.ts).
    expect(meta.threshold).toBeGreaterThanOrEqual((meta.targetAccuracy ?? 0) + 0.05 - 1e-9);
    expect(meta.realEvaluation?.source).toBe('realistic:dev.jsonl');
    expect(meta.realEvaluation?.reliability.length).toBeGreaterThan(0);
  });
});
