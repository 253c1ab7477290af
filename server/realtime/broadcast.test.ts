import { describe, expect, it } from 'vitest';
import { voteWindowMs } from './broadcast';

describe('the window of vote counts', () => {
  it('is 200 ms in a room of up to 1,000 phones, so counts move five times a second', () => {
    expect(voteWindowMs(0)).toBe(200);
    expect(voteWindowMs(300)).toBe(200);
    expect(voteWindowMs(1000)).toBe(200);
  });

  it('grows with a bigger hall and never waits more than a second', () => {
    expect(voteWindowMs(2000)).toBe(400);
    expect(voteWindowMs(3000)).toBeGreaterThan(voteWindowMs(2000));
    expect(voteWindowMs(5000)).toBe(1000);
    expect(voteWindowMs(50_000)).toBe(1000);
  });
});
