import { rooms } from '../../shared/events';
import type { ForumStatus } from '../../shared/domain/forum';
import { InputModel, type InputDoc } from '../forums/input.model';
import { presentInput, type InputView } from '../forums/forum.presenter';
import { casesFor } from '../forums/input.queries';
import type { IO } from './io';

const VOTE_FLUSH_MS = 200;

/** Room of the author of an input (`u:<id>` or `p:<participant>`). */
export function authorRoom(authorKey: string): string {
  return authorKey.startsWith('u:')
    ? rooms.user(authorKey.slice(2))
    : rooms.participant(authorKey.slice(2));
}

/**
 * Pushes changes to sockets. Services call it only after the write is stored.
 * Vote counts are coalesced: at most one `vote.counts` batch per forum every 200 ms.
 */
export class Realtime {
  private pendingVotes = new Map<string, Set<string>>();
  private timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly io: IO | null,
    private readonly staffView: () => InputView = () => ({ staff: true }),
  ) {}

  inputCreated(doc: InputDoc): void {
    const forumId = doc.forumId.toString();
    this.io
      ?.to(rooms.forumStaff(forumId))
      .emit('input.created', presentInput(doc, this.staffView()));
    if (doc.status === 'published') this.inputPublished(doc);
  }

  inputPublished(doc: InputDoc): void {
    this.io?.to(rooms.forum(doc.forumId.toString())).emit('input.published', presentInput(doc));
  }

  /** A visible input changed; the public view carries the UPP's replies. */
  inputUpdated(doc: InputDoc): void {
    if (!this.io) return;
    const forumId = doc.forumId.toString();
    void casesFor([doc], null).then((cases) =>
      this.io
        ?.to(rooms.forum(forumId))
        .emit('input.updated', presentInput(doc, { citizenCase: cases.get(doc._id.toString()) })),
    );
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
    void casesFor([doc], doc.authorKey).then((cases) =>
      this.io?.to(authorRoom(doc.authorKey)).emit(
        'input.mine',
        presentInput(doc, {
          viewerKey: doc.authorKey,
          citizenCase: cases.get(doc._id.toString()),
        }),
      ),
    );
    this.io
      ?.to(rooms.forumStaff(doc.forumId.toString()))
      .emit('input.updated', presentInput(doc, this.staffView()));
  }

  /** Marks an input's count as changed; the batch reads the stored counts when it is sent. */
  voteCount(forumId: string, inputId: string): void {
    if (!this.io) return;
    let batch = this.pendingVotes.get(forumId);
    if (!batch) this.pendingVotes.set(forumId, (batch = new Set()));
    batch.add(inputId);
    if (this.timers.has(forumId)) return;
    const t = setTimeout(() => void this.flushVotes(forumId), VOTE_FLUSH_MS);
    t.unref();
    this.timers.set(forumId, t);
  }

  async flushVotes(forumId: string): Promise<void> {
    const batch = this.pendingVotes.get(forumId);
    this.pendingVotes.delete(forumId);
    const t = this.timers.get(forumId);
    if (t) clearTimeout(t);
    this.timers.delete(forumId);
    if (!batch || !batch.size) return;
    // Concurrent votes finish in any order, so the stored counters are the truth.
    const docs = await InputModel.find({ _id: { $in: [...batch] } }, { votes: 1 }).catch(() => []);
    if (!docs.length) return;
    this.io?.to(rooms.forum(forumId)).emit('vote.counts', {
      forumId,
      counts: Object.fromEntries(docs.map((d) => [d._id.toString(), d.votes])),
    });
  }

  spotlight(forumId: string, doc: InputDoc | null): void {
    this.io
      ?.to(rooms.forum(forumId))
      .emit('forum.spotlight', { forumId, input: doc ? presentInput(doc) : null });
  }

  forumStatus(forumId: string, status: ForumStatus): void {
    this.io?.to(rooms.forum(forumId)).emit('forum.status', { forumId, status });
  }

  async presence(forumId: string): Promise<void> {
    if (!this.io) return;
    const sockets = await this.io.in(rooms.forum(forumId)).fetchSockets();
    this.io.to(rooms.forum(forumId)).emit('forum.presence', { forumId, online: sockets.length });
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.pendingVotes.clear();
  }
}
