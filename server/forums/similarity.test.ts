import { describe, expect, it } from 'vitest';
import { mostSimilar, stemTokens } from './similarity';

const ids = (r: { item: { id: string } }[]) => r.map((x) => x.item.id);

describe('similar inputs', () => {
  it('matches inflected forms through the Indonesian stemmer', () => {
    const tokens = stemTokens('Pelayanan perbaikan jalanan berlubang');
    expect(tokens.has('layan')).toBe(true);
    expect(tokens.has('lubang')).toBe(true);
  });

  it('suggests the input about the same problem before unrelated ones', () => {
    const existing = [
      { id: 'a', text: 'Antrian pembuatan KTP di kantor Dukcapil sangat panjang' },
      { id: 'b', text: 'Sampah di pasar tidak diangkut tiga hari' },
      { id: 'c', text: 'Jalan berlubang di depan sekolah belum diperbaiki' },
    ];
    const r = mostSimilar('antriannya panjang sekali waktu bikin ktp di dukcapil', existing);
    expect(r[0]?.item.id).toBe('a');
    expect(ids(r)).not.toContain('b');
  });

  it('finds re-phrasings of the same document: KTP elektronik, KTP-el, e-KTP', () => {
    const existing = [
      { id: 'el', text: 'KTP-el saya belum dicetak, katanya blangko habis' },
      { id: 'e', text: 'e-KTP belum dicetak sudah tiga bulan' },
      { id: 'kk', text: 'Kartu keluarga saya salah nama' },
      { id: 'road', text: 'Jalan di depan pasar berlubang' },
    ];
    const r = mostSimilar('KTP elektronik saya belum dicetak juga', existing);
    expect(ids(r).slice(0, 2).sort()).toEqual(['e', 'el']);
    expect(ids(r)).not.toContain('road');
    expect(ids(mostSimilar('kartu tanda penduduk elektronik belum dicetak', existing))).toContain(
      'el',
    );
  });

  it('reads abbreviations, slang and regional words like the routing model does', () => {
    const existing = [
      { id: 'road', text: 'Jalan di depan sekolah rusak parah dan berlubang' },
      { id: 'water', text: 'Air PDAM tidak mengalir seminggu' },
    ];
    expect(ids(mostSimilar('jln dpn sekolah rusak parah, bolong2', existing))[0]).toBe('road');
    expect(ids(mostSimilar('cai PDAM teu ngocor saminggu', existing))[0]).toBe('water');
  });

  it('ranks the specific words above the words every input of the forum shares', () => {
    const existing = [
      { id: 'lamp', text: 'Mohon perbaikan lampu penerangan jalan di gang kami' },
      { id: 'hole', text: 'Mohon perbaikan lubang jalan di gang kami' },
      { id: 'drain', text: 'Mohon perbaikan selokan jalan di gang kami' },
    ];
    expect(ids(mostSimilar('lubang besar di jalan gang', existing))[0]).toBe('hole');
  });
});
