import { CASE_STATUS_LABELS } from '../../shared/domain/inbox';
import { DEFAULT_TIME_ZONE } from '../../shared/domain/timezones';
import { CITIZEN_STATUS_LABELS, INPUT_KIND_LABELS } from '../../shared/domain/forum';
import { Agency } from '../admin/agency.model';
import { Upp } from '../admin/upp.model';
import type { ForumDoc } from '../forums/forum.model';
import { citizenStatus } from '../forums/forum.presenter';
import { InputModel } from '../forums/input.model';
import { CaseModel } from '../inbox/case.model';
import { User } from '../auth/user.model';
import type { BeritaAcaraData } from './beritaAcara.data';
import type { ExportRow } from './exports';
import { forumCounts, isAnswered, responseFigures } from './figures';

/** Everything the minutes and the exports need about one forum (no personal data). */
export async function forumReportData(f: ForumDoc, baseUrl: string, now: Date) {
  const [inputs, cases, host, agency, coHosts] = await Promise.all([
    InputModel.find({
      forumId: f._id,
      status: { $in: ['published', 'pending', 'rejected', 'hidden', 'merged'] },
    }).sort({ votes: -1, createdAt: 1 }),
    CaseModel.find({ forumId: f._id }),
    Upp.findById(f.hostUppId),
    Agency.findById(f.agencyId),
    Upp.find({ _id: { $in: f.coHostUppIds } }),
  ]);
  const upps = new Map(
    (await Upp.find({ _id: { $in: cases.map((c) => c.uppId) } }, { name: 1 })).map((u) => [
      u._id.toString(),
      u.name,
    ]),
  );
  const inputCases = cases.filter((c) => c.type === 'input');
  const caseOf = new Map(inputCases.map((c) => [c.inputId!.toString(), c]));
  const published = inputs.filter((i) => i.status === 'published');
  const counts = forumCounts(
    f.counts,
    inputs.map((i) => ({ id: i._id.toString(), status: i.status, answered: i.answered })),
    (id) => caseOf.get(id),
  );
  const head = await User.findOne({
    role: 'upp_head',
    uppIds: f.hostUppId,
    active: { $ne: false },
  });
  const uppName = (id: { toString(): string }) => upps.get(id.toString()) ?? '';
  const data: BeritaAcaraData = {
    agencyName: agency?.name ?? '',
    uppName: host?.name ?? '',
    coHostNames: coHosts.map((u) => u.name),
    forumTitle: f.title,
    forumCode: f.code,
    type: f.type,
    location: f.location || (f.type === 'async' ? 'daring' : ''),
    startedAt: f.schedule.liveStartAt ?? f.schedule.opensAt,
    endedAt: f.closedAt ?? f.schedule.liveEndAt ?? null,
    agenda: f.agenda,
    counts,
    response: responseFigures(inputCases, now),
    inputs: published.map((i, n) => {
      const c = caseOf.get(i._id.toString());
      return {
        rank: n + 1,
        kind: INPUT_KIND_LABELS[i.kind].id,
        text: i.text,
        votes: i.votes,
        status: c ? CASE_STATUS_LABELS[c.status].id : CITIZEN_STATUS_LABELS[citizenStatus(i)].id,
        liveAnswer: i.answered?.note || null,
        replies: c?.replies.map((r) => ({ from: uppName(c.uppId), text: r.text, at: r.at })) ?? [],
      };
    }),
    followUps: cases
      .filter((c) => c.type === 'followup')
      .map((c) => ({
        what: c.text,
        owner: `${c.owner ?? ''} (${upps.get(c.uppId.toString()) ?? ''})`,
        dueAt: c.dueAt ?? c.deadline,
        status: CASE_STATUS_LABELS[c.status].id,
      })),
    // Names and NIP are written by hand where the platform does not know them.
    signatories: [
      { role: `Kepala ${host?.name ?? 'UPP'}`, name: head?.displayName ?? '', nip: '' },
      { role: 'Perwakilan Masyarakat', name: '' },
    ],
    generatedAt: now,
    publicUrl: `${baseUrl}/f/${f._id.toString()}`,
    timeZone: host?.timeZone ?? DEFAULT_TIME_ZONE,
  };
  const rows: ExportRow[] = inputs.map((i) => {
    const c = caseOf.get(i._id.toString());
    return {
      id: i._id.toString(),
      createdAt: i.createdAt,
      kind: i.kind,
      text: i.text,
      votes: i.votes,
      status: i.status,
      answered: isAnswered(i, caseOf.get(i._id.toString())),
      sector: i.routing?.sector ?? null,
      serviceCode: i.routing?.serviceCode ?? null,
      uppName: i.routing?.uppId ? (upps.get(i.routing.uppId.toString()) ?? null) : null,
      replies: c?.replies.map((r) => r.text) ?? [],
    };
  });
  return { data, rows };
}
