import { describe, expect, it } from 'vitest';
import { AgencyUpdate, StaffUpdate, UppCreate, UppUpdate } from './admin';
import { ForumSettings, ForumUpdate } from './forum';
import { hasDefault, patchOf } from './patch';

describe('update schemas', () => {
  it.each([
    ['AgencyUpdate', AgencyUpdate],
    ['UppUpdate', UppUpdate],
    ['StaffUpdate', StaffUpdate],
    ['ForumUpdate', ForumUpdate],
  ])('%s fills in nothing that was not sent, at any depth', (_name, schema) => {
    expect(hasDefault(schema)).toBe(false);
    expect(schema.parse({})).toEqual({});
  });

  it('a UPP renamed by PATCH is parsed to the name alone (create would add the defaults)', () => {
    expect(UppUpdate.parse({ name: 'Puskesmas Baru' })).toEqual({ name: 'Puskesmas Baru' });
    expect(hasDefault(UppCreate)).toBe(true);
  });

  it('one forum setting is parsed to that setting alone', () => {
    expect(ForumUpdate.parse({ settings: { voting: false } })).toEqual({
      settings: { voting: false },
    });
    expect(ForumUpdate.parse({ schedule: { liveEndAt: null } })).toEqual({
      schedule: { liveEndAt: null },
    });
  });

  it('keeps the validation of each field and refuses unknown ones', () => {
    const settings = patchOf(ForumSettings);
    expect(settings.safeParse({ maxInputLength: 10 }).success).toBe(false);
    expect(settings.safeParse({ moderation: 'later' }).success).toBe(false);
    expect(settings.safeParse({ colour: 'red' }).success).toBe(false);
  });
});
