import { z } from 'zod';
import { STAFF_ROLES } from '../../shared/domain/roles';
import type { Api } from '../http/api';
import { platformData, platformOnly } from '../http/policy';
import { addHoliday, listHolidays, removeHoliday, type CalendarStore } from './holiday';

const Holiday = z.object({ date: z.string(), name: z.string() });

/**
 * Holidays are platform data: one national calendar (libur nasional, cuti bersama) that every
 * working-day deadline skips, changed by platform admins only (docs/SECURITY.md).
 */
export function holidayRoutes(api: Api, calendar: CalendarStore): void {
  const tag = 'admin';
  api
    .route({
      method: 'get',
      path: '/admin/holidays',
      name: 'holiday.list',
      summary: 'Public holidays skipped by working-day deadlines',
      tag,
      policy: platformData(STAFF_ROLES, 'staff read the national calendar'),
      response: z.object({ holidays: z.array(Holiday) }),
      handler: async () => ({ holidays: await listHolidays() }),
    })
    .route({
      method: 'post',
      path: '/admin/holidays',
      name: 'holiday.create',
      audit: false,
      summary: 'Add a public holiday',
      tag,
      policy: platformOnly(),
      body: z.strictObject({
        date: z.iso.date({ message: 'Tanggal harus YYYY-MM-DD' }),
        name: z.string().trim().min(2).max(120),
      }),
      status: 201,
      response: z.object({ holidays: z.array(Holiday) }),
      handler: async ({ user, body }) => {
        await addHoliday(user, calendar, body);
        return { holidays: await listHolidays() };
      },
    })
    .route({
      method: 'delete',
      path: '/admin/holidays/:date',
      name: 'holiday.delete',
      audit: false,
      summary: 'Remove a public holiday',
      tag,
      policy: platformOnly(),
      params: z.strictObject({ date: z.iso.date() }),
      response: z.object({ holidays: z.array(Holiday) }),
      handler: async ({ user, params }) => {
        await removeHoliday(user, calendar, params.date);
        return { holidays: await listHolidays() };
      },
    });
}
