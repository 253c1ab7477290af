import { DEFAULT_TIME_ZONE, UPP_TIME_ZONES } from '../../shared/domain/timezones';
import { Upp } from './upp.model';

/**
 * Gives every UPP stored before time zones existed (or with a zone outside the list) the
 * default zone, Asia/Jakarta (WIB), which is what its deadlines were computed in. Idempotent:
 * a second run changes nothing. Runs at start-up under the coordinator's start-up lock.
 */
export async function migrateUppTimeZones(): Promise<number> {
  const r = await Upp.collection.updateMany(
    { timeZone: { $nin: [...UPP_TIME_ZONES] } },
    { $set: { timeZone: DEFAULT_TIME_ZONE } },
  );
  return r.modifiedCount;
}
