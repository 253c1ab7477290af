import { z } from 'zod';
import { STAFF_ROLES } from '../../shared/domain/roles';
import { audit } from '../audit/audit.service';
import type { Api } from '../http/api';
import { badRequest, conflict, notFound } from '../http/errors';
import { platformData, platformOnly } from '../http/policy';
import { cleanLine } from '../lib/sanitize';
import { HolidayModel, type CalendarStore } from './holiday';

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
        if (await HolidayModel.exists({ date: body.date }))
          throw conflict('Tanggal itu sudah terdaftar.');
        const name = cleanLine(body.name);
        if (name.length < 2) throw badRequest('Nama hari libur terlalu pendek.');
        await HolidayModel.create({ date: body.date, name });
        await calendar.reload();
        await audit(user, 'holiday.create', `holiday:${body.date}`, name);
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
        const r = await HolidayModel.deleteOne({ date: params.date });
        if (!r.deletedCount) throw notFound('Hari libur');
        await calendar.reload();
        await audit(user, 'holiday.delete', `holiday:${params.date}`);
        return { holidays: await listHolidays() };
      },
    });
}

async function listHolidays() {
  return (await HolidayModel.find().sort({ date: 1 })).map((h) => ({ date: h.date, name: h.name }));
}
