import mongoose from 'mongoose';
import { Upp } from '../admin/upp.model';
import { AppError, notFound } from '../http/errors';
import { ForumModel, type ForumDoc } from '../forums/forum.model';
import { InputModel, type InputDoc } from '../forums/input.model';
import { CaseModel, type CaseDoc } from '../inbox/case.model';
import type { Input } from '../../shared/schemas/input';
import type { CacheMessage, Coordinator } from './coordinator';

/** Everything about one forum that joins, votes and submissions read, kept in memory. */
export interface ForumEntry {
  forum: ForumDoc;
  /** Every input of the forum (all statuses), by id. */
  inputs: Map<string, InputDoc>;
  /** The inbox case behind an input, by input id. */
  cases: Map<string, CaseDoc>;
  uppNames: Map<string, string>;
  /** Inputs as anyone sees them (no viewer, stored votes), built once per change. */
  presented: Map<string, Input>;
  lastUsed: number;
  /** Bumped on every change applied to the entry (read models built from it compare it). */
  version: number;
}

const IDLE_MS = 15 * 60_000;

function newer<T extends { get(path: string): unknown }>(a: T | undefined, b: T): boolean {
  if (!a) return true;
  const at = a.get('updatedAt') as Date | undefined;
  const bt = b.get('updatedAt') as Date | undefined;
  return !at || !bt || bt.getTime() >= at.getTime();
}

/**
 * The read model of the forums people are in: one database read per forum per process, then
 * kept current by the services that write (`changed`) and by messages from other processes
 * (which reload only what they name). Votes are not read from here: the tally has them.
 */
export class ForumCache {
  private entries = new Map<string, ForumEntry>();
  private loading = new Map<string, Promise<ForumEntry>>();
  /** Messages that arrived while a forum was loading, replayed after. */
  private queued = new Map<string, CacheMessage[]>();
  private inputForum = new Map<string, string>();
  /** Join codes seen, to their forum (codes never change; a deleted forum is re-checked). */
  private codes = new Map<string, string>();
  private sweeper: NodeJS.Timeout;

