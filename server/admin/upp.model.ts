import mongoose, { Schema, type InferSchemaType, type HydratedDocument } from 'mongoose';
import { DEFAULT_TIME_ZONE, UPP_TIME_ZONES } from '../../shared/domain/timezones';
import type { StaffScope } from '../auth/policies';

/** A UPP (Unit Penyelenggara Pelayanan Publik): a unit of an agency that delivers services. */
const uppSchema = new Schema(
  {
    agencyId: { type: Schema.Types.ObjectId, ref: 'Agency', required: true },
    name: { type: String, required: true, trim: true },
    slug: { type: String, required: true, lowercase: true, trim: true },
    /** The kind of unit, e.g. "Dinas Dukcapil kab/kota", "Puskesmas". */
    uppType: { type: String, required: true, trim: true },
    region: { type: String, required: true, trim: true },
    address: { type: String, trim: true, default: '' },
    /** Codes of the catalog services this UPP delivers. */
    serviceCodes: { type: [String], default: [] },
    /** IANA zone of the unit's wall clock (WIB, WITA, WIT); older UPPs get it at start-up. */
    timeZone: { type: String, enum: UPP_TIME_ZONES, default: DEFAULT_TIME_ZONE },
  },
  { timestamps: true },
);
uppSchema.index({ slug: 1 }, { unique: true });
uppSchema.index({ agencyId: 1 });
uppSchema.index({ serviceCodes: 1 });

/** Told after any write to UPPs through mongoose in this process (caches of UPPs listen). */
const changeListeners = new Set<() => void>();
export function onUppsChanged(listener: () => void): void {
  changeListeners.add(listener);
}
const changed = () => changeListeners.forEach((l) => l());
uppSchema.post('save', changed);
uppSchema.post('insertMany', changed);
uppSchema.post(['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne'], changed);
uppSchema.post(['deleteOne', 'deleteMany', 'findOneAndDelete'], changed);

export type UppFields = InferSchemaType<typeof uppSchema>;
export type UppDoc = HydratedDocument<UppFields>;
export const Upp = mongoose.model('Upp', uppSchema);

/** The UPPs a staff scope covers, as a query filter (null: none). */
export function uppFilter(scope: StaffScope): Record<string, unknown> | null {
  if (scope.kind === 'platform') return {};
  if (scope.kind === 'agency') return { agencyId: scope.agencyId };
  if (scope.kind === 'upp') return { _id: { $in: scope.uppIds } };
  return null;
}
