/**
 * Model files: versioned JSON (weights as base64 int8 with per-row scales), gzip-compressed on
 * disk. The shipped model is server/routing/model/current.json.gz; the one it replaced is kept
 * as previous.json.gz for roll-back.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { LinearModel } from './linear';
import { FORMAT_VERSION, NORMALIZER_VERSION, type Model } from './model';

export const FORMAT = 'forum-publik/routing-model';
export const DEFAULT_MODEL_PATH = fileURLToPath(
  new URL('../model/current.json.gz', import.meta.url),
);
export const PREVIOUS_MODEL_PATH = fileURLToPath(
  new URL('../model/previous.json.gz', import.meta.url),
);

const b64 = (a: ArrayBufferView) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function fromB64<T>(s: string, make: (buf: ArrayBuffer) => T): T {
  const buf = Buffer.from(s, 'base64');
  const copy = new ArrayBuffer(buf.byteLength);
  new Uint8Array(copy).set(buf);
  return make(copy);
}

const LinearSchema = z.object({
  classes: z.array(z.string()).min(1),
  buckets: z.number().int().positive(),
  bias: z.array(z.number()),
  l1Coef: z.array(z.number()),
  keys: z.string(),
  scales: z.string(),
  q: z.string(),
});
type LinearJson = z.infer<typeof LinearSchema>;

const EvalSchema = z.object({
  n: z.number(),
  accuracy: z.number(),
  macroF1: z.number(),
  ece: z.number(),
  coverage: z.object({ threshold: z.number(), coverage: z.number(), accuracy: z.number() }),
  serviceAccuracy: z.number().optional(),
});

const RealEvalSchema = EvalSchema.extend({
  source: z.string(),
  reliability: z.array(
    z.object({ from: z.number(), n: z.number(), confidence: z.number(), accuracy: z.number() }),
  ),
});

const ModelSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  meta: z.object({
    versionId: z.string(),
    createdAt: z.string(),
    algorithm: z.enum(['logreg', 'cnb']),
    normalizer: z.string(),
    corpusSize: z.number(),
    corpusBySector: z.record(z.string(), z.number()),
    threshold: z.number(),
    thresholdSource: z.enum(['corrections', 'authored', 'default']).optional(),
    targetAccuracy: z.number().optional(),
    evaluation: EvalSchema.nullable(),
    realEvaluation: RealEvalSchema.nullable().optional(),
    correctionsUsed: z.number().optional(),
    baseVersionId: z.string().nullable().optional(),
  }),
  features: z.object({
    buckets: z.number().int().positive(),
    charMin: z.number().int(),
    charMax: z.number().int(),
    wordWeight: z.number(),
    bigramWeight: z.number(),
    charWeight: z.number(),
  }),
  temperature: z.number().positive(),
  sector: LinearSchema,
  services: z.record(z.string(), LinearSchema),
});

function linearToJson(m: LinearModel): LinearJson {
  return {
    classes: m.classes,
    buckets: m.buckets,
    bias: m.bias,
    l1Coef: m.l1Coef,
    keys: b64(m.keys),
    scales: b64(m.scales),
    q: b64(m.q),
  };
}

function linearFromJson(j: LinearJson): LinearModel {
  const k = j.classes.length;
  const keys = fromB64(j.keys, (b) => new Int32Array(b));
  const scales = fromB64(j.scales, (b) => new Float32Array(b));
  const q = fromB64(j.q, (b) => new Int8Array(b));
  if (scales.length !== keys.length || q.length !== keys.length * k) {
    throw new Error('routing model: weight arrays have inconsistent sizes');
  }
  if (j.bias.length !== k || j.l1Coef.length !== k) {
    throw new Error('routing model: bias size does not match classes');
  }
  return { ...j, keys, scales, q };
}

/** Model -> JSON text. */
export function serialize(model: Model): string {
  const services: Record<string, LinearJson> = {};
  for (const [s, m] of Object.entries(model.services)) services[s] = linearToJson(m);
  return JSON.stringify({
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    meta: model.meta,
    features: model.features,
    temperature: model.temperature,
    sector: linearToJson(model.sector),
    services,
  });
}

/** JSON text, or its gzip bytes -> Model. Throws on an unknown format or version. */
export function deserialize(data: string | Uint8Array): Model {
  let text: string;
  if (typeof data === 'string') text = data;
  else if (data[0] === 0x1f && data[1] === 0x8b) text = gunzipSync(data).toString('utf8');
  else text = Buffer.from(data).toString('utf8');
  const j = ModelSchema.parse(JSON.parse(text));
  if (j.meta.normalizer !== NORMALIZER_VERSION) {
    throw new Error(
      `routing model was built with normalizer ${j.meta.normalizer}, this code has ` +
        `${NORMALIZER_VERSION}: retrain with npm run train:routing`,
    );
  }
  const services: Record<string, LinearModel> = {};
  for (const [s, m] of Object.entries(j.services)) services[s] = linearFromJson(m);
  return {
    meta: j.meta,
    features: j.features,
    temperature: j.temperature,
    sector: linearFromJson(j.sector),
    services,
  };
}

/** Load a model file (gzip or plain JSON). Default: ROUTING_MODEL_PATH or the shipped model. */
export function loadModel(path?: string): Model {
  const p = path ?? process.env['ROUTING_MODEL_PATH'] ?? DEFAULT_MODEL_PATH;
  if (!existsSync(p)) {
    throw new Error(`routing model not found at ${p}: run npm run train:routing`);
  }
  return deserialize(readFileSync(p));
}

/** Write a model (gzip). When replacing the shipped model the old one becomes previous.json.gz. */
export function saveModel(model: Model, path = DEFAULT_MODEL_PATH): number {
  mkdirSync(dirname(path), { recursive: true });
  if (path === DEFAULT_MODEL_PATH && existsSync(path)) renameSync(path, PREVIOUS_MODEL_PATH);
  const gz = gzipSync(serialize(model), { level: 9 });
  writeFileSync(path, gz);
  return gz.byteLength;
}
