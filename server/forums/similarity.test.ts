import { describe, expect, it } from 'vitest';
import { mostSimilar, stemTokens } from './similarity';

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
    expect(r.map((x) => x.item.id)).not.toContain('b');
  });
});
