import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Input } from '$shared/schemas/input';
import {
  loadDraft,
  retryDelay,
  saveDraft,
  type InputBody,
  type KeyValueStorage,
} from './outbox-core';
import { OutboxRunner } from './outbox-runner';

class Offline extends Error {}
class Refused extends Error {}

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

/** A server that stores inputs by idempotency key and votes as a set, reachable or not. */
function fakeServer() {
  const inputs = new Map<string, InputBody>();
  const votes = new Set<string>();
  const calls = { submit: 0, vote: 0 };
  let online = true;
  let refuse = false;
  const transport = {
    submit: async (_forumId: string, body: InputBody) => {
      calls.submit += 1;
      if (!online) throw new Offline('offline');
      if (refuse) throw new Refused('forum closed');
      inputs.set(body.idempotencyKey, body);
      return { id: `i-${body.idempotencyKey}`, text: body.text } as Input;
    },
    vote: async (inputId: string, voted: boolean) => {
      calls.vote += 1;
      if (!online) throw new Offline('offline');
      if (voted) votes.add(inputId);
      else votes.delete(inputId);
      return { inputId, voted, votes: votes.has(inputId) ? 1 : 0 };
    },
  };
  return {
    inputs,
    votes,
    calls,
    transport,
    setOnline: (v: boolean) => (online = v),
    setRefuse: (v: boolean) => (refuse = v),
  };
}

const body = (key: string, text = 'Antrian loket terlalu panjang'): InputBody => ({
  text,
  kind: 'question',
  serviceCode: null,
  displayName: '',
  contactEmail: '',
  idempotencyKey: key,
});

function runner(server: ReturnType<typeof fakeServer>, storage: KeyValueStorage) {
  const events = { inputStored: vi.fn(), voteStored: vi.fn(), refused: vi.fn(), retrying: vi.fn() };
  const r = new OutboxRunner({
    forumId: 'f1',
    transport: server.transport,
    events,
    storage,
    isRetryable: (err) => err instanceof Offline,
    onChange: () => undefined,
    random: () => 1,
  });
  return { r, events };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('OutboxRunner', () => {
  it('sends a queued input once and forgets it', async () => {
    const server = fakeServer();
    const storage = memoryStorage();
    const { r, events } = runner(server, storage);
    r.addInput(body('k1aaaaaaaa'));
    await r.flush();
    expect([...server.inputs.keys()]).toEqual(['k1aaaaaaaa']);
    expect(events.inputStored).toHaveBeenCalledOnce();
    expect(r.queue).toHaveLength(0);
    expect(storage.map.size).toBe(0);
  });

  it('keeps items while offline and resends them with backoff, each stored once', async () => {
    const server = fakeServer();
    const storage = memoryStorage();
    const { r, events } = runner(server, storage);
    server.setOnline(false);
    r.addInput(body('k1aaaaaaaa'));
    r.addVote('in-1', true);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.queue).toHaveLength(2);
    expect(events.retrying).toHaveBeenCalled();
    expect(storage.map.get('fp.outbox.f1')).toContain('k1aaaaaaaa');

    server.setOnline(true);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(r.queue).toHaveLength(0);
    expect(server.inputs.size).toBe(1);
    expect(server.votes.has('in-1')).toBe(true);
  });

  it('survives a reload: a new page sends what the old one left unsent', async () => {
    const server = fakeServer();
    const storage = memoryStorage();
    server.setOnline(false);
    const first = runner(server, storage).r;
    first.addInput(body('k1aaaaaaaa'));
    await vi.advanceTimersByTimeAsync(0);
    first.stop();

    server.setOnline(true);
    const second = runner(server, storage).r;
    second.load();
    expect(second.queue).toHaveLength(1);
    await second.flush();
    expect(server.inputs.size).toBe(1);
    expect(second.queue).toHaveLength(0);
  });

  it('sends the latest vote intent for an input', async () => {
    const server = fakeServer();
    const { r } = runner(server, memoryStorage());
    server.setOnline(false);
    r.addVote('in-1', true);
    r.addVote('in-1', false);
    r.addVote('in-1', true);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.queue).toHaveLength(1);
    server.setOnline(true);
    await r.flush();
    expect(server.votes.has('in-1')).toBe(true);
    expect(r.queue).toHaveLength(0);
  });

  it('keeps a refused input visible with its error and does not resend it', async () => {
    const server = fakeServer();
    const { r, events } = runner(server, memoryStorage());
    server.setRefuse(true);
    r.addInput(body('k1aaaaaaaa'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.calls.submit).toBe(1);
    expect(events.refused).toHaveBeenCalledOnce();
    expect(r.queue[0]).toMatchObject({ type: 'input', error: 'forum closed' });
    r.discard('k1aaaaaaaa');
    expect(r.queue).toHaveLength(0);
  });
});

describe('retryDelay and drafts', () => {
  it('backs off exponentially up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => retryDelay(n, () => 1))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
    expect(retryDelay(1, () => 0)).toBe(500);
  });

  it('keeps a draft per forum and drops an empty one', () => {
    const storage = memoryStorage();
    const d = { text: 'Jalan rusak', kind: 'complaint', displayName: '', contactEmail: '' };
    saveDraft(storage, 'f1', d);
    expect(loadDraft(storage, 'f1')).toEqual(d);
    expect(loadDraft(storage, 'f2')).toBeNull();
    saveDraft(storage, 'f1', { ...d, text: '  ' });
    expect(loadDraft(storage, 'f1')).toBeNull();
  });
});
