import type { ForumStatus } from '$shared/domain/forum';
import type { Forum, ForumSignal } from '$shared/schemas/forum';
import type { CitizenCase } from '$shared/schemas/inbox';
import type { ForumSnapshot, Input } from '$shared/schemas/input';
import { caseOf, errorMessage, forumApi, inputApi, type CaseInput, type VoteResult } from './api';
import { createSocket, type AppSocket } from './socket';

export interface ForumLiveOptions {
  /** Staff view: also loads the pending queue and listens to `input.created`. */
  staff?: boolean;
  /** Citizen view: loads and tracks the viewer's own inputs. */
  mine?: boolean;
  /** Called when a new input appears in the public feed (not from a snapshot). */
  onPublished?: (input: Input) => void;
}

/** Live state of one forum: a snapshot kept current by Socket.IO events. */
export class ForumLive {
  forum = $state<Forum | null>(null);
  byId = $state<Record<string, Input>>({});
  myInputs = $state<Record<string, Input>>({});
  spotlight = $state<Input | null>(null);
  online = $state<number | null>(null);
  connected = $state(false);
  loading = $state(true);
  error = $state<string | null>(null);
  /** Staff view: vote-stuffing signals of the forum, newest first. */
  signals = $state<ForumSignal[]>([]);
  cursor = -1;

  readonly all = $derived(Object.values(this.byId));
  readonly published = $derived(this.all.filter((i) => i.status === 'published'));
  readonly pending = $derived(
    this.all
      .filter((i) => i.status === 'pending')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  );
  readonly mine = $derived(
    Object.values(this.myInputs).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  );

  private socket: AppSocket | null = null;

  constructor(
    readonly forumId: string,
    private readonly opts: ForumLiveOptions = {},
  ) {}

  /** Loads the forum and subscribes to its events; returns the cleanup function. */
  start(): () => void {
    const s = createSocket();
    // The socket's join answers with the whole snapshot (own inputs included); HTTP only when
    // the socket cannot connect quickly (e.g. a proxy that blocks WebSocket).
    const fallback = setTimeout(() => {
      if (this.cursor < 0) {
        void this.loadHttp();
        if (this.opts.mine) void this.loadMine();
      }
    }, 2500);
    this.socket = s;
    s.on('connect', () => {
      this.connected = true;
      this.join();
    });
    s.on('disconnect', () => (this.connected = false));
    s.on('connect_error', () => (this.connected = false));
    s.on('input.published', (i) => this.fromEvent(i, true));
    s.on('input.updated', (i) => this.fromEvent(i, false));
    s.on('input.created', (i) => this.fromEvent(i, false));
    s.on('input.removed', (p) => p.forumId === this.forumId && this.remove(p.inputId));
    s.on('input.mine', (i) => i.forumId === this.forumId && this.upsertMine(i));
    s.on('vote.counts', (p) => p.forumId === this.forumId && this.applyCounts(p.counts));
    s.on('forum.spotlight', (p) => {
      if (p.forumId !== this.forumId) return;
      this.spotlight = p.input ? { ...p.input } : null;
      if (this.forum) this.forum.spotlightInputId = p.input?.id ?? null;
      if (p.input) this.upsert(p.input, true);
    });
    s.on('forum.status', (p) => p.forumId === this.forumId && this.setStatus(p.status));
    s.on('forum.presence', (p) => p.forumId === this.forumId && (this.online = p.online));
    s.on('forum.signal', (sig) => sig.forumId === this.forumId && this.upsertSignal(sig));
    return () => {
      clearTimeout(fallback);
      if (s.connected) s.emit('forum.leave', { forumId: this.forumId });
      s.removeAllListeners();
      s.disconnect();
      this.socket = null;
    };
  }

  private join(): void {
    this.socket?.timeout(15_000).emit('forum.join', { forumId: this.forumId }, (err, res) => {
      if (err) {
        // Timed out (server busy or a dropped packet): ask again while connected.
        setTimeout(() => {
          if (this.socket?.connected) this.join();
        }, 2000);
        return;
      }
      if ('error' in res) {
        if (!this.forum) this.error = res.error.message;
        // Too many joins at once (a hall reconnecting): try again a little later.
        if (res.error.code === 'rate_limited') {
          setTimeout(() => this.socket?.connected && this.join(), 3000 + Math.random() * 4000);
        }
        return;
      }
      this.applySnapshot(res.data, true);
      if (this.opts.staff) {
        void this.loadQueue();
        void this.loadSignals();
      }
    });
  }

  private async loadHttp(): Promise<void> {
    try {
      const snap = await forumApi.get(this.forumId);
      this.applySnapshot(snap, false);
      if (this.opts.staff) await this.loadQueue();
    } catch (err) {
      if (!this.forum) this.error = errorMessage(err);
    } finally {
      this.loading = false;
    }
  }

