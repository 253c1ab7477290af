import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { LIFE_STAGES, SECTORS } from '../../shared/domain/sectors';

/** A catalog service with its standar pelayanan (see shared/schemas/catalog.ts). */
const serviceSchema = new Schema(
  {
    code: { type: String, required: true },
    name: { type: String, required: true },
    stage: { type: String, enum: LIFE_STAGES, required: true },
    sector: { type: String, enum: SECTORS, required: true },
    ralCode: { type: String, default: null },
    ralName: { type: String, default: null },
    uppType: { type: String, required: true },
    governmentLevel: { type: String, required: true },
    keywords: { type: [String], default: [] },
    standard: {
      requirements: { type: [String], default: [] },
      procedure: { type: [String], default: [] },
      completionTime: { type: String, default: '' },
      fee: { type: String, default: '' },
      product: { type: String, default: '' },
      complaintHandling: { type: String, default: '' },
      responseTime: {
        type: new Schema(
          { value: Number, unit: { type: String, enum: ['working_days', 'hours'] } },
          { _id: false },
        ),
        default: null,
      },
    },
  },
  { timestamps: true },
);
serviceSchema.index({ code: 1 }, { unique: true });
serviceSchema.index({ sector: 1 });

export type ServiceFields = InferSchemaType<typeof serviceSchema>;
export type ServiceDoc = HydratedDocument<ServiceFields>;
export const ServiceModel = mongoose.model('Service', serviceSchema);
