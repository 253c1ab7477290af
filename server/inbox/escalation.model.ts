import mongoose, { Schema, type Types } from 'mongoose';

/**
 * One escalation of one case to one level, for one deadline (a case moved to another UPP gets
 * a new deadline and escalates again). The `_id` is the key `<caseId>:<level>:<deadline ms>`, so
 * a second insert (another process, a restart) is refused as a duplicate: whoever inserted it
 * first owns the escalation; a later run only finishes what the first left undone.
 */
export interface EscalationLogFields {
  _id: string;
  caseId: Types.ObjectId;
  level: number;
  deadline: Date;
  at: Date;
  /** `done` once the notifications were sent and the case records the level. */
  state: 'claimed' | 'done';
}

const escalationLogSchema = new Schema<EscalationLogFields>(
  {
    _id: { type: String, required: true },
    caseId: { type: Schema.Types.ObjectId, required: true },
    level: { type: Number, required: true },
    deadline: { type: Date, required: true },
    at: { type: Date, required: true },
    state: { type: String, enum: ['claimed', 'done'], required: true },
  },
  { versionKey: false },
);
escalationLogSchema.index({ caseId: 1 });

export const EscalationLogModel = mongoose.model<EscalationLogFields>(
  'EscalationLog',
  escalationLogSchema,
);

export const escalationKey = (caseId: Types.ObjectId, level: number, deadline: Date) =>
  `${caseId.toString()}:${level}:${deadline.getTime()}`;
