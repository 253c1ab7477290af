import { describe, expect, it } from 'vitest';
import { GroupCommit } from './groupCommit';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('GroupCommit', () => {
  it('writes a lone item at once and batches the items that arrive while a write is in flight', async () => {
    const batches: number[][] = [];
    const gate = deferred();
    const gc = new GroupCommit<number, number>(
      async (items) => {
        batches.push(items);
        if (batches.length === 1) await gate.promise;
        return items.map((i) => i * 10);
      },
      { concurrency: 1 },
    );
    const first = gc.submit(1);
    const rest = [2, 3, 4].map((i) => gc.submit(i));
    expect(batches).toEqual([[1]]);
    expect(gc.pending).toBe(3);
    gate.resolve();
    expect(await first).toBe(10);
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('rejects only the submitter whose item failed, and everyone when the write fails', async () => {
    const gc = new GroupCommit<number, number>(async (items) => {
      if (items.includes(99)) throw new Error('database down');
      return items.map((i) => (i < 0 ? new Error(`bad ${i}`) : i));
    });
    const results = await Promise.allSettled([gc.submit(1), gc.submit(-2), gc.submit(3)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    await expect(gc.submit(99)).rejects.toThrow('database down');
    expect(await gc.submit(5)).toBe(5);
  });
});
