/**
 * Group commit: items submitted while a write is in flight are written together in the next
 * one. A lone item is written at once (no added latency when idle); under load, N items cost
 * one round trip instead of N. Each submitter gets its own item's result or error.
 */
export class GroupCommit<T, R> {
  private queue: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private inFlight = 0;

  constructor(
    /** Writes a batch; returns one result per item, in order (an Error for a failed item). */
    private readonly write: (items: T[]) => Promise<(R | Error)[]>,
    private readonly opts: { maxBatch?: number; concurrency?: number } = {},
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  /** Items waiting for a write (for metrics). */
  get pending(): number {
    return this.queue.length;
  }

  private pump(): void {
    while (this.queue.length && this.inFlight < (this.opts.concurrency ?? 2)) {
      const batch = this.queue.splice(0, this.opts.maxBatch ?? 500);
      this.inFlight += 1;
      this.write(batch.map((b) => b.item))
        .then(
          (results) =>
            batch.forEach((b, i) => {
              const r = results[i];
              if (r instanceof Error) b.reject(r);
              else b.resolve(r as R);
            }),
          (err: unknown) => batch.forEach((b) => b.reject(err)),
        )
        .finally(() => {
          this.inFlight -= 1;
          this.pump();
        });
    }
  }
}
