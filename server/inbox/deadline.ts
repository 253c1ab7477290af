import {
  DEFAULT_TIME_ZONE,
  localDay as zonedDay,
  utcOffsetMinutes,
} from '../../shared/domain/timezones';

/**
 * Response deadlines from a service standard: working days skip weekends and public holidays
 * (dates on the wall clock of the UPP's time zone: WIB, WITA or WIT); hours are calendar hours
 * (urgent services such as ambulans, damkar and IGD run around the clock).
 */
export interface ResponseTime {
  value: number;
  unit: 'working_days' | 'hours';
}

/** SP4N-LAPOR!: a report is verified and forwarded within 3 working days. */
export const LAPOR_VERIFY_DAYS: ResponseTime = { value: 3, unit: 'working_days' };
/** SP4N-LAPOR!: the agency follows up within 5 working days. */
export const LAPOR_FOLLOWUP_DAYS: ResponseTime = { value: 5, unit: 'working_days' };

export interface Calendar {
  /** IANA time zone whose wall clock says which day it is (Asia/Jakarta, Makassar, Jayapura). */
  timeZone: string;
  /** Public holidays as local dates `YYYY-MM-DD`. */
  holidays: ReadonlySet<string>;
}

export const WIB: Calendar = { timeZone: DEFAULT_TIME_ZONE, holidays: new Set() };

/** The same holidays seen from another zone (a UPP's), or from WIB when it has none. */
export function inZone(cal: Calendar, timeZone: string | null | undefined): Calendar {
  const tz = timeZone || DEFAULT_TIME_ZONE;
  return tz === cal.timeZone ? cal : { ...cal, timeZone: tz };
}

const DAY = 86_400_000;

const offsetMs = (t: number, cal: Calendar) => utcOffsetMinutes(cal.timeZone, t) * 60_000;

function localDate(t: number, cal: Calendar): Date {
  return new Date(t + offsetMs(t, cal));
}

/** `YYYY-MM-DD` of the local day ("today" of the UPP) containing instant `t`. */
export function localDay(t: number, cal: Calendar): string {
  return zonedDay(t, cal.timeZone);
}

/** The first instant (00:00 local) of the day `YYYY-MM-DD` in the calendar's zone. */
export function startOfLocalDay(day: string, cal: Calendar): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  return new Date(utcMidnight - offsetMs(utcMidnight, cal));
}

export function isWorkingDay(t: number, cal: Calendar): boolean {
  const d = localDate(t, cal);
  const dow = d.getUTCDay();
  return dow !== 0 && dow !== 6 && !cal.holidays.has(d.toISOString().slice(0, 10));
}

/** End (23:59:59.999 local) of the local day containing `t`. */
function endOfLocalDay(t: number, cal: Calendar): number {
  const d = localDate(t, cal);
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) + DAY - 1;
  return end - offsetMs(end, cal);
}

/**
 * The deadline for answering something received at `from`: for N working days, the end of the
 * N-th working day after the day of receipt (the day of receipt does not count).
 */
export function computeDeadline(from: Date, rt: ResponseTime, cal: Calendar = WIB): Date {
  if (rt.unit === 'hours') return new Date(from.getTime() + rt.value * 3_600_000);
  let t = from.getTime();
  let left = rt.value;
  while (left > 0) {
    t += DAY;
    if (isWorkingDay(t, cal)) left -= 1;
  }
  return new Date(endOfLocalDay(t, cal));
}

/** Working days between two instants (for "answered within the standard" reports). */
export function workingDaysBetween(from: Date, to: Date, cal: Calendar = WIB): number {
  let n = 0;
  for (let t = from.getTime() + DAY; endOfLocalDay(t, cal) - DAY < to.getTime(); t += DAY) {
    if (isWorkingDay(t, cal)) n += 1;
  }
  return n;
}
