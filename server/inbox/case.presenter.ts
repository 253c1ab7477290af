import { OPEN_CASE_STATUSES } from '../../shared/domain/inbox';
import type { CitizenCase, InboxItem } from '../../shared/schemas/inbox';
import type { Sector } from '../../shared/domain/sectors';
import { isoInZone, type UppTimeZone } from '../../shared/domain/timezones';
import type { CaseDoc } from './case.model';

export interface CaseNames {
  upp(id: string): string;
  /** The UPP's time zone (WIB when unknown). */
  zone(id: string): UppTimeZone;
  forum(id: string): string;
  service(code: string | null): string | null;
}

function replies(c: CaseDoc, uppName: string) {
  return c.replies.map((r) => ({
    id: r._id.toString(),
    text: r.text,
    at: r.at.toISOString(),
    uppName,
  }));
}

/** What a citizen sees of the case behind an input; actions only for its author. */
export function presentCitizenCase(
  c: CaseDoc,
  uppName: string,
  viewerKey: string | null,
): CitizenCase {
  const author = !!viewerKey && viewerKey === c.authorKey;
  return {
    status: c.status,
    uppName,
    deadline: c.deadline.toISOString(),
    replies: replies(c, uppName),
    canConfirm: author && c.status === 'resolved',
    canReopen: author && c.status === 'resolved' && !c.citizen.reopenedAt,
    confirmedAt: c.citizen.confirmedAt?.toISOString() ?? null,
    reopenedAt: c.citizen.reopenedAt?.toISOString() ?? null,
    reopenReason: author ? c.citizen.reopenReason : null,
  };
}

export function presentCase(c: CaseDoc, names: CaseNames, votes: number, now: Date): InboxItem {
  const uppName = names.upp(c.uppId.toString());
  const open = OPEN_CASE_STATUSES.includes(c.status);
  return {
    id: c._id.toString(),
    type: c.type,
    inputId: c.inputId ? c.inputId.toString() : null,
    forumId: c.forumId.toString(),
    forumTitle: names.forum(c.forumId.toString()),
    uppId: c.uppId.toString(),
    uppName,
    text: c.text,
    kind: c.kind,
    sector: (c.sector as Sector | null) ?? null,
    serviceCode: c.serviceCode,
    serviceName: names.service(c.serviceCode),
    votes,
    status: c.status,
    receivedAt: c.receivedAt.toISOString(),
    deadline: c.deadline.toISOString(),
    timeZone: names.zone(c.uppId.toString()),
    deadlineLocal: isoInZone(c.deadline, names.zone(c.uppId.toString())),
    overdue: open && c.deadline < now,
    escalationLevel: c.escalationLevel,
    replies: replies(c, uppName),
    postponedReason: c.postponedReason,
    citizen: {
      confirmedAt: c.citizen.confirmedAt?.toISOString() ?? null,
      reopenedAt: c.citizen.reopenedAt?.toISOString() ?? null,
      reopenReason: c.citizen.reopenReason,
    },
    owner: c.owner,
    dueAt: c.dueAt?.toISOString() ?? null,
  };
}
