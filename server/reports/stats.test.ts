import { describe, expect, it } from 'vitest';
import { median, weekStart } from './stats';

describe('report helpers', () => {
  it('labels ISO weeks, including the ones that belong to the neighbouring year', () => {
    expect(weekStart(new Date('2026-11-27T12:00:00Z'))).toBe('2026-W48');
    expect(weekStart(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
    expect(weekStart(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(weekStart(new Date('2024-12-30T12:00:00Z'))).toBe('2025-W01');
  });

  it('takes the median of odd and even lists', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
