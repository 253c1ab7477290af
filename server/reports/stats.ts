import type { Types } from 'mongoose';
import { SECTOR_LABELS, type Sector } from '../../shared/domain/sectors';
import { DEFAULT_TIME_ZONE, utcOffsetMinutes } from '../../shared/domain/timezones';
import type { Dashboard } from '../../shared/schemas/inbox';
import { ServiceModel } from '../catalog/service.model';
import { loadCaseFacts, responseFigures } from './figures';

export { median } from './figures';

/** ISO week of `d` on the wall clock of `timeZone` (UTC if unset) as `YYYY-Www`, e.g. `2026-W48`. */
export function weekStart(d: Date, timeZone = 'UTC'): string {
  const local = new Date(d.getTime() + utcOffsetMinutes(timeZone, d.getTime()) * 60_000);
  const t = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
  // Thursday of this week decides the ISO year.
  t.setUTCDate(t.getUTCDate() + 3 - ((t.getUTCDay() + 6) % 7));
  const year = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export async function buildDashboard(
  scope: Dashboard['scope'],
  filter: { uppId?: Types.ObjectId; agencyId?: Types.ObjectId },
  now: Date,
  /** Whose weeks: the UPP's zone for a UPP, WIB for an agency. */
  timeZone: string = DEFAULT_TIME_ZONE,
): Promise<Dashboard> {
  const cases = await loadCaseFacts(filter);
  const f = responseFigures(cases, now);
  const weeks: { week: string; count: number }[] = [];
  for (let i = 11; i >= 0; i -= 1) {
    const at = new Date(now.getTime() - i * 7 * 86_400_000);
    weeks.push({ week: weekStart(at, timeZone), count: 0 });
  }
  const byWeek = new Map(weeks.map((w) => [w.week, w]));
  const services = new Map<string, number>();
  const sectors = new Map<string, number>();
  for (const c of cases) {
    const w = byWeek.get(weekStart(c.receivedAt, timeZone));
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
    medianResponseHours: f.medianResponseHours,
    withinStandardShare: f.withinStandardShare,
    answered: f.answered,
    answeredWithinStandard: f.answeredWithinStandard,
    due: f.due,
    open: f.open,
    overdue: f.overdue,
    total: f.received,
  };
}
