import { detach } from './detach';
import type { ForumStatus } from '$shared/domain/forum';
import type { Forum, ForumSignal } from '$shared/schemas/forum';
import type { CitizenCase } from '$shared/schemas/inbox';
import type { ForumSnapshot, Input } from '$shared/schemas/input';
import { caseOf, errorMessage, forumApi, type VoteResult } from './api';
import { translateError } from './i18n.svelte';
import { isNewer, mergeSnapshot } from './live/merge';
import type { AppSocket } from './socket';

export interface ForumLiveOptions {
  /** Staff view: also loads the pending queue and listens to `input.created`. */
  staff?: boolean;
  /** Citizen view: loads and tracks the viewer's own inputs. */
  mine?: boolean;
  /** Called when a new input appears in the public feed (not from a snapshot). */
  onPublished?: (input: Input) => void;
  /** Called when one of the viewer's own inputs changed on the server (e.g. a UPP reply). */
  onMine?: (input: Input, prev: Input | undefined) => void;
  /** Called on every (re)connection of the live socket, after the join. */
  onConnected?: () => void;
  /** The viewer's unsent vote intent for an input (the outbox), shown over the server's state. */
  voteIntent?: (inputId: string) => boolean | undefined;
}

/** How long to wait before asking to join again after a failed join (grows, then stays). */
const JOIN_RETRY_MS = [1000, 2000, 4000, 8000, 15000];

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
  /** The highest change sequence seen, from snapshots and events. */
  cursor = -1;
  /** Inputs that events removed from the feed, with the sequence of the removal. */
  private removed: Record<string, number> = {};
  /** Counts and the viewer's votes as the server last told them (before unsent intents). */
  private server: Record<string, { votes: number; voted: boolean }> = {};

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
  private joinFailures = 0;
  private stopped = false;

  constructor(
    readonly forumId: string,
    private readonly opts: ForumLiveOptions = {},
    /** A snapshot rendered by the server: the page shows it before the socket connects. */
    initial?: ForumSnapshot,
  ) {
    if (initial) this.applySnapshot(initial);
  }

  /** Loads the forum and subscribes to its events; returns the cleanup function. */
  start(): () => void {
    this.stopped = false;
    // The socket's join answers with the whole snapshot (own inputs included); HTTP only when
    // the socket cannot connect quickly (e.g. a proxy that blocks WebSocket).
    const fallback = setTimeout(() => {
      if (this.cursor < 0) {
        detach(this.loadHttp(), 'forum load');
        if (this.opts.mine) detach(this.loadMine(), 'mine load');
      }
    }, 2500);
    // The socket client is a separate chunk: a server-rendered page is usable before it loads.
    detach(
      import('./socket').then(({ createSocket }) => {
        if (!this.stopped) this.listen(createSocket());
      }),
      'socket load',
    );
    return () => {
      this.stopped = true;
      clearTimeout(fallback);
      const s = this.socket;
      if (s) {
        if (s.connected) s.emit('forum.leave', { forumId: this.forumId });
        s.removeAllListeners();
        s.disconnect();
      }
      this.socket = null;
    };
  }

  private listen(s: AppSocket): void {
    this.socket = s;
    s.on('connect', () => {
      this.connected = true;
      this.joinFailures = 0;
      this.join();
    });
    s.on('disconnect', () => (this.connected = false));
    s.on('connect_error', () => (this.connected = false));
    s.on('input.published', (i) => this.fromEvent(i, true));
    s.on('input.updated', (i) => this.fromEvent(i, false));
    s.on('input.created', (i) => this.fromEvent(i, false));
    s.on('input.removed', (p) => {
      if (p.forumId !== this.forumId) return;
      this.advance(p.seq);
      this.removed[p.inputId] = p.seq;
      this.remove(p.inputId);
    });
    s.on('input.mine', (i) => {
      if (i.forumId !== this.forumId) return;
      const prev = this.myInputs[i.id];
      this.upsertMine(i);
      // A case reply does not change the input's sequence: the page compares the two.
      this.opts.onMine?.(i, prev);
    });
    s.on('vote.counts', (p) => p.forumId === this.forumId && this.applyCounts(p.counts));
    s.on('forum.spotlight', (p) => {
      if (p.forumId !== this.forumId) return;
      this.spotlight = p.input ? this.shown(p.input) : null;
      if (this.forum) this.forum.spotlightInputId = p.input?.id ?? null;
      if (p.input) this.upsert(p.input, true);
    });
    s.on('forum.status', (p) => p.forumId === this.forumId && this.setStatus(p.status));
    s.on('forum.presence', (p) => p.forumId === this.forumId && (this.online = p.online));
    s.on('forum.signal', (sig) => sig.forumId === this.forumId && this.upsertSignal(sig));
  }

  /** Asks to join (again after a timeout or a refusal that may pass: busy, rate limited). */
  private join(): void {
    const s = this.socket;
    if (!s) return;
    const retry = () => {
      const wait = JOIN_RETRY_MS[Math.min(this.joinFailures, JOIN_RETRY_MS.length - 1)]!;
      this.joinFailures += 1;
      setTimeout(
        () => {
          if (!this.stopped && this.socket?.connected) this.join();
        },
        wait * (0.75 + Math.random() / 2),
      );
    };
    s.timeout(15_000).emit('forum.join', { forumId: this.forumId }, (err, res) => {
      if (this.stopped) return;
      if (err) return retry();
      if ('error' in res) {
        if (!this.forum) this.error = translateError(res.error);
        const passing = ['rate_limited', 'db_unavailable', 'shutting_down', 'internal'].includes(
          res.error.code,
        );
        if (passing) retry();
        return;
      }
      this.joinFailures = 0;
      this.applySnapshot(res.data);
      if (this.opts.staff) {
        detach(this.loadQueue(), 'queue load');
        detach(this.loadSignals(), 'signals load');
      }
      this.opts.onConnected?.();
    });
  }

  private async loadHttp(): Promise<void> {
    try {
      const snap = await forumApi.get(this.forumId);
      this.applySnapshot(snap);
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

  /**
   * Merges a snapshot (on every (re)join, and the HTTP fallback) by change sequence: whatever
   * events brought after the snapshot was taken stays, so a late snapshot drops nothing newer.
   */
  applySnapshot(snap: ForumSnapshot): void {
    const late = snap.cursor < this.cursor;
    for (const i of snap.inputs) this.server[i.id] = { votes: i.votes, voted: i.votedByMe };
    const staff = !!this.opts.staff;
    const merged = mergeSnapshot(
      { byId: this.byId, removed: this.removed, cursor: this.cursor },
      snap.inputs,
      snap.cursor,
      // The staff queue is loaded apart (GET /queue): pending inputs stay until an event.
      (i) => staff && i.status === 'pending',
    );
    for (const [id, i] of Object.entries(merged)) merged[id] = this.shown(i);
    this.byId = merged;
    this.advance(snap.cursor);
    // The forum's status and spotlight come by events too: an older picture does not win.
    const forum = !late || !this.forum ? snap.forum : this.forum;
    this.forum = forum;
    if (this.opts.mine) for (const i of snap.mine) this.upsertMine(i);
    const sid = forum.spotlightInputId;
    const found = sid ? merged[sid] : undefined;
    this.spotlight = found
      ? { ...found }
      : sid && this.spotlight?.id === sid
        ? this.spotlight
        : null;
    this.error = null;
    this.loading = false;
  }

  private advance(seq: number): void {
    if (seq > this.cursor) this.cursor = seq;
  }

  private fromEvent(input: Input, isPublish: boolean): void {
    if (input.forumId !== this.forumId) return;
    const isNew = !this.byId[input.id];
    this.advance(input.seq);
    this.upsert(input, true);
    if (isPublish && isNew && input.status === 'published') this.opts.onPublished?.(input);
  }

  /** Inserts or replaces an input (deduplicated by id, never going back in `seq`). */
  upsert(input: Input, broadcast: boolean): void {
    const prev = this.byId[input.id];
    if (!isNewer(prev, input)) return;
    const merged: Input =
      broadcast && prev
        ? { ...input, votedByMe: prev.votedByMe, mine: prev.mine || input.mine }
        : { ...input, mine: input.mine || !!this.myInputs[input.id] };
    if (!broadcast || !prev) this.server[input.id] = { votes: input.votes, voted: input.votedByMe };
    else
      this.server[input.id] = { votes: input.votes, voted: this.server[input.id]?.voted ?? false };
    merged.case = broadcast ? this.viewerCase(input, prev) : caseOf(input);
    if (merged.status === 'published' || merged.status === 'pending') {
      this.byId[input.id] = this.shown(merged);
      if (this.removed[input.id] !== undefined && input.seq > this.removed[input.id]!) {
        delete this.removed[input.id];
      }
    } else if (prev) {
      delete this.byId[input.id];
    }
    if (this.spotlight?.id === input.id) {
      this.spotlight = merged.status === 'published' ? this.shown(merged) : null;
    }
    if (this.myInputs[input.id] && !broadcast) this.myInputs[input.id] = input;
  }

  upsertMine(input: Input): void {
    const prev = this.myInputs[input.id];
    if (prev && input.seq < prev.seq) return;
    // An event from an older server may come without its case.
    const incoming: CitizenCase | null | undefined = input.case;
    const mine: Input = {
      ...input,
      case: incoming === undefined ? (prev ? caseOf(prev) : null) : incoming,
    };
    this.myInputs[input.id] = mine;
    const feed: Input | undefined = this.byId[input.id];
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
    // An event from an older server may come without its case.
    const incoming: CitizenCase | null | undefined = input.case;
    const next = incoming === undefined ? (prev ? caseOf(prev) : null) : incoming;
    const own = this.myInputs[input.id] ? caseOf(this.myInputs[input.id]!) : null;
    if (!next || !own || own.status !== next.status) return next;
    return {
      ...next,
      canConfirm: own.canConfirm,
      canReopen: own.canReopen,
      reopenReason: own.reopenReason,
    };
  }

  remove(id: string): void {
    delete this.byId[id];
    if (this.spotlight?.id === id) this.spotlight = null;
  }

  /** An input as this viewer sees it: the server's count and vote, with an unsent intent on top. */
  private shown<T extends Input>(i: T): T {
    const base = this.server[i.id] ?? { votes: i.votes, voted: i.votedByMe };
    const intent = this.opts.voteIntent?.(i.id);
    if (intent === undefined || intent === base.voted) {
      return { ...i, votes: base.votes, votedByMe: base.voted };
    }
    return { ...i, votedByMe: intent, votes: Math.max(0, base.votes + (intent ? 1 : -1)) };
  }

  /** Shows an input again with the current intents (after a vote was queued or stored). */
  refresh(id: string): void {
    const i = this.byId[id];
    if (i) this.byId[id] = this.shown(i);
    if (this.spotlight?.id === id) this.spotlight = this.shown(this.spotlight);
  }

  private applyCounts(counts: Record<string, number>): void {
    for (const [id, n] of Object.entries(counts)) {
      const s = this.server[id];
      if (s) s.votes = n;
      else this.server[id] = { votes: n, voted: this.byId[id]?.votedByMe ?? false };
      this.refresh(id);
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

  /** Applies a vote the server stored (its count and whether the viewer's vote is on). */
  applyVote(r: VoteResult): void {
    this.server[r.inputId] = { votes: r.votes, voted: r.voted };
    this.refresh(r.inputId);
  }
}
