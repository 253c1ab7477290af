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

export const Correction = z.object({
  id: z.string(),
  inputId: z.string(),
  text: z.string(),
  from: z.object({
    sector: z.string().nullable(),
    serviceCode: z.string().nullable(),
    uppId: z.string().nullable(),
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
    })
    .nullable(),
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
