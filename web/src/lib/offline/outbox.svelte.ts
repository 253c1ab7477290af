import { detach } from '../detach';
import { forumApi, inputApi, isRetryable } from '$lib/api';
import {
  browserStorage,
  queuedInput,
  withVote,
  type InputBody,
  type OutboxEvents,
  type Queued,
  type QueuedInput,
  type QueuedVote,
} from './outbox-core';
import type { OutboxRunner } from './outbox-runner';

/**
 * The outbox of one forum as reactive state for the page (see OutboxRunner, loaded as its own
 * chunk once the page runs: items queued before it arrives wait here).
 */
export class Outbox {
  items = $state<Queued[]>([]);
  sendingKey = $state<string | null>(null);
  /** When the next automatic attempt happens after a failure (null while none is planned). */
  retryAt = $state<number | null>(null);

  readonly inputs = $derived(this.items.filter((i): i is QueuedInput => i.type === 'input'));
  readonly votes = $derived(this.items.filter((i): i is QueuedVote => i.type === 'vote'));
  readonly waitingInputs = $derived(this.inputs.filter((i) => i.error === null).length);
  readonly waitingVotes = $derived(this.votes.length);

  private runner: OutboxRunner | null = null;
  private stopped = false;

  constructor(
    readonly forumId: string,
    private readonly events: OutboxEvents,
  ) {}

  /** Loads what an earlier page left unsent and sends it; resends when the network returns. */
  start(): () => void {
    this.stopped = false;
    const resend = () => this.flush();
    const onVisible = () => document.visibilityState === 'visible' && resend();
    window.addEventListener('online', resend);
    document.addEventListener('visibilitychange', onVisible);
    const loading = import('./outbox-runner').then(({ OutboxRunner }) => {
      if (this.stopped) return;
      const early = this.items;
      const runner = new OutboxRunner({
        forumId: this.forumId,
        storage: browserStorage(),
        isRetryable,
        transport: {
          submit: async (id, body) => (await forumApi.submit(id, body)).input,
          vote: (inputId, voted) => inputApi.vote(inputId, voted),
        },
        events: {
          ...this.events,
          retrying: (ms) => {
            this.retryAt = Date.now() + ms;
            this.events.retrying?.(ms);
          },
        },
        onChange: (items, sending) => {
          this.items = items;
          this.sendingKey = sending;
          if (sending) this.retryAt = null;
        },
      });
      this.runner = runner;
      runner.load();
      for (const item of early) {
        if (item.type === 'input') runner.add(item);
        else runner.addVote(item.inputId, item.voted);
      }
      resend();
    });
    detach(loading, 'outbox load');
    return () => {
      this.stopped = true;
      window.removeEventListener('online', resend);
      document.removeEventListener('visibilitychange', onVisible);
      this.runner?.stop();
    };
  }

  addInput(body: InputBody): QueuedInput {
    if (this.runner) return this.runner.addInput(body);
    const item = queuedInput(body, Date.now());
    this.items = [...this.items, item];
    return item;
  }

  addVote(inputId: string, voted: boolean): void {
    if (this.runner) this.runner.addVote(inputId, voted);
    else this.items = withVote(this.items, inputId, voted);
  }

  discard(key: string): void {
    if (this.runner) this.runner.discard(key);
    else this.items = this.items.filter((i) => i.key !== key);
  }

  /** Tries now (the socket reconnected, or the citizen asked). */
  flush(): void {
    const running = this.runner?.flush();
    if (running) detach(running, 'outbox flush');
  }

  /** The intent of an unsent vote for this input, if any. */
  voteIntent(inputId: string): boolean | undefined {
    return this.votes.find((v) => v.inputId === inputId)?.voted;
  }
}