  async loadQueue(): Promise<void> {
    try {
      const { inputs } = await forumApi.queue(this.forumId);
      for (const i of inputs) this.upsert(i, false);
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  async loadSignals(): Promise<void> {
    try {
      this.signals = (await forumApi.signals(this.forumId)).signals;
    } catch {
      // Signals are advisory; the console works without them.
    }
  }

  private upsertSignal(sig: ForumSignal): void {
    this.signals = [sig, ...this.signals.filter((s) => s.id !== sig.id)];
  }

  async loadMine(): Promise<void> {
    try {
      const { inputs } = await forumApi.mine(this.forumId);
      for (const i of inputs) this.upsertMine(i);
    } catch {
      // The own-inputs list is optional; the feed still works.
    }
  }

  /** Replaces local state with a snapshot (on every (re)join). */
  applySnapshot(snap: ForumSnapshot, force: boolean): void {
    if (!force && snap.cursor < this.cursor) return;
    this.cursor = snap.cursor;
    this.forum = snap.forum;
    const map: Record<string, Input> = {};
    for (const i of snap.inputs) map[i.id] = i;
    if (this.opts.staff) {
      for (const i of Object.values(this.byId))
        if (i.status === 'pending' && !map[i.id]) map[i.id] = i;
    }
    this.byId = map;
    if (this.opts.mine) for (const i of snap.mine) this.upsertMine(i);
    const sid = snap.forum.spotlightInputId;
    const found = sid ? map[sid] : undefined;
    this.spotlight = found
      ? { ...found }
      : sid && this.spotlight?.id === sid
        ? this.spotlight
        : null;
    this.error = null;
    this.loading = false;
  }

  private fromEvent(input: Input, isPublish: boolean): void {
    if (input.forumId !== this.forumId) return;
    const isNew = !this.byId[input.id];
    this.upsert(input, true);
    if (isPublish && isNew && input.status === 'published') this.opts.onPublished?.(input);
  }

  /** Inserts or replaces an input (deduplicated by id, never going back in `seq`). */
  upsert(input: Input, broadcast: boolean): void {
    const prev = this.byId[input.id];
    if (prev && input.seq < prev.seq) return;
    const merged: CaseInput =
      broadcast && prev
        ? { ...input, votedByMe: prev.votedByMe, mine: prev.mine || input.mine }
        : { ...input, mine: input.mine || !!this.myInputs[input.id] };
    merged.case = broadcast ? this.viewerCase(input, prev) : caseOf(input);
    if (merged.status === 'published' || merged.status === 'pending') {
      this.byId[input.id] = merged;
    } else if (prev) {
      delete this.byId[input.id];
    }
    if (this.spotlight?.id === input.id) {
      this.spotlight = merged.status === 'published' ? { ...merged } : null;
    }
    if (this.myInputs[input.id] && !broadcast) this.myInputs[input.id] = input;
  }

  upsertMine(input: Input): void {
    const prev = this.myInputs[input.id];
    if (prev && input.seq < prev.seq) return;
    const incoming = (input as CaseInput).case;
    const mine: CaseInput = {
      ...input,
      case: incoming === undefined ? (prev ? caseOf(prev) : null) : incoming,
    };
    this.myInputs[input.id] = mine;
    const feed = this.byId[input.id] as CaseInput | undefined;
    if (feed) {
      feed.mine = true;
      if (mine.case) feed.case = mine.case;
    }
  }

  /**
   * The case to keep for an input after an event. Broadcasts carry the public case (replies,
   * status) but not this viewer's rights; those come from the viewer's own copy (`input.mine`).
   */
  private viewerCase(input: Input, prev: Input | undefined): CitizenCase | null {
    const incoming = (input as CaseInput).case;
    const next = incoming === undefined ? (prev ? caseOf(prev) : null) : incoming;
    const own = this.myInputs[input.id] ? caseOf(this.myInputs[input.id]!) : null;
    if (!next || !own || own.status !== next.status) return next;
    return { ...next, canConfirm: own.canConfirm, canReopen: own.canReopen };
  }

  remove(id: string): void {
    delete this.byId[id];
    if (this.spotlight?.id === id) this.spotlight = null;
  }

  private applyCounts(counts: Record<string, number>): void {
    for (const [id, n] of Object.entries(counts)) {
      const i = this.byId[id];
      if (i) i.votes = n;
      if (this.spotlight?.id === id) this.spotlight.votes = n;
    }
  }

  private setStatus(status: ForumStatus): void {
    if (this.forum) this.forum.status = status;
  }

  setForum(forum: Forum): void {
    this.forum = forum;
    const sid = forum.spotlightInputId;
    const found = sid ? this.byId[sid] : undefined;
    this.spotlight = found ? { ...found } : null;
  }

  /** Upvotes or withdraws a vote over HTTP and applies the result. */
  async vote(id: string, voted: boolean): Promise<VoteResult> {
    const r = await inputApi.vote(id, voted);
    const i = this.byId[r.inputId];
    if (i) {
      i.votes = r.votes;
      i.votedByMe = r.voted;
    }
    if (this.spotlight?.id === r.inputId) {
      this.spotlight.votes = r.votes;
      this.spotlight.votedByMe = r.voted;
    }
    return r;
  }
}
