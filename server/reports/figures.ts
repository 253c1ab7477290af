/**
 * One definition per report figure. The UPP dashboard, the agency dashboard, the public
 * scoreboard, the forum exports and the berita acara all compute their numbers here, so the same
 * data gives the same figures everywhere.
 */
import { OPEN_CASE_STATUSES, type CaseStatus } from '../../shared/domain/inbox';
import { CaseModel } from '../inbox/case.model';

/** What one case contributes to the response figures. */
export interface CaseFacts {
  receivedAt: Date;
  firstReplyAt: Date | null;
  deadline: Date;
  status: CaseStatus;
  serviceCode: string | null;
  sector: string | null;
}

export interface ResponseFigures {
  /** Citizen inputs routed to the unit (cases of type `input`). */
  received: number;
  /** Cases with at least one reply from the UPP. */
  answered: number;
  /** Answered, the first reply at or before the service standard's deadline. */
  answeredWithinStandard: number;
  /**
   * The base of the "within standard" share: cases answered, plus unanswered cases whose deadline
   * has passed. A case still inside its deadline counts neither for nor against the unit.
   */
  due: number;
  /** answeredWithinStandard / due (0..1), null when nothing is due yet. */
  withinStandardShare: number | null;
  /** Median hours from receipt to the first reply, one decimal (null when none answered). */
  medianResponseHours: number | null;
  /** Cases that still need work. */
  open: number;
  /** Open cases past their deadline. */
  overdue: number;
}

export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const share = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null;

/** The response figures of a set of cases at `now`. */
export function responseFigures(cases: readonly CaseFacts[], now: Date): ResponseFigures {
  let answered = 0;
  let within = 0;
  let due = 0;
  let open = 0;
  let overdue = 0;
  const hours: number[] = [];
  for (const c of cases) {
    const isOpen = OPEN_CASE_STATUSES.includes(c.status);
    if (isOpen) open += 1;
    if (c.firstReplyAt) {
      answered += 1;
      due += 1;
      if (c.firstReplyAt <= c.deadline) within += 1;
      hours.push((c.firstReplyAt.getTime() - c.receivedAt.getTime()) / 3_600_000);
    } else if (c.deadline < now) {
      due += 1;
    }
    if (isOpen && c.deadline < now) overdue += 1;
  }
  return {
    received: cases.length,
    answered,
    answeredWithinStandard: within,
    due,
    withinStandardShare: share(within, due),
    medianResponseHours: round1(median(hours)),
    open,
    overdue,
  };
}

/** The response figures per service code (cases without one are left out). */
export function figuresByService(cases: readonly CaseFacts[], now: Date) {
  const groups = new Map<string, CaseFacts[]>();
  for (const c of cases) {
    if (!c.serviceCode) continue;
    const list = groups.get(c.serviceCode) ?? [];
    list.push(c);
    groups.set(c.serviceCode, list);
  }
  return [...groups].map(([serviceCode, list]) => ({
    serviceCode,
    ...responseFigures(list, now),
  }));
}

/**
 * The cases every report counts: citizen inputs routed to a unit (follow-up commitments made in a
 * forum are tracked in the inbox but are not citizen inputs).
 */
export function loadCaseFacts(filter: Record<string, unknown>): Promise<CaseFacts[]> {
  return CaseModel.find(
    { ...filter, type: 'input' },
    { receivedAt: 1, firstReplyAt: 1, deadline: 1, status: 1, serviceCode: 1, sector: 1 },
  )
    .limit(50_000)
    .lean<CaseFacts[]>();
}

/** An input counts as answered when it was answered live in the forum or replied to by a UPP. */
export function isAnswered(
  input: { answered?: { note: string } | null },
  c: { firstReplyAt: Date | null } | null | undefined,
): boolean {
  return !!input.answered || !!c?.firstReplyAt;
}

export interface ForumCounts {
  participants: number;
  /** Every input received, whatever its moderation. */
  inputs: number;
  published: number;
  votes: number;
  /** Published inputs answered live or by a UPP (see isAnswered). */
  answered: number;
  answeredLive: number;
  answeredByUpp: number;
  /** answered / published (0..1), null when nothing was published. */
  answeredShare: number | null;
}

/** The participation figures of a forum (the berita acara and the forum export agree on them). */
export function forumCounts(
  forum: { participants: number; votes: number },
  inputs: readonly { status: string; answered?: { note: string } | null; id: string }[],
  caseOf: (inputId: string) => { firstReplyAt: Date | null } | undefined,
): ForumCounts {
  const published = inputs.filter((i) => i.status === 'published');
  const answered = published.filter((i) => isAnswered(i, caseOf(i.id)));
  return {
    participants: forum.participants,
    inputs: inputs.length,
    published: published.length,
    votes: forum.votes,
    answered: answered.length,
    answeredLive: published.filter((i) => !!i.answered).length,
    answeredByUpp: published.filter((i) => !!caseOf(i.id)?.firstReplyAt).length,
    answeredShare: share(answered.length, published.length),
  };
}
