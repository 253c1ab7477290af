import { z } from 'zod';
import { SECTORS } from '../domain/sectors';
import { ObjectIdString } from './common';
import { Input } from './input';

export const SectorScore = z.object({ sector: z.enum(SECTORS), score: z.number() });
export const TermWeight = z.object({ term: z.string(), weight: z.number() });

/** POST /api/routing/classify (staff) */
export const ClassifyBody = z.strictObject({
  text: z.string().trim().min(1).max(20_000),
  /** Forum whose host and region narrow the candidate UPPs. */
  forumId: ObjectIdString.optional(),
});
export type ClassifyBody = z.infer<typeof ClassifyBody>;

export const UppCandidate = z.object({ id: z.string(), name: z.string(), region: z.string() });

export const ClassifyResponse = z.object({
  sector: z.enum(SECTORS),
  serviceCode: z.string().nullable(),
  serviceName: z.string().nullable(),
  confidence: z.number(),
  /** Whether this confidence would be routed automatically. */
  autoRouted: z.boolean(),
  threshold: z.number(),
  topSectors: z.array(SectorScore),
  topTerms: z.array(TermWeight),
  candidateUpps: z.array(UppCandidate),
  modelVersion: z.string(),
});
export type ClassifyResponse = z.infer<typeof ClassifyResponse>;

/** An input waiting in (or explained for) routing, with why it was routed so. */
export const RoutedInput = Input.extend({
  forumTitle: z.string(),
  topSectors: z.array(SectorScore),
  topTerms: z.array(TermWeight),
});
export type RoutedInput = z.infer<typeof RoutedInput>;

/** POST /api/inputs/:id/route: route by hand (from triage) or re-route. Stored as a correction. */
export const RouteBody = z.strictObject({
  sector: z.enum(SECTORS),
  serviceCode: z
    .string()
    .regex(/^[A-Z]{3}-\d{4}-\d{2}$/)
    .nullable(),
  uppId: ObjectIdString,
  /** Why (shown in the audit log). */
  reason: z.string().trim().max(500).default(''),
});
export type RouteBody = z.infer<typeof RouteBody>;

/** GET /api/routing/triage: uncertainty first (each routing teaches the model most), or oldest. */
export const TriageQuery = z.strictObject({
  order: z.enum(['uncertain', 'oldest']).default('uncertain'),
});
export type TriageQuery = z.infer<typeof TriageQuery>;

export const Correction = z.object({
  id: z.string(),
  inputId: z.string(),
  text: z.string(),
  from: z.object({
    sector: z.string().nullable(),
    serviceCode: z.string().nullable(),
    uppId: z.string().nullable(),
    /** The model's confidence in `sector` when it routed the input (null: not recorded). */
    confidence: z.number().nullable().optional(),
    /** The model version that routed it. */
    modelVersion: z.string().nullable().optional(),
  }),
  to: z.object({
    sector: z.string(),
    serviceCode: z.string().nullable(),
    uppId: z.string().nullable(),
  }),
  reason: z.string(),
  kind: z.enum(['triage', 'reroute', 'not_our_authority']),
  actorRole: z.string(),
  at: z.string(),
});
export type Correction = z.infer<typeof Correction>;

/** How often the model was right when it said a confidence in [from, from + 0.1). */
export const ReliabilityBin = z.object({
  from: z.number(),
  n: z.number().int(),
  /** Mean confidence in the bucket. */
  confidence: z.number(),
  accuracy: z.number(),
});
export type ReliabilityBin = z.infer<typeof ReliabilityBin>;

/** Accuracy and calibration of a model on labelled texts. */
export const ModelScores = z.object({
  /** Number of labelled texts. */
  n: z.number().int(),
  accuracy: z.number(),
  /** Expected calibration error (10 buckets). */
  ece: z.number(),
  reliability: z.array(ReliabilityBin),
});
export type ModelScores = z.infer<typeof ModelScores>;

export const ModelVersion = z.object({
  versionId: z.string(),
  source: z.enum(['shipped', 'trained']),
  active: z.boolean(),
  corpusSize: z.number().int(),
  correctionsUsed: z.number().int(),
  evaluation: z
    .object({
      accuracy: z.number(),
      macroF1: z.number(),
      coverage: z.number(),
      coveredAccuracy: z.number(),
      threshold: z.number(),
      /**
       * What the scores were measured on: `corrections` held out from training (real labels),
       * `authored` (20% of the corpus) or `realistic:<file>` (realistic texts, shipped model).
       */
      scoredOn: z.string().optional(),
      n: z.number().int().optional(),
      ece: z.number().optional(),
      reliability: z.array(ReliabilityBin).optional(),
      /** Where the threshold came from: real labels, the authored split, or a default. */
      thresholdSource: z.enum(['corrections', 'authored', 'default']).optional(),
    })
    .nullable(),
  /**
   * Live scores on the corrections of inputs this version routed: how often its sector was the
   * one a person chose, and how well its confidence matched (null: none yet).
   */
  live: ModelScores.nullable(),
  createdAt: z.string(),
  activatedAt: z.string().nullable(),
});
export type ModelVersion = z.infer<typeof ModelVersion>;

/** State of the (single) training job, polled while it runs. */
export const TrainingStatus = z.object({
  state: z.enum(['idle', 'running', 'done', 'failed']),
  /** 0..100 */
  progress: z.number(),
  message: z.string(),
  startedAt: z.string().nullable(),
  versionId: z.string().nullable(),
});
export type TrainingStatus = z.infer<typeof TrainingStatus>;
