import { DEFAULT_TIME_ZONE, isUppTimeZone } from '../../shared/domain/timezones';
import type { Types } from 'mongoose';
import { OPEN_CASE_STATUSES } from '../../shared/domain/inbox';
import type { InboxItem, InboxList, InboxQuery } from '../../shared/schemas/inbox';
import { Upp, uppFilter } from '../admin/upp.model';
import type { StaffScope } from '../auth/policies';
import { ServiceModel } from '../catalog/service.model';
import { ForumModel } from '../forums/forum.model';
import { InputModel } from '../forums/input.model';
import { forbidden } from '../http/errors';
import { CaseModel, type CaseDoc } from './case.model';
import { presentCase } from './case.presenter';

const PAGE_SIZE = 50;

/** UPPs whose inbox a scope covers: all, one agency's, or the staff member's own. */
export async function readableUppIds(scope: StaffScope): Promise<Types.ObjectId[]> {
  const filter = uppFilter(scope);
  if (!filter) return [];
  const upps = await Upp.find(filter, { _id: 1 });
  return upps.map((u) => u._id as Types.ObjectId);
}

/** Presents cases with names, services and the current vote counts of their inputs. */
export async function presentCases(cases: CaseDoc[], now: Date): Promise<InboxItem[]> {
  const [upps, forums, services, inputs] = await Promise.all([
    Upp.find(
      { _id: { $in: [...new Set(cases.map((c) => c.uppId.toString()))] } },
      { name: 1, timeZone: 1 },
    ),
    ForumModel.find(
      { _id: { $in: [...new Set(cases.map((c) => c.forumId.toString()))] } },
      { title: 1 },
    ),
    ServiceModel.find(
      { code: { $in: cases.map((c) => c.serviceCode).filter(Boolean) } },
      { code: 1, name: 1 },
    ),
    InputModel.find({ _id: { $in: cases.map((c) => c.inputId).filter(Boolean) } }, { votes: 1 }),
  ]);
  const uppNames = new Map(upps.map((u) => [u._id.toString(), u.name]));
  const uppZones = new Map(upps.map((u) => [u._id.toString(), u.timeZone]));
  const forumTitles = new Map(forums.map((f) => [f._id.toString(), f.title]));
  const serviceNames = new Map(services.map((s) => [s.code, s.name]));
  const votes = new Map(inputs.map((i) => [i._id.toString(), i.votes]));
  const names = {
    upp: (id: string) => uppNames.get(id) ?? '',
    zone: (id: string) => {
      const tz = uppZones.get(id);
      return isUppTimeZone(tz) ? tz : DEFAULT_TIME_ZONE;
    },
    forum: (id: string) => forumTitles.get(id) ?? '',
    service: (code: string | null) => (code ? (serviceNames.get(code) ?? null) : null),
  };
  return cases.map((c) =>
    presentCase(
      c,
      names,
      c.type === 'input' && c.inputId ? (votes.get(c.inputId.toString()) ?? 0) : 0,
      now,
    ),
  );
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function listInbox(scope: StaffScope, q: InboxQuery, now: Date): Promise<InboxList> {
  const readable = await readableUppIds(scope);
  let uppIds = readable;
  if (q.uppId) {
    if (!readable.some((id) => id.equals(q.uppId!))) throw forbidden('inbox_forbidden');
    uppIds = readable.filter((id) => id.equals(q.uppId!));
  }
  const filter: Record<string, unknown> = { uppId: { $in: uppIds } };
  if (q.status === 'open') filter.status = { $in: OPEN_CASE_STATUSES };
  else if (q.status) filter.status = q.status;
  if (q.kind) filter.kind = q.kind;
  if (q.serviceCode) filter.serviceCode = q.serviceCode;
  if (q.forumId) filter.forumId = q.forumId;
  if (q.overdue === 'true') {
    filter.status = { $in: OPEN_CASE_STATUSES };
    filter.deadline = { $lt: now };
  }
  if (q.q) filter.text = { $regex: escapeRegex(q.q), $options: 'i' };
  const base = { uppId: { $in: uppIds }, status: { $in: OPEN_CASE_STATUSES } };
  const [total, open, overdue] = await Promise.all([
    CaseModel.countDocuments(filter),
    CaseModel.countDocuments(base),
    CaseModel.countDocuments({ ...base, deadline: { $lt: now } }),
  ]);
  let items: InboxItem[];
  if (q.sort === 'votes') {
    // Votes live on the inputs: sort in memory (an inbox holds hundreds, not millions).
    const all = await presentCases(await CaseModel.find(filter).limit(5000), now);
    items = all
      .sort((a, b) => b.votes - a.votes)
      .slice((q.page - 1) * PAGE_SIZE, q.page * PAGE_SIZE);
  } else {
    const sort: Record<string, 1 | -1> =
      q.sort === 'received' ? { receivedAt: -1 } : { deadline: 1 };
    const docs = await CaseModel.find(filter)
      .sort(sort)
      .skip((q.page - 1) * PAGE_SIZE)
      .limit(PAGE_SIZE);
    items = await presentCases(docs, now);
  }
  return { items, total, page: q.page, pageSize: PAGE_SIZE, open, overdue };
}
