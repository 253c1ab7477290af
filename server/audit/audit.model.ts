import mongoose, { Schema, type Types } from 'mongoose';

/** Every staff action: platform admins read all, an agency admin those of its agency. */
export interface AuditFields {
  actorId: Types.ObjectId | null;
  actorName: string;
  actorRole: string;
  action: string;
  target: string;
  detail: string;
  /** Agencies the action concerns (the actor's and the target's); empty: platform only. */
  agencyIds: Types.ObjectId[];
  createdAt: Date;
}

const auditSchema = new Schema<AuditFields>(
  {
    actorId: { type: Schema.Types.ObjectId, default: null },
    actorName: { type: String, required: true },
    actorRole: { type: String, required: true },
    action: { type: String, required: true },
    target: { type: String, default: '' },
    detail: { type: String, default: '' },
    agencyIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
auditSchema.index({ createdAt: -1 });
auditSchema.index({ actorId: 1, createdAt: -1 });
auditSchema.index({ agencyIds: 1, createdAt: -1 });
export const AuditModel = mongoose.model<AuditFields>('AuditLog', auditSchema);
