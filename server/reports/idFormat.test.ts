import { describe, expect, it } from 'vitest';
import { angka, bulanRomawi, hariTanggal, jam, tanggalJam, tanggalPanjang } from './idFormat';
import { toPdfSafeText } from './pdfText';

describe('Indonesian date formatting in WIB', () => {
  it('uses Indonesian day and month names', () => {
    expect(hariTanggal(new Date('2025-05-14T02:00:00Z'))).toBe('Rabu, 14 Mei 2025');
    expect(hariTanggal(new Date('2024-08-17T03:00:00Z'))).toBe('Sabtu, 17 Agustus 2024');
    expect(tanggalPanjang(new Date('2025-02-01T00:00:00Z'))).toBe('1 Februari 2025');
  });

  it('shifts to UTC+7 regardless of the process time zone', () => {
    // 17.30 UTC on 13 May is already 00.30 on Wednesday 14 May in Jakarta.
    const d = new Date('2025-05-13T17:30:00Z');
    expect(hariTanggal(d)).toBe('Rabu, 14 Mei 2025');
    expect(jam(d)).toBe('00.30');
    expect(tanggalJam(new Date('2025-12-31T16:59:00Z'))).toBe('31 Desember 2025 pukul 23.59 WIB');
    expect(bulanRomawi(new Date('2025-12-31T17:00:00Z'))).toBe('I');
  });

  it('prints the wall clock and abbreviation of the UPP zone (WITA, WIT)', () => {
    const d = new Date('2025-12-31T15:30:00Z');
    expect(tanggalJam(d)).toBe('31 Desember 2025 pukul 22.30 WIB');
    expect(tanggalJam(d, 'Asia/Makassar')).toBe('31 Desember 2025 pukul 23.30 WITA');
    expect(tanggalJam(d, 'Asia/Jayapura')).toBe('1 Januari 2026 pukul 00.30 WIT');
    expect(hariTanggal(d, 'Asia/Jayapura')).toBe('Kamis, 1 Januari 2026');
  });

  it('formats numbers with dots as thousands separators', () => {
    expect(angka(0)).toBe('0');
    expect(angka(999)).toBe('999');
    expect(angka(1234567)).toBe('1.234.567');
  });
});

describe('toPdfSafeText', () => {
  it('replaces typographic punctuation and drops emoji', () => {
    expect(toPdfSafeText('\u201CCepat\u201D \u2013 it\u2019s ok\u2026 \u{1F44D}\u{1F3FD}')).toBe(
      '"Cepat" - it\'s ok...',
    );
    expect(toPdfSafeText('Bagus \u{1F64F}.')).toBe('Bagus.');
  });

  it('keeps Latin-1 letters and symbols and strips unsupported accents', () => {
    expect(toPdfSafeText('Café © 50 € ş ǎ')).toBe('Café © 50 € s a');
    expect(toPdfSafeText('漢字')).toBe('??');
  });

  it('keeps line breaks and removes control characters', () => {
    expect(toPdfSafeText('a\r\nb\u0007\tc\u200B')).toBe('a\nb c');
  });
});
