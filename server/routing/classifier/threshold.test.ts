import { describe, expect, it } from 'vitest';
import type { Prediction } from './metrics';
import { authoredThreshold, chooseThreshold, wilsonLower } from './threshold';

/** n predictions at `confidence`, `right` of them right. */
function bucket(confidence: number, n: number, right: number): Prediction[] {
  return Array.from({ length: n }, (_, i) => ({
    truth: 'a',
    predicted: i < right ? 'a' : 'b',
    confidence,
  }));
}

describe('choosing the auto-routing threshold for a target accuracy', () => {
  const preds = [...bucket(0.95, 100, 97), ...bucket(0.8, 100, 85), ...bucket(0.5, 100, 50)];

  it('routes as much as possible while the routed texts stay accurate enough', () => {
    const c = chooseThreshold(preds, 0.85);
    // 0.95 and 0.8 together: 182/200 right (0.91); adding 0.5 gives 0.77, below the target.
    expect(c).toMatchObject({ threshold: 0.8, coverage: 2 / 3 });
    expect(c?.accuracy).toBeCloseTo(0.91, 2);
    expect(chooseThreshold(preds, 0.93)?.threshold).toBe(0.95);
  });

  it('is cautious with few labels and refuses when no cut reaches the target', () => {
    // 9 of 10 right is 0.9, but ten labels cannot show 0.85 with confidence.
    expect(chooseThreshold(bucket(0.9, 10, 9), 0.85)).toBeNull();
    expect(chooseThreshold(bucket(0.9, 200, 180), 0.85)?.threshold).toBe(0.9);
    expect(chooseThreshold(bucket(0.99, 300, 200), 0.85)).toBeNull();
    expect(wilsonLower(9, 10)).toBeLessThan(0.85);
  });

  it('keeps a margin for real text when only authored texts are available', () => {
    const easy = bucket(0.3, 200, 200); // authored text: everything right, even at 0.3
    expect(authoredThreshold(easy, 0.85)).toEqual({ threshold: 0.9, chosen: true });
    expect(authoredThreshold(bucket(0.99, 300, 200), 0.85)).toEqual({
      threshold: 0.9,
      chosen: false,
    });
  });
});
