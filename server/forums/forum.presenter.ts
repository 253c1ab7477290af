import type { CitizenStatus } from '../../shared/domain/forum';
import type { Sector } from '../../shared/domain/sectors';
import type { Forum } from '../../shared/schemas/forum';
import type { CitizenCase } from '../../shared/schemas/inbox';
import type { Input, InputRouting } from '../../shared/schemas/input';
import type { ForumDoc } from './forum.model';
import type { InputDoc } from './input.model';

export interface UppNames {
  get(id: string): string | undefined;
}

export function presentForum(f: ForumDoc, names: UppNames, canModerate: boolean): Forum {
  const ref = (id: { toString(): string }) => ({
    id: id.toString(),
    name: names.get(id.toString()) ?? '',
  });
  const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
  return {
    id: f._id.toString(),
    code: f.code,
    title: f.title,
    description: f.description,
    agenda: f.agenda,
    type: f.type,
    status: f.status,
    location: f.location,
    host: ref(f.hostUppId),
    coHosts: f.coHostUppIds.map(ref),
    schedule: {
      opensAt: f.schedule.opensAt.toISOString(),
      liveStartAt: iso(f.schedule.liveStartAt),
      liveEndAt: iso(f.schedule.liveEndAt),
      closesAt: f.schedule.closesAt.toISOString(),
    },
    settings: {
      moderation: f.settings.moderation,
      allowAnonymous: f.settings.allowAnonymous,
      voting: f.settings.voting,
      maxInputLength: f.settings.maxInputLength,
      kinds: f.settings.kinds,
      slowModeSeconds: f.settings.slowModeSeconds ?? 0,
      voteRequiresAccount: f.settings.voteRequiresAccount ?? false,
    },
    counts: {
      published: f.counts.published,
      pending: f.counts.pending,
      participants: f.counts.participants,
      votes: f.counts.votes,
    },
    spotlightInputId: f.spotlightInputId ? f.spotlightInputId.toString() : null,
    joinPath: `/j/${f.code}`,
    canModerate,
    createdAt: (f.get('createdAt') as Date).toISOString(),
  };
}

export function citizenStatus(i: InputDoc): CitizenStatus {
  if (i.status === 'merged') return 'merged';
  if (i.status === 'rejected' || i.status === 'hidden') return 'rejected';
  if (i.status === 'pending') return 'pending';
  return i.answered ? 'answered' : 'published';
}

export interface InputView {
  viewerKey?: string | null;
  voted?: boolean;
  /** Staff see routing and pending/rejected details. */
  staff?: boolean;
  uppName?: (id: string) => string | null;
  /** The case behind the input, as this viewer may see it. */
  citizenCase?: CitizenCase | null;
  /** The live vote count (the stored one lags behind while votes come in). */
  votes?: number;
}

function presentRouting(i: InputDoc, view: InputView): InputRouting | null {
  const r = i.routing;
  if (!view.staff || !r) return null;
  const uppId = r.uppId ? r.uppId.toString() : null;
  return {
    sector: (r.sector as Sector | null) ?? null,
    serviceCode: r.serviceCode ?? null,
    uppId,
    uppName: uppId ? (view.uppName?.(uppId) ?? null) : null,
    confidence: r.confidence,
    triage: r.triage,
    source: r.source,
    deadline: r.deadline ? r.deadline.toISOString() : null,
  };
}

export function presentInput(i: InputDoc, view: InputView = {}): Input {
  const mine = !!view.viewerKey && view.viewerKey === i.authorKey;
  return {
    id: i._id.toString(),
    forumId: i.forumId.toString(),
    text: i.text,
    kind: i.kind,
    serviceCode: i.serviceCode ?? null,
    displayName: i.displayName,
    status: i.status,
    citizenStatus: citizenStatus(i),
    rejectReason: mine || view.staff ? (i.rejectReason ?? null) : null,
    votes: view.votes ?? i.votes,
    pinned: i.pinned,
    answered: i.answered?.at
      ? { note: i.answered.note ?? '', at: i.answered.at.toISOString() }
      : null,
    mergedInto: i.mergedInto ? i.mergedInto.toString() : null,
    edited: i.edited,
    createdAt: (i.get('createdAt') as Date).toISOString(),
    seq: i.seq,
    mine,
    votedByMe: view.voted ?? false,
    routing: presentRouting(i, view),
    case: view.citizenCase ?? null,
  };
}
