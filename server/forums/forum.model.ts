import mongoose, { Schema, type HydratedDocument, type Types } from 'mongoose';
import {
  FORUM_STATUSES,
  FORUM_TYPES,
  INPUT_KINDS,
  type ForumStatus,
  type ForumType,
  type InputKind,
} from '../../shared/domain/forum';

export interface ForumFields {
  code: string;
  title: string;
  description: string;
  agenda: string[];
  type: ForumType;
  status: ForumStatus;
  location: string;
  hostUppId: Types.ObjectId;
  coHostUppIds: Types.ObjectId[];
  agencyId: Types.ObjectId;
  region: string;
  schedule: { opensAt: Date; liveStartAt: Date | null; liveEndAt: Date | null; closesAt: Date };
  settings: {
    moderation: 'pre' | 'post';
    allowAnonymous: boolean;
    voting: boolean;
    maxInputLength: number;
    kinds: InputKind[];
    slowModeSeconds: number;
    voteRequiresAccount: boolean;
  };
  counts: { published: number; pending: number; participants: number; votes: number };
  spotlightInputId: Types.ObjectId | null;
  seq: number;
  createdBy?: Types.ObjectId;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const forumSchema = new Schema<ForumFields>(
  {
    code: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    agenda: { type: [String], default: [] },
    type: { type: String, enum: FORUM_TYPES, required: true },
    status: { type: String, enum: FORUM_STATUSES, required: true, default: 'draft' },
    location: { type: String, default: '' },
    hostUppId: { type: Schema.Types.ObjectId, ref: 'Upp', required: true },
    coHostUppIds: { type: [Schema.Types.ObjectId], default: [] },
    agencyId: { type: Schema.Types.ObjectId, ref: 'Agency', required: true },
    region: { type: String, default: '' },
    schedule: {
      opensAt: { type: Date, required: true },
      liveStartAt: { type: Date, default: null },
      liveEndAt: { type: Date, default: null },
      closesAt: { type: Date, required: true },
    },
    settings: {
      moderation: { type: String, enum: ['pre', 'post'], default: 'pre' },
      allowAnonymous: { type: Boolean, default: true },
      voting: { type: Boolean, default: true },
      maxInputLength: { type: Number, default: 1000 },
      kinds: { type: [String], enum: INPUT_KINDS, default: [...INPUT_KINDS] },
      slowModeSeconds: { type: Number, default: 0, min: 0, max: 600 },
      voteRequiresAccount: { type: Boolean, default: false },
    },
    /** Counters kept with $inc. */
    counts: {
      published: { type: Number, default: 0 },
      pending: { type: Number, default: 0 },
      participants: { type: Number, default: 0 },
      votes: { type: Number, default: 0 },
    },
    spotlightInputId: { type: Schema.Types.ObjectId, default: null },
    /** Change sequence: bumped with $inc on every change of the forum or its inputs. */
    seq: { type: Number, default: 0 },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
    closedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
forumSchema.index({ code: 1 }, { unique: true });
forumSchema.index({ status: 1, 'schedule.opensAt': -1 });
forumSchema.index({ hostUppId: 1 });

export type ForumDoc = HydratedDocument<ForumFields>;
export const ForumModel = mongoose.model<ForumFields>('Forum', forumSchema);
