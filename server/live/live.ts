import { detach, log } from '../lib/logger';
import { Types } from 'mongoose';
import { ACCEPTING_STATUSES } from '../../shared/domain/forum';
import { ForumModel } from '../forums/forum.model';
import { InputModel } from '../forums/input.model';
import { ForumParticipantModel, VoteModel } from '../forums/vote.model';
import type { Coordinator, VoteRow } from './coordinator';
import { ForumCache, type ForumEntry } from './forumCache';
import { hotWriters } from './writers';

/** The marker that asks the flusher to store a forum's own counters. */
export const FORUM_MARK = 'forum';

/** Default interval of the counts flusher (ms). */
export const FLUSH_MS = 2000;

export interface LiveOptions {
  /**
   * How often stored counts catch up with the tally (default FLUSH_MS). Live views read the
   * tally, not the stored counts; reports and exports settle first; a restart rebuilds counts
   * from the vote documents. So the interval only trades database writes for how stale a stored
   * count may be: each flush writes every input whose count changed.
   */
  flushMs?: number;
  log?: (msg: string, err?: unknown) => void;
}

/**
 * The live state of forums shared by every process: the read cache, the vote tally, change
 * sequences and forum locks, and the flusher that stores counts derived from the tally.
 */
export class LiveForums {
  readonly cache: ForumCache;
  /** Group-committed inserts of votes and participants. */
  readonly writers = hotWriters();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private readonly log: (msg: string, err?: unknown) => void;

  constructor(
    readonly coord: Coordinator,
    private readonly opts: LiveOptions = {},
  ) {
    this.cache = new ForumCache(coord);
    this.log = opts.log ?? ((msg, err) => log.warn({ scope: 'live', err }, msg));
  }

  /** Runs `fn` holding the forum's write lock (moderation, status, spotlight, merge). */
  lock<T>(forumId: string, fn: () => Promise<T>): Promise<T> {
    return this.coord.withLock(`forum:${forumId}`, fn);
  }

  /** The next change sequence of a forum (monotonic across processes and restarts). */
  nextSeq(forumId: string): Promise<number> {
    return this.coord.nextSeq(`forum:${forumId}`, async () => {
      const f = await ForumModel.findById(forumId, { seq: 1 }).lean();
      const last = await InputModel.find({ forumId }, { seq: 1 }).sort({ seq: -1 }).limit(1).lean();
      return Math.max(f?.seq ?? 0, last[0]?.seq ?? 0);
    });
  }

  /** Loads the forum's vote documents into the tally unless they are there. */
  ensureTally(forumId: string): Promise<void> {
    return this.coord.tally.ensure(forumId, async () => {
      const [votes, participants] = await Promise.all([
        VoteModel.find({ forumId }, { inputId: 1, voterKey: 1, _id: 0 }).lean(),
        ForumParticipantModel.find({ forumId }, { key: 1, _id: 0 }).lean(),
      ]);
      return {
        votes: votes.map((v) => ({ inputId: v.inputId.toString(), voterKey: v.voterKey })),
        participants: participants.map((p) => p.key),
      };
    });
  }

  /** Applies a stored vote to the tally; returns the input's count. */
  async applyVote(forumId: string, row: VoteRow, voted: boolean): Promise<number> {
    const n = await this.coord.tally.apply(forumId, row, voted);
    if (n !== null) return n;
    await this.ensureTally(forumId);
    return (await this.coord.tally.apply(forumId, row, voted)) ?? 0;
  }

  /** Vote counts of these inputs: the tally while the forum accepts votes, else stored counts. */
  async counts(e: ForumEntry, inputIds: string[]): Promise<Map<string, number>> {
    const forumId = e.forum._id.toString();
    if (!ACCEPTING_STATUSES.includes(e.forum.status)) {
      return new Map(inputIds.map((id) => [id, e.inputs.get(id)?.votes ?? 0]));
    }
    await this.ensureTally(forumId);
    return this.coord.tally.counts(forumId, inputIds);
  }

  /** Counts a participant once per forum (stored, then counted). */
  async addParticipant(forumId: string, key: string): Promise<void> {
    let added = await this.coord.tally.addParticipant(forumId, key);
    if (added === null) {
      await this.ensureTally(forumId);
      added = await this.coord.tally.addParticipant(forumId, key);
    }
    if (!added) return;
    await this.writers.participants.submit({
      forumId: new Types.ObjectId(forumId),
      key,
      createdAt: new Date(),
    });
    await this.coord.tally.markDirty(forumId, [FORUM_MARK]);
  }

  /** Asks the flusher to store the forum's counters soon. */
  touch(forumId: string): Promise<void> {
    return this.coord.tally.markDirty(forumId, [FORUM_MARK]);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(
      () => detach(this.flushNow(), 'live flush', 'warn'),
      this.opts.flushMs ?? FLUSH_MS,
    );
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flushNow();
  }

