/**
 * Small Indonesian date and number formatters for official documents.
 *
 * Deliberately independent of ICU/Intl so the output is identical on every Node build
 * (small-icu, full-icu, or none). All times are shown in WIB (Asia/Jakarta, UTC+7, no DST).
 */

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

export const NAMA_HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

export const NAMA_BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

const BULAN_ROMAWI = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export interface WibParts {
  year: number;
  /** 0-11 */
  month: number;
  day: number;
  /** 0 = Minggu */
  weekday: number;
  hour: number;
  minute: number;
}

/** Calendar fields of an instant as seen on a wall clock in WIB. */
export function wibParts(date: Date): WibParts {
  const shifted = new Date(date.getTime() + WIB_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth(),
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "Rabu" */
export function namaHari(date: Date): string {
  return NAMA_HARI[wibParts(date).weekday] ?? '';
}

/** "14 Mei 2025" */
export function tanggalPanjang(date: Date): string {
  const p = wibParts(date);
  return `${p.day} ${NAMA_BULAN[p.month] ?? ''} ${p.year}`;
}

/** "Rabu, 14 Mei 2025" */
export function hariTanggal(date: Date): string {
  return `${namaHari(date)}, ${tanggalPanjang(date)}`;
}

/** "09.05" (Indonesian style uses a dot between hours and minutes). */
export function jam(date: Date): string {
  const p = wibParts(date);
  return `${pad2(p.hour)}.${pad2(p.minute)}`;
}

/** "14 Mei 2025 pukul 09.05 WIB" */
export function tanggalJam(date: Date): string {
  return `${tanggalPanjang(date)} pukul ${jam(date)} WIB`;
}

/** True when both instants fall on the same WIB calendar day. */
export function hariSama(a: Date, b: Date): boolean {
  const pa = wibParts(a);
  const pb = wibParts(b);
  return pa.year === pb.year && pa.month === pb.month && pa.day === pb.day;
}

/** Month in Roman numerals, as used in Indonesian letter numbers ("V" for Mei). */
export function bulanRomawi(date: Date): string {
  return BULAN_ROMAWI[wibParts(date).month] ?? '';
}

/** Integer with Indonesian thousands separators: 12345 -> "12.345". */
export function angka(n: number): string {
  if (!Number.isFinite(n)) return '-';
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
