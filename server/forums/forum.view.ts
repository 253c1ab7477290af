import { ACCEPTING_STATUSES } from '../../shared/domain/forum';
import type { Forum } from '../../shared/schemas/forum';
import type { ForumSnapshot, Input } from '../../shared/schemas/input';
import { notFound } from '../http/errors';
import { presentCitizenCase } from '../inbox/case.presenter';
import type { ForumEntry } from '../live/forumCache';
import type { LiveForums } from '../live/live';
import { canModerate } from './forum.rules';
import { presentForum, presentInput } from './forum.presenter';
import type { InputDoc } from './input.model';
import { VoteModel } from './vote.model';
import { viewerKey, type Viewer } from './viewer';

/** Inputs the viewer voted for: from the tally while voting is open, else stored votes. */
async function votedSet(live: LiveForums, e: ForumEntry, key: string | null) {
  if (!key) return new Set<string>();
  const forumId = e.forum._id.toString();
  if (ACCEPTING_STATUSES.includes(e.forum.status)) {
    await live.ensureTally(forumId);
    return live.coord.tally.votedBy(forumId, key);
  }
  const rows = await VoteModel.find({ forumId, voterKey: key }, { inputId: 1, _id: 0 }).lean();
  return new Set(rows.map((r) => r.inputId.toString()));
}

/** The forum as presented, with live counters. */
export async function presentLiveForum(
  live: LiveForums,
  e: ForumEntry,
  viewer: Viewer,
): Promise<Forum> {
  const f = presentForum(e.forum, e.uppNames, canModerate(viewer.user, e.forum));
  const forumId = e.forum._id.toString();
  let published = 0;
  let pending = 0;
  for (const i of e.inputs.values()) {
    if (i.status === 'published') published += 1;
    else if (i.status === 'pending') pending += 1;
  }
  f.counts.published = published;
  f.counts.pending = pending;
  if (ACCEPTING_STATUSES.includes(e.forum.status)) {
    await live.ensureTally(forumId);
    f.counts.participants = await live.coord.tally.participants(forumId);
  }
  return f;
}

export interface PresentOptions {
  staff: boolean;
  counts: Map<string, number>;
  voted: Set<string>;
  key: string | null;
}

/** One input for one viewer, from the cached entry. */
export function presentCached(e: ForumEntry, d: InputDoc, o: PresentOptions): Input {
  const id = d._id.toString();
  // Most viewers see an input as everyone does: reuse that, with their own counters and flags.
  if (!o.staff && d.authorKey !== o.key) {
    let p = e.presented.get(id);
    if (!p) {
      const c = e.cases.get(id);
      p = presentInput(d, {
        citizenCase: c
          ? presentCitizenCase(c, e.uppNames.get(c.uppId.toString()) ?? '', null)
          : null,
      });
      e.presented.set(id, p);
    }
    return { ...p, votes: o.counts.get(id) ?? p.votes, votedByMe: o.voted.has(id) };
  }
  const c = e.cases.get(id);
  return presentInput(d, {
    viewerKey: o.key,
    voted: o.voted.has(id),
    staff: o.staff,
    uppName: (uppId) => e.uppNames.get(uppId) ?? null,
    citizenCase: c ? presentCitizenCase(c, e.uppNames.get(c.uppId.toString()) ?? '', o.key) : null,
    votes: o.counts.get(id),
  });
}

/** Presents some inputs of a cached forum for a viewer, with live counts. */
export async function presentInputs(
  live: LiveForums,
  e: ForumEntry,
  viewer: Viewer,
  docs: InputDoc[],
  staff: boolean,
): Promise<Input[]> {
  const key = viewerKey(viewer);
  const [counts, voted] = await Promise.all([
    live.counts(
      e,
      docs.map((d) => d._id.toString()),
    ),
    votedSet(live, e, key),
  ]);
  return docs.map((d) => presentCached(e, d, { staff, counts, voted, key }));
}

