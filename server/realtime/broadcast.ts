import { detach } from '../lib/logger';
import { presentSignal } from '../forums/signals';
import type { ForumDoc } from '../forums/forum.model';
import { canModerate } from '../forums/forum.rules';
import type { SignalDoc } from '../forums/signal.model';
import { rooms } from '../../shared/events';
import type { ForumStatus } from '../../shared/domain/forum';
import type { InputDoc } from '../forums/input.model';
import { presentInput, type InputView } from '../forums/forum.presenter';
import { presentCitizenCase } from '../inbox/case.presenter';
import type { LiveForums } from '../live/live';
import type { IO } from './io';
import { inSlices } from './slices';

const VOTE_FLUSH_MS = 200;
const VOTE_FLUSH_MAX_MS = 1000;
/** Window per socket in the room (ms): at ~30 µs of writing per socket, ~15% of the loop. */
const VOTE_FLUSH_MS_PER_SOCKET = 0.2;
const PRESENCE_MS = 2000;
const FORUM_ROOM = /^forum:([a-f0-9]{24})$/;

/**
 * The coalescing window of vote counts for a forum room of this many sockets on this process.
 * Each batch is one write per socket; a hall of 2,000 phones at 200 ms would spend about a third
 * of a core on writes alone and make every ack wait behind them. So the window grows with the
 * room (so that batches cost at most ~15% of the loop): 200 ms up to 1,000 sockets, 400 ms at
 * 2,000, at most 1 s (5,000 and more). Phones in a big hall see counts move 2-5 times a second.
 */
export function voteWindowMs(sockets: number): number {
  return Math.min(VOTE_FLUSH_MAX_MS, Math.max(VOTE_FLUSH_MS, sockets * VOTE_FLUSH_MS_PER_SOCKET));
}

function add(m: Map<string, Set<string>>, key: string, ids: string[]): void {
  let s = m.get(key);
  if (!s) m.set(key, (s = new Set()));
  for (const id of ids) s.add(id);
}

/** Room of the author of an input (`u:<id>` or `p:<participant>`). */
export function authorRoom(authorKey: string): string {
  return authorKey.startsWith('u:')
    ? rooms.user(authorKey.slice(2))
    : rooms.participant(authorKey.slice(2));
}

/**
 * Pushes changes to sockets. Services call it only after the write is stored; it reads nothing
 * from the database (counts come from the tally, cases from the forum cache).
 *
 * Vote counts and presence are sent by each process to its own sockets (`io.local`): a process
 * that stored votes tells the others which inputs changed, and each reads the shared tally, so
 * every client sees counts in the order they were read. At most one `vote.counts` batch per
 * forum per window (200 ms, longer in big rooms: voteWindowMs), and one presence count per
 * forum every 2 s when it changed.
 */
