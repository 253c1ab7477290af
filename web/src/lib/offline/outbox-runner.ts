import { detach } from '../detach';
import {
  queuedInput,
  loadQueue,
  retryDelay,
  saveQueue,
  withVote,
  type InputBody,
  type KeyValueStorage,
  type OutboxEvents,
  type OutboxTransport,
  type Queued,
  type QueuedInput,
} from './outbox-core';

export interface RunnerOptions {
  forumId: string;
  transport: OutboxTransport;
  events: OutboxEvents;
  storage: KeyValueStorage | null;
  /** Whether a failed send may succeed later (network, timeout, 5xx, 429). */
  isRetryable: (err: unknown) => boolean;
  /** Called after every change of the queue or of the item in flight. */
  onChange: (items: Queued[], sendingKey: string | null) => void;
  now?: () => Date;
  random?: () => number;
}

/**
 * The client outbox of one forum: submissions and votes are queued (in local storage, so they
 * survive a reload), sent one at a time, and resent with backoff after a network or server
 * failure. Inputs carry an idempotency key and votes are set/unset, so a resend after a lost
 * answer never stores anything twice.
 */
export class OutboxRunner {
  private items: Queued[] = [];
  private sendingKey: string | null = null;
  private running = false;
  private again = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(private readonly o: RunnerOptions) {}

  get queue(): readonly Queued[] {
    return this.items;
  }

  /** Loads what an earlier page left unsent and starts sending it. */
  load(): void {
    const stored = loadQueue(this.o.storage, this.o.forumId);
    // Items queued on this page before loading (none in practice) stay after the stored ones.
    const keys = new Set(stored.map((i) => i.key));
    this.set([...stored, ...this.items.filter((i) => !keys.has(i.key))]);
  }

  addInput(body: InputBody): QueuedInput {
    const item = queuedInput(body, (this.o.now?.() ?? new Date()).getTime());
    this.add(item);
    return item;
  }

  /** Queues an input built beforehand (e.g. while this runner was loading). */
  add(item: QueuedInput): void {
    this.set([...this.items.filter((i) => i.key !== item.key), item]);
    detach(this.flush(), 'outbox flush');
  }

  addVote(inputId: string, voted: boolean): void {
    this.set(withVote(this.items, inputId, voted));
    detach(this.flush(), 'outbox flush');
  }

  /** Forgets an item (a refused input the citizen dismissed). */
  discard(key: string): void {
    this.set(this.items.filter((i) => i.key !== key));
  }

  /** Sends everything queued, in order; after a retryable failure, tries again later. */
  async flush(): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.clearTimer();
    try {
      let item = this.next();
      while (item && !this.stopped) {
        const sent = await this.send(item);
        if (!sent) return;
        item = this.next();
      }
    } finally {
      this.running = false;
      this.setSending(null);
      if (this.again && !this.stopped) {
        this.again = false;
        if (!this.timer) detach(this.flush(), 'outbox flush');
      }
    }
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private next(): Queued | undefined {
    return this.items.find((i) => i.type === 'vote' || i.error === null);
  }

  /** Sends one item; false when sending must pause (a retry is scheduled). */
  private async send(item: Queued): Promise<boolean> {
    this.setSending(item.key);
    try {
      if (item.type === 'input') {
        const input = await this.o.transport.submit(this.o.forumId, item.body);
        this.remove(item);
        this.o.events.inputStored(item, input);
      } else {
        const result = await this.o.transport.vote(item.inputId, item.voted);
        this.remove(item);
        this.o.events.voteStored(item, result);
      }
      this.failures = 0;
      return true;
    } catch (err) {
      if (this.o.isRetryable(err)) {
        this.failures += 1;
        // A server that says when to come back (429 Retry-After, slow mode) is believed.
        const after = (err as { retryAfter?: number | null }).retryAfter ?? 0;
        const delay = Math.max(retryDelay(this.failures, this.o.random), after * 1000);
        this.timer = setTimeout(() => {
          this.timer = null;
          detach(this.flush(), 'outbox flush');
        }, delay);
        this.o.events.retrying?.(delay);
        return false;
      }
      if (item.type === 'input') {
        const message = err instanceof Error ? err.message : String(err);
        this.set(this.items.map((i) => (i === item ? { ...item, error: message } : i)));
      } else this.remove(item);
      this.o.events.refused(item, err);
      return true;
    }
  }

  /** Removes exactly this item (a newer intent queued meanwhile under the same key stays). */
  private remove(item: Queued): void {
    this.set(this.items.filter((i) => i !== item));
  }

  private set(items: Queued[]): void {
    this.items = items;
    saveQueue(this.o.storage, this.o.forumId, items);
    this.o.onChange(items, this.sendingKey);
  }

  private setSending(key: string | null): void {
    if (this.sendingKey === key) return;
    this.sendingKey = key;
    this.o.onChange(this.items, key);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
