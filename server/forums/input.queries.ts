import type { Types } from 'mongoose';
import type { InputStatus } from '../../shared/domain/forum';
import type { Input } from '../../shared/schemas/input';
import { ForumModel, type ForumDoc } from './forum.model';
import { presentInput } from './forum.presenter';
import { InputModel, type InputDoc } from './input.model';
import { VoteModel } from './vote.model';
import { viewerKey, type Viewer } from './viewer';
import { Upp } from '../admin/upp.model';
import { CaseModel } from '../inbox/case.model';
import { presentCitizenCase } from '../inbox/case.presenter';
import type { CitizenCase } from '../../shared/schemas/inbox';

/** The cases behind these inputs, as the viewer may see them. */
export async function casesFor(docs: InputDoc[], viewerKey: string | null) {
  const out = new Map<string, CitizenCase>();
  if (!docs.length) return out;
  const cases = await CaseModel.find({ type: 'input', inputId: { $in: docs.map((d) => d._id) } });
  if (!cases.length) return out;
  const upps = await Upp.find({ _id: { $in: cases.map((c) => c.uppId) } }, { name: 1 });
  const names = new Map(upps.map((u) => [u._id.toString(), u.name]));
  for (const c of cases) {
    out.set(
      c.inputId!.toString(),
      presentCitizenCase(c, names.get(c.uppId.toString()) ?? '', viewerKey),
    );
  }
  return out;
}

/** Bumps the forum's change sequence and returns the new value. */
export async function nextSeq(forumId: Types.ObjectId | string): Promise<number> {
  const f = await ForumModel.findByIdAndUpdate(
    forumId,
    { $inc: { seq: 1 } },
    { returnDocument: 'after' },
  );
  return f?.seq ?? 0;
}

/** Ids of the given inputs that the viewer has voted for. */
export async function votedSet(viewer: Viewer, inputIds: Types.ObjectId[]): Promise<Set<string>> {
  const key = viewerKey(viewer);
  if (!key || !inputIds.length) return new Set();
  const votes = await VoteModel.find({ voterKey: key, inputId: { $in: inputIds } }, { inputId: 1 });
  return new Set(votes.map((v) => v.inputId.toString()));
}

async function uppNameLookup(docs: InputDoc[]): Promise<(id: string) => string | null> {
  const ids = [...new Set(docs.map((d) => d.routing?.uppId?.toString()).filter(Boolean))];
  if (!ids.length) return () => null;
  const upps = await Upp.find({ _id: { $in: ids } }, { name: 1 });
  const m = new Map(upps.map((u) => [u._id.toString(), u.name]));
  return (id) => m.get(id) ?? null;
}

/** Presents inputs for one viewer (mine, votedByMe, and routing for staff). */
export async function presentFor(
  viewer: Viewer,
  docs: InputDoc[],
  staff: boolean,
): Promise<Input[]> {
  const voted = await votedSet(
    viewer,
    docs.map((d) => d._id),
  );
  const key = viewerKey(viewer);
  const uppName = staff ? await uppNameLookup(docs) : undefined;
  const cases = await casesFor(docs, key);
  return docs.map((d) =>
    presentInput(d, {
      viewerKey: key,
      voted: voted.has(d._id.toString()),
      staff,
      uppName,
      citizenCase: cases.get(d._id.toString()) ?? null,
    }),
  );
}

/** Published inputs for everyone; staff also get the pending queue. */
export async function listVisibleInputs(f: ForumDoc, viewer: Viewer, staff: boolean) {
  const statuses: InputStatus[] = staff ? ['published', 'pending'] : ['published'];
  const docs = await InputModel.find({ forumId: f._id, status: { $in: statuses } })
    .sort({ votes: -1, createdAt: 1 })
    .limit(2000);
  return presentFor(viewer, docs, staff);
}
