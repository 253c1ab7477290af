/**
 * Runs tasks one at a time per key, in arrival order.
 *
 * FerretDB 1.24 (SQLite backend) applies `$inc` as read-modify-write without isolation, so
 * concurrent increments of one document lose updates (measured: 12 concurrent `$inc` left 3).
 * Every write that touches a forum's counters runs under that forum's key. MongoDB's `$inc` is
 * atomic, so several app instances on MongoDB stay correct as well.
 */
export class KeyedMutex {
  private tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const result = prev.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  get size(): number {
    return this.tails.size;
  }
}

/** The process-wide lock for writes within one forum. */
export const forumLock = new KeyedMutex();
