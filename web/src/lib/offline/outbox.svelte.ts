import { forumApi, inputApi, isRetryable } from '$lib/api';
import {
  browserStorage,
  type InputBody,
  type OutboxEvents,
  type Queued,
  type QueuedInput,
  type QueuedVote,
} from './outbox-core';
import { OutboxRunner } from './outbox-runner';

/** The outbox of one forum as reactive state for the page (see OutboxRunner). */
export class Outbox {
  items = $state<Queued[]>([]);
  sendingKey = $state<string | null>(null);
  /** When the next automatic attempt happens after a failure (null while none is planned). */
  retryAt = $state<number | null>(null);

  readonly inputs = $derived(this.items.filter((i): i is QueuedInput => i.type === 'input'));
  readonly votes = $derived(this.items.filter((i): i is QueuedVote => i.type === 'vote'));
  readonly waitingInputs = $derived(this.inputs.filter((i) => i.error === null).length);
  readonly waitingVotes = $derived(this.votes.length);

  private readonly runner: OutboxRunner;

  constructor(
    readonly forumId: string,
    events: OutboxEvents,
  ) {
    this.runner = new OutboxRunner({
      forumId,
      storage: browserStorage(),
      isRetryable,
      transport: {
        submit: async (id, body) => (await forumApi.submit(id, body)).input,
        vote: (inputId, voted) => inputApi.vote(inputId, voted),
      },
      events: {
        ...events,
        retrying: (ms) => {
          this.retryAt = Date.now() + ms;
          events.retrying?.(ms);
        },
      },
      onChange: (items, sending) => {
        this.items = items;
        this.sendingKey = sending;
        if (sending) this.retryAt = null;
      },
    });
  }

  /** Loads what an earlier page left unsent and sends it; resends when the network returns. */
  start(): () => void {
    this.runner.load();
    const resend = () => void this.runner.flush();
    const onVisible = () => document.visibilityState === 'visible' && resend();
    window.addEventListener('online', resend);
    document.addEventListener('visibilitychange', onVisible);
    resend();
    return () => {
      window.removeEventListener('online', resend);
      document.removeEventListener('visibilitychange', onVisible);
      this.runner.stop();
    };
  }

  addInput(body: InputBody): QueuedInput {
    return this.runner.addInput(body);
  }

  addVote(inputId: string, voted: boolean): void {
    this.runner.addVote(inputId, voted);
  }

  discard(key: string): void {
    this.runner.discard(key);
  }

  /** Tries now (the socket reconnected, or the citizen asked). */
  flush(): void {
    void this.runner.flush();
  }

  /** The intent of an unsent vote for this input, if any. */
  voteIntent(inputId: string): boolean | undefined {
    return this.votes.find((v) => v.inputId === inputId)?.voted;
  }
}
