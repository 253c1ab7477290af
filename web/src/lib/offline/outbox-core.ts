import type { Input, InputCreate, VoteResult } from '$shared/schemas/input';

/** The body of an input submission as the API takes it, every field set. */
export type InputBody = InputCreate;
export type { VoteResult };

/** An input waiting to be stored; its idempotency key makes every resend safe. */
export interface QueuedInput {
  type: 'input';
  key: string;
  body: InputBody;
  createdAt: string;
  /** Set when the server refused it for good (e.g. the forum closed): shown, not resent. */
  error: string | null;
}

/** The latest vote intent for one input (a vote is a set or an unset: resending is harmless). */
export interface QueuedVote {
  type: 'vote';
  key: string;
  inputId: string;
  voted: boolean;
}

export type Queued = QueuedInput | QueuedVote;

/** A new queued input for a submission body (its idempotency key is its key). */
export function queuedInput(body: InputBody, nowMs: number): QueuedInput {
  const createdAt = new Date(nowMs).toISOString();
  return { type: 'input', key: body.idempotencyKey, body, createdAt, error: null };
}

/** Where the outbox sends (the JSON API, each request with a timeout). */
export interface OutboxTransport {
  submit(forumId: string, body: InputBody): Promise<Input>;
  vote(inputId: string, voted: boolean): Promise<VoteResult>;
}

/** What the page learns from the outbox. */
export interface OutboxEvents {
  inputStored(item: QueuedInput, input: Input): void;
  voteStored(item: QueuedVote, result: VoteResult): void;
  /** The server refused an item for good (it is not resent). */
  refused(item: Queued, err: unknown): void;
  /** Sending stopped on a network or server failure; it resumes after `delayMs`. */
  retrying?(delayMs: number): void;
}

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage, or nothing when the browser refuses it (private mode) or on the server. */
export function browserStorage(): KeyValueStorage | null {
  try {
    const s = globalThis.localStorage;
    if (!s) return null;
    s.setItem('fp.probe', '1');
    s.removeItem('fp.probe');
    return s;
  } catch {
    return null;
  }
}

export const outboxKey = (forumId: string) => `fp.outbox.${forumId}`;
export const draftKey = (forumId: string) => `fp.draft.${forumId}`;

function isQueued(v: unknown): v is Queued {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  if (o.type === 'vote') {
    return (
      typeof o.inputId === 'string' && typeof o.voted === 'boolean' && typeof o.key === 'string'
    );
  }
  if (o.type !== 'input' || typeof o.key !== 'string' || typeof o.body !== 'object' || !o.body) {
    return false;
  }
  const b = o.body as Record<string, unknown>;
  return typeof b.text === 'string' && typeof b.kind === 'string' && b.idempotencyKey === o.key;
}

/** The unsent items of a forum kept by this browser (ignores anything malformed). */
export function loadQueue(storage: KeyValueStorage | null, forumId: string): Queued[] {
  try {
    const raw = storage?.getItem(outboxKey(forumId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter(isQueued) : [];
  } catch {
    return [];
  }
}

export function saveQueue(storage: KeyValueStorage | null, forumId: string, items: Queued[]) {
  try {
    if (items.length === 0) storage?.removeItem(outboxKey(forumId));
    else storage?.setItem(outboxKey(forumId), JSON.stringify(items));
  } catch {
    // Storage full or refused: the queue still works until the page is closed.
  }
}

/** Adds a vote intent, replacing an unsent one for the same input (the latest intent wins). */
export function withVote(items: Queued[], inputId: string, voted: boolean): Queued[] {
  const rest = items.filter((i) => !(i.type === 'vote' && i.inputId === inputId));
  return [...rest, { type: 'vote', key: `vote:${inputId}`, inputId, voted }];
}

/** Exponential backoff with jitter: about 1, 2, 4, 8, 16 s, then at most 30 s. */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.5 + random() / 2));
}

/** A typed draft, kept while the citizen writes (restored after a reload). */
export interface Draft {
  text: string;
  kind: string;
  displayName: string;
  contactEmail: string;
}

export function loadDraft(storage: KeyValueStorage | null, forumId: string): Draft | null {
  try {
    const raw = storage?.getItem(draftKey(forumId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<Draft>;
    return {
      text: typeof d.text === 'string' ? d.text : '',
      kind: typeof d.kind === 'string' ? d.kind : '',
      displayName: typeof d.displayName === 'string' ? d.displayName : '',
      contactEmail: typeof d.contactEmail === 'string' ? d.contactEmail : '',
    };
  } catch {
    return null;
  }
}

export function saveDraft(storage: KeyValueStorage | null, forumId: string, d: Draft | null) {
  try {
    if (!d || (!d.text.trim() && !d.displayName.trim() && !d.contactEmail.trim())) {
      storage?.removeItem(draftKey(forumId));
    } else storage?.setItem(draftKey(forumId), JSON.stringify(d));
  } catch {
    // ignore: a draft is a convenience
  }
}