  constructor(private readonly coord: Coordinator) {
    coord.subscribe(
      (msg) => void this.onMessage(msg).catch(() => this.entries.delete(msg.forumId)),
    );
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  /** The forum's entry, loading it on first use. */
  async get(forumId: string): Promise<ForumEntry> {
    if (!mongoose.isValidObjectId(forumId))
      throw new AppError(400, 'invalid_id', 'invalid_forum_id');
    const e = this.entries.get(forumId);
    if (e) {
      e.lastUsed = Date.now();
      return e;
    }
    let p = this.loading.get(forumId);
    if (!p) {
      p = this.load(forumId).finally(() => this.loading.delete(forumId));
      this.loading.set(forumId, p);
    }
    return p;
  }

  /** The entry of the forum with this join code (one database read per code per process). */
  async byCode(code: string): Promise<ForumEntry> {
    let id = this.codes.get(code);
    if (!id) {
      const f = await ForumModel.findOne({ code }, { _id: 1 }).lean();
      if (!f) throw notFound('forum_code_not_found');
      id = f._id.toString();
      if (this.codes.size > 10_000) this.codes.clear();
      this.codes.set(code, id);
    }
    return this.get(id);
  }

  /** The forum an input belongs to (from memory when known). */
  async forumIdOfInput(inputId: string): Promise<string> {
    if (!mongoose.isValidObjectId(inputId))
      throw new AppError(400, 'invalid_id', 'invalid_input_id');
    const known = this.inputForum.get(inputId);
    if (known) return known;
    const doc = await InputModel.findById(inputId, { forumId: 1 }).lean();
    if (!doc) throw notFound('input_not_found');
    const forumId = doc.forumId.toString();
    this.inputForum.set(inputId, forumId);
    return forumId;
  }

  /**
   * A service stored a change: update this process's entry with the stored documents and tell
   * the other processes to reload them. `cases`: the inputs' inbox cases changed too.
   */
  async changed(
    forumId: string,
    change: { forum?: ForumDoc; inputs?: InputDoc[]; cases?: boolean },
  ): Promise<void> {
    const e = this.entries.get(forumId);
    const inputIds = (change.inputs ?? []).map((i) => i._id.toString());
    if (e) {
      if (change.forum && newer(e.forum, change.forum)) e.forum = change.forum;
      for (const i of change.inputs ?? []) this.putInput(e, i);
      if (change.cases && inputIds.length) await this.reloadCases(e, inputIds);
      e.version += 1;
    }
    const msg: CacheMessage = { forumId, forum: !!change.forum, inputIds, cases: !!change.cases };
    // A load that started before this write may have read the old state: reload after it.
    if (this.loading.has(forumId)) this.enqueue({ ...msg, origin: 'local' });
    await this.coord.publish(msg);
  }

  /** Drops a forum's entry everywhere (e.g. it was archived). */
  async forget(forumId: string): Promise<void> {
    this.entries.delete(forumId);
    await this.coord.publish({ forumId, drop: true, origin: 'local' });
  }

  peek(forumId: string): ForumEntry | undefined {
    return this.entries.get(forumId);
  }

  clear(): void {
    this.entries.clear();
    clearInterval(this.sweeper);
  }

  private async load(forumId: string): Promise<ForumEntry> {
    const forum = await ForumModel.findById(forumId);
    if (!forum) throw notFound('forum_not_found');
    const [inputs, cases] = await Promise.all([
      InputModel.find({ forumId: forum._id }),
      CaseModel.find({ forumId: forum._id, type: 'input' }),
    ]);
    const entry: ForumEntry = {
      forum,
      inputs: new Map(),
      cases: new Map(),
      uppNames: new Map(),
      presented: new Map(),
      lastUsed: Date.now(),
      version: 0,
    };
    for (const i of inputs) this.putInput(entry, i);
    for (const c of cases) if (c.inputId) entry.cases.set(c.inputId.toString(), c);
    await this.loadUppNames(entry);
    this.entries.set(forumId, entry);
    const queued = this.queued.get(forumId) ?? [];
    this.queued.delete(forumId);
    for (const msg of queued) await this.onMessage(msg);
    return entry;
  }

  private putInput(e: ForumEntry, doc: InputDoc): void {
    const id = doc._id.toString();
    if (newer(e.inputs.get(id), doc)) e.inputs.set(id, doc);
    e.presented.delete(id);
    this.inputForum.set(id, e.forum._id.toString());
  }

  private async loadUppNames(e: ForumEntry): Promise<void> {
    const ids = new Set<string>([e.forum.hostUppId, ...e.forum.coHostUppIds].map(String));
    for (const i of e.inputs.values()) if (i.routing?.uppId) ids.add(i.routing.uppId.toString());
    for (const c of e.cases.values()) ids.add(c.uppId.toString());
    const missing = [...ids].filter((id) => !e.uppNames.has(id));
    if (!missing.length) return;
    const upps = await Upp.find({ _id: { $in: missing } }, { name: 1 }).lean();
    for (const u of upps) e.uppNames.set(u._id.toString(), u.name);
  }

  private async reloadCases(e: ForumEntry, inputIds: string[]): Promise<void> {
    const cases = await CaseModel.find({
      forumId: e.forum._id,
      type: 'input',
      inputId: { $in: inputIds },
    });
    for (const c of cases) if (c.inputId) e.cases.set(c.inputId.toString(), c);
    for (const id of inputIds) e.presented.delete(id);
    await this.loadUppNames(e);
  }

  private enqueue(msg: CacheMessage): void {
    const q = this.queued.get(msg.forumId) ?? [];
    q.push(msg);
    this.queued.set(msg.forumId, q);
  }

  /** Messages without `origin` come from this process, which applied the change already. */
  private async onMessage(msg: CacheMessage): Promise<void> {
    if (msg.origin === undefined) return;
    if (msg.drop) {
      this.entries.delete(msg.forumId);
      return;
    }
    if (this.loading.has(msg.forumId)) return this.enqueue(msg);
    const e = this.entries.get(msg.forumId);
    if (!e) return;
    if (msg.forum) {
      const f = await ForumModel.findById(msg.forumId);
      if (f && newer(e.forum, f)) e.forum = f;
    }
    if (msg.inputIds?.length) {
      // One query per id: FerretDB pushes an `_id` equality down to an index, not an `$in`.
      const docs = await Promise.all(msg.inputIds.map((id) => InputModel.findById(id)));
      for (const d of docs) if (d) this.putInput(e, d);
      if (msg.cases) await this.reloadCases(e, msg.inputIds);
      else await this.loadUppNames(e);
    }
    e.version += 1;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, e] of this.entries) if (now - e.lastUsed > IDLE_MS) this.entries.delete(id);
  }
}
