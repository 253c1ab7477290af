import mongoose, { Schema, type InferSchemaType, type HydratedDocument } from 'mongoose';
import { ROLES, roleScope } from '../../shared/domain/roles';

const userSchema = new Schema(
  {
    email: { type: String, required: true, lowercase: true, trim: true },
    passwordHash: { type: String, required: true },
    role: { type: String, enum: ROLES, required: true },
    displayName: { type: String, required: true, trim: true },
    /** UPPs this staff member works for (facilitators and UPP heads only). */
    uppIds: { type: [Schema.Types.ObjectId], ref: 'Upp', default: [] },
    /** The agency an agency admin manages (agency admins only, always set for them). */
    agencyId: { type: Schema.Types.ObjectId, ref: 'Agency' },
    active: { type: Boolean, default: true },
    /** Created by the demo seed with a published password (refused in production). */
    demo: { type: Boolean, default: false },
    lastLoginAt: { type: Date },
  },
  { timestamps: true },
);
userSchema.index({ email: 1 }, { unique: true });
userSchema.index({ role: 1 });
userSchema.index({ uppIds: 1 });

/**
 * The scope invariant, checked on every save: an agency admin has an agency and nothing else
 * has one, so a forgotten field can never make a platform admin; only UPP roles have UPPs.
 */
userSchema.pre('validate', function () {
  const scope = roleScope(this.role);
  if (scope === 'agency' && !this.agencyId) {
    this.invalidate(
      'agencyId',
      'Admin instansi wajib punya instansi / an agency admin needs an agency.',
    );
  }
  if (scope !== 'agency' && this.agencyId) {
    this.invalidate(
      'agencyId',
      'Hanya admin instansi yang terikat ke instansi / only agency admins have an agency.',
    );
  }
  if (scope !== 'upp' && this.uppIds.length) {
    this.invalidate(
      'uppIds',
      'Hanya fasilitator dan kepala UPP yang terikat ke UPP / only UPP staff have UPPs.',
    );
  }
});

export type UserFields = InferSchemaType<typeof userSchema>;
export type UserDoc = HydratedDocument<UserFields>;
export const User = mongoose.model('User', userSchema);
