import type { Types } from 'mongoose';
import { OPEN_CASE_STATUSES } from '../../shared/domain/inbox';
import { SECTOR_LABELS, type Sector } from '../../shared/domain/sectors';
import type { Dashboard } from '../../shared/schemas/inbox';
import { ServiceModel } from '../catalog/service.model';
import { CaseModel } from '../inbox/case.model';

export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** ISO week of `d` (UTC) as `YYYY-Www`, e.g. `2026-W48`. */
export function weekStart(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  // Thursday of this week decides the ISO year.
  t.setUTCDate(t.getUTCDate() + 3 - ((t.getUTCDay() + 6) % 7));
  const year = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** Response figures over a set of cases (only the fields reports need are read). */
export async function caseFigures(filter: Record<string, unknown>, now: Date) {
  const cases = await CaseModel.find(filter, {
    receivedAt: 1,
    firstReplyAt: 1,
    deadline: 1,
    status: 1,
    serviceCode: 1,
    sector: 1,
  }).limit(50_000);
  const answered = cases.filter((c) => c.firstReplyAt);
  const within = answered.filter((c) => c.firstReplyAt! <= c.deadline);
  const hours = answered.map(
    (c) => (c.firstReplyAt!.getTime() - c.receivedAt.getTime()) / 3_600_000,
  );
  const open = cases.filter((c) => OPEN_CASE_STATUSES.includes(c.status));
  return {
    cases,
    total: cases.length,
    answered: answered.length,
    within: within.length,
    medianHours: round1(median(hours)),
    open: open.length,
    overdue: open.filter((c) => c.deadline < now).length,
  };
}

export async function buildDashboard(
  scope: Dashboard['scope'],
  filter: { uppId?: Types.ObjectId; agencyId?: Types.ObjectId },
  now: Date,
): Promise<Dashboard> {
  const f = await caseFigures(filter, now);
  const weeks: { week: string; count: number }[] = [];
  for (let i = 11; i >= 0; i -= 1) {
    weeks.push({ week: weekStart(new Date(now.getTime() - i * 7 * 86_400_000)), count: 0 });
  }
  const byWeek = new Map(weeks.map((w) => [w.week, w]));
  const services = new Map<string, number>();
  const sectors = new Map<string, number>();
  for (const c of f.cases) {
    const w = byWeek.get(weekStart(c.receivedAt));
    if (w) w.count += 1;
    if (c.serviceCode) services.set(c.serviceCode, (services.get(c.serviceCode) ?? 0) + 1);
    if (c.sector) sectors.set(c.sector, (sectors.get(c.sector) ?? 0) + 1);
  }
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 8);
  const svcNames = new Map(
    (await ServiceModel.find({ code: { $in: [...services.keys()] } }, { code: 1, name: 1 })).map(
      (s) => [s.code, s.name],
    ),
  );
  return {
    scope,
    volumeByWeek: weeks,
    topServices: top(services).map(([key, count]) => ({
      key,
      label: svcNames.get(key) ?? key,
      count,
    })),
    topSectors: top(sectors).map(([key, count]) => ({
      key,
      label: SECTOR_LABELS[key as Sector]?.id ?? key,
      count,
    })),
    medianResponseHours: f.medianHours,
    withinStandardShare: f.answered ? Math.round((f.within / f.answered) * 1000) / 1000 : null,
    open: f.open,
    overdue: f.overdue,
    total: f.total,
  };
}
