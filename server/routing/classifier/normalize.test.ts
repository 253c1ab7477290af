import { describe, expect, it } from 'vitest';
import { cleanText, normalize, stem, tokenize } from './normalize';

describe('normalize', () => {
  it('keeps the complaint topic and drops greetings, titles and sign-offs', () => {
    const text =
      'Assalamualaikum wr wb. Yth. Bapak Walikota, jalan di depan rumah saya rusak parah. ' +
      'Mohon diperbaiki. Terima kasih, matur nuwun. Hormat saya, Wassalam';
    const words = normalize(text).split(' ');
    expect(words).toEqual(expect.arrayContaining(['jalan', 'rumah', 'rusak', 'parah', 'baik']));
    for (const w of ['assalamualaikum', 'wr', 'wb', 'yth', 'bapak', 'walikota', 'mohon']) {
      expect(words).not.toContain(w);
    }
    for (const w of ['terima', 'kasih', 'matur', 'nuwun', 'hormat', 'wassalam', 'saya']) {
      expect(words).not.toContain(w);
    }
  });

  it('expands informal abbreviations before matching', () => {
    expect(tokenize('jln dpn pasar rusak bgt, udh lama gak diperbaiki')).toEqual(
      expect.arrayContaining(['jalan', 'pasar', 'rusak']),
    );
    expect(tokenize('sy mau tanya utk bikin ktp')).toContain('ktp');
    const informal = normalize('jln rusak dgn lubang');
    const formal = normalize('jalan rusak dengan lubang');
    expect(informal).toBe(formal);
  });

  it('removes links, e-mail addresses, phone numbers and other numbers', () => {
    const t = cleanText(
      'Hubungi 0812-3456-7890 atau +62 813 1111 2222, email warga.baik@mail.co.id, ' +
        'lihat https://lapor.example.id/x?id=9 dan www.pdam.example, RT 03 RW 12 sejak 2023',
    );
    expect(t).not.toMatch(/\d/);
    expect(t).not.toContain('mail.co.id');
    expect(t).not.toContain('https');
    expect(t).not.toContain('www');
    expect(t).toContain('hubungi');
  });

  it('stems Indonesian affixes and collapses reduplication', () => {
    expect(normalize('perbaikan jalan berlubang')).toBe('baik jalan lubang');
    expect(normalize('rumah-rumah warga terendam')).toBe(normalize('rumah warga terendam'));
    expect(normalize('jalan2 rusak')).toBe('jalan rusak');
    expect(stem('pelayanannya')).toBe('layan');
  });

  it('splits compounds such as e-ktp and shortens shouted letters', () => {
    expect(tokenize('E-KTP saya rusakkk!!!')).toEqual(['ktp', 'rusak']);
    expect(tokenize('tolonggg jalan rusakkk parahhh')).toEqual(['jalan', 'rusak', 'parah']);
  });

  it('reads the many spellings of one document or service as the same words', () => {
    const ktp = normalize('KTP-el saya belum jadi');
    for (const t of [
      'e-KTP saya belum jadi',
      'KTP elektronik saya belum jadi',
      'ektp sy blm jadi',
    ]) {
      expect(normalize(t)).toBe(ktp);
    }
    expect(normalize('kartu tanda penduduk elektronik saya belum jadi')).toBe(ktp);
    expect(normalize('gas melon langka')).toBe(normalize('gas lpg langka'));
    expect(normalize('lampu penerangan jalan mati')).toBe(normalize('PJU mati'));
  });

  it('reads common regional words as their Indonesian counterparts', () => {
    expect(normalize('dalan rusak, akeh bolongan')).toBe(normalize('jalan rusak, banyak lubang'));
    expect(normalize('cai PDAM teu ngocor')).toBe(normalize('air PDAM tidak mengalir'));
    expect(normalize('aia PDAM indak iduik di rumah ambo')).toContain('air');
    expect(normalize('banyu PDAM kada mengalir')).toBe(normalize('air PDAM tidak mengalir'));
  });

  it('does not read addresses and names as the topic of a complaint', () => {
    const t = tokenize(
      'Nama: Sri Wahyuni. Saya warga Kampung Baru RT 02 Kelurahan Tanjung Uma, Kota Batam, ' +
        'tinggal di Jl. Pasar Baru Gg. Sekolah. Air PDAM mati tiga hari.',
    );
    for (const w of ['sri', 'wahyuni', 'pasar', 'sekolah', 'kelurahan', 'tanjung', 'uma']) {
      expect(t).not.toContain(w);
    }
    expect(t).toEqual(expect.arrayContaining(['air', 'pdam', 'mati']));
    // A title is not an address, and the office a complaint is about stays.
    expect(tokenize('Judul: Jalan Rusak Parah')).toEqual(['jalan', 'rusak', 'parah']);
    expect(tokenize('pelayanan di kantor kelurahan lambat')).toContain('kelurahan');
    expect(tokenize('Ibu Kepala Dinas Kesehatan')).toContain('kesehatan');
  });

  it('yields nothing topical for pure pleasantries', () => {
    expect(normalize('Selamat pagi pak, terima kasih banyak ya. Wassalamualaikum')).toBe('');
  });
});
