import mongoose, { Schema, type HydratedDocument, type Types } from 'mongoose';
import { CASE_STATUSES, type CaseStatus } from '../../shared/domain/inbox';
import { INPUT_KINDS, type InputKind } from '../../shared/domain/forum';

export interface CaseReplyFields {
  _id: Types.ObjectId;
  text: string;
  at: Date;
  byUserId: Types.ObjectId;
}

/**
 * A case in a UPP's inbox: an input routed to the UPP, or a follow-up commitment made in a
 * forum. Replies here are what the citizen sees under their input.
 */
export interface CaseFields {
  type: 'input' | 'followup';
  inputId: Types.ObjectId | null;
  forumId: Types.ObjectId;
  uppId: Types.ObjectId;
  agencyId: Types.ObjectId;
  text: string;
  kind: InputKind | null;
  sector: string | null;
  serviceCode: string | null;
  status: CaseStatus;
  receivedAt: Date;
  deadline: Date;
  firstReplyAt: Date | null;
  resolvedAt: Date | null;
  escalationLevel: number;
  escalations: { level: number; at: Date }[];
  /** When the escalation to level 2 falls due (set at level 1; null before, or unknown). */
  level2At: Date | null;
  replies: CaseReplyFields[];
  postponedReason: string | null;
  /** `u:<id>` or `p:<participant>` of the citizen who wrote the input (for notifications). */
  authorKey: string | null;
  /** Where the answer is e-mailed, when the citizen left an address. Never shown. */
  contactEmail: string | null;
  citizen: { confirmedAt: Date | null; reopenedAt: Date | null; reopenReason: string | null };
  owner: string | null;
  dueAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const replySchema = new Schema<CaseReplyFields>({
  text: { type: String, required: true },
  at: { type: Date, required: true },
  byUserId: { type: Schema.Types.ObjectId, required: true },
});

const caseSchema = new Schema<CaseFields>(
  {
    type: { type: String, enum: ['input', 'followup'], required: true },
    inputId: { type: Schema.Types.ObjectId, default: null },
    forumId: { type: Schema.Types.ObjectId, required: true },
    uppId: { type: Schema.Types.ObjectId, required: true },
    agencyId: { type: Schema.Types.ObjectId, required: true },
    text: { type: String, required: true },
    kind: { type: String, enum: [...INPUT_KINDS, null], default: null },
    sector: { type: String, default: null },
    serviceCode: { type: String, default: null },
    status: { type: String, enum: CASE_STATUSES, required: true, default: 'received' },
    receivedAt: { type: Date, required: true },
    deadline: { type: Date, required: true },
    firstReplyAt: { type: Date, default: null },
    resolvedAt: { type: Date, default: null },
    escalationLevel: { type: Number, default: 0 },
    escalations: { type: [{ level: Number, at: Date, _id: false }], default: [] },
    level2At: { type: Date, default: null },
    replies: { type: [replySchema], default: [] },
    postponedReason: { type: String, default: null },
    authorKey: { type: String, default: null },
    contactEmail: { type: String, default: null },
    citizen: {
      confirmedAt: { type: Date, default: null },
      reopenedAt: { type: Date, default: null },
      reopenReason: { type: String, default: null },
    },
    owner: { type: String, default: null },
    dueAt: { type: Date, default: null },
  },
  { timestamps: true },
);
caseSchema.index({ uppId: 1, status: 1, deadline: 1 });
caseSchema.index({ inputId: 1 });
caseSchema.index({ agencyId: 1, receivedAt: -1 });
caseSchema.index({ status: 1, deadline: 1 });

export type CaseDoc = HydratedDocument<CaseFields>;
export const CaseModel = mongoose.model<CaseFields>('Case', caseSchema);
