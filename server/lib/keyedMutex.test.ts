import { describe, expect, it } from 'vitest';
import { KeyedMutex } from './keyedMutex';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('KeyedMutex', () => {
  it('serializes read-modify-write on one key so no update is lost', async () => {
    const m = new KeyedMutex();
    let counter = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        m.run('forum-1', async () => {
          const read = counter;
          await sleep(1);
          counter = read + 1;
        }),
      ),
    );
    expect(counter).toBe(20);
    expect(m.size).toBe(0);
  });

  it('keeps going after a task fails and lets other keys run in parallel', async () => {
    const m = new KeyedMutex();
    const order: string[] = [];
    const failing = m.run('a', async () => {
      await sleep(20);
      throw new Error('boom');
    });
    const other = m.run('b', async () => void order.push('b'));
    const next = m.run('a', async () => void order.push('a2'));
    await expect(failing).rejects.toThrow('boom');
    await Promise.all([other, next]);
    expect(order).toEqual(['b', 'a2']);
  });
});
