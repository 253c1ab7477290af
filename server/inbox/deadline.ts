/**
 * Response deadlines from a service standard: working days skip weekends and public holidays
 * (dates in the service's local time, WIB by default); hours are calendar hours (urgent services
 * such as ambulans, damkar and IGD run around the clock).
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
  /** Offset of local time from UTC in minutes (WIB = 420, WITA = 480, WIT = 540). */
  utcOffsetMinutes: number;
  /** Public holidays as local dates `YYYY-MM-DD`. */
  holidays: ReadonlySet<string>;
}

export const WIB: Calendar = { utcOffsetMinutes: 7 * 60, holidays: new Set() };

const DAY = 86_400_000;

function localDate(t: number, cal: Calendar): Date {
  return new Date(t + cal.utcOffsetMinutes * 60_000);
}

/** `YYYY-MM-DD` of the local day containing instant `t`. */
export function localDay(t: number, cal: Calendar): string {
  return localDate(t, cal).toISOString().slice(0, 10);
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
  return end - cal.utcOffsetMinutes * 60_000;
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
