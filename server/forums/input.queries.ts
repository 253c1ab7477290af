import type { Types } from 'mongoose';
import type { Input } from '../../shared/schemas/input';
import type { CitizenCase } from '../../shared/schemas/inbox';
import { Upp } from '../admin/upp.model';
import { CaseModel } from '../inbox/case.model';
import { presentCitizenCase } from '../inbox/case.presenter';
import { presentInput } from './forum.presenter';
import type { InputDoc } from './input.model';
import { VoteModel } from './vote.model';
import { viewerKey, type Viewer } from './viewer';

/** Groups inputs by forum: queries filter on `forumId`, which FerretDB pushes down to an index. */
function byForum(docs: InputDoc[]): Map<string, InputDoc[]> {
  const m = new Map<string, InputDoc[]>();
  for (const d of docs) {
    const k = d.forumId.toString();
    m.set(k, [...(m.get(k) ?? []), d]);
  }
  return m;
}

/** The cases behind these inputs, as the viewer may see them. */
export async function casesFor(docs: InputDoc[], viewerKey: string | null) {
  const out = new Map<string, CitizenCase>();
  if (!docs.length) return out;
  const wanted = new Set(docs.map((d) => d._id.toString()));
  const cases = (
    await Promise.all(
      [...byForum(docs).keys()].map((forumId) => CaseModel.find({ forumId, type: 'input' })),
    )
  )
    .flat()
    .filter((c) => c.inputId && wanted.has(c.inputId.toString()));
  if (!cases.length) return out;
  const names = await uppNames(cases.map((c) => c.uppId));
  for (const c of cases) {
    out.set(
      c.inputId!.toString(),
      presentCitizenCase(c, names.get(c.uppId.toString()) ?? '', viewerKey),
    );
  }
  return out;
}

async function uppNames(ids: (Types.ObjectId | string)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.map(String))];
  if (!unique.length) return new Map();
  const upps = await Upp.find({ _id: { $in: unique } }, { name: 1 }).lean();
  return new Map(upps.map((u) => [u._id.toString(), u.name]));
}

/** Ids of the given inputs that the viewer has voted for. */
async function votedSet(viewer: Viewer, docs: InputDoc[]): Promise<Set<string>> {
  const key = viewerKey(viewer);
  if (!key || !docs.length) return new Set();
  const rows = await Promise.all(
    [...byForum(docs).keys()].map((forumId) =>
      VoteModel.find({ forumId, voterKey: key }, { inputId: 1, _id: 0 }).lean(),
    ),
  );
  return new Set(rows.flat().map((v) => v.inputId.toString()));
}

/**
 * Presents inputs of any forums for one viewer (mine, votedByMe, and routing for staff), from
 * the database: for lists outside a live forum (triage, inbox). Forum pages use the forum cache.
 */
export async function presentFor(
  viewer: Viewer,
  docs: InputDoc[],
  staff: boolean,
): Promise<Input[]> {
  const key = viewerKey(viewer);
  const [voted, cases, names] = await Promise.all([
    votedSet(viewer, docs),
    casesFor(docs, key),
    staff
      ? uppNames(docs.flatMap((d) => (d.routing?.uppId ? [d.routing.uppId] : [])))
      : Promise.resolve(new Map<string, string>()),
  ]);
  return docs.map((d) =>
    presentInput(d, {
      viewerKey: key,
      voted: voted.has(d._id.toString()),
      staff,
      uppName: (id) => names.get(id) ?? null,
      citizenCase: cases.get(d._id.toString()) ?? null,
    }),
  );
}
