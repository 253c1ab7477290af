import mongoose, { Schema } from 'mongoose';

/** A public holiday (libur nasional or cuti bersama) as a local date. */
const holidaySchema = new Schema(
  {
    date: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    name: { type: String, required: true },
  },
  { versionKey: false },
);
holidaySchema.index({ date: 1 }, { unique: true });
export const HolidayModel = mongoose.model('Holiday', holidaySchema);

/**
 * National holidays and joint leave days seeded on an empty database. Dates follow the published
 * government decree pattern; admins must check them against the year's SKB and edit them.
 */
export const DEFAULT_HOLIDAYS: { date: string; name: string }[] = [
  { date: '2026-01-01', name: 'Tahun Baru Masehi' },
  { date: '2026-01-16', name: 'Isra Mikraj' },
  { date: '2026-02-17', name: 'Tahun Baru Imlek' },
  { date: '2026-03-19', name: 'Hari Suci Nyepi' },
  { date: '2026-03-20', name: 'Idul Fitri' },
  { date: '2026-03-21', name: 'Idul Fitri' },
  { date: '2026-04-03', name: 'Wafat Yesus Kristus' },
  { date: '2026-05-01', name: 'Hari Buruh' },
  { date: '2026-05-14', name: 'Kenaikan Yesus Kristus' },
  { date: '2026-05-27', name: 'Idul Adha' },
  { date: '2026-05-31', name: 'Waisak' },
  { date: '2026-06-01', name: 'Hari Lahir Pancasila' },
  { date: '2026-06-16', name: 'Tahun Baru Islam' },
  { date: '2026-08-17', name: 'Hari Kemerdekaan' },
  { date: '2026-08-25', name: 'Maulid Nabi Muhammad' },
  { date: '2026-12-25', name: 'Natal' },
  { date: '2027-01-01', name: 'Tahun Baru Masehi' },
  { date: '2027-05-01', name: 'Hari Buruh' },
  { date: '2027-06-01', name: 'Hari Lahir Pancasila' },
  { date: '2027-08-17', name: 'Hari Kemerdekaan' },
  { date: '2027-12-25', name: 'Natal' },
];
