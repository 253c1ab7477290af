import { describe, expect, it } from 'vitest';
import {
  computeDeadline,
  inZone,
  isWorkingDay,
  localDay,
  startOfLocalDay,
  WIB,
  type Calendar,
} from './deadline';

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

describe('deadlines in the UPP time zone (WIB, WITA, WIT)', () => {
  const WIT: Calendar = inZone(WIB, 'Asia/Jayapura');
  const WITA: Calendar = inZone(WIB, 'Asia/Makassar');
  const at = (s: string, offset: string) => new Date(`${s}${offset}`);

  it('received Friday 16:00 local: the deadline is Tuesday night on the clock of each unit', () => {
    const rt = { value: 2, unit: 'working_days' } as const;
    const wibDeadline = computeDeadline(at('2026-12-11T16:00:00', '+07:00'), rt, WIB);
    const witDeadline = computeDeadline(at('2026-12-11T16:00:00', '+09:00'), rt, WIT);
    expect(wibDeadline.toISOString()).toBe('2026-12-15T16:59:59.999Z'); // Tue 23:59 WIB
    expect(witDeadline.toISOString()).toBe('2026-12-15T14:59:59.999Z'); // Tue 23:59 WIT
  });

  it('one instant, two local days: Thursday 23:30 WIB is already Friday in Jayapura', () => {
    // Thursday 2026-12-24 23:30 WIB = Friday 01:30 WIT; Friday 25 December is a holiday.
    const received = at('2026-12-24T23:30:00', '+07:00');
    const rt = { value: 1, unit: 'working_days' } as const;
    const holidays = new Set(['2026-12-25']);
    const wib = computeDeadline(received, rt, { ...WIB, holidays });
    const wit = computeDeadline(received, rt, { ...WIT, holidays });
    // WIB: received Thursday, Friday is a holiday, the weekend follows: Monday 28, 23:59 WIB.
    expect(wib.toISOString()).toBe(at('2026-12-28T23:59:59.999', '+07:00').toISOString());
    // WIT: received on Friday (the holiday), counted from Monday: Monday 23:59 WIT.
    expect(wit.toISOString()).toBe(at('2026-12-28T23:59:59.999', '+09:00').toISOString());
    // Without the holiday: WIB answers by Friday night, WIT (received Friday) by Monday night.
    const plain = computeDeadline(received, rt, WIB);
    const plainWit = computeDeadline(received, rt, WIT);
    expect(plain.toISOString()).toBe(at('2026-12-25T23:59:59.999', '+07:00').toISOString());
    expect(plainWit.toISOString()).toBe(at('2026-12-28T23:59:59.999', '+09:00').toISOString());
  });

  it('"today" at 23:30 UTC and at 16:30 UTC, per zone', () => {
    const late = Date.parse('2026-12-18T23:30:00Z');
    // 06:30 WIB, 07:30 WITA, 08:30 WIT on Saturday the 19th: today began at different instants.
    expect([WIB, WITA, WIT].map((c) => localDay(late, c))).toEqual([
      '2026-12-19',
      '2026-12-19',
      '2026-12-19',
    ]);
    expect(
      [WIB, WITA, WIT].map((c) => startOfLocalDay(localDay(late, c), c).toISOString()),
    ).toEqual(['2026-12-18T17:00:00.000Z', '2026-12-18T16:00:00.000Z', '2026-12-18T15:00:00.000Z']);
    // 16:30 UTC Friday: 23:30 WIB (still Friday, a working day), 00:30 WITA/WIT (Saturday).
    const evening = Date.parse('2026-12-18T16:30:00Z');
    expect([WIB, WITA, WIT].map((c) => localDay(evening, c))).toEqual([
      '2026-12-18',
      '2026-12-19',
      '2026-12-19',
    ]);
    expect([WIB, WITA, WIT].map((c) => isWorkingDay(evening, c))).toEqual([true, false, false]);
  });

  it('a UPP without a zone counts in WIB', () => {
    expect(inZone(WIB, null)).toBe(WIB);
    expect(inZone(WIB, undefined).timeZone).toBe('Asia/Jakarta');
  });
});
