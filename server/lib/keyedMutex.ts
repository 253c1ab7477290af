/**
 * Runs tasks one at a time per key, in arrival order, within one process. It backs the
 * single-process coordinator (server/live/memory.ts); with several processes the Redis
 * coordinator's locks take its place.
 */
export class KeyedMutex {
  private tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const result = prev.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    // `tail` never rejects (caught above); the cleanup cannot throw.
    tail
      .then(() => {
        if (this.tails.get(key) === tail) this.tails.delete(key);
      })
      .catch(() => undefined);
    return result;
  }

  get size(): number {
    return this.tails.size;
  }
}
