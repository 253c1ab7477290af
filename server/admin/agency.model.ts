import mongoose, { Schema, type InferSchemaType, type HydratedDocument } from 'mongoose';

/** An instansi (government agency) that holds UPPs. */
const agencySchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    slug: { type: String, required: true, lowercase: true, trim: true },
    level: { type: String, enum: ['pusat', 'provinsi', 'kab/kota'], required: true },
    region: { type: String, required: true, trim: true },
  },
  { timestamps: true },
);
agencySchema.index({ slug: 1 }, { unique: true });

export type AgencyFields = InferSchemaType<typeof agencySchema>;
export type AgencyDoc = HydratedDocument<AgencyFields>;
export const Agency = mongoose.model('Agency', agencySchema);
