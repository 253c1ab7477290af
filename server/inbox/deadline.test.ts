import { describe, expect, it } from 'vitest';
import { computeDeadline, isWorkingDay, WIB, type Calendar } from './deadline';

// 2026-12-24 is a Thursday; 2026-12-25 (Friday) is Christmas.
const withChristmas: Calendar = { ...WIB, holidays: new Set(['2026-12-25']) };
const wib = (s: string) => new Date(`${s}+07:00`);

describe('response deadlines', () => {
  it('skips the weekend: 3 working days from a Thursday ends on Tuesday night (WIB)', () => {
    const d = computeDeadline(wib('2026-12-17T10:00:00'), { value: 3, unit: 'working_days' });
    expect(d.toISOString()).toBe(wib('2026-12-22T23:59:59.999').toISOString());
  });

  it('skips a public holiday and the weekend after it', () => {
    const d = computeDeadline(
      wib('2026-12-24T09:00:00'),
      { value: 2, unit: 'working_days' },
      withChristmas,
    );
    // Fri 25 holiday, Sat/Sun weekend: Mon 28 is day 1, Tue 29 day 2.
    expect(d.toISOString()).toBe(wib('2026-12-29T23:59:59.999').toISOString());
  });

  it('counts receipt on a Saturday from the next working day', () => {
    const d = computeDeadline(wib('2026-12-19T20:00:00'), { value: 1, unit: 'working_days' });
    expect(d.toISOString()).toBe(wib('2026-12-21T23:59:59.999').toISOString());
  });

  it('uses local (WIB) dates, not UTC dates, near midnight', () => {
    // 23:30 WIB on Friday is 16:30 UTC the same day; Monday is the first working day after it.
    const d = computeDeadline(wib('2026-12-18T23:30:00'), { value: 1, unit: 'working_days' });
    expect(d.toISOString()).toBe(wib('2026-12-21T23:59:59.999').toISOString());
    expect(isWorkingDay(wib('2026-12-19T00:30:00').getTime(), WIB)).toBe(false);
  });

  it('counts hours around the clock for urgent services', () => {
    const d = computeDeadline(wib('2026-12-19T20:00:00'), { value: 24, unit: 'hours' });
    expect(d.toISOString()).toBe(wib('2026-12-20T20:00:00').toISOString());
  });
});
