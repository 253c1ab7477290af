import mongoose, { Schema, type HydratedDocument, type Types } from 'mongoose';
import {
  INPUT_KINDS,
  INPUT_STATUSES,
  REJECT_REASONS,
  type InputKind,
  type InputStatus,
  type RejectReason,
} from '../../shared/domain/forum';
/** Routing fields stored on an input (see server/routing; `RoutingResult` in server/context.ts). */
export interface StoredRouting {
  sector: string | null;
  serviceCode: string | null;
  uppId: Types.ObjectId | null;
  confidence: number;
  triage: boolean;
  source: 'model' | 'manual';
  modelVersion: string | null;
  topSectors: { sector: string; score: number }[];
  topTerms: { term: string; weight: number }[];
  routedAt: Date;
  deadline: Date | null;
}

export interface InputFields {
  forumId: Types.ObjectId;
  text: string;
  originalText: string | null;
  kind: InputKind;
  serviceCode: string | null;
  displayName: string;
  authorKey: string;
  idempotencyKey: string;
  contactEmail: string | null;
  status: InputStatus;
  rejectReason: RejectReason | null;
  rejectNote: string;
  votes: number;
  pinned: boolean;
  answered: { note: string; at: Date } | null;
  mergedInto: Types.ObjectId | null;
  edited: boolean;
  seq: number;
  routing: StoredRouting | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}
import { SECTORS } from '../../shared/domain/sectors';

const routingSchema = new Schema<StoredRouting>(
  {
    sector: { type: String, enum: [...SECTORS, null], default: null },
    serviceCode: { type: String, default: null },
    uppId: { type: Schema.Types.ObjectId, ref: 'Upp', default: null },
    confidence: { type: Number, default: 0 },
    triage: { type: Boolean, default: false },
    source: { type: String, enum: ['model', 'manual'], default: 'model' },
    modelVersion: { type: String, default: null },
    topSectors: { type: [{ sector: String, score: Number, _id: false }], default: [] },
    topTerms: { type: [{ term: String, weight: Number, _id: false }], default: [] },
    routedAt: { type: Date, default: null },
    deadline: { type: Date, default: null },
  },
  { _id: false },
);

const inputSchema = new Schema<InputFields>(
  {
    forumId: { type: Schema.Types.ObjectId, ref: 'Forum', required: true },
    text: { type: String, required: true },
    /** The text as submitted, kept when a moderator edits for privacy (audit). */
    originalText: { type: String, default: null },
    kind: { type: String, enum: INPUT_KINDS, required: true },
    serviceCode: { type: String, default: null },
    displayName: { type: String, default: '' },
    /** `u:<userId>` or `p:<participantId>`: who wrote it. Never shown publicly. */
    authorKey: { type: String, required: true },
    idempotencyKey: { type: String, required: true },
    contactEmail: { type: String, default: null },
    status: { type: String, enum: INPUT_STATUSES, required: true },
    rejectReason: { type: String, enum: [...REJECT_REASONS, null], default: null },
    rejectNote: { type: String, default: '' },
    votes: { type: Number, default: 0 },
    pinned: { type: Boolean, default: false },
    answered: {
      type: new Schema({ note: String, at: Date }, { _id: false }),
      default: null,
    },
    mergedInto: { type: Schema.Types.ObjectId, default: null },
    edited: { type: Boolean, default: false },
    seq: { type: Number, default: 0 },
    routing: { type: routingSchema, default: null },
    publishedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
inputSchema.index({ idempotencyKey: 1 }, { unique: true });
inputSchema.index({ forumId: 1, status: 1, votes: -1 });
inputSchema.index({ forumId: 1, authorKey: 1 });
inputSchema.index({ 'routing.uppId': 1, 'routing.deadline': 1 });
inputSchema.index({ 'routing.triage': 1 });

export type InputDoc = HydratedDocument<InputFields>;
export const InputModel = mongoose.model<InputFields>('Input', inputSchema);