export class Realtime {
  /** Inputs whose counts this process must send to its sockets. */
  private pendingEmit = new Map<string, Set<string>>();
  /** Inputs voted on in this process, to tell the other processes about. */
  private pendingLocal = new Map<string, Set<string>>();
  private timers = new Map<string, NodeJS.Timeout>();
  private emitting = new Map<string, Promise<void>>();
  private presenceSent = new Map<string, number>();
  private presenceTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly io: IO | null,
    private readonly live: LiveForums | null = null,
    private readonly staffView: () => InputView = () => ({ staff: true }),
  ) {
    live?.coord.subscribe((msg) => {
      if (msg.origin !== undefined && msg.votes?.length) this.remoteVotes(msg.forumId, msg.votes);
    });
    if (io) {
      this.presenceTimer = setInterval(
        () => detach(this.presenceTick(), 'presence tick', 'warn'),
        PRESENCE_MS,
      );
      this.presenceTimer.unref();
    }
  }

  private citizenCase(doc: InputDoc, viewerKey: string | null) {
    const e = this.live?.cache.peek(doc.forumId.toString());
    const c = e?.cases.get(doc._id.toString());
    if (!e || !c) return null;
    return presentCitizenCase(c, e.uppNames.get(c.uppId.toString()) ?? '', viewerKey);
  }

  /**
   * The forum's moderators changed (co-hosts): sockets in its staff room that may no longer
   * moderate leave it (every process, through the adapter).
   */
  async recheckStaffRoom(forum: ForumDoc): Promise<void> {
    if (!this.io) return;
    const sockets = await this.io.in(rooms.forumStaff(forum._id.toString())).fetchSockets();
    for (const s of sockets) {
      if (!canModerate(s.data.user ?? undefined, forum))
        s.leave(rooms.forumStaff(forum._id.toString()));
    }
  }

  /** A vote-stuffing signal, to the forum's moderators. */
  signal(s: SignalDoc): void {
    const forumId = s.forumId.toString();
    const input = s.inputId
      ? this.live?.cache.peek(forumId)?.inputs.get(s.inputId.toString())
      : null;
    this.io
      ?.to(rooms.forumStaff(forumId))
      .emit('forum.signal', presentSignal(s, input?.text ?? null));
  }

  inputCreated(doc: InputDoc): void {
    const forumId = doc.forumId.toString();
    this.io
      ?.to(rooms.forumStaff(forumId))
      .emit('input.created', presentInput(doc, this.staffView()));
    if (doc.status === 'published') this.inputPublished(doc);
  }

  inputPublished(doc: InputDoc): void {
    this.io
      ?.to(rooms.forum(doc.forumId.toString()))
      .emit('input.published', presentInput(doc, { citizenCase: this.citizenCase(doc, null) }));
  }

  /** A visible input changed; the public view carries the UPP's replies. */
  inputUpdated(doc: InputDoc): void {
    this.io
      ?.to(rooms.forum(doc.forumId.toString()))
      .emit('input.updated', presentInput(doc, { citizenCase: this.citizenCase(doc, null) }));
  }

  inputRemoved(doc: InputDoc): void {
    const forumId = doc.forumId.toString();
    this.io
      ?.to(rooms.forum(forumId))
      .emit('input.removed', { forumId, inputId: doc._id.toString(), seq: doc.seq });
  }

  /**
   * Tells the author (all their tabs and devices) that their input changed, and the other
   * moderators of the forum (whose queues must drop or update it).
   */
  inputMine(doc: InputDoc): void {
    if (!this.io) return;
    this.io.to(authorRoom(doc.authorKey)).emit(
      'input.mine',
      presentInput(doc, {
        viewerKey: doc.authorKey,
        citizenCase: this.citizenCase(doc, doc.authorKey),
      }),
    );
    this.io
      .to(rooms.forumStaff(doc.forumId.toString()))
      .emit('input.updated', presentInput(doc, this.staffView()));
  }

  /** Marks an input's count as changed by a vote stored in this process. */
  voteCount(forumId: string, inputId: string): void {
    if (!this.io) return;
    add(this.pendingLocal, forumId, [inputId]);
    add(this.pendingEmit, forumId, [inputId]);
    this.schedule(forumId);
  }

  /** Another process stored votes on these inputs. */
  private remoteVotes(forumId: string, ids: string[]): void {
    add(this.pendingEmit, forumId, ids);
    this.schedule(forumId);
  }

  /**
   * At most one batch per forum per window: the first change after a quiet spell is sent at
   * once, the ones that follow wait for the end of the window.
   */
  private schedule(forumId: string): void {
    if (this.timers.has(forumId)) return;
    this.flushVotes(forumId);
    const window = (): number =>
      voteWindowMs(this.io?.of('/').adapter.rooms.get(rooms.forum(forumId))?.size ?? 0);
    const tick = (): void => {
      if (!this.pendingEmit.get(forumId)?.size && !this.pendingLocal.get(forumId)?.size) {
        this.timers.delete(forumId);
        return;
      }
      this.flushVotes(forumId);
      const t = setTimeout(tick, window());
      t.unref();
      this.timers.set(forumId, t);
    };
    const t = setTimeout(tick, window());
    t.unref();
    this.timers.set(forumId, t);
  }

  /** Sends the pending counts to this process's sockets and tells the other processes. */
  private flushVotes(forumId: string): void {
    const emit = this.pendingEmit.get(forumId);
    const local = this.pendingLocal.get(forumId);
    this.pendingEmit.delete(forumId);
    this.pendingLocal.delete(forumId);
    if (emit?.size) this.emitCounts(forumId, [...emit]);
    if (local?.size && this.live?.coord.kind === 'redis') {
      void this.live.coord.publish({ forumId, votes: [...local] }).catch(() => undefined);
    }
  }

  /** Reads the counts and emits them to this process's sockets, in order per forum. */
  private emitCounts(forumId: string, ids: string[]): void {
    const io = this.io;
    const live = this.live;
    if (!io || !live) return;
    if (!io.of('/').adapter.rooms.get(rooms.forum(forumId))?.size) return;
    const prev = this.emitting.get(forumId) ?? Promise.resolve();
    const next = prev
      .then(async () => {
        const counts = await live.coord.tally.counts(forumId, ids);
        const batch = { forumId, counts: Object.fromEntries(counts) };
        await inSlices(io, rooms.forum(forumId), (to) => to.emit('vote.counts', batch));
      })
      .catch(() => undefined);
    this.emitting.set(forumId, next);
    // `next` never rejects (caught above).
    next
      .then(() => {
        if (this.emitting.get(forumId) === next) this.emitting.delete(forumId);
      })
      .catch(() => undefined);
  }

  spotlight(forumId: string, doc: InputDoc | null): void {
    this.io
      ?.to(rooms.forum(forumId))
      .emit('forum.spotlight', { forumId, input: doc ? presentInput(doc) : null });
  }

  forumStatus(forumId: string, status: ForumStatus): void {
    this.io?.to(rooms.forum(forumId)).emit('forum.status', { forumId, status });
  }

  /** Sends each forum's number of people when it changed (one message per forum per tick). */
  private async presenceTick(): Promise<void> {
    const io = this.io;
    if (!io) return;
    const local = new Map<string, number>();
    for (const [room, sockets] of io.of('/').adapter.rooms) {
      const m = FORUM_ROOM.exec(room);
      if (m) local.set(m[1]!, sockets.size);
    }
    // Forums this process reported before and has nobody in now report 0.
    for (const forumId of this.presenceSent.keys()) if (!local.has(forumId)) local.set(forumId, 0);
    for (const [forumId, n] of local) {
      const total = this.live ? await this.live.coord.presence(forumId, n).catch(() => n) : n;
      if (n === 0) {
        this.presenceSent.delete(forumId);
        continue;
      }
      if (this.presenceSent.get(forumId) === total) continue;
      this.presenceSent.set(forumId, total);
      const presence = { forumId, online: total };
      await inSlices(io, rooms.forum(forumId), (to) => to.emit('forum.presence', presence));
    }
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.pendingEmit.clear();
    this.pendingLocal.clear();
    if (this.presenceTimer) clearInterval(this.presenceTimer);
  }
}
