import mongoose, { Schema, type HydratedDocument, type Types } from 'mongoose';
import { SECTORS } from '../../shared/domain/sectors';
import type { ModelVersion } from '../../shared/schemas/routing';

/** A manual route or re-route: kept for audit and used as training data by the next model. */
export interface CorrectionFields {
  inputId: Types.ObjectId;
  text: string;
  /** Where the input was routed before, and the model's confidence and version when it did. */
  from: {
    sector: string | null;
    serviceCode: string | null;
    uppId: Types.ObjectId | null;
    confidence?: number | null;
    modelVersion?: string | null;
  };
  to: { sector: string; serviceCode: string | null; uppId: Types.ObjectId | null };
  reason: string;
  /** `triage`, `reroute` (staff), or `not_our_authority` (UPP inbox). */
  kind: 'triage' | 'reroute' | 'not_our_authority';
  actorId: Types.ObjectId;
  actorRole: string;
  createdAt: Date;
}

const place = { sector: String, serviceCode: String, uppId: Schema.Types.ObjectId };
const correctionSchema = new Schema<CorrectionFields>(
  {
    inputId: { type: Schema.Types.ObjectId, required: true },
    text: { type: String, required: true },
    from: {
      type: new Schema({ ...place, confidence: Number, modelVersion: String }, { _id: false }),
      required: true,
    },
    to: {
      type: new Schema({ ...place, sector: { type: String, enum: SECTORS } }, { _id: false }),
      required: true,
    },
    reason: { type: String, default: '' },
    kind: { type: String, enum: ['triage', 'reroute', 'not_our_authority'], required: true },
    actorId: { type: Schema.Types.ObjectId, required: true },
    actorRole: { type: String, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
correctionSchema.index({ createdAt: -1 });
correctionSchema.index({ inputId: 1 });
correctionSchema.index({ 'from.modelVersion': 1, createdAt: -1 });
export type CorrectionDoc = HydratedDocument<CorrectionFields>;
export const CorrectionModel = mongoose.model<CorrectionFields>(
  'RoutingCorrection',
  correctionSchema,
);

/** A trained routing model: its file, its evaluation scores, and whether it is the active one. */
export interface ModelVersionFields {
  versionId: string;
  file: string;
  source: 'shipped' | 'trained';
  active: boolean;
  corpusSize: number;
  correctionsUsed: number;
  /** See ModelVersion.evaluation in shared/schemas/routing.ts. */
  evaluation: ModelVersion['evaluation'];
  createdBy: Types.ObjectId | null;
  activatedAt: Date | null;
  createdAt: Date;
}

const versionSchema = new Schema<ModelVersionFields>(
  {
    versionId: { type: String, required: true },
    file: { type: String, required: true },
    source: { type: String, enum: ['shipped', 'trained'], required: true },
    active: { type: Boolean, default: false },
    corpusSize: { type: Number, default: 0 },
    correctionsUsed: { type: Number, default: 0 },
    evaluation: { type: Schema.Types.Mixed, default: null },
    createdBy: { type: Schema.Types.ObjectId, default: null },
    activatedAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
versionSchema.index({ versionId: 1 }, { unique: true });
export const ModelVersionModel = mongoose.model<ModelVersionFields>('RoutingModel', versionSchema);
