import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors';
import { AbuseLimits, LIMIT_TABLE } from './limits';
import { MemoryCoordinator } from './memory';

/**
 * A busy minute in a hall, per participant: three joins (two reconnects, each a new socket),
 * ten reads, two submissions, twenty votes, ten similarity checks while typing.
 */
const MINUTE = { join: 3, read: 10, submit: 2, vote: 20, similar: 10 } as const;
const HALL = 2000;
const ADDRESS = '203.0.113.7';

describe('abuse limits', () => {
  it('let 2,000 participants behind one address through a busy minute', async () => {
    const limits = new AbuseLimits(new MemoryCoordinator());
    let refused = 0;
    let taken = 0;
    for (let p = 0; p < HALL; p += 1) {
      for (const [kind, n] of Object.entries(MINUTE) as [keyof typeof MINUTE, number][]) {
        for (let i = 0; i < n; i += 1) {
          const socket = kind === 'join' ? `s${p}-${i}` : `s${p}`;
          await limits.take(kind, { participant: `p:${p}`, address: ADDRESS, socket }).then(
            () => (taken += 1),
            () => (refused += 1),
          );
        }
      }
    }
    expect(refused).toBe(0);
    expect(taken).toBe(HALL * Object.values(MINUTE).reduce((a, b) => a + b, 0));
  });

  it('stop one participant past its share, whatever socket it uses, with the seconds to wait', async () => {
    const limits = new AbuseLimits(new MemoryCoordinator());
    const [points] = LIMIT_TABLE.submit.participant;
    for (let i = 0; i < points; i += 1) {
      await limits.take('submit', { participant: 'p:1', socket: `s${i}`, address: ADDRESS });
    }
    const err = await limits
      .take('submit', { participant: 'p:1', socket: 'fresh-socket', address: ADDRESS })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(429);
    expect((err as AppError).details).toMatchObject({ retryAfter: expect.any(Number) });
    expect(((err as AppError).details as { retryAfter: number }).retryAfter).toBeGreaterThan(0);
    // Another participant behind the same address is not affected.
    await limits.take('submit', { participant: 'p:2', socket: 'x', address: ADDRESS });
  });

  it('stop one socket without a participant (no cookie) after its share of joins', async () => {
    const limits = new AbuseLimits(new MemoryCoordinator());
    const [points] = LIMIT_TABLE.join.socket;
    let ok = 0;
    for (let i = 0; i < points + 20; i += 1) {
      await limits.take('join', { socket: 's-anon', address: ADDRESS }).then(
        () => (ok += 1),
        () => undefined,
      );
    }
    expect(ok).toBe(points);
  });

  it('hold a slow mode per forum and participant, and give the point back on request', async () => {
    const limits = new AbuseLimits(new MemoryCoordinator());
    // A submission refused for another reason gives its slot back.
    const giveBack = await limits.slowMode('f1', 'p:1', 30);
    giveBack();
    await new Promise((r) => setImmediate(r));
    await limits.slowMode('f1', 'p:1', 30);
    await expect(limits.slowMode('f1', 'p:1', 30)).rejects.toMatchObject({
      status: 429,
      details: { limit: 'slow_mode' },
    });
    // Other forums and other participants are not slowed by it.
    await limits.slowMode('f2', 'p:1', 30);
    await limits.slowMode('f1', 'p:2', 30);
  });
});
