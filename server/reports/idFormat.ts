/**
 * Small Indonesian date and number formatters for official documents.
 *
 * Names of days and months are written here (not Intl's locale data) so the output is identical
 * on every Node build; the zone's offset comes from Intl. Times are shown on the wall clock of
 * the given zone (the UPP's: WIB, WITA or WIT; WIB when none is given), with its abbreviation.
 */
import { DEFAULT_TIME_ZONE, utcOffsetMinutes, zoneAbbr } from '../../shared/domain/timezones';

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

/** Calendar fields of an instant as seen on a wall clock in `tz` (WIB by default). */
export function wibParts(date: Date, tz: string = DEFAULT_TIME_ZONE): WibParts {
  const shifted = new Date(date.getTime() + utcOffsetMinutes(tz, date.getTime()) * 60_000);
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
export function namaHari(date: Date, tz?: string): string {
  return NAMA_HARI[wibParts(date, tz).weekday] ?? '';
}

/** "14 Mei 2025" */
export function tanggalPanjang(date: Date, tz?: string): string {
  const p = wibParts(date, tz);
  return `${p.day} ${NAMA_BULAN[p.month] ?? ''} ${p.year}`;
}

/** "Rabu, 14 Mei 2025" */
export function hariTanggal(date: Date, tz?: string): string {
  return `${namaHari(date, tz)}, ${tanggalPanjang(date, tz)}`;
}

/** "09.05" (Indonesian style uses a dot between hours and minutes). */
export function jam(date: Date, tz?: string): string {
  const p = wibParts(date, tz);
  return `${pad2(p.hour)}.${pad2(p.minute)}`;
}

/** "WIB", "WITA" or "WIT" */
export function zona(tz: string = DEFAULT_TIME_ZONE): string {
  return zoneAbbr(tz);
}

/** "14 Mei 2025 pukul 09.05 WIB" ("... WIT" in Asia/Jayapura) */
export function tanggalJam(date: Date, tz: string = DEFAULT_TIME_ZONE): string {
  return `${tanggalPanjang(date, tz)} pukul ${jam(date, tz)} ${zona(tz)}`;
}

/** True when both instants fall on the same calendar day in `tz` (WIB by default). */
export function hariSama(a: Date, b: Date, tz?: string): boolean {
  const pa = wibParts(a, tz);
  const pb = wibParts(b, tz);
  return pa.year === pb.year && pa.month === pb.month && pa.day === pb.day;
}

/** Month in Roman numerals, as used in Indonesian letter numbers ("V" for Mei). */
export function bulanRomawi(date: Date, tz?: string): string {
  return BULAN_ROMAWI[wibParts(date, tz).month] ?? '';
}

/** Integer with Indonesian thousands separators: 12345 -> "12.345". */
export function angka(n: number): string {
  if (!Number.isFinite(n)) return '-';
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