const byVotes = (counts: Map<string, number>) => (a: InputDoc, b: InputDoc) =>
  (counts.get(b._id.toString()) ?? 0) - (counts.get(a._id.toString()) ?? 0) ||
  (a.get('createdAt') as Date).getTime() - (b.get('createdAt') as Date).getTime();

/**
 * The published inputs of a forum as anyone sees them (no viewer, no counts): presented once
 * per change of the cached forum, however many people join at once. Each join lays the live
 * counts and the viewer's own marks (mine, voted) over it.
 */
const publicLists = new WeakMap<ForumEntry, { version: number; inputs: Input[] }>();

/** How many public lists were presented (tests: many joins, one presentation). */
export const publicListStats = { builds: 0 };

function publicList(e: ForumEntry): Input[] {
  const hit = publicLists.get(e);
  if (hit && hit.version === e.version) return hit.inputs;
  publicListStats.builds += 1;
  const opts: PresentOptions = { staff: false, counts: new Map(), voted: new Set(), key: null };
  const inputs = [...e.inputs.values()]
    .filter((d) => d.status === 'published')
    .map((d) => presentCached(e, d, opts));
  publicLists.set(e, { version: e.version, inputs });
  return inputs;
}

/**
 * Everything a viewer needs to show a forum, from the cache: one database read per forum per
 * process, and inputs presented once per change of the forum, whatever the number of joins. `mine`
 * holds the viewer's own inputs of every status.
 */
export async function liveSnapshot(
  live: LiveForums,
  viewer: Viewer,
  forumId: string,
): Promise<ForumSnapshot> {
  const e = await live.cache.get(forumId);
  const staff = canModerate(viewer.user, e.forum);
  if (!staff && (e.forum.status === 'draft' || e.forum.status === 'scheduled')) {
    throw notFound('forum_not_found');
  }
  const key = viewerKey(viewer);
  const mine: InputDoc[] = [];
  if (key) for (const d of e.inputs.values()) if (d.authorKey === key) mine.push(d);
  const cursor = Math.max(e.forum.seq, (await live.coord.peekSeq(`forum:${forumId}`)) ?? 0);
  if (!staff) {
    const base = publicList(e);
    const ids = [...new Set([...base.map((i) => i.id), ...mine.map((d) => d._id.toString())])];
    const [voted, forum, counts] = await Promise.all([
      votedSet(live, e, key),
      presentLiveForum(live, e, viewer),
      live.counts(e, ids),
    ]);
    const opts: PresentOptions = { staff: false, counts, voted, key };
    const own = new Map(mine.map((d) => [d._id.toString(), presentCached(e, d, opts)]));
    const inputs = base
      .map(
        (i) =>
          own.get(i.id) ?? { ...i, votes: counts.get(i.id) ?? i.votes, votedByMe: voted.has(i.id) },
      )
      .sort((x, y) => y.votes - x.votes || x.createdAt.localeCompare(y.createdAt))
      .slice(0, 2000);
    return {
      forum,
      inputs,
      mine: [...own.values()].sort((x, y) => y.createdAt.localeCompare(x.createdAt)),
      cursor,
    };
  }
  const visible: InputDoc[] = [];
  for (const d of e.inputs.values()) {
    if (d.status === 'published' || d.status === 'pending') visible.push(d);
  }
  const ids = [...new Set([...visible, ...mine].map((d) => d._id.toString()))];
  const [counts, voted, forum] = await Promise.all([
    live.counts(e, ids),
    votedSet(live, e, key),
    presentLiveForum(live, e, viewer),
  ]);
  visible.sort(byVotes(counts));
  mine.sort(
    (a, b) => (b.get('createdAt') as Date).getTime() - (a.get('createdAt') as Date).getTime(),
  );
  const opts: PresentOptions = { staff, counts, voted, key };
  return {
    forum,
    inputs: visible.slice(0, 2000).map((d) => presentCached(e, d, opts)),
    mine: mine.map((d) => presentCached(e, d, opts)),
    cursor,
  };
}
