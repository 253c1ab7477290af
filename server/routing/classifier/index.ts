/**
 * Complaint routing classifier: text -> sector -> service code, with calibrated confidence.
 *
 *   const model = loadModel();                 // server/routing/model/current.json.gz
 *   const r = classify(model, text);           // { sector, serviceCode, confidence, ... }
 *   if (r.confidence >= model.meta.threshold) autoRoute(r); else manualTriage(r);
 *
 * See docs/ROUTING.md for how the model works and how to retrain or roll back.
 */
export { classify, type ClassifyOptions, type ClassifyResult, type SectorScore } from './predict';
export type { TermWeight } from './predict';
export {
  DEFAULT_ALGORITHM,
  DEFAULT_THRESHOLD,
  train,
  type Algorithm,
  type Model,
  type ModelMeta,
  type TrainOptions,
} from './model';
export { deserialize, DEFAULT_MODEL_PATH, loadModel, saveModel, serialize } from './io';
export { loadCorpus, type Example } from './corpus';
export type { EvalSummary } from './metrics';
export { normalize } from './normalize';
