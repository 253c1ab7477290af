import { DEFAULT_TIME_ZONE } from '../../shared/domain/timezones';
import type { Calendar } from '../inbox/deadline';
import { audit } from '../audit/audit.service';
import type { AuthUser } from '../auth/types';
import { badRequest, conflict, notFound } from '../http/errors';
import { cleanLine } from '../lib/sanitize';
import { DEFAULT_HOLIDAYS, HolidayModel } from './holiday.model';

/** Keeps the working-day calendar in memory; reloads after admins edit holidays. */
export class CalendarStore {
  private cal: Calendar;

  constructor(timeZone: string = DEFAULT_TIME_ZONE) {
    this.cal = { timeZone, holidays: new Set() };
  }

  /** Holidays with the default zone (WIB); `inZone(cal, upp.timeZone)` for a UPP's own days. */
  get = (): Calendar => this.cal;

  async reload(): Promise<void> {
    const rows = await HolidayModel.find({}, { date: 1 });
    this.cal = { ...this.cal, holidays: new Set(rows.map((r) => r.date)) };
  }

  async seedDefaults(): Promise<void> {
    if (!(await HolidayModel.exists({}))) {
      await HolidayModel.insertMany(DEFAULT_HOLIDAYS, { ordered: false });
    }
    await this.reload();
  }
}

/** Every public holiday, by date. */
export async function listHolidays(): Promise<{ date: string; name: string }[]> {
  return (await HolidayModel.find().sort({ date: 1 })).map((h) => ({ date: h.date, name: h.name }));
}

/** Adds a holiday (its name made plain text) and reloads the calendar. */
export async function addHoliday(
  actor: AuthUser,
  calendar: CalendarStore,
  body: { date: string; name: string },
): Promise<void> {
  if (await HolidayModel.exists({ date: body.date })) throw conflict('holiday_taken');
  const name = cleanLine(body.name);
  if (name.length < 2) throw badRequest('holiday_name_too_short');
  await HolidayModel.create({ date: body.date, name });
  await calendar.reload();
  await audit(actor, 'holiday.create', `holiday:${body.date}`, name);
}

/** Removes a holiday and reloads the calendar. */
export async function removeHoliday(
  actor: AuthUser,
  calendar: CalendarStore,
  date: string,
): Promise<void> {
  const r = await HolidayModel.deleteOne({ date });
  if (!r.deletedCount) throw notFound('holiday_not_found');
  await calendar.reload();
  await audit(actor, 'holiday.delete', `holiday:${date}`);
}
