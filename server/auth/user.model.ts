import mongoose, { Schema, type InferSchemaType, type HydratedDocument } from 'mongoose';
import { ROLES } from '../../shared/domain/roles';

const userSchema = new Schema(
  {
    email: { type: String, required: true, lowercase: true, trim: true },
    passwordHash: { type: String, required: true },
    role: { type: String, enum: ROLES, required: true },
    displayName: { type: String, required: true, trim: true },
    /** UPPs this staff member works for (facilitators and UPP heads). */
    uppIds: { type: [Schema.Types.ObjectId], ref: 'Upp', default: [] },
    /** The agency an admin manages; unset for a platform-wide admin. */
    agencyId: { type: Schema.Types.ObjectId, ref: 'Agency' },
    active: { type: Boolean, default: true },
    lastLoginAt: { type: Date },
  },
  { timestamps: true },
);
userSchema.index({ email: 1 }, { unique: true });
userSchema.index({ role: 1 });
userSchema.index({ uppIds: 1 });

export type UserFields = InferSchemaType<typeof userSchema>;
export type UserDoc = HydratedDocument<UserFields>;
export const User = mongoose.model('User', userSchema);