  /** Stores every pending count now (one flush at a time per process). */
  flushNow(): Promise<void> {
    if (!this.flushing) {
      this.flushing = this.flushDirty().finally(() => (this.flushing = null));
    }
    return this.flushing;
  }

  /**
   * One pass over what was pending when it started (more passes only while forums remain beyond
   * one batch): what votes mark meanwhile waits for the next tick, so a busy forum is written
   * once per interval, not back to back.
   */
  private async flushDirty(): Promise<void> {
    const BATCH = 50;
    for (;;) {
      const dirty = await this.coord.tally.takeDirty(BATCH).catch((err: unknown) => {
        this.log('[live] could not read pending counts', err);
        return new Map<string, string[]>();
      });
      if (!dirty.size) return;
      for (const [forumId, ids] of dirty) {
        await this.flushForum(forumId, ids).catch(async (err: unknown) => {
          this.log(`[live] could not store counts of forum ${forumId}`, err);
          await this.coord.tally.markDirty(forumId, ids).catch(() => undefined);
        });
      }
      if (dirty.size < BATCH) return;
    }
  }

  /** Stores the counts of these inputs (and the forum's counters) from the tally. */
  async flushForum(forumId: string, ids: string[]): Promise<void> {
    await this.coord.withLock(`flush:${forumId}`, async () => {
      const e = await this.cache.get(forumId);
      const inputIds = ids.filter((id) => id !== FORUM_MARK);
      await this.ensureTally(forumId);
      const counts = await this.coord.tally.counts(forumId, inputIds);
      // Only counts that differ from the stored ones are written (a forum with 2,000 inputs
      // and a few new votes costs a few writes, not 2,000).
      const changed = [...counts].filter(([id, votes]) => e.inputs.get(id)?.votes !== votes);
      if (changed.length) {
        await InputModel.bulkWrite(
          changed.map(([id, votes]) => ({
            updateOne: { filter: { _id: id }, update: { $set: { votes } } },
          })),
          { ordered: false },
        );
        for (const [id, votes] of counts) {
          const doc = e.inputs.get(id);
          if (doc) doc.votes = votes;
        }
      }
      await this.storeForumCounts(e);
    });
  }

  /** Before reading stored counts (reports, exports): store what the tally has for the forum. */
  async settle(forumId: string): Promise<void> {
    const e = await this.cache.get(forumId);
    if (ACCEPTING_STATUSES.includes(e.forum.status)) await this.flushAll(forumId);
  }

  /** Marks every input of the forum and flushes it now (a forum closes, or at start-up). */
  async flushAll(forumId: string): Promise<void> {
    const e = await this.cache.get(forumId);
    await this.flushForum(forumId, [...e.inputs.keys(), FORUM_MARK]);
  }

  private async storeForumCounts(e: ForumEntry): Promise<void> {
    const forumId = e.forum._id.toString();
    let published = 0;
    let pending = 0;
    const publishedIds: string[] = [];
    for (const i of e.inputs.values()) {
      if (i.status === 'published') {
        published += 1;
        publishedIds.push(i._id.toString());
      } else if (i.status === 'pending') pending += 1;
    }
    const counts = await this.coord.tally.counts(forumId, publishedIds);
    const votes = [...counts.values()].reduce((a, b) => a + b, 0);
    const participants = await this.coord.tally.participants(forumId);
    const seq = await this.coord.peekSeq(`forum:${forumId}`);
    const set = {
      'counts.published': published,
      'counts.pending': pending,
      'counts.votes': votes,
      'counts.participants': participants,
      ...(seq !== null && seq > e.forum.seq ? { seq } : {}),
    };
    // Always written (another process may have stored other counts since this cache read them),
    // but counts are not an edit of the forum: its updatedAt, which the minutes' ETag reads, stays.
    await ForumModel.updateOne({ _id: e.forum._id }, { $set: set }, { timestamps: false });
    e.forum.set(set);
  }

  /**
   * After a restart (possibly kill -9), counts stored in the database may be behind the vote
   * documents: rebuild the tally of every accepting forum from them and store the counts.
   */
  async reconcileAccepting(): Promise<number> {
    const forums = await ForumModel.find({ status: { $in: ACCEPTING_STATUSES } }, { _id: 1 })
      .lean()
      .limit(1000);
    for (const f of forums) {
      const id = f._id.toString();
      await this.coord.tally.drop(id);
      await this.ensureTally(id);
      await this.flushAll(id);
    }
    return forums.length;
  }

  async close(): Promise<void> {
    await this.stop().catch(() => undefined);
    this.cache.clear();
    await this.coord.close();
  }
}
