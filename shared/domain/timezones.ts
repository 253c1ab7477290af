/**
 * Indonesia's three time zones: each UPP keeps its working days, "today", deadlines and minutes
 * in its own zone (IANA names; none of them observes daylight saving).
 */
export const UPP_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type UppTimeZone = (typeof UPP_TIME_ZONES)[number];

/** The zone of a UPP that never chose one (and of data from before zones existed). */
export const DEFAULT_TIME_ZONE: UppTimeZone = 'Asia/Jakarta';

/** The abbreviation printed after a time ("pukul 09.05 WIT") and labels for forms. */
export const TIME_ZONE_INFO: Record<UppTimeZone, { abbr: string; id: string; en: string }> = {
  'Asia/Jakarta': {
    abbr: 'WIB',
    id: 'WIB (Waktu Indonesia Barat, UTC+7)',
    en: 'WIB (Western Indonesia Time, UTC+7)',
  },
  'Asia/Makassar': {
    abbr: 'WITA',
    id: 'WITA (Waktu Indonesia Tengah, UTC+8)',
    en: 'WITA (Central Indonesia Time, UTC+8)',
  },
  'Asia/Jayapura': {
    abbr: 'WIT',
    id: 'WIT (Waktu Indonesia Timur, UTC+9)',
    en: 'WIT (Eastern Indonesia Time, UTC+9)',
  },
};

export const isUppTimeZone = (tz: unknown): tz is UppTimeZone =>
  typeof tz === 'string' && (UPP_TIME_ZONES as readonly string[]).includes(tz);

/** "WIB", "WITA", "WIT" (the zone name itself for anything else). */
export const zoneAbbr = (tz: string): string => (isUppTimeZone(tz) ? TIME_ZONE_INFO[tz].abbr : tz);

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes the zone's wall clock is ahead of UTC at instant `t` (Intl, so any IANA zone works). */
export function utcOffsetMinutes(timeZone: string, t: number): number {
  let f = offsetFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, f);
  }
  const name = f.formatToParts(t).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** `YYYY-MM-DD` of the day containing instant `t` on the zone's wall clock. */
export function localDay(t: number, timeZone: string): string {
  return new Date(t + utcOffsetMinutes(timeZone, t) * 60_000).toISOString().slice(0, 10);
}

/** The instant as ISO 8601 with the zone's offset: `2026-01-19T23:59:59+09:00`. */
export function isoInZone(date: Date, timeZone: string): string {
  const off = utcOffsetMinutes(timeZone, date.getTime());
  const local = new Date(date.getTime() + off * 60_000).toISOString().slice(0, 19);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}
